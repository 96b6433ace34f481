"""``/queries`` and ``/queries/{name}[.html|.json|.csv]``: the named queries of ``queries/*.rq``,
each at its own URL with its parameters in the query string (datasette's canned queries). A
parameter value becomes an RDF term of the declared kind and is bound with a ``VALUES`` block
(``qitgraph.namedqueries`` and ``qitgraph.sparqltext``): it is never pasted into the query."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from qitgraph.namedqueries import NamedQuery, describe, get_named_query, list_named_queries
from qitgraph.store.formats import HTML, RESULT_FORMATS, Format
from qitgraph.store.guard import bind
from qitgraph.store.results import Answer
from qitgraph.values import plain_json_value
from qitgraph.web.cells import cell
from qitgraph.web.conneg import negotiate
from qitgraph.web.querypage import download_links
from qitgraph.web.responses import alternates_header, answer_response
from qitgraph.web.state import AppState, State

router = APIRouter()
JSON_ROWS = Format("json", "application/json", "json", "rows")
QUERY_FORMATS = (HTML, JSON_ROWS, RESULT_FORMATS[2])  # html, json, csv


def plain(term: dict[str, str] | None) -> Any:
    """A SPARQL JSON term as a plain JSON value: integers as numbers, booleans as true/false,
    everything else as text."""
    return plain_json_value(term)


@router.get("/queries", tags=["named queries"], summary="The named queries and their parameters")
@router.get("/queries.{ext}", include_in_schema=False)
async def list_queries(request: Request, state: State, ext: str | None = None) -> Response:
    queries = list_named_queries()
    fmt = negotiate(request.headers.get("accept"), (HTML, JSON_ROWS),
                    explicit=ext or request.query_params.get("format"))
    if fmt is JSON_ROWS:
        return JSONResponse([{**describe(q), "url": f"/queries/{q.name}"} for q in queries],
                            headers={"Vary": "Accept"})
    return state.templates.TemplateResponse(request, "queries.html", {"queries": queries},
                                            headers={"Vary": "Accept"})


def _split(name: str) -> tuple[str, str | None]:
    stem, dot, ext = name.rpartition(".")
    return (stem, ext) if dot and ext in ("html", "json", "csv") else (name, None)


@router.get("/queries/{name}", tags=["named queries"], summary="Run a named query with bound parameters",
            responses={200: {"content": {"text/html": {}, "application/json": {}, "text/csv": {}}}})
async def run_query(name: str, request: Request, state: State) -> Response:
    """Parameters are the query string's; ``.json``, ``.csv``, ``.html`` or ``?format=`` choose the format."""
    name, ext = _split(name)
    query = get_named_query(name)
    values = {k: v for k, v in request.query_params.items() if k != "format"}
    checked = bind(state.check(query.text), query.bindings(values))
    text = checked.text
    fmt = negotiate(request.headers.get("accept"), QUERY_FORMATS, explicit=ext or request.query_params.get("format"))
    link = alternates_header(f"/queries/{name}", [f for f in QUERY_FORMATS if f is not fmt])
    if fmt is QUERY_FORMATS[2]:
        answer = await state.run(checked, fmt)
        response = answer_response(answer, max_rows=state.settings.max_rows, filename=name)
    else:
        answer = await state.run(checked, RESULT_FORMATS[0])
        if fmt is JSON_ROWS:
            response = JSONResponse(_rows_json(query, values, answer), headers={"Vary": "Accept"})
        else:
            response = _page(request, state, query, values, text, answer)
    response.headers["Link"] = link
    response.headers["X-Qitgraph-Truncated"] = "true" if answer.truncated else "false"
    return response


def _rows_json(query: NamedQuery, values: dict[str, str], answer: Answer) -> dict[str, Any]:
    doc = json.loads(answer.body)
    columns = doc["head"]["vars"]
    return {"query": query.name, "summary": query.summary,
            "parameters": {p.name: values.get(p.name, p.default) for p in query.parameters},
            "columns": columns, "rows": [{c: plain(b.get(c)) for c in columns} for b in doc["results"]["bindings"]],
            "truncated": answer.truncated}


def _page(request: Request, state: AppState, query: NamedQuery, values: dict[str, str], text: str,
          answer: Answer) -> Response:
    doc = json.loads(answer.body)
    columns = doc["head"]["vars"]
    return state.templates.TemplateResponse(request, "named_query.html", {
        "q": query, "values": {p.name: values.get(p.name, p.default or "") for p in query.parameters},
        "columns": columns,
        "rows": [[cell(b.get(c), state.links) for c in columns] for b in doc["results"]["bindings"]],
        "truncated": answer.truncated, "count": answer.count, "settings": state.settings,
        "downloads": [(f, f"/queries/{query.name}.{f}?{request.url.query}".rstrip("?")) for f in ("json", "csv")],
        "sparql_downloads": download_links(text, "results")}, headers={"Vary": "Accept"})
