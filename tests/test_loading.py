"""Loading files: formats, named graphs, and errors that say where and how to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from qitgraph.cli import main
from qitgraph.errors import LoadError
from qitgraph.graph import load_graph
from qitgraph.namespaces import GRAPH
from qitgraph.rdffiles import default_files, graph_for


def test_every_data_file_is_its_own_named_graph(graph):
    graphs = set(graph.named_graphs())
    for f in default_files():
        assert f.graph in graphs, f.path
    assert str(GRAPH["ontology"]) in graphs
    assert str(GRAPH["fg-progress-report-2021"]) in graphs


def test_graph_names_follow_file_names():
    assert graph_for(Path("data/curated/fg-transfer-2022.ttl")) == str(GRAPH["fg-transfer-2022"])
    assert graph_for(Path("ontology/qit.ttl")) == str(GRAPH["ontology"])


def test_default_graph_is_the_union_of_named_graphs(graph):
    # The FG's label lives in organizations.ttl, its meetings in the progress report's graph.
    rows = graph.select("""
        PREFIX qit: <https://w3id.org/qitgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label (COUNT(?m) AS ?n) WHERE { ?m qit:ofGroup ?g . ?g rdfs:label ?label .
          FILTER(?g = <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n>) } GROUP BY ?label""")
    assert rows and rows[0]["label"] == "ITU-T FG QIT4N" and rows[0]["n"] >= 10


def test_turtle_syntax_error_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:d ex:e "unterminated .\n')
    with pytest.raises(LoadError) as err:
        load_graph([bad])
    assert err.value.path == str(bad) and err.value.line == 3
    assert f"{bad}:3:" in str(err.value)


def test_validate_exits_2_on_a_syntax_error(tmp_path, capsys):
    bad = tmp_path / "broken.ttl"
    bad.write_text("@prefix ex: <http://e/> .\nex:a ex:b .\n")
    assert main(["validate", "--data", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "broken.ttl:2:" in err and "hint:" in err


def test_missing_file_and_unknown_type_are_load_errors(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_graph([tmp_path / "nope.ttl"])
    odd = tmp_path / "x.docx"
    odd.write_text("x")
    with pytest.raises(LoadError, match="unknown RDF file type"):
        load_graph([odd])


def test_rdf_xml_with_a_dtd_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
                    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>')
    with pytest.raises(LoadError, match="DTD"):
        load_graph([bomb])


def test_trig_keeps_its_own_graphs_and_turtle_gets_its_file_graph(tmp_path):
    trig = tmp_path / "extra.trig"
    trig.write_text("<http://e/g1> { <http://e/a> <http://e/b> <http://e/c> . }\n")
    ttl = tmp_path / "more.ttl"
    ttl.write_text("<http://e/x> <http://e/y> <http://e/z> .\n")
    g = load_graph([trig, ttl], include_defaults=False)
    assert set(g.named_graphs()) == {"http://e/g1", str(GRAPH["more"])}


def test_a_bad_file_changes_nothing(tmp_path):
    good = tmp_path / "good.ttl"
    good.write_text("<http://e/x> <http://e/y> <http://e/z> .\n")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://e/x> <http://e/y> .\n")
    with pytest.raises(LoadError):
        load_graph([good, bad], include_defaults=False)
