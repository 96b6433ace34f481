"""Content negotiation is a pure function: a table of Accept headers and the format each gets."""

from __future__ import annotations

import pytest

from qitgraph.errors import NotAcceptable
from qitgraph.store.formats import HTML, RDF_FORMATS, RESULT_FORMATS
from qitgraph.web.conneg import negotiate, parse_accept

RESULTS_AND_HTML = (*RESULT_FORMATS, HTML)
GRAPH_AND_HTML = (*RDF_FORMATS, HTML)

CASES = [
    # (id, accept, explicit, offered, expected name)
    ("no header gives the first", None, None, RESULTS_AND_HTML, "json"),
    ("empty header gives the first", "", None, RESULTS_AND_HTML, "json"),
    ("star-star gives the first", "*/*", None, RESULTS_AND_HTML, "json"),
    ("exact json", "application/sparql-results+json", None, RESULTS_AND_HTML, "json"),
    ("exact xml", "application/sparql-results+xml", None, RESULTS_AND_HTML, "xml"),
    ("csv", "text/csv", None, RESULTS_AND_HTML, "csv"),
    ("tsv", "text/tab-separated-values", None, RESULTS_AND_HTML, "tsv"),
    ("plain json alias", "application/json", None, RESULTS_AND_HTML, "json"),
    ("q-values pick the higher", "text/csv;q=0.5, application/sparql-results+xml;q=0.9", None, RESULTS_AND_HTML, "xml"),
    ("browser gets html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None,
     RESULTS_AND_HTML, "html"),
    ("long parameterised header (qlever#1372)",
     'application/sparql-results+json;charset=utf-8;q=0.9, application/sparql-results+xml;q=0.8, */*;q=0.1',
     None, RESULTS_AND_HTML, "json"),
    ("text/* matches csv before tsv", "text/*", None, RESULT_FORMATS, "csv"),
    ("specific q=0 excludes despite wildcard", "application/sparql-results+json;q=0, */*", None,
     RESULT_FORMATS, "xml"),
    ("exact type beats alias at same q", "application/json, application/ld+json", None, RDF_FORMATS, "jsonld"),
    ("turtle", "text/turtle", None, GRAPH_AND_HTML, "ttl"),
    ("n-triples", "application/n-triples", None, GRAPH_AND_HTML, "nt"),
    ("rdf/xml", "application/rdf+xml", None, GRAPH_AND_HTML, "rdfxml"),
    ("trig", "application/trig", None, GRAPH_AND_HTML, "trig"),
    ("explicit beats accept", "text/turtle", "nt", GRAPH_AND_HTML, "nt"),
    ("explicit by extension", None, "jsonld", GRAPH_AND_HTML, "jsonld"),
    ("explicit by media type", None, "text/csv", RESULT_FORMATS, "csv"),
    ("quoted comma in a parameter", 'application/ld+json; profile="a,b", text/turtle;q=0.1', None,
     RDF_FORMATS, "jsonld"),
    ("malformed member skipped", "garbage, text/turtle", None, RDF_FORMATS, "ttl"),
]


@pytest.mark.parametrize(("accept", "explicit", "offered", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_negotiate(accept: str | None, explicit: str | None, offered: tuple, expected: str) -> None:  # type: ignore[type-arg]
    assert negotiate(accept, offered, explicit=explicit).name == expected


NOT_ACCEPTABLE = [
    ("results as turtle", "text/turtle", None, RESULT_FORMATS),
    ("graph as sparql json", "application/sparql-results+json", None, RDF_FORMATS),
    ("everything q=0", "*/*;q=0", None, RDF_FORMATS),
    ("unknown explicit format", None, "yaml", RESULT_FORMATS),
]


@pytest.mark.parametrize(("accept", "explicit", "offered"), [c[1:] for c in NOT_ACCEPTABLE],
                         ids=[c[0] for c in NOT_ACCEPTABLE])
def test_not_acceptable(accept: str | None, explicit: str | None, offered: tuple) -> None:  # type: ignore[type-arg]
    with pytest.raises(NotAcceptable) as e:
        negotiate(accept, offered, explicit=explicit)
    assert "available" in e.value.hint or "acceptable" in e.value.hint


def test_parse_accept_clamps_and_ignores_bad_q() -> None:
    ranges = parse_accept("text/csv;q=7, text/tsv;q=abc")
    assert [(r.subtype, r.q) for r in ranges] == [("csv", 1.0), ("tsv", 0.0)]
