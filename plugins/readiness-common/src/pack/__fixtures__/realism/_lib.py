GS = """  monitoring.latency: unknown — no metrics provider; the corpus is judged offline
  monitoring.traffic: unknown — no metrics provider; the corpus is judged offline
  monitoring.errors: unknown — no metrics provider; the corpus is judged offline
  monitoring.saturation: unknown — no metrics provider; the corpus is judged offline
"""
RUNTIME_IDS = ["logging.logs","runbook.runbook","monitoring.dashboard","monitoring.alerts","logging.error-tracking","tracing.instrumented","delivery.deploy","delivery.rollback","monitoring.latency","monitoring.traffic","monitoring.errors","monitoring.saturation","monitoring.positive","monitoring.slo","runbook.postmortems"]
def na(ids, why):
    return "".join(f"  {i}: not-applicable — {why}\n" for i in ids)
NA_RUNTIME_LIB = na(RUNTIME_IDS, "a library is not deployed or run")
