"""Pages and APIs for people and tools: home, query page, named queries, the JSON search API,
health; each checked against facts of the sources."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from qitgraph.graph import Graph
from qitgraph.namedqueries import list_named_queries
from qitgraph.stats import graph_stats

HTML = {"Accept": "text/html"}


def test_home_says_what_the_graph_holds(client: TestClient, graph: Graph) -> None:
    r = client.get("/")
    assert r.status_code == 200
    stats = graph_stats(graph)
    assert f'<strong id="triple-count">{stats.triples}</strong>' in r.text
    for _, label, n in stats.by_body:
        assert f">{label}</a></td><td class=\"num\">{n}</td>" in r.text
    for iri, _ in stats.by_graph:
        assert iri.rsplit("/", 1)[-1] in r.text
    for section in ('id="by-class"', 'id="by-body"', 'id="by-graph"', 'href="/sparql"', "/dump.nq"):
        assert section in r.text


def test_query_page_shows_results_with_links_and_downloads(client: TestClient) -> None:
    query = ("PREFIX qit: <https://w3id.org/qitgraph/ontology#> SELECT ?m ?n WHERE { ?m a qit:Meeting ; "
             "qit:ofGroup <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n> ; qit:meetingNumber ?n } ORDER BY ?n")
    r = client.get("/sparql", params={"query": query}, headers=HTML)
    assert r.status_code == 200
    assert 'href="/id/event/fg-qit4n-meeting-1"' in r.text
    for fmt in ("json", "xml", "csv", "tsv"):
        assert f"format={fmt}" in r.text
    assert "<script src=\"/static/query.js\"></script>" in r.text and "cdn" not in r.text.lower()


def test_query_page_shows_the_error_at_its_place(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p \n}"}, headers=HTML)
    assert r.status_code == 400
    assert 'data-line="2" data-column="3"' in r.text
    assert "2:   ?s ?p \n     ^" in r.text.replace("&#39;", "'")


def test_query_page_lists_named_queries_as_examples(client: TestClient) -> None:
    r = client.get("/sparql", headers=HTML)
    for q in list_named_queries():
        assert f'<option value="{q.name}">' in r.text


def test_named_query_pages(client: TestClient) -> None:
    listing = client.get("/queries", headers={"Accept": "application/json"}).json()
    assert {q["name"] for q in listing} == {q.name for q in list_named_queries()}
    for q in list_named_queries():
        r = client.get(f"/queries/{q.name}.json")
        assert r.status_code == 200, (q.name, r.text)
        assert client.get(f"/queries/{q.name}", headers=HTML).status_code == 200


def test_named_query_with_bound_parameters(client: TestClient) -> None:
    data = client.get("/queries/group-meetings.json", params={"group": "https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n"}).json()
    held = [r for r in data["rows"] if r.get("status") in ("held", "https://w3id.org/qitgraph/id/status/held")]
    assert len(held) == 9  # FG QIT4N held 9 meetings as of October 2021 (progress report)
    r = client.get("/queries/deliverable-recipients.csv", params={"deliverable": "D2.2"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4


@pytest.mark.parametrize(("params", "status"), [
    ({"nope": "1"}, 400), ({"group": "not an iri"}, 400), ({"group": '> } SERVICE <http://x> { ?s ?p ?o'}, 400)],
    ids=["unknown-parameter", "not-an-iri", "injection-attempt"])
def test_named_query_bad_parameters(client: TestClient, params: dict[str, str], status: int) -> None:
    r = client.get("/queries/group-meetings.json", params=params)
    assert r.status_code == status and r.json()["hint"]


def test_literal_parameter_is_bound_not_pasted(client: TestClient) -> None:
    hostile = 'D2.2" } SERVICE <http://x> { ?s ?p ?o } #'
    r = client.get("/queries/deliverable-recipients.json", params={"deliverable": hostile})
    assert r.status_code == 200 and r.json()["rows"] == []


def test_unknown_named_query_is_404(client: TestClient) -> None:
    r = client.get("/queries/no-such-query", headers={"Accept": "application/json"})
    assert r.status_code == 404 and "known queries" in r.json()["hint"]


def test_search_by_text(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "QIT4N"}).json()
    iris = {h["iri"] for h in data["results"]}
    assert "https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n" in iris
    hit = next(h for h in data["results"] if h["iri"].endswith("/group/itu-t-fg-qit4n"))
    assert hit["url"] == "/id/group/itu-t-fg-qit4n"


def test_search_filters(client: TestClient, graph: Graph) -> None:
    by_group = client.get("/api/search", params={"group": "itu-t-sg13", "limit": 500}).json()["results"]
    assert any("/assignment/" in h["iri"] for h in by_group)  # SG13 receives deliverables
    held = client.get("/api/search", params={"status": "held", "group": "itu-t-fg-qit4n"}).json()["results"]
    meetings = [h for h in held if "/event/fg-qit4n-meeting-" in h["iri"]]
    assert len(meetings) >= 9
    year = client.get("/api/search", params={"year": "2019", "body": "itu-t"}).json()
    assert year["count"] > 0
    limited = client.get("/api/search", params={"q": "a", "limit": 3}).json()
    assert limited["count"] == 3 and limited["truncated"] is True


@pytest.mark.parametrize("params", [{"year": "19"}, {"group": "Bad Slug!"}], ids=["short-year", "bad-slug"])
def test_search_bad_filters(client: TestClient, params: dict[str, str]) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == 400 and r.json()["hint"]


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "body", "group", "topic", "status", "year", "limit"} <= params
    assert "/id/{kind}/{slug}" in spec["paths"]


def test_health(client: TestClient) -> None:
    r = client.get("/-/health").json()
    assert r["status"] == "ok" and r["store"]["backend"] == "embedded" and r["store"]["workers_alive"] == 2


def test_query_page_shows_a_construct_as_a_table(client: TestClient) -> None:
    query = "CONSTRUCT WHERE { <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n> ?p ?o }"
    r = client.get("/sparql", params={"query": query}, headers=HTML)
    assert r.status_code == 200
    assert "<th>subject</th><th>predicate</th><th>object</th>" in r.text
    assert "format=ttl" in r.text and "format=jsonld" in r.text


def test_query_page_downloads_keep_the_dataset(client: TestClient) -> None:
    graph = "https://w3id.org/qitgraph/graph/ontology"
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                      "default-graph-uri": graph}, headers=HTML)
    assert "default-graph-uri=https%3A%2F%2Fw3id.org%2Fqitgraph%2Fgraph%2Fontology&amp;format=csv" in r.text


def test_openapi_page_loads_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "https://cdn" not in page.text and "swagger-ui-bundle.js" in page.text
    script = page.text.split('src="', 1)[1].split('"', 1)[0]
    assert script.startswith("/") and client.get(script).status_code == 200
