"""What is known about one resource, asked of any store: its description in an RDF format, and
for the HTML page its label, types, properties (by named graph), incoming links and sources.

The resource's IRI is bound with a ``VALUES`` block (``qitgraph.sparqltext``), never pasted
into query text; the IRI itself is built by the caller from a checked path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from qitgraph.namespaces import sparql_prologue
from qitgraph.store.base import QueryStore, select_rows
from qitgraph.store.formats import Format
from qitgraph.store.guard import CheckedQuery, bind
from qitgraph.store.results import Answer

Term = dict[str, str]
LABELS = "rdfs:label|skos:prefLabel|foaf:name|dcterms:title"

DESCRIBE = "DESCRIBE ?r WHERE { }"
OUTGOING = sparql_prologue() + f"""
SELECT ?p ?o ?g (SAMPLE(?l) AS ?olabel) WHERE {{
  GRAPH ?g {{ ?r ?p ?o }}
  OPTIONAL {{ ?o {LABELS} ?l }}
}} GROUP BY ?p ?o ?g ORDER BY ?p ?o
"""
INCOMING = sparql_prologue() + f"""
SELECT ?s ?p (SAMPLE(?l) AS ?slabel) WHERE {{
  ?s ?p ?r .
  OPTIONAL {{ ?s {LABELS} ?l }}
}} GROUP BY ?s ?p ORDER BY ?p ?s
"""
SOURCES = sparql_prologue() + """
SELECT DISTINCT ?source ?label WHERE {
  { ?r dcterms:source ?source } UNION { GRAPH ?g { ?r ?p ?o } ?g prov:wasDerivedFrom ?source }
  OPTIONAL { ?source dcterms:title|rdfs:label ?label }
} ORDER BY ?source
"""
_LABEL_PROPS = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
                "http://xmlns.com/foaf/0.1/name", "http://purl.org/dc/terms/title"}
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class ResourcePage:
    iri: str
    label: str
    types: list[Term] = field(default_factory=list)
    properties: list[dict[str, Term]] = field(default_factory=list)
    incoming: list[dict[str, Term]] = field(default_factory=list)
    sources: list[dict[str, Term]] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    incoming_truncated: bool = False


def bound(check: Callable[[str], CheckedQuery], text: str, iri: str) -> CheckedQuery:
    return bind(check(text), {"r": ox.NamedNode(iri)})


def describe(store: QueryStore, check: Callable[[str], CheckedQuery], iri: str, fmt: Format) -> Answer:
    """The resource's description (Oxigraph's DESCRIBE: its triples, with blank nodes followed)."""
    return store.run(bound(check, DESCRIBE, iri), fmt)


def resource_page(store: QueryStore, check: Callable[[str], CheckedQuery], iri: str,
                  *, max_incoming: int = 500) -> ResourcePage | None:
    """Everything the HTML page shows, or None when the graph says nothing about ``iri``."""
    _, out, _ = select_rows(store, bound(check, OUTGOING, iri))
    if not out:
        return None
    _, incoming, cut = select_rows(store, bound(check, INCOMING, iri), max_rows=max_incoming)
    _, sources, _ = select_rows(store, bound(check, SOURCES, iri))
    labels = [r["o"]["value"] for r in out if r["p"]["value"] in _LABEL_PROPS and r["o"]["type"] == "literal"]
    types = list({r["o"]["value"]: r["o"] for r in out if r["p"]["value"] == _TYPE}.values())
    return ResourcePage(
        iri=iri, label=labels[0] if labels else iri.rstrip("/").rsplit("/", 1)[-1],
        types=types, properties=[r for r in out if r["p"]["value"] != _TYPE], incoming=incoming,
        sources=sources, graphs=sorted({r["g"]["value"] for r in out}), incoming_truncated=cut)
