"""SPARQL clients that are not ours (SPARQLWrapper, rdflib's SPARQLStore) query the live endpoint
in every result format and get the same answers as the embedded store in-process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from qitgraph.graph import Graph

from .conftest import LiveServer
from .test_sparql import RECIPIENTS, values_from

MEETINGS = """PREFIX qit: <https://w3id.org/qitgraph/ontology#>
SELECT ?m ?n WHERE { ?m a qit:Meeting ; qit:ofGroup <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n> ;
  qit:meetingNumber ?n } ORDER BY ?n ?m"""


@pytest.mark.parametrize(("fmt", "name"), [(JSON, "json"), (XML, "xml"), (CSV, "csv"), (TSV, "tsv")])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_every_format(live: LiveServer, graph: Graph, fmt: str, name: str, method: str) -> None:
    client = SPARQLWrapper(live.url + "/sparql")
    client.setQuery(RECIPIENTS)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    raw = client.query().response.read()
    assert values_from(name, raw) == [r["sg"] for r in graph.select(RECIPIENTS)]


def test_sparqlwrapper_construct(live: LiveServer, graph: Graph) -> None:
    query = "CONSTRUCT WHERE { <https://w3id.org/qitgraph/id/group/itu-t-fg-qit4n> ?p ?o }"
    client = SPARQLWrapper(live.url + "/sparql")
    client.setQuery(query)
    result = client.queryAndConvert()
    assert isinstance(result, rdflib.Graph) and len(result) == len(list(graph.query(query)))


def test_rdflib_sparqlstore(live: LiveServer, graph: Graph) -> None:
    remote = rdflib.Graph(SPARQLStore(live.url + "/sparql"))
    got = [(str(r.m), int(r.n)) for r in remote.query(MEETINGS)]
    assert got == [(r["m"], r["n"]) for r in graph.select(MEETINGS)] and len(got) >= 9


def test_app_over_a_remote_backend_gives_the_same_answers(live: LiveServer, graph: Graph) -> None:
    """``--backend URL``: an app whose store is another SPARQL endpoint (here, our own live one)."""
    from fastapi.testclient import TestClient

    from qitgraph.settings import Settings
    from qitgraph.web import create_app

    app = create_app(Settings(backend_url=live.url + "/sparql", max_rows=1000))
    try:
        client = TestClient(app)
        for fmt in ("json", "xml", "csv", "tsv"):
            r = client.get("/sparql", params={"query": RECIPIENTS, "format": fmt})
            assert values_from(fmt, r.content) == [r["sg"] for r in graph.select(RECIPIENTS)]
        page = client.get("/id/group/itu-t-fg-qit4n", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "QIT4N" in page.text
        assert client.get("/-/health").json()["store"]["backend"] == "remote"
        assert client.get("/").status_code == 200
    finally:
        app.state.qitgraph.store.close()


COMUNICA = os.environ.get("COMUNICA_SPARQL") or shutil.which("comunica-sparql")


@pytest.mark.skipif(COMUNICA is None, reason="Comunica is not installed: `npm install @comunica/query-sparql` "
                                             "and put comunica-sparql on PATH or in COMUNICA_SPARQL")
@pytest.mark.parametrize("media", ["application/sparql-results+json", "text/csv"])
def test_comunica(live: LiveServer, graph: Graph, media: str) -> None:
    """Comunica (a JavaScript SPARQL client, from npm) gets the same answers over HTTP."""
    done = subprocess.run([str(COMUNICA), f"sparql@{live.url}/sparql", RECIPIENTS, "-t", media],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    expected = [r["sg"] for r in graph.select(RECIPIENTS)]
    if media.endswith("json"):
        assert [b["sg"]["value"] for b in json.loads(done.stdout)["results"]["bindings"]] == expected
    else:
        assert done.stdout.splitlines() == ["sg", *expected]
