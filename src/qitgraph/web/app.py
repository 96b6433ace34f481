"""The app factory: ``create_app(settings)`` opens the store the settings ask for, and mounts
every route module. Nothing is global: two apps with two settings objects live side by side
(the tests build one over the project's data and one over the W3C protocol test data)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline

from qitgraph import __version__
from qitgraph.errors import QitgraphError
from qitgraph.settings import Settings
from qitgraph.store import QueryChecker, QueryStore, open_store
from qitgraph.web import api, dumps, gapspage, home, linkeddata, ontologydocs, queries, sparql
from qitgraph.web.cells import short
from qitgraph.web.head import HeadAsGet
from qitgraph.web.links import LinkMapper
from qitgraph.web.responses import error_response
from qitgraph.web.state import TEMPLATES, AppState

DESCRIPTION = """A knowledge graph of quantum-technology standardization. The JSON API serves tools
that do not speak SPARQL; everything else is also at /sparql (SPARQL 1.1 Protocol)."""


def create_app(settings: Settings | None = None, *, store: QueryStore | None = None) -> FastAPI:
    """The web app over ``store`` (default: the one ``settings`` describe, opened now)."""
    settings = settings or Settings()
    store = store or open_store(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    # FastAPIOffline serves the OpenAPI page (/docs) with Swagger UI from the package, not a CDN.
    app = FastAPIOffline(title="qitgraph", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                         redoc_url=None)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.filters["short"] = short
    app.state.qitgraph = AppState(settings, store, QueryChecker(allow_service=settings.allow_service),
                                  templates, LinkMapper(settings.public_base))
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_credentials=False,
                       allow_methods=["GET", "POST", "HEAD", "OPTIONS"], allow_headers=["*"],
                       expose_headers=["X-Qitgraph-Truncated", "X-Qitgraph-Rows", "Link"])

    app.add_middleware(HeadAsGet)

    @app.exception_handler(QitgraphError)
    async def qitgraph_error(request: Request, exc: QitgraphError) -> Response:
        return error_response(request, exc)

    app.mount("/static", StaticFiles(directory=str(TEMPLATES.parent / "static")), name="static")
    for module in (home, sparql, linkeddata, ontologydocs, dumps, queries, gapspage, api):
        app.include_router(module.router)
    return app
