"""docs/gaps.md: every command and Python example on the page runs. ``qitgraph gaps`` lines run
in a temporary folder; examples marked ``endpoint`` run against the test endpoint (the embedded
graph served over the SPARQL protocol) in place of ``http://localhost:8890/sparql``. The
``qitgraph publish`` line is run against Virtuoso by tests/virtuoso/."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from qitgraph.cli import build_parser, main

DOC = Path(__file__).resolve().parents[2] / "docs" / "gaps.md"
FENCE = re.compile(r"```(\w+)( endpoint)?\n(.*?)```", re.DOTALL)
LOCAL = "http://localhost:8890/sparql"


def examples(kind: str, endpoint: bool) -> list[str]:
    return [m.group(3) for m in FENCE.finditer(DOC.read_text(encoding="utf-8"))
            if m.group(1) == kind and bool(m.group(2)) == endpoint]


def command_lines(endpoint: bool) -> list[str]:
    lines = []
    for block in examples("sh", endpoint):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("qitgraph ") and " publish " not in f" {line} ":
                lines.append(line)
    return lines


@pytest.mark.parametrize("line", command_lines(False))
def test_commands(line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  capsys: pytest.CaptureFixture[str]) -> None:
    if line.startswith("qitgraph gaps"):
        monkeypatch.chdir(tmp_path)  # it writes its report folder here
    else:
        monkeypatch.chdir(DOC.parents[1])  # paths like queries/gaps/... are relative to the repository
    assert main(shlex.split(line)[1:]) == 0
    assert capsys.readouterr().out.strip()


@pytest.mark.parametrize("line", command_lines(True))
def test_commands_against_an_endpoint(line: str, endpoint_url: str, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path if line.startswith("qitgraph gaps") else DOC.parents[1])
    assert main(shlex.split(line.replace(LOCAL, endpoint_url))[1:]) == 0
    assert capsys.readouterr().out.strip()


def test_python_example_against_an_endpoint(endpoint_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    (code,) = examples("python", True)
    exec(compile(code.replace(LOCAL, endpoint_url), "docs/gaps.md", "exec"), {})
    assert endpoint_url in capsys.readouterr().out


def test_every_gaps_and_publish_option_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for command in ("gaps", "publish"):
        parser = sub.choices[command]  # type: ignore[attr-defined]
        for action in parser._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert f"`{flag}" in text, f"{command} {flag} is not documented in docs/gaps.md"


def test_gaps_over_an_endpoint_matches_embedded(endpoint_url: str, tmp_path: Path) -> None:
    assert main(["gaps", "--out", str(tmp_path / "a"), "--format", "json"]) == 0
    assert main(["gaps", "--endpoint", endpoint_url, "--out", str(tmp_path / "b"), "--format", "json"]) == 0
    a = json.loads((tmp_path / "a" / "gaps.json").read_text())
    b = json.loads((tmp_path / "b" / "gaps.json").read_text())
    assert a["data"]["kind"] == "embedded" and b["data"]["kind"] == "endpoint"
    assert b["data"]["location"] == endpoint_url
    assert [r["rows"] for r in a["results"]] == [r["rows"] for r in b["results"]]


def test_bad_format_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gaps", "--out", str(tmp_path / "out"), "--format", "md,pdf"]) == 2
    assert "unknown report format pdf" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_unreachable_endpoint_exit_code(closed_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gaps", "--endpoint", closed_url, "--timeout", "2", "--out", str(tmp_path)]) == 4
    assert "cannot connect" in capsys.readouterr().err
