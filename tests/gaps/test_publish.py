"""``qitgraph publish``: each named graph goes to the store with a Graph Store Protocol PUT
(SPARQL 1.1 Graph Store HTTP Protocol, 5.3), tested against a small GSP server that keeps what
it receives. (tests/virtuoso/ does the same against Virtuoso itself.)"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest

from qitgraph.errors import EndpointError
from qitgraph.graph import Graph
from qitgraph.publish import publish, render

TRANSFER = "https://w3id.org/qitgraph/graph/fg-transfer-2022"


class Store:
    def __init__(self, password: str | None = None) -> None:
        self.graphs: dict[str, bytes] = {}
        self.content_types: set[str] = set()
        self.password = password


@pytest.fixture()
def gsp() -> Iterator[tuple[str, Store]]:
    store = Store()

    class Handler(BaseHTTPRequestHandler):
        def do_PUT(self) -> None:
            if store.password and self.headers.get("Authorization") is None:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="gsp"')
                self.send_header("Content-Length", "12")
                self.end_headers()
                self.wfile.write(b"unauthorized")
                return
            graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
            store.graphs[graph] = self.rfile.read(int(self.headers["Content-Length"]))
            store.content_types.add(self.headers["Content-Type"])
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/rdf-graphs", store
    finally:
        server.shutdown()
        server.server_close()


def test_every_named_graph_is_put_with_its_triples(graph: Graph, gsp: tuple[str, Store]) -> None:
    url, store = gsp
    sent = publish(graph, url)
    assert set(store.graphs) == set(graph.named_graphs())
    assert store.content_types == {"text/turtle; charset=utf-8"}
    for item in sent:
        assert item.status == 201
        parsed = list(ox.parse(store.graphs[item.graph], format=ox.RdfFormat.TURTLE))
        assert len(parsed) == item.triples > 0
    assert f"{len(graph)} triples in {len(sent)} graphs published" in render(sent)


def test_only_chosen_graphs(graph: Graph, gsp: tuple[str, Store]) -> None:
    url, store = gsp
    publish(graph, url, graphs=[TRANSFER])
    assert list(store.graphs) == [TRANSFER]


def test_unknown_graph_sends_nothing(graph: Graph, gsp: tuple[str, Store]) -> None:
    url, store = gsp
    with pytest.raises(EndpointError, match="no such named graph"):
        publish(graph, url, graphs=[TRANSFER, "https://w3id.org/qitgraph/graph/nope"])
    assert store.graphs == {}


def test_authentication_is_asked_for(graph: Graph, gsp: tuple[str, Store]) -> None:
    url, store = gsp
    store.password = "secret"
    with pytest.raises(EndpointError, match="HTTP 401") as error:
        publish(graph, url, graphs=[TRANSFER])
    assert "QITGRAPH_GSP_PASSWORD" in error.value.hint
    publish(graph, url, graphs=[TRANSFER], user="curator", password="secret")
    assert TRANSFER in store.graphs


def test_unreachable_store(graph: Graph) -> None:
    with pytest.raises(EndpointError, match="cannot send graph"):
        publish(graph, "http://127.0.0.1:9/rdf-graphs", graphs=[TRANSFER], timeout=5)
    with pytest.raises(EndpointError, match="not an HTTP"):
        publish(graph, "ftp://example.org/gsp")
