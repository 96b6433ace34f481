"""The SPARQL client against a real protocol endpoint (the embedded graph served over HTTP) and
against endpoints that fail the ways real ones do."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from qitgraph.client import Endpoint
from qitgraph.errors import EndpointError
from qitgraph.gaps.queries import list_gap_queries, run_gap_query
from qitgraph.graph import Graph

D22 = """PREFIX qit: <https://w3id.org/qitgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?sg WHERE {
  ?a a qit:Assignment ; qit:stage ?stage ; qit:recipient/rdfs:label ?sg ; qit:deliverable/qit:identifier ?id .
} ORDER BY ?sg"""


def no_sleep(seconds: float) -> None:
    pass


def test_every_gap_query_answers_the_same_over_http(graph: Graph, endpoint_url: str) -> None:
    remote = Endpoint(endpoint_url, timeout=30)
    for query in list_gap_queries():
        local = run_gap_query(graph, query)
        over_http = run_gap_query(remote, query)
        assert over_http.columns == local.columns, query.name
        assert over_http.rows == local.rows, query.name


def test_bindings_are_sent_as_values(endpoint_url: str) -> None:
    final = ox.NamedNode("https://w3id.org/qitgraph/ontology#FinalTransfer")
    columns, rows = Endpoint(endpoint_url).select(D22, {"id": ox.Literal("D2.2"), "stage": final})
    assert columns == ["sg"]
    # D2.2 goes to SG13, SG17, SG15 and SG11 in the final transfer.
    assert [r["sg"] for r in rows] == ["ITU-T SG11", "ITU-T SG13", "ITU-T SG15", "ITU-T SG17"]


def test_integers_and_booleans_are_python_values(endpoint_url: str) -> None:
    remote = Endpoint(endpoint_url)
    assert remote.rows("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"] > 1000
    assert remote.ask("ASK { ?s ?p ?o }") is True


def test_transient_errors_are_retried(flaky_url: tuple[str, list[int]]) -> None:
    url, calls = flaky_url
    waits: list[float] = []
    rows = Endpoint(url, retries=3, backoff=0.25, sleep=waits.append).rows("SELECT (1 AS ?one) WHERE {}")
    assert rows == [{"one": 1}]
    assert len(calls) == 3 and waits == [0.25, 0.5]  # exponential backoff


def test_retries_give_up_with_a_clear_error(flaky_url: tuple[str, list[int]]) -> None:
    url, _calls = flaky_url
    with pytest.raises(EndpointError, match=r"HTTP 503: starting up \(after 2 attempts\)"):
        Endpoint(url, retries=1, sleep=no_sleep).rows("SELECT * WHERE {}")


def test_unreachable_endpoint(closed_url: str) -> None:
    with pytest.raises(EndpointError) as error:
        Endpoint(closed_url, retries=2, sleep=no_sleep).rows("SELECT * WHERE {}")
    assert "cannot connect" in str(error.value) and "after 3 attempts" in str(error.value)
    assert "check that the endpoint is running" in str(error.value)
    assert error.value.exit_code == 4 and error.value.http_status == 502


def test_a_web_page_is_not_an_endpoint(html_url: str) -> None:
    with pytest.raises(EndpointError, match="not JSON"):
        Endpoint(html_url, retries=0).rows("SELECT * WHERE {}")


def test_a_bad_query_says_what_the_endpoint_said(endpoint_url: str) -> None:
    with pytest.raises(EndpointError, match="refused the query"):
        Endpoint(endpoint_url, retries=0).rows("SELECT WHERE {")


def test_url_must_be_http() -> None:
    with pytest.raises(EndpointError, match="not an HTTP"):
        Endpoint("localhost:8000/sparql")
