"""The web app over the project's real data, built once per session (a second app serves the
W3C protocol test data); a live uvicorn server for clients that need a real socket."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from qitgraph.settings import Settings
from qitgraph.web import create_app

SETTINGS = Settings(workers=2, query_timeout=3.0, queue_timeout=5.0, max_rows=1000, max_body_bytes=20_000)


@pytest.fixture(scope="session")
def app() -> Iterator[FastAPI]:
    application = create_app(SETTINGS)
    yield application
    application.state.qitgraph.store.close()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> TestClient:
    return TestClient(app)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    server: uvicorn.Server


@pytest.fixture(scope="session")
def live(app: FastAPI) -> Iterator[LiveServer]:
    """The same app on a real port, in a thread (for SPARQLWrapper, rdflib and the browser)."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield LiveServer(f"http://127.0.0.1:{port}", server)
    server.should_exit = True
    thread.join(10)
