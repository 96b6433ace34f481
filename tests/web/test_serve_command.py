"""``qitgraph serve`` really starts: the console script loads the graph, answers on the port, and
a restart with ``--store`` reuses the store instead of reloading it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .conftest import free_port

pytestmark = pytest.mark.slow
QITGRAPH = Path(sys.executable).parent / "qitgraph"


def start(*args: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    process = subprocess.Popen([str(QITGRAPH), "serve", "--port", str(port), "--workers", "1", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/-/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"qitgraph serve did not start: {process.stdout.read() if process.stdout else ''}")


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=30)
    return out


def test_serve_with_store_reuses_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    process, url = start("--store", str(store))
    try:
        home = httpx.get(url + "/")
        assert home.status_code == 200 and "What the graph holds" in home.text
        first = httpx.get(url + "/-/health").json()["store"]
        assert first["reloaded"] is True
    finally:
        stop(process)
    process, url = start("--store", str(store))
    try:
        again = httpx.get(url + "/-/health").json()["store"]
        assert again["reloaded"] is False and again["quads"] == first["quads"]
        answer = httpx.get(url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
        assert answer["boolean"] is True
    finally:
        stop(process)


def test_serve_refuses_a_bad_data_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a:b> <a:c> .\n")
    result = subprocess.run([str(QITGRAPH), "serve", "--data", str(bad), "--port", str(free_port())],
                            capture_output=True, text=True, timeout=60, env={**os.environ})
    assert result.returncode == 2
    assert "bad.ttl:1" in result.stderr and "nothing was loaded" in result.stderr


def test_update_url_needs_a_backend(capsys: pytest.CaptureFixture[str]) -> None:
    from qitgraph.cli import main

    assert main(["serve", "--update-url", "http://localhost:8890/update"]) == 2
    assert "--update-url needs --backend" in capsys.readouterr().err
