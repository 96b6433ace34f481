"""``/``: what the graph holds (counts by class, body and named graph, from the same queries as
``qitgraph stats``) and how to use it; ``/-/health`` for operations."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from qitgraph.namedqueries import list_named_queries
from qitgraph.web.state import State

router = APIRouter()


@router.get("/", include_in_schema=False)
async def home_page(request: Request, state: State) -> Response:
    stats = await run_in_threadpool(state.stats)
    return state.templates.TemplateResponse(request, "home.html", {
        "stats": stats, "settings": state.settings, "queries": list_named_queries(),
        "base": str(request.base_url).rstrip("/")})


@router.get("/-/health", tags=["operations"], summary="Liveness and store status")
def health(state: State) -> JSONResponse:
    """``ok`` while the store answers; the worker counts show a pool that lost processes."""
    status = state.store.status()
    alive = status.get("workers_alive", 1)
    ok = alive > 0
    return JSONResponse({"status": "ok" if ok else "degraded", "store": status},
                        status_code=200 if ok else 503)
