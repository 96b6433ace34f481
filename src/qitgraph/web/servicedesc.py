"""The SPARQL 1.1 Service Description of /sparql (W3C SPARQL 1.1 Service Description, section 3):
the absolute endpoint URL, the language, the result formats, and the default-graph semantics
(``sd:UnionDefaultGraph``: the default graph is the union of the named graphs, which a request
may narrow with ``default-graph-uri``/``named-graph-uri``)."""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from qitgraph.store.formats import Format
from qitgraph.store.results import graph_bytes

SD = "http://www.w3.org/ns/sparql-service-description#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FORMATS_NS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
                "tsv": "SPARQL_Results_TSV", "ttl": "Turtle", "nt": "N-Triples", "jsonld": "JSON-LD",
                "rdfxml": "RDF_XML", "trig": "TriG"}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def service_description(endpoint: str, graphs: Sequence[str], fmt: Format,
                        formats: Sequence[Format]) -> bytes:
    """The description of the endpoint at ``endpoint`` serving ``graphs``, serialized in ``fmt``."""
    service = ox.NamedNode(endpoint)
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), service),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _sd("Graph")),
    ]
    for f in formats:
        if f.name in _FORMAT_IRIS:
            triples.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS_NS + _FORMAT_IRIS[f.name])))
    for i, g in enumerate(graphs):
        named = ox.BlankNode(f"g{i}")
        triples += [ox.Triple(dataset, _sd("namedGraph"), named), ox.Triple(named, _sd("name"), ox.NamedNode(g)),
                    ox.Triple(named, RDF_TYPE, _sd("NamedGraph"))]
    return graph_bytes(triples, fmt,
                       prefixes={"sd": SD, "formats": FORMATS_NS})
