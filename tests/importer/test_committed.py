"""The committed import (data/imported/) and landscape facts (data/landscape.ttl) in the real
graph: regenerated with the same bytes, compared field by field with the records, valid
under the SHACL shapes, and answering the issue's questions."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from conftest import REPO
from qitgraph.landscape import list_candidates
from qitgraph.relaton.classify import classify
from qitgraph.relaton.identifiers import parse_identifier
from qitgraph.relaton.record import normalize
from qitgraph.relaton.regenerate import regenerate

IMPORTED = REPO / "data" / "imported"
PREFIXES = """PREFIX qit: <https://w3id.org/qitgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX w: <https://w3id.org/qitgraph/id/workitem/>
"""


def test_regenerate_gives_the_committed_bytes(quantum_dir: Path, tmp_path: Path):
    regenerate(quantum_dir, tmp_path)
    committed = sorted(p.name for p in IMPORTED.glob("*.ttl"))
    assert committed == ["etsi.ttl", "iec.ttl", "iso.ttl", "itu.ttl"]
    for name in committed:
        assert (tmp_path / name).read_bytes() == (IMPORTED / name).read_bytes(), \
            f"data/imported/{name} is stale: run python -m qitgraph.relaton.regenerate"


def test_each_body_is_its_own_named_graph(graph):
    names = set(graph.named_graphs())
    for body in ("itu", "etsi", "iso", "iec", "landscape"):
        assert f"https://w3id.org/qitgraph/graph/{body}" in names


@pytest.mark.parametrize(("body", "expected"), [("itu", 73), ("etsi", 37), ("iso", 3), ("iec", 4)])
def test_records_compared_field_by_field(graph, quantum_dir: Path, body: str, expected: int):
    """Every published QIT record of the body: identifier, title, date and source link as in the YAML."""
    checked = 0
    for path in sorted((quantum_dir / body).glob("*.yaml")):
        rec = normalize(yaml.safe_load(path.read_text()), path.name)
        parsed = parse_identifier(rec.identifier)
        if not classify(rec).is_qit or parsed.draft or not parsed.dated or rec.stage == "60.00":
            continue
        edition = ox.NamedNode("https://w3id.org/qitgraph/id/workitem/" + parse_identifier(rec.identifier).edition_slug)
        rows = graph.select(PREFIXES + """SELECT ?id ?title ?date ?source WHERE {
            ?e qit:identifier ?id ; dcterms:title ?title .
            ?ev qit:workItem ?e ; qit:date ?date ; dcterms:source ?source .
            FILTER(STRENDS(STR(?ev), ?catalogue)) }""",
                            {"e": edition, "catalogue": ox.Literal(f"-published-{body}")})
        assert rows, path.name
        row = rows[0]
        assert rec.identifier.endswith(row["id"]), path.name
        assert row["title"] == rec.title
        assert row["date"] == rec.published
        assert row["source"] == rec.source
        checked += 1
    assert checked == expected


def test_no_abstract_is_copied(quantum_dir: Path):
    text = "".join(p.read_text() for p in IMPORTED.glob("*.ttl"))
    for path in sorted(quantum_dir.rglob("*.yaml"))[:200]:
        rec = normalize(yaml.safe_load(path.read_text()), path.name)
        sentence = rec.abstract.strip()[:80]
        if len(sentence) >= 40:
            assert sentence not in text, path.name


def test_drafts_of_2019_became_these_recommendations(graph):
    rows = graph.select(PREFIXES + """SELECT ?draft ?std ?date WHERE {
        ?d qit:resultedIn ?w ; qit:identifier ?draft . ?w qit:identifier ?std .
        ?e dcterms:isVersionOf ?w . ?ev qit:workItem ?e ; qit:date ?date } ORDER BY ?draft""")
    found = {(r["draft"], r["std"], r["date"]) for r in rows}
    assert ("X.qrng-a", "X.1702", "2019-11-13") in found
    assert ("Y.QKDN_QoS_pa", "Y.3807", "2022-02-13") in found
    assert ("Y.QKDN-qos-fa", "Y.3811", "2022-09-29") in found
    assert ("Q.QKDNi_profr", "Q.4165", "2026-01-13") in found


def test_qkdn_recommendations_per_year_by_study_group(graph):
    rows = graph.select(PREFIXES + """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?year ?group (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?w a qit:Recommendation ; dcterms:subject/skos:broader* <https://w3id.org/qitgraph/id/topic/qkd-network> ;
           qit:responsibleGroup/qit:acronym ?group .
        FILTER NOT EXISTS { ?w dcterms:isVersionOf ?x }
        ?e dcterms:isVersionOf ?w . ?ev qit:workItem ?e ; qit:date ?d . BIND(YEAR(?d) AS ?year)
        } GROUP BY ?year ?group""")
    table = {(r["year"], r["group"]): r["n"] for r in rows}
    assert table[(2019, "SG13")] == 1  # Y.3800 (10/2019), the first QKDN Recommendation
    assert table[(2023, "SG11")] == 5  # Q.4160-Q.4164, 2023-12-14


def test_etsi_qkd_specifications_with_versions(graph):
    rows = graph.select(PREFIXES + """SELECT ?v WHERE { ?e dcterms:isVersionOf w:etsi-gs-qkd-015 ;
        schema:version ?v } ORDER BY ?v""")
    assert [r["v"] for r in rows] == ["1.1.1", "2.1.1"]


def test_iso_iec_4879_moved_to_jtc3_created_2024(graph):
    rows = graph.select(PREFIXES + """SELECT DISTINCT ?created WHERE { w:iso-iec-4879-2024 qit:responsibleGroup ?g .
        ?g qit:establishedOn ?created }""")
    assert [r["created"] for r in rows] == ["2024-01-10"]


def test_candidates_are_listed_not_asserted(graph):
    candidates = list_candidates(graph)
    assert len(candidates) == 8
    assert {c["objectLabel"] for c in candidates} >= {"ITU-T Y.3802", "ITU-T X.1710"}
    assert not graph.ask(PREFIXES + "ASK { ?d qit:resultedIn w:itu-t-y-3802 }")


def test_confirming_a_candidate_removes_it_from_the_list(graph):
    from qitgraph.graph import Graph

    store = ox.Store()
    store.extend(graph.store)
    store.add(ox.Quad(ox.NamedNode("https://w3id.org/qitgraph/id/workitem/itu-t-y-qkdn-arch"),
                      ox.NamedNode("https://w3id.org/qitgraph/ontology#resultedIn"),
                      ox.NamedNode("https://w3id.org/qitgraph/id/workitem/itu-t-y-3802"),
                      ox.NamedNode("https://w3id.org/qitgraph/graph/test")))
    assert len(list_candidates(Graph(store))) == 7


def test_shapes_pass_on_the_imported_and_landscape_files(graph):
    from qitgraph.validation import validate

    report = validate(graph)
    mine = [v for v in report.violations if "data/imported/" in str(v) or "landscape.ttl" in str(v)]
    assert not mine, "\n".join(str(v) for v in mine[:10])
