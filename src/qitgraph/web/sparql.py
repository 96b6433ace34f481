"""``/sparql``: the SPARQL 1.1 Protocol query operation (W3C SPARQL 1.1 Protocol, 2.1), the
service description on a bare GET asking for RDF, and the query page (``querypage.py``) for
browsers: a bare GET asking for HTML, or a query asking for HTML (the query stays in the URL)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from qitgraph.errors import QitgraphError
from qitgraph.store.formats import HTML, RDF_FORMATS, family_formats
from qitgraph.web.conneg import negotiate
from qitgraph.web.protocol import read_query_request
from qitgraph.web.querypage import query_page
from qitgraph.web.responses import answer_response, wants_html
from qitgraph.web.servicedesc import service_description
from qitgraph.web.state import State

router = APIRouter()


@router.api_route("/sparql", methods=["GET", "POST"], include_in_schema=False)
async def sparql(request: Request, state: State) -> Response:
    req = await read_query_request(request, state.settings.max_body_bytes)
    accept = request.headers.get("accept")
    if req.query is None:
        fmt = negotiate(accept, (*RDF_FORMATS, HTML), explicit=req.format)
        if fmt is HTML:
            return await query_page(request, state, "", None)
        endpoint = str(request.url_for("sparql"))
        graphs = [g["iri"] for g in state.stats()["by_graph"]]
        body = service_description(endpoint, graphs, fmt, [*family_formats("results"), *RDF_FORMATS])
        return Response(body, media_type=fmt.content_type, headers={"Vary": "Accept"})
    try:
        checked = state.check(req.query)
    except QitgraphError as e:
        if req.format == ("html",) or (not req.format and wants_html(request)):
            return await query_page(request, state, req.query, None, error=e)
        raise
    fmt = negotiate(accept, (*family_formats(checked.family), HTML), explicit=req.format)
    if fmt is HTML:
        return await query_page(request, state, req.query, checked, req.dataset)
    answer = await state.run(checked, fmt, req.dataset, base_iri=str(request.url_for("sparql")))
    return answer_response(answer, max_rows=state.settings.max_rows)
