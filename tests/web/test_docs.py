"""docs/server.md is the user's manual: every ``curl`` example in it runs against the real app
(through TestClient) and answers as shown, and every setting and ``serve`` option is documented."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from fastapi.testclient import TestClient

from qitgraph.cli import build_parser
from qitgraph.settings import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
TEXT = DOC.read_text(encoding="utf-8")


@dataclass
class Example:
    command: str
    expected: list[str] = field(default_factory=list)


def examples() -> list[Example]:
    found: list[Example] = []
    for block in re.findall(r"```console\n(.*?)```", TEXT, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append(Example(line[2:]))
            elif found and line.strip():
                found[-1].expected.append(line)
    return [e for e in found if e.command.startswith("curl ")]


def run_curl(client: TestClient, command: str) -> object:
    args = shlex.split(command)[1:]
    method, headers, form, body, url = "GET", {}, [], None, ""
    i = 0
    while i < len(args):
        a = args[i]
        if a == "-s":
            pass
        elif a == "-I":
            method = "HEAD"
        elif a == "-H":
            i += 1
            name, _, value = args[i].partition(":")
            headers[name.strip()] = value.strip()
        elif a == "--data-urlencode":
            i += 1
            method = "POST"
            name, _, value = args[i].partition("=")
            form.append((name, value))
        elif a == "--data-binary":
            i += 1
            method, body = "POST", args[i].encode()
        elif a.startswith("http"):
            url = a
        else:
            raise AssertionError(f"the doc test does not know curl option {a}")
        i += 1
    parts = urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    if form:
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        body = urlencode(form).encode()
    return client.request(method, path, headers=headers, content=body)


EXAMPLES = examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.command[5:70] for e in EXAMPLES])
def test_curl_example_runs(client: TestClient, example: Example) -> None:
    response = run_curl(client, example.command)
    status = response.status_code  # type: ignore[attr-defined]
    if example.expected:
        expected = json.loads("\n".join(example.expected))
        assert response.json() == expected  # type: ignore[attr-defined]
    else:
        assert 200 <= status < 300, (example.command, status, response.text)  # type: ignore[attr-defined]


def test_there_are_examples_for_every_route_family() -> None:
    commands = " ".join(e.command for e in EXAMPLES)
    for path in ("/sparql", "/id/", "/ontology", "/queries/", "/api/search", "/.well-known/void", "/-/health"):
        assert path in commands


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_documented(name: str) -> None:
    assert f"| `{name}` | `QITGRAPH_{name.upper()}` |" in TEXT


def test_every_serve_option_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    serve = sub.choices["serve"]  # type: ignore[index]
    for action in serve._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert f"| `{flag}" in TEXT, flag
