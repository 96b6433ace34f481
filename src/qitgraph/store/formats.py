"""The serialization formats the store answers in, by short name, media type and file extension.

Results of SELECT and ASK use the SPARQL 1.1 result formats (JSON, XML, CSV, TSV); CONSTRUCT and
DESCRIBE use RDF formats (Turtle, N-Triples, JSON-LD, RDF/XML, TriG). One table serves the
SPARQL protocol, the linked-data routes, the dumps and the named-query pages, so a name such as
``ttl`` means the same thing everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

RESULTS = "results"
GRAPH = "graph"


@dataclass(frozen=True)
class Format:
    """One serialization: ``name`` is what ``?format=`` takes, ``ext`` the URL extension."""

    name: str
    media_type: str
    ext: str
    family: str
    aliases: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type.endswith(("+json", "+xml"))
        return f"{self.media_type}; charset=utf-8" if text else self.media_type

    def ox_results(self) -> ox.QueryResultsFormat:
        return _OX_RESULTS[self.name]

    def ox_rdf(self) -> ox.RdfFormat:
        return _OX_RDF[self.name]


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", "srj", RESULTS, ("application/json",)),
    Format("xml", "application/sparql-results+xml", "srx", RESULTS, ("application/xml", "text/xml")),
    Format("csv", "text/csv", "csv", RESULTS),
    Format("tsv", "text/tab-separated-values", "tsv", RESULTS),
)
RDF_FORMATS = (
    Format("ttl", "text/turtle", "ttl", GRAPH, ("application/x-turtle",), ("turtle",)),
    Format("nt", "application/n-triples", "nt", GRAPH, ("text/plain",), ("ntriples", "n-triples")),
    Format("jsonld", "application/ld+json", "jsonld", GRAPH, ("application/json",), ("json-ld", "json")),
    Format("rdfxml", "application/rdf+xml", "rdf", GRAPH, ("application/xml", "text/xml"), ("xml", "rdf/xml")),
    Format("trig", "application/trig", "trig", GRAPH),
)
NQUADS = Format("nq", "application/n-quads", "nq", GRAPH)
HTML = Format("html", "text/html", "html", "html", ("application/xhtml+xml",))

_OX_RESULTS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
               "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_OX_RDF = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
           "rdfxml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}

_BY_NAME = {f.name: f for f in (*RESULT_FORMATS, *RDF_FORMATS, NQUADS, HTML)}


def by_name(name: str) -> Format | None:
    """A format by its short name or extension (``ttl``, ``turtle`` is not one: names are fixed)."""
    name = name.lower()
    return _BY_NAME.get(name) or next((f for f in _BY_NAME.values() if f.ext == name), None)


def family_formats(family: str) -> tuple[Format, ...]:
    return RESULT_FORMATS if family == RESULTS else RDF_FORMATS
