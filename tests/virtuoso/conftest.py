"""A throwaway Virtuoso Open Source server for the comparison tests: its own ini in a temporary
folder, loopback ports chosen free at start, started with ``virtuoso-t -f -c INI`` and stopped (by
its process id) when the session ends. Installs nothing: without ``virtuoso-t`` on PATH the tests
skip and say how to get it (Debian/Ubuntu: ``apt-get install virtuoso-opensource``)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from qitgraph.client import Endpoint
from qitgraph.graph import Graph
from qitgraph.publish import publish

INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
; Virtuoso's default ResultSetMaxRows (10,000) silently truncates answers: lift it.
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


@dataclass(frozen=True)
class Virtuoso:
    sparql: str
    gsp: str
    user: str
    password: str
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, limit: float = 90.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"virtuoso-t did not answer at {url} within {limit:g} s")


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("virtuoso-t not found on PATH: install Virtuoso Open Source "
                    "(Debian/Ubuntu: apt-get install virtuoso-opensource) to run the comparison")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(dir=folder, http_port=http_port, sql_port=sql_port))
    out = folder / "stdout.log"
    with out.open("wb") as sink:
        process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=folder, stdout=sink,
                                   stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_up(base + "/sparql", process, out)
        # A fresh database's administrator is dba/dba; the server listens on loopback only.
        yield Virtuoso(base + "/sparql", base + "/sparql-graph-crud-auth", "dba", "dba", out)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def published(graph: Graph, virtuoso: Virtuoso) -> Endpoint:
    """The project's graph published into the test's Virtuoso, every graph's count verified."""
    sent = publish(graph, virtuoso.gsp, endpoint=virtuoso.sparql, user=virtuoso.user,
                   password=virtuoso.password)
    mismatched = [(s.graph, s.triples, s.in_store) for s in sent if not s.verified]
    assert not mismatched, f"graphs whose triple count differs in Virtuoso: {mismatched}"
    assert {s.graph for s in sent} == set(graph.named_graphs())
    return Endpoint(virtuoso.sparql, timeout=120)
