"""The command line: every command starts, documents itself with an example, and is in README."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from qitgraph.cli import build_parser, main


def commands() -> dict[str, object]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return dict(sub.choices)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_has_help_with_an_example_and_is_documented(name, capsys):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "example: qitgraph " + name in out
    readme = (REPO / "README.md").read_text()
    assert f"qitgraph {name}" in readme, f"README does not document 'qitgraph {name}'"


def test_python_dash_m_and_version():
    done = subprocess.run([sys.executable, "-m", "qitgraph", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("qitgraph ")


def test_query_named_with_params_as_json(capsys):
    assert main(["query", "deliverable-editors", "--param", "deliverable=D2.5", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} == {"Junsen Lai", "Zhangchao Ma", "Yi Qian"}


def test_query_text_and_ask(capsys):
    assert main(["query", "ASK { ?s a <https://w3id.org/qitgraph/ontology#FocusGroup> }"]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_query_syntax_error_exits_2_with_position(capsys):
    assert main(["query", "SELECT * WHERE { ?s ?p }"]) == 2
    err = capsys.readouterr().err
    assert "SPARQL syntax error" in err and "line 1" in err


def test_bad_param_exits_2(capsys):
    assert main(["query", "deliverable-editors", "--param", "deliverable"]) == 2
    assert "NAME=VALUE" in capsys.readouterr().err


def test_stats_lists_classes_bodies_and_graphs(capsys):
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "Resources by class" in out and "focus group deliverable" in out
    assert "ETSI" in out and "graph/fg-transfer-2022" in out


def test_queries_lists_named_queries(capsys):
    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    assert "transfer-changes" in out and 'deliverable="D1.3"' in out
