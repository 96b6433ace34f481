"""``qitgraph serve --backend URL``: the web app over Virtuoso answers every named query and the
gap report as it does over the embedded store (a production store behind the same
queries)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from qitgraph.client import Endpoint
from qitgraph.graph import Graph
from qitgraph.namedqueries import NamedQuery, list_named_queries
from qitgraph.settings import Settings
from qitgraph.web import create_app

from .conftest import Virtuoso
from .test_same_answers import KNOWN_DIFFERENCES, as_multiset


@pytest.fixture(scope="module")
def backed_app(published: Endpoint, virtuoso: Virtuoso) -> Iterator[FastAPI]:
    app = create_app(Settings(backend_url=virtuoso.sparql, query_timeout=60.0, max_rows=100_000))
    yield app
    app.state.qitgraph.store.close()


@pytest.fixture(scope="module")
def backed(backed_app: FastAPI) -> TestClient:
    return TestClient(backed_app)


@pytest.mark.parametrize("query", list_named_queries(), ids=lambda q: q.name)
def test_named_query_through_the_backend(query: NamedQuery, graph: Graph, backed: TestClient,
                                         request: pytest.FixtureRequest) -> None:
    known = KNOWN_DIFFERENCES.get(f"queries/{query.path.name}")
    if known:
        request.applymarker(pytest.mark.xfail(reason=known, strict=False))
    response = backed.get(f"/queries/{query.name}.json")
    assert response.status_code == 200, response.text
    doc = response.json()
    columns = doc["columns"]
    embedded = graph.select(query.text, query.bindings())
    concat = "GROUP_CONCAT" in query.text.upper()
    assert as_multiset(doc["rows"], columns, concat=concat) == as_multiset(embedded, columns, concat=concat)


def test_gap_report_through_the_backend(backed: TestClient, virtuoso: Virtuoso) -> None:
    response = backed.get("/gaps")
    assert response.status_code == 200
    html = response.text
    assert virtuoso.sparql in html  # the report says what data it was made from
    assert "D1.3" in html and "CEN-CENELEC FG QT" in html


def test_home_page_counts_through_the_backend(backed: TestClient) -> None:
    response = backed.get("/")
    assert (response.status_code == 200 and "FG QIT4N" in response.text) or "focus group" in response.text
