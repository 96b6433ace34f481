"""The /sparql endpoint against the real data: every result format gives the same answers as the
embedded store in-process; status codes; service description; CORS; limits and refusals."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from qitgraph.graph import Graph

SRX = "{http://www.w3.org/2005/sparql-results#}"
RECIPIENTS = """PREFIX qit: <https://w3id.org/qitgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?sg WHERE {
  ?a a qit:Assignment ; qit:stage qit:FinalTransfer ; qit:recipient/rdfs:label ?sg ;
     qit:deliverable/qit:identifier "D2.2" .
} ORDER BY ?sg"""
D22_FINAL = ["ITU-T SG11", "ITU-T SG13", "ITU-T SG15", "ITU-T SG17"]


def values_from(fmt: str, body: bytes) -> list[str]:
    """The ?sg column of a SELECT answer in any result format."""
    if fmt == "json":
        return [b["sg"]["value"] for b in json.loads(body)["results"]["bindings"]]
    if fmt == "xml":
        root = ET.fromstring(body)
        return [lit.text or "" for lit in root.iter(SRX + "literal")]
    if fmt == "csv":
        return [row["sg"] for row in csv.DictReader(io.StringIO(body.decode()))]
    rows = body.decode().splitlines()[1:]
    return [ox.Literal(r.split('"')[1]).value for r in rows]  # TSV: "ITU-T SG11"@en


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_select_every_format_same_answer(client: TestClient, graph: Graph, fmt: str) -> None:
    expected = [r["sg"] for r in graph.select(RECIPIENTS)]
    assert expected == D22_FINAL  # the fact from the transfer document (TSAG, January 2022)
    r = client.get("/sparql", params={"query": RECIPIENTS, "format": fmt})
    assert r.status_code == 200
    assert values_from(fmt, r.content) == expected
    assert r.headers["vary"].startswith("Accept")
    assert r.headers["x-qitgraph-truncated"] == "false"


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values")])
def test_select_by_accept(client: TestClient, accept: str, media: str) -> None:
    r = client.post("/sparql", data={"query": RECIPIENTS}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)


@pytest.mark.parametrize(("fmt", "oxfmt"), [("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                                            ("jsonld", ox.RdfFormat.JSON_LD), ("rdfxml", ox.RdfFormat.RDF_XML),
                                            ("trig", ox.RdfFormat.TRIG)])
def test_construct_every_format(client: TestClient, graph: Graph, fmt: str, oxfmt: ox.RdfFormat) -> None:
    query = ("PREFIX qit: <https://w3id.org/qitgraph/ontology#> "
             "CONSTRUCT { ?m ?p ?o } WHERE { ?m a qit:Meeting ; ?p ?o }")
    expected = {(t.subject, t.predicate, t.object) for t in graph.query(query)}
    r = client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"},
                    params={"format": fmt})
    assert r.status_code == 200, r.text
    got = {(q.subject, q.predicate, q.object) for q in ox.parse(r.content, format=oxfmt)}
    assert got == expected and len(got) > 20


def test_describe_as_turtle(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "DESCRIBE <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n>"},
                   headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and "QIT4N" in r.text


def test_ask_json_and_xml(client: TestClient) -> None:
    ask = "ASK { <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n> ?p ?o }"
    assert client.get("/sparql", params={"query": ask}).json() == {"head": {}, "boolean": True}
    r = client.get("/sparql", params={"query": ask}, headers={"Accept": "application/sparql-results+xml"})
    assert b"<boolean>true</boolean>" in r.content


def test_syntax_error_has_line_and_column(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"},
                   headers={"Accept": "application/json"})
    assert r.status_code == 400
    body = r.json()
    assert (body["line"], body["column"]) == (2, 3)  # the incomplete triple pattern starts there
    assert "line 2, column 3" in body["message"]


def test_syntax_error_as_text_for_sparql_clients(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "ASK {"}, headers={"Accept": "text/csv"})
    assert r.status_code == 400 and "line: 1" in r.text


@pytest.mark.parametrize(("method", "kwargs", "status"), [
    ("PUT", {"params": {"query": "ASK {}"}}, 405),
    ("DELETE", {}, 405),
    ("GET", {"params": {"query": "ASK {}"}, "headers": {"Accept": "text/turtle"}}, 406),
    ("GET", {"params": {"query": "ASK {}", "format": "yaml"}}, 406),
    ("POST", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ("POST", {"content": "ASK {}", "headers": {"Content-Type": "application/sparql-query; charset=latin-1"}}, 415),
    ("POST", {"content": "ASK {} #" + "x" * 30_000, "headers": {"Content-Type": "application/sparql-query"}}, 413),
    ("POST", {"content": b"ASK { FILTER(\"\xff\") }", "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("GET", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
    ("GET", {"params": {"update": "CLEAR ALL"}}, 403),
    ("POST", {"content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 403),
    ("POST", {"data": {"query": "LOAD <http://example.org/x>"}}, 403),
    ("POST", {"data": {"query": "INSERT DATA { <a:a> <a:b> <a:c> }"}}, 403),
], ids=["put", "delete", "ask-as-turtle", "unknown-format", "text-plain", "latin-1", "body-too-large",
        "not-utf8", "two-queries", "bad-graph-iri", "update-get", "update-post", "load", "insert"])
def test_status_codes(client: TestClient, method: str, kwargs: dict, status: int) -> None:  # type: ignore[type-arg]
    r = client.request(method, "/sparql", **kwargs)
    assert r.status_code == status, r.text


def test_service_is_refused_without_connecting(client: TestClient) -> None:
    """SERVICE is refused before evaluation: a listener on loopback never sees a connection."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ OPTIONAL {{ SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }} }}"
        r = client.get("/sparql", params={"query": query})
        assert r.status_code == 403 and "SERVICE" in r.text
        with pytest.raises(TimeoutError):
            listener.accept()


def test_service_description(client: TestClient) -> None:
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["vary"].startswith("Accept")
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = [t.object.value for t in triples if t.predicate.value == sd + "endpoint"]
    assert endpoints == ["http://testserver/sparql"]
    assert any(t.object.value == sd + "UnionDefaultGraph" for t in triples)
    names = {t.object.value for t in triples if t.predicate.value == sd + "name"}
    assert "https://w3id.org/qitgraph/graph/fg-transfer-2022" in names


def test_bare_get_from_browser_is_the_query_page(client: TestClient) -> None:
    r = client.get("/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert r.status_code == 200 and 'id="query-form"' in r.text


def test_cors_without_credentials_also_on_errors(client: TestClient) -> None:
    for query in ("ASK {}", "ASK {"):
        r = client.get("/sparql", params={"query": query}, headers={"Origin": "https://example.org"})
        assert r.headers["access-control-allow-origin"] == "*"
        assert "access-control-allow-credentials" not in r.headers
    pre = client.options("/sparql", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


def test_head(client: TestClient) -> None:
    r = client.head("/sparql", params={"query": "ASK {}"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")


def test_form_body_is_decoded_once(client: TestClient) -> None:
    r = client.post("/sparql", content=b"query=SELECT%20(%22%2541%22%20AS%20%3Fx)%20%7B%7D",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.json()["results"]["bindings"][0]["x"]["value"] == "%41"


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_non_ascii_survives(client: TestClient, fmt: str) -> None:
    text = "Zürich 量子 \"quoted\" ñ"
    query = 'SELECT ?x WHERE { VALUES ?x { "Zürich 量子 \\"quoted\\" ñ"@de } }'
    r = client.get("/sparql", params={"query": query, "format": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"].endswith("charset=utf-8")
    if fmt == "json":
        assert r.json()["results"]["bindings"][0]["x"] == {"type": "literal", "value": text, "xml:lang": "de"}
    else:
        assert "Zürich 量子".encode() in r.content


def test_dataset_from_request_narrows_default_graph(client: TestClient, graph: Graph) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    ontology = "https://w3id.org/qitgraph/graph/ontology"
    narrowed = client.get("/sparql", params={"query": count, "default-graph-uri": ontology}).json()
    union = client.get("/sparql", params={"query": count}).json()
    n = int(narrowed["results"]["bindings"][0]["n"]["value"])
    assert n == graph.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}")[0]["n"]
    assert n < int(union["results"]["bindings"][0]["n"]["value"])
    named = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                          "named-graph-uri": ontology}).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [ontology]


def test_row_cap_reports_truncation(client: TestClient) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # more rows than the test app's cap of 1000
    r = client.get("/sparql", params={"query": query})
    assert r.headers["x-qitgraph-truncated"] == "true" and r.headers["x-qitgraph-max-rows"] == "1000"
    body = r.json()
    assert body["truncated"] is True and len(body["results"]["bindings"]) == 1000
    xml = client.get("/sparql", params={"query": query, "format": "xml"})
    assert b'<link href="urn:qitgraph:truncated"/>' in xml.content
    csv_answer = client.get("/sparql", params={"query": query, "format": "csv"})
    assert csv_answer.headers["x-qitgraph-truncated"] == "true"
    assert len(csv_answer.text.splitlines()) == 1001
    ttl = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "ttl"})
    assert ttl.text.startswith("# truncated: only the first 1000 triples")


PATHOLOGICAL = {
    "cross-product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "unbounded-path": "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:x>|!<urn:x>)+ ?o . ?o (<urn:x>|!<urn:x>)+ ?z }",
}


@pytest.mark.parametrize("query", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_time_limit_stops_the_query_and_the_pool_recovers(client: TestClient, query: str) -> None:
    state = client.app.state.qitgraph  # type: ignore[attr-defined]
    killed = state.store.pool.killed
    r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/json"})
    assert r.status_code in (503, 500), r.text
    assert state.store.pool.killed == killed + 1 or r.status_code == 500
    # the killed worker's successor starts in the background; both workers answer again
    answers = [client.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] for _ in range(4)]
    assert answers == [True] * 4
    assert client.get("/-/health").json()["store"]["workers_alive"] == 2


def test_slow_query_does_not_stall_cheap_ones(live: object) -> None:
    """While a query grinds until its time limit, cheap queries on the other worker all finish."""
    import httpx

    url = live.url + "/sparql"  # type: ignore[attr-defined]
    slow: dict[str, int] = {}

    def run_slow() -> None:
        slow["status"] = httpx.get(url, params={"query": PATHOLOGICAL["cross-product"]}, timeout=30).status_code

    thread = threading.Thread(target=run_slow)
    thread.start()
    try:
        with httpx.Client(timeout=30) as c:
            answers = [c.get(url, params={"query": RECIPIENTS}).json() for _ in range(20)]
        still_running = thread.is_alive()
    finally:
        thread.join(30)
    assert all(len(a["results"]["bindings"]) == 4 for a in answers)
    assert still_running, "the cheap queries should finish while the slow one still runs"
    assert slow["status"] == 503


def test_no_file_access_through_queries(client: TestClient) -> None:
    """FROM and GRAPH name graphs of the store: a file IRI reads nothing from the disk."""
    query = "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200 and r.json()["results"]["bindings"] == []
    r = client.get("/sparql", params={"query": "SELECT * WHERE { GRAPH <file:///etc/hostname> { ?s ?p ?o } }"})
    assert r.json()["results"]["bindings"] == []


def test_from_in_the_query_narrows_the_default_graph(client: TestClient, graph: Graph) -> None:
    ontology = "https://w3id.org/qitgraph/graph/ontology"
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ontology}> WHERE {{ ?s ?p ?o }}"
    n = int(client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"])
    assert n == graph.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}")[0]["n"]
