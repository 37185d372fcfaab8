import os

import sentry_sdk
import structlog
from fastapi import FastAPI
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from prometheus_fastapi_instrumentator import Instrumentator

sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"))
log = structlog.get_logger()

app = FastAPI(title="search-api")
FastAPIInstrumentor.instrument_app(app)
Instrumentator().instrument(app).expose(app)


@app.get("/search")
def search(q: str, page: int = 1) -> dict:
    log.info("search", q_len=len(q), page=page)
    return {"query": q, "page": page, "hits": []}
