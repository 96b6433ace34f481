"""Every example in README.md and docs/*.md runs: SPARQL blocks answer, shell lines succeed,
Python blocks execute."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import REPO
from qitgraph.cli import main

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)
# Commands that start servers or need outside services are shown, not run, here; their own
# test modules exercise them.
NOT_RUN = ("qitgraph serve", "qitgraph publish", "qitgraph import", "qitgraph gaps", "qitgraph query --endpoint")


def blocks(kind: str) -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for i, m in enumerate(FENCE.finditer(doc.read_text())):
            if m.group(1) == kind:
                found.append((f"{doc.name}#{i}", m.group(2)))
    return found


@pytest.mark.parametrize(("where", "query"), blocks("sparql"), ids=[w for w, _ in blocks("sparql")])
def test_sparql_examples_answer(graph, where: str, query: str):
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", query):
        pytest.skip(f"{where} is a prefix list, not a query")
    if re.search(r"\bASK\b", query) and not re.search(r"\bSELECT\b", query):
        assert graph.ask(query), where
        return
    rows = graph.select(query)
    assert rows, f"the example in {where} returns nothing"


def shell_lines() -> list[str]:
    lines = []
    for _, text in blocks("sh"):
        for line in text.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("qitgraph ") and not line.startswith(NOT_RUN):
                lines.append(line)
    return lines


@pytest.mark.parametrize("line", shell_lines())
def test_shell_examples_succeed(line: str, capsys):
    assert main(shlex.split(line)[1:]) == 0
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize(("where", "code"), blocks("python"), ids=[w for w, _ in blocks("python")])
def test_python_examples_run(where: str, code: str, capsys):
    exec(compile(code, where, "exec"), {})


def test_docs_exist():
    assert (REPO / "docs" / "ontology.md").is_file()
    assert all(isinstance(d, Path) for d in DOCS)


def test_resource_catalogue_is_current(graph):
    from qitgraph.catalogue import render

    committed = (REPO / "docs" / "resources.md").read_text()
    assert committed == render(graph), "docs/resources.md is stale: run python -m qitgraph.catalogue"
