"""data/landscape.ttl: the verified facts of ../shared/facts/landscape.md, each with its public source."""

from __future__ import annotations

import pytest

G = "https://w3id.org/qitgraph/graph/landscape"
PREFIXES = """PREFIX qit: <https://w3id.org/qitgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX w: <https://w3id.org/qitgraph/id/workitem/>
PREFIX group: <https://w3id.org/qitgraph/id/group/>
"""


def test_every_typed_resource_of_the_landscape_has_a_public_source(graph):
    rows = graph.select(PREFIXES + f"""SELECT ?s WHERE {{ GRAPH <{G}> {{ ?s a ?c }}
        FILTER(STRSTARTS(STR(?s), "https://w3id.org/qitgraph/id/"))
        FILTER NOT EXISTS {{ GRAPH <{G}> {{ ?s dcterms:source ?src }} }} }}""")
    assert rows == [] or all("/status/" in r["s"] for r in rows), rows


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT ?d WHERE { group:iec-iso-jtc-3 qit:establishedOn ?d }", "2024-01-10"),
    ("SELECT ?d WHERE { ?e qit:workItem w:rfc-9340 ; qit:date ?d }", "2023-03"),
    ("SELECT ?d WHERE { ?e qit:workItem w:rfc-9583 ; qit:date ?d }", "2024-06"),
    ("SELECT ?d WHERE { ?e qit:workItem w:nist-fips-204 ; qit:date ?d }", "2024-08-14"),
    ("SELECT ?d WHERE { group:cen-cenelec-fg-qt qit:establishedOn ?d }", "2020-06"),
    ("SELECT ?d WHERE { w:draft-irtf-qirg-principles qit:resultedIn ?w . ?w qit:identifier ?d }", "RFC 9340"),
])
def test_verified_facts(graph, query: str, expected: str):
    assert [r["d"] for r in graph.select(PREFIXES + query)] == [expected]


def test_jtc22_meeting_year_is_not_invented(graph):
    rows = graph.select(PREFIXES + """SELECT ?p ?o WHERE {
        <https://w3id.org/qitgraph/id/event/cen-cenelec-jtc-22-meeting-1> ?p ?o }""")
    props = {r["p"].rsplit("#", 1)[-1] for r in rows}
    assert "datesAsStated" in props and "startDate" not in props


def test_sources_are_public_pages(graph):
    rows = graph.select(PREFIXES + f"""SELECT DISTINCT ?src WHERE {{ GRAPH <{G}> {{ ?s dcterms:source ?src }} }}""")
    sources = {r["src"] for r in rows}
    assert "https://www.govinfo.gov/content/pkg/FR-2024-08-14/html/2024-17956.htm" in sources
    assert "https://datatracker.ietf.org/liaison/1793/" in sources
    assert all(s.startswith(("https://", "http://")) for s in sources)
