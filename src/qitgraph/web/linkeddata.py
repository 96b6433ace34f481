"""``/id/{kind}/{slug}[.ext]``: every resource IRI of the data dereferences here, by content
negotiation or by extension (W3C "Cool URIs for the Semantic Web", the 303-free variant with
content negotiation): Turtle, JSON-LD, N-Triples or RDF/XML for tools, HTML for people, each
answer with ``Link: rel="alternate"`` headers to the others, and 404 for an IRI the graph does
not mention as a subject."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from qitgraph.errors import NotFound
from qitgraph.store.describe import describe, resource_page
from qitgraph.store.formats import HTML, RDF_FORMATS, Format, by_name
from qitgraph.web.cells import cell
from qitgraph.web.conneg import negotiate
from qitgraph.web.responses import alternates_header, answer_response
from qitgraph.web.state import AppState, State

router = APIRouter()
RESOURCE_FORMATS: tuple[Format, ...] = (*(f for f in RDF_FORMATS if f.name in ("ttl", "jsonld", "nt", "rdfxml")),
                                        HTML)
_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_~-]*$")


def split_extension(slug: str) -> tuple[str, str | None]:
    """``itu-t-sg13.ttl`` -> (``itu-t-sg13``, ``ttl``); unknown extensions stay in the slug."""
    stem, dot, ext = slug.rpartition(".")
    if dot and by_name(ext) in RESOURCE_FORMATS:
        return stem, ext
    return slug, None


@router.get("/id/{kind}/{slug}", tags=["linked data"], summary="A resource, by content negotiation",
            responses={200: {"content": {f.media_type: {} for f in RESOURCE_FORMATS}}, 404: {}})
async def resource(kind: str, slug: str, request: Request, state: State) -> Response:
    """HTML for browsers; Turtle, JSON-LD, N-Triples, RDF/XML by ``Accept``, extension or ``?format=``."""
    slug, ext = split_extension(slug)
    if not _PART.match(kind) or not _PART.match(slug):
        raise NotFound(f"no resource /id/{kind}/{slug}", hint="resource paths are /id/{kind}/{slug}")
    path = f"/id/{kind}/{slug}"
    return await represent(request, state, state.links.iri_for_path(path), path,
                           ext or request.query_params.get("format"))


async def represent(request: Request, state: AppState, iri: str, path: str, explicit: str | None) -> Response:
    fmt = negotiate(request.headers.get("accept"), RESOURCE_FORMATS, explicit=explicit)
    link = alternates_header(path, [f for f in RESOURCE_FORMATS if f is not fmt])
    if fmt is HTML:
        page = await run_in_threadpool(resource_page, state.store, state.check, iri)
        if page is None:
            raise NotFound(f"nothing is known about <{iri}>", hint="check the IRI, or search at /api/search")
        context = {"page": page, "path": path, "formats": RESOURCE_FORMATS[:-1],
                   "cell": lambda term: cell(term, state.links), "settings": state.settings}
        return state.templates.TemplateResponse(request, "resource.html", context,
                                                headers={"Vary": "Accept", "Link": link})
    answer = await run_in_threadpool(describe, state.store, state.check, iri, fmt)
    if answer.count == 0:
        raise NotFound(f"nothing is known about <{iri}>", hint="check the IRI, or search at /api/search")
    response = answer_response(answer, max_rows=state.settings.max_rows)
    response.headers["Link"] = link
    return response
