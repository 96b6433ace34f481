"""The W3C SPARQL 1.1 Protocol tests (../shared/w3c/sparql11-protocol/manifest.ttl), run from
their manifest through HTTP against the real app. Query tests and the ``bad_*`` tests apply to a
read-only endpoint; the ``update_*`` tests need a writable endpoint and are skipped with that
reason (this endpoint refuses updates, which the ``bad_update_*`` tests check as a 4xx)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.namespace import RDF, RDFS

from qitgraph.settings import Settings
from qitgraph.web import create_app

PROTOCOL = Path(__file__).resolve().parents[2].parent / "shared" / "w3c" / "sparql11-protocol"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
             "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
             "application/trig": ox.RdfFormat.TRIG}


@dataclass
class Step:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]
    expected_format: str | None
    expected_boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    label: str
    steps: list[Step] = field(default_factory=list)
    graphs: dict[str, Path] = field(default_factory=dict)


def _list(g: rdflib.Graph, head: rdflib.term.Node) -> Iterator[rdflib.term.Node]:
    yield from rdflib.collection.Collection(g, head)


def load_manifest() -> list[ProtocolTest]:
    g = rdflib.Graph().parse(PROTOCOL / "manifest.ttl", format="turtle")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in _list(g, g.value(manifest, MF.entries)):
        test = ProtocolTest(str(entry).rsplit("#", 1)[-1], str(g.value(entry, MF.name)))
        for data in g.objects(entry, UT.graphData):
            test.graphs[str(g.value(data, RDFS.label))] = Path(str(g.value(data, UT.graph)).replace("file://", ""))
        action = g.value(entry, MF.action)
        for req in _list(g, g.value(action, HT.requests)):
            headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
                       for h in _list(g, g.value(req, HT.headers))} if g.value(req, HT.headers) else {}
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding.lower())
            resp = g.value(req, HT.resp)
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            test.steps.append(Step(
                str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
                headers, body, {str(s)[len(HTS):] for s in g.objects(resp, MF.expectedStatus)},
                str(fmt) if fmt is not None else None, bool(boolean.toPython()) if boolean is not None else None))
        tests.append(test)
    return tests


TESTS = load_manifest() if (PROTOCOL / "manifest.ttl").is_file() else []


@pytest.fixture(scope="module")
def protocol_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An app over the protocol tests' data: each data file in the named graph its label gives."""
    quads = []
    for test in TESTS:
        for graph, path in test.graphs.items():
            source = PROTOCOL / path.name
            for q in ox.parse(source.read_bytes(), format=ox.RdfFormat.N_TRIPLES):
                quads.append(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)))
    data = tmp_path_factory.mktemp("protocol") / "protocol-data.nq"
    data.write_bytes(ox.serialize(set(quads), format=ox.RdfFormat.N_QUADS))
    app = create_app(Settings(include_defaults=False, data_files=(data,), workers=1, query_timeout=5))
    yield TestClient(app)
    app.state.qitgraph.store.close()


def check_format(step: Step, response: object) -> None:
    assert hasattr(response, "headers")
    media = response.headers["content-type"].split(";")[0].strip()  # type: ignore[attr-defined]
    content: bytes = response.content  # type: ignore[attr-defined]
    if step.expected_format == "boolean":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml")
        if media.endswith("json"):
            value = json.loads(content)["boolean"]
        else:
            node = ET.fromstring(content).find("{http://www.w3.org/2005/sparql-results#}boolean")
            assert node is not None
            value = node.text == "true"
        if step.expected_boolean is not None:
            assert value is step.expected_boolean
    elif step.expected_format == "tabular":
        assert media in RESULT_TYPES
    elif step.expected_format == "RDF":
        assert media in RDF_TYPES
        list(ox.parse(content, format=RDF_TYPES[media]))


@pytest.mark.skipif(not TESTS, reason=f"{PROTOCOL} is absent: the W3C manifests live in ../shared")
@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_protocol(test: ProtocolTest, protocol_client: TestClient) -> None:
    if test.name.startswith("update_"):
        pytest.skip("needs a writable endpoint; this one refuses updates (see bad_update_* tests)")
    for step in test.steps:
        parts = urlsplit(step.path)
        response = protocol_client.request(step.method, parts.path + ("?" + parts.query if parts.query else ""),
                                           headers=step.headers, content=step.body)
        assert f"{str(response.status_code)[0]}xx" in step.statuses, (response.status_code, response.text)
        if response.status_code < 300:
            check_format(step, response)
