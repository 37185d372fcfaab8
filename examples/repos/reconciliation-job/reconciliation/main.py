import os

import sentry_sdk
import structlog

log = structlog.get_logger()


def run() -> None:
    sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"), environment=os.environ.get("ENV", "dev"))
    log.info("reconciliation.started", statement_date=os.environ.get("STATEMENT_DATE"))
    # fetch bank statements from S3, match against ledger entries, report breaks (omitted)
    log.info("reconciliation.finished", breaks=0)


if __name__ == "__main__":
    run()
