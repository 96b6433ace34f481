"""``/api/search``: JSON for tools that do not speak SPARQL (``qitgraph.store.search``), described
by the OpenAPI schema FastAPI generates at ``/openapi.json`` and shown at ``/docs``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from qitgraph.store.search import search
from qitgraph.web.state import State

router = APIRouter(prefix="/api", tags=["JSON API"])


class SearchHit(BaseModel):
    iri: str
    url: str
    label: str
    types: list[str]


class SearchAnswer(BaseModel):
    results: list[SearchHit]
    count: int
    truncated: bool


@router.get("/search", response_model=SearchAnswer, summary="Search resources by text and filters")
async def api_search(
    state: State,
    q: Annotated[str | None, Query(description="text in a label, title, name or identifier", max_length=200)] = None,
    body: Annotated[str | None, Query(description="standards body slug or IRI, e.g. itu-t, iso, etsi")] = None,
    group: Annotated[str | None, Query(description="group slug or IRI, e.g. itu-t-sg13")] = None,
    topic: Annotated[str | None, Query(description="topic slug or IRI (narrower topics count), e.g. qkd")] = None,
    status: Annotated[str | None, Query(description="status slug or IRI, e.g. consented, held")] = None,
    year: Annotated[str | None, Query(description="a year a date of the resource falls in, e.g. 2021")] = None,
    limit: Annotated[int | None, Query(ge=1, description="most results (default and maximum: search_limit)")] = None,
) -> SearchAnswer:
    """Every filter given must match; each result links its IRI and the local page answering it."""
    size = min(limit or state.settings.search_limit, state.settings.search_limit)
    values = {"q": q, "body": body, "group": group, "topic": topic, "status": status, "year": year}
    hits, more = await run_in_threadpool(search, state.store, state.check, values,
                                         public_base=state.settings.public_base, limit=size)
    return SearchAnswer(results=[SearchHit(iri=h.iri, url=state.links.href(h.iri), label=h.label, types=h.types)
                                 for h in hits], count=len(hits), truncated=more)
