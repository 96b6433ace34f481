"""A real SPARQL 1.1 Protocol endpoint in a thread, answering from the embedded graph (the same
rows a deployed endpoint would send), plus endpoints that fail the ways real ones do, so the
client and ``--endpoint`` paths are tested without a network or an external server."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest

from qitgraph.graph import Graph

Answer = Callable[[BaseHTTPRequestHandler, str], None]


def serve(answer: Answer) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
            query = urllib.parse.parse_qs(body).get("query", [""])[0]
            answer(self, query)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes, media_type: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", media_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture(scope="session")
def endpoint_url(graph: Graph) -> Iterator[str]:
    """SPARQL 1.1 Protocol (query via POST form), results in SPARQL JSON, default graph = union."""

    def answer(handler: BaseHTTPRequestHandler, query: str) -> None:
        try:
            result = graph.store.query(query, use_default_graph_as_union=True)
        except SyntaxError as e:
            send(handler, 400, str(e).encode(), "text/plain")
            return
        data = result.serialize(format=ox.QueryResultsFormat.JSON)
        send(handler, 200, data, "application/sparql-results+json")

    yield from serve(answer)


@pytest.fixture()
def flaky_url(endpoint_url: str) -> Iterator[tuple[str, list[int]]]:
    """Answers 503 twice, then passes the query on to the real endpoint; counts the calls."""
    import urllib.request

    calls: list[int] = []

    def answer(handler: BaseHTTPRequestHandler, query: str) -> None:
        calls.append(1)
        if len(calls) <= 2:
            send(handler, 503, b"starting up", "text/plain")
            return
        data = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(endpoint_url, data=data,
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request) as r:
            send(handler, 200, r.read(), "application/sparql-results+json")

    for url in serve(answer):
        yield url, calls


@pytest.fixture()
def html_url() -> Iterator[str]:
    """A web page where an endpoint should be: 200 with HTML."""
    yield from serve(lambda h, q: send(h, 200, b"<html><body>Welcome</body></html>", "text/html"))


@pytest.fixture()
def closed_url() -> str:
    """A loopback port nobody listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/sparql"
