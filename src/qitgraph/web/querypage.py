"""The query page for browsers: a form with the named queries as examples, the answer as a table
whose IRIs link to their pages here, download links in every format, and a syntax error shown at
its line and column (``static/query.js`` puts the cursor there)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import Request, Response

from qitgraph.errors import QitgraphError
from qitgraph.namedqueries import list_named_queries
from qitgraph.store import CheckedQuery, Dataset
from qitgraph.store.base import UNION_DATASET
from qitgraph.store.formats import RDF_FORMATS, RESULT_FORMATS, family_formats
from qitgraph.store.results import Answer, term_json
from qitgraph.web.cells import cell
from qitgraph.web.responses import error_payload
from qitgraph.web.state import AppState

DEFAULT_QUERY = """PREFIX qit: <https://w3id.org/qitgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?group ?label WHERE {
  ?group a qit:Group ; rdfs:label ?label .
} ORDER BY ?label
LIMIT 50
"""


def download_links(query: str, family: str, dataset: Dataset = UNION_DATASET) -> list[tuple[str, str]]:
    """A /sparql URL per format of the answer, keeping the request's dataset."""
    graphs = [("default-graph-uri", g) for g in dataset.default_graph or ()]
    graphs += [("named-graph-uri", g) for g in dataset.named_graphs or ()]
    return [(f.name, "/sparql?" + urlencode([("query", query), *graphs, ("format", f.name)]))
            for f in family_formats(family)]


async def query_page(request: Request, state: AppState, query: str, checked: CheckedQuery | None,
                     dataset: Dataset = UNION_DATASET, *, error: QitgraphError | None = None) -> Response:
    """The query form, with the answer as a table (or the error at its place) when a query ran."""
    examples = list_named_queries()
    context: dict[str, object] = {
        "query": query, "examples": examples, "settings": state.settings, "default_query": DEFAULT_QUERY,
        "examples_json": json.dumps({q.name: q.text for q in examples}).replace("</", "<\\/")}
    if error is not None:
        context["error"] = error_payload(error)
    if checked is not None:
        try:
            fmt = RESULT_FORMATS[0] if checked.family == "results" else RDF_FORMATS[1]
            answer = await state.run(checked, fmt, dataset, base_iri=str(request.url_for("sparql")))
        except QitgraphError as e:
            context["error"] = error_payload(e)
        else:
            context.update(_table(state, answer))
            context["downloads"] = download_links(query, checked.family, dataset)
    status = 400 if "error" in context else 200
    return state.templates.TemplateResponse(request, "query.html", context, status_code=status,
                                            headers={"Vary": "Accept"})


def _table(state: AppState, answer: Answer) -> dict[str, object]:
    if answer.format.family == "results":
        doc = json.loads(answer.body)
        if "boolean" in doc:
            return {"boolean": doc["boolean"]}
        columns = doc["head"]["vars"]
        rows = [[cell(b.get(c), state.links) for c in columns] for b in doc["results"]["bindings"]]
    else:
        columns = ["subject", "predicate", "object"]
        rows = []
        for t in ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES):
            terms = [t.subject, t.predicate, t.object]
            rows.append([cell(term_json(x), state.links) for x in terms])
    return {"columns": columns, "rows": rows, "truncated": answer.truncated, "count": answer.count}

