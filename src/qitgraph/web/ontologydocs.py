"""``/ontology``: the ontology as Turtle, JSON-LD, N-Triples or RDF/XML, as HTML documentation,
and ``/ontology/context.jsonld``, a JSON-LD ``@context`` for the vocabulary.

The HTML is generated here from the ontology's own labels and definitions (every term has
``rdfs:label`` and ``skos:definition``) rather than with pyLODE: it needs no further dependency,
shares the site's look and links, and is built from the same named graph the endpoint serves, so
it cannot drift from the data. Terms have anchors, so ``/ontology#Group`` lands on its entry.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from qitgraph.namespaces import GRAPH, ONTOLOGY_IRI, PREFIXES, sparql_prologue
from qitgraph.store.formats import HTML
from qitgraph.web.cells import cell
from qitgraph.web.conneg import negotiate
from qitgraph.web.linkeddata import RESOURCE_FORMATS
from qitgraph.web.responses import alternates_header, answer_response
from qitgraph.web.state import AppState, State

router = APIRouter()
ONTOLOGY_GRAPH = str(GRAPH["ontology"])
ONTOLOGY_TRIPLES = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"
TERMS = sparql_prologue() + f"""
SELECT ?term ?kind (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?definition)
       (GROUP_CONCAT(DISTINCT STR(?super); separator=" ") AS ?supers)
       (GROUP_CONCAT(DISTINCT STR(?dom); separator=" ") AS ?domains)
       (GROUP_CONCAT(DISTINCT STR(?rng); separator=" ") AS ?ranges) WHERE {{
  GRAPH <{ONTOLOGY_GRAPH}> {{
    ?term a ?kind . FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty))
    FILTER(STRSTARTS(STR(?term), "{PREFIXES['qit']}"))
    OPTIONAL {{ ?term rdfs:label ?l }} OPTIONAL {{ ?term skos:definition ?d }}
    OPTIONAL {{ ?term rdfs:subClassOf|rdfs:subPropertyOf ?super . FILTER(isIRI(?super)) }}
    OPTIONAL {{ ?term rdfs:domain ?dom . FILTER(isIRI(?dom)) }}
    OPTIONAL {{ ?term rdfs:range ?rng . FILTER(isIRI(?rng)) }}
  }}
}} GROUP BY ?term ?kind ORDER BY ?kind ?term
"""
HEADER = sparql_prologue() + f"""
SELECT ?title ?description ?version WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
  <{ONTOLOGY_IRI}> dcterms:title ?title . OPTIONAL {{ <{ONTOLOGY_IRI}> dcterms:description ?description }}
  OPTIONAL {{ <{ONTOLOGY_IRI}> owl:versionInfo ?version }} }} }}
"""
_KINDS = {PREFIXES["owl"] + "Class": "Classes", PREFIXES["owl"] + "ObjectProperty": "Object properties",
          PREFIXES["owl"] + "DatatypeProperty": "Datatype properties"}


def ontology_terms(state: AppState) -> dict[str, list[dict[str, Any]]]:
    """Terms grouped by kind, each with label, definition, parents, domains and ranges."""
    groups: dict[str, list[dict[str, Any]]] = {k: [] for k in _KINDS.values()}
    for r in state.select(TERMS, max_rows=100_000):
        iri = r["term"]["value"]
        groups[_KINDS[r["kind"]["value"]]].append({
            "iri": iri, "name": iri.rsplit("#", 1)[-1], "label": r.get("label", {}).get("value", ""),
            "definition": r.get("definition", {}).get("value", ""),
            **{k: [cell({"type": "uri", "value": v}, state.links) for v in r.get(k, {}).get("value", "").split()]
               for k in ("supers", "domains", "ranges")}})
    return groups


def jsonld_context(state: AppState) -> dict[str, Any]:
    """A ``@context`` mapping each term's local name to its IRI (object properties as ``@id``)."""
    context: dict[str, Any] = dict(PREFIXES)
    for kind, terms in ontology_terms(state).items():
        for t in terms:
            context[t["name"]] = {"@id": t["iri"], "@type": "@id"} if kind == "Object properties" else t["iri"]
    return {"@context": context}


@router.get("/ontology/context.jsonld", tags=["linked data"], summary="JSON-LD context of the vocabulary")
async def context(state: State) -> JSONResponse:
    data = await run_in_threadpool(jsonld_context, state)
    return JSONResponse(data, media_type="application/ld+json")


@router.get("/ontology", tags=["linked data"], summary="The ontology: HTML documentation or RDF")
@router.get("/ontology.{ext}", include_in_schema=False)
async def ontology(request: Request, state: State, ext: str | None = None) -> Response:
    fmt = negotiate(request.headers.get("accept"), RESOURCE_FORMATS, explicit=ext or request.query_params.get("format"))
    link = alternates_header("/ontology", [f for f in RESOURCE_FORMATS if f is not fmt])
    if fmt is HTML:
        terms = await run_in_threadpool(ontology_terms, state)
        header = await run_in_threadpool(state.select, HEADER)
        return state.templates.TemplateResponse(request, "ontology.html", {
            "terms": terms, "header": header[0] if header else {}, "formats": RESOURCE_FORMATS[:-1],
            "iri": ONTOLOGY_IRI}, headers={"Vary": "Accept", "Link": link})
    answer = await run_in_threadpool(state.store.run, state.check(ONTOLOGY_TRIPLES), fmt)
    response = answer_response(answer, max_rows=state.settings.max_rows)
    response.headers["Link"] = link
    return response
