"""Bulk access and self-description: ``/dump.nq`` (every quad, named graphs kept), ``/dump.ttl``
(the union graph), and ``/.well-known/void`` (W3C "Describing Linked Datasets with the VoID
Vocabulary", section 7.2 well-known location) with DCAT distributions and the counts that spare
clients a burst of COUNT queries."""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from qitgraph.namespaces import PREFIXES
from qitgraph.store.formats import NQUADS, RDF_FORMATS, by_name
from qitgraph.store.results import graph_bytes
from qitgraph.web.conneg import negotiate
from qitgraph.web.state import AppState, State

router = APIRouter()
VOID, DCAT, DCT = PREFIXES["void"], PREFIXES["dcat"], PREFIXES["dcterms"]
XSD_INT = ox.NamedNode(PREFIXES["xsd"] + "integer")
A = ox.NamedNode(PREFIXES["rdf"] + "type")


@router.get("/dump.nq", tags=["downloads"], summary="Every quad, N-Quads (named graphs kept)")
async def dump_nquads(state: State) -> Response:
    body = await run_in_threadpool(state.store.dump, NQUADS)
    return Response(body, media_type=NQUADS.content_type,
                    headers={"Content-Disposition": 'attachment; filename="qitgraph.nq"'})


@router.get("/dump.ttl", tags=["downloads"], summary="The union of all named graphs, Turtle")
async def dump_turtle(state: State) -> Response:
    fmt = by_name("ttl")
    assert fmt is not None
    body = await run_in_threadpool(state.store.dump, fmt)
    return Response(body, media_type=fmt.content_type,
                    headers={"Content-Disposition": 'attachment; filename="qitgraph.ttl"'})


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def void_triples(state: AppState, base: str) -> list[ox.Triple]:
    """The dataset as a void:Dataset and dcat:Dataset, one void:subset per named graph."""
    stats = state.stats()
    ds = _n(state.settings.public_base + "dataset")

    def count(s: ox.NamedNode | ox.BlankNode, p: str, n: int) -> ox.Triple:
        return ox.Triple(s, _n(VOID + p), ox.Literal(str(n), datatype=XSD_INT))

    triples = [
        ox.Triple(ds, A, _n(VOID + "Dataset")), ox.Triple(ds, A, _n(DCAT + "Dataset")),
        ox.Triple(ds, _n(DCT + "title"), ox.Literal("qitgraph: quantum-technology standardization", language="en")),
        ox.Triple(ds, _n(DCT + "license"), _n("https://creativecommons.org/licenses/by/4.0/")),
        ox.Triple(ds, _n(VOID + "sparqlEndpoint"), _n(base + "/sparql")),
        ox.Triple(ds, _n(VOID + "uriSpace"), ox.Literal(state.settings.public_base + "id/")),
        ox.Triple(ds, _n(VOID + "vocabulary"), _n(PREFIXES["qit"])),
        ox.Triple(ds, _n(VOID + "rootResource"), _n(base + "/")),
        count(ds, "triples", stats["triples"]), count(ds, "distinctSubjects", stats["subjects"]),
        count(ds, "properties", stats["properties"]), count(ds, "classes", stats["classes"]),
    ]
    for path, fmt in (("/dump.nq", NQUADS), ("/dump.ttl", RDF_FORMATS[0])):
        dist = _n(base + path)
        triples += [ox.Triple(ds, _n(VOID + "dataDump"), dist), ox.Triple(ds, _n(DCAT + "distribution"), dist),
                    ox.Triple(dist, A, _n(DCAT + "Distribution")),
                    ox.Triple(dist, _n(DCAT + "downloadURL"), dist),
                    ox.Triple(dist, _n(DCAT + "mediaType"), ox.Literal(fmt.media_type))]
    for g in stats["by_graph"]:
        subset = _n(g["iri"])
        triples += [ox.Triple(ds, _n(VOID + "subset"), subset), ox.Triple(subset, A, _n(VOID + "Dataset")),
                    count(subset, "triples", g["count"])]
    for i, c in enumerate(stats["by_class"]):
        part = ox.BlankNode(f"class{i}")  # stable labels: the same request gives the same bytes
        triples += [ox.Triple(ds, _n(VOID + "classPartition"), part), ox.Triple(part, _n(VOID + "class"), _n(c["iri"])),
                    count(part, "entities", c["count"])]
    return triples


@router.get("/.well-known/void", tags=["downloads"], summary="VoID and DCAT description with counts")
async def void(request: Request, state: State) -> Response:
    fmt = negotiate(request.headers.get("accept"), RDF_FORMATS, explicit=request.query_params.get("format"))
    base = str(request.base_url).rstrip("/")
    triples = await run_in_threadpool(void_triples, state, base)
    return Response(graph_bytes(triples, fmt), media_type=fmt.content_type, headers={"Vary": "Accept"})
