"""`qitgraph validate`: the shipped graph conforms, and problems are reported readably."""

from __future__ import annotations

import pytest

from qitgraph.cli import main
from qitgraph.graph import load_graph
from qitgraph.validation import validate


@pytest.fixture(scope="module")
def report(graph):
    return validate(graph)


def test_the_shipped_graph_conforms(report):
    assert report.conforms, report.render()
    assert report.triples > 5000


def test_validate_command_exits_0_and_prints_a_summary(capsys):
    assert main(["validate"]) == 0
    assert "conforms" in capsys.readouterr().out


def test_violations_exit_1_with_the_message_resource_and_file(tmp_path, capsys):
    extra = tmp_path / "curator-edit.ttl"
    extra.write_text("""
        @prefix qit: <https://w3id.org/qitgraph/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/qitgraph/id/statusevent/broken> a qit:StatusEvent ;
            rdfs:label "broken"@en ;
            qit:workItem <https://w3id.org/qitgraph/id/workitem/itu-t-y-3800> ;
            qit:completionPercent 140 .
    """)
    assert main(["validate", "--data", str(extra)]) == 1
    out = capsys.readouterr().out
    assert "qit:completionPercent is a whole number from 0 to 100" in out
    assert "This fact has no source" in out
    assert "https://w3id.org/qitgraph/id/statusevent/broken" in out
    assert "curator-edit.ttl" in out
    assert "does not conform" in out


def test_dangling_reference_is_reported_by_the_quality_check(tmp_path):
    extra = tmp_path / "typo.ttl"
    extra.write_text("""
        @prefix qit: <https://w3id.org/qitgraph/ontology#> .
        <https://w3id.org/qitgraph/id/workitem/itu-t-y-3800> qit:responsibleGroup
            <https://w3id.org/qitgraph/id/group/itu-t-sg31> .
    """)
    report = validate(load_graph([extra]))
    assert any("itu-t-sg31" in v.message and "no file defines" in v.message for v in report.violations)


def test_undeclared_ontology_term_is_reported(tmp_path):
    extra = tmp_path / "term.ttl"
    extra.write_text("""
        @prefix qit: <https://w3id.org/qitgraph/ontology#> .
        <https://w3id.org/qitgraph/id/workitem/itu-t-y-3800> qit:responsibleGroupp
            <https://w3id.org/qitgraph/id/group/itu-t-sg13> .
    """)
    report = validate(load_graph([extra]))
    assert any("qit.ttl does not define" in v.message for v in report.violations)
