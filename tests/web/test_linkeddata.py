"""Linked data: every resource of the data dereferences in each format, with Link headers; the
HTML page shows label, types, properties, incoming links and sources; the dump reproduces the
store; VoID and the ontology are served."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from qitgraph.graph import Graph

ID = "https://w3id.org/qitgraph/id/"
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
           "rdf": ox.RdfFormat.RDF_XML}


def subjects(graph: Graph) -> list[str]:
    rows = graph.select(f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{ID}")) }} ORDER BY ?s')
    return [r["s"] for r in rows]


def per_kind(resources: list[str], n: int = 5) -> list[str]:
    """Up to ``n`` resources of each kind (``id/{kind}/...``): every kind, in bounded time."""
    seen: dict[str, int] = {}
    out = []
    for iri in resources:
        kind = iri[len(ID):].split("/", 1)[0]
        if seen.get(kind, 0) < n:
            seen[kind] = seen.get(kind, 0) + 1
            out.append(iri)
    return out


def test_every_resource_dereferences_as_turtle(client: TestClient, graph: Graph) -> None:
    resources = subjects(graph)
    assert len(resources) > 100
    for iri in resources:
        r = client.get("/id/" + iri[len(ID):] + ".ttl")
        assert r.status_code == 200, (iri, r.text)
        assert any(q.subject.value == iri for q in ox.parse(r.content, format=ox.RdfFormat.TURTLE))


def test_resources_of_every_kind_dereference_in_each_format(client: TestClient, graph: Graph) -> None:
    for iri in per_kind(subjects(graph)):
        path = "/id/" + iri[len(ID):]
        own = {(t.subject, t.predicate, t.object) for t in graph.query(f"CONSTRUCT WHERE {{ <{iri}> ?p ?o }}")}
        for ext, fmt in FORMATS.items():
            r = client.get(f"{path}.{ext}")
            assert r.status_code == 200, (path, ext, r.text)
            got = {(q.subject, q.predicate, q.object) for q in ox.parse(r.content, format=fmt)}
            assert own <= got, (path, ext)


def test_resources_of_every_kind_have_an_html_page(client: TestClient, graph: Graph) -> None:
    for iri in per_kind(subjects(graph)):
        r = client.get("/id/" + iri[len(ID):], headers={"Accept": "text/html"})
        assert r.status_code == 200 and f"<code id=\"iri\">{iri}</code>" in r.text


@pytest.mark.parametrize(("accept", "media"), [
    ("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"), ("text/html", "text/html"),
    (None, "text/turtle")])
def test_conneg_and_link_headers(client: TestClient, accept: str | None, media: str) -> None:
    headers = {"Accept": accept} if accept else {"Accept": ""}
    r = client.get("/id/group/itu-t-fg-qit4n", headers=headers)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.headers["vary"].startswith("Accept")
    link = r.headers["link"]
    assert 'rel="alternate"' in link and "/id/group/itu-t-fg-qit4n." in link
    assert f'type="{media}"' not in link


def test_unknown_resource_is_404(client: TestClient) -> None:
    assert client.get("/id/group/no-such-group").status_code == 404
    assert client.get("/id/group/no-such-group", headers={"Accept": "text/html"}).status_code == 404
    assert client.get("/id/group/bad%20slug.ttl").status_code == 404


def test_html_page_of_the_focus_group(client: TestClient) -> None:
    html = client.get("/id/group/itu-t-fg-qit4n", headers={"Accept": "text/html"}).text
    assert 'id="label">' in html and "QIT4N" in html
    assert 'href="/ontology#FocusGroup"' in html  # its type, linked to the ontology docs here
    assert 'id="incoming"' in html and 'href="/id/event/fg-qit4n-meeting-1"' in html
    assert 'id="sources"' in html and "graph/fg-progress-report-2021" in html
    assert '<link rel="alternate" type="text/turtle" href="/id/group/itu-t-fg-qit4n.ttl">' in html


def test_dump_round_trip_reproduces_the_store(client: TestClient, graph: Graph) -> None:
    r = client.get("/dump.nq")
    assert r.status_code == 200
    dumped = list(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))
    assert len(dumped) == len(graph)
    def ground(quads: object) -> set[tuple[object, ...]]:
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in quads  # type: ignore[attr-defined]
                if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}
    assert ground(dumped) == ground(graph.store)
    ttl = client.get("/dump.ttl")
    triples = {(t.subject, t.predicate, t.object) for t in ox.parse(ttl.content, format=ox.RdfFormat.TURTLE)}
    assert len(triples) == len({(q.subject, q.predicate, q.object) for q in graph.store})


def test_void_has_counts_and_dumps(client: TestClient, graph: Graph) -> None:
    r = client.get("/.well-known/void")
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    void = "http://rdfs.org/ns/void#"
    top = [t for t in triples if t.predicate.value == void + "triples"
           and t.subject.value == "https://w3id.org/qitgraph/dataset"]
    assert int(top[0].object.value) == len(graph)
    dumps = {t.object.value for t in triples if t.predicate.value == void + "dataDump"}
    assert dumps == {"http://testserver/dump.nq", "http://testserver/dump.ttl"}
    assert any(t.object.value == "http://www.w3.org/ns/dcat#Dataset" for t in triples)
    assert client.get("/.well-known/void", headers={"Accept": "application/ld+json"}).headers[
        "content-type"].startswith("application/ld+json")


def test_ontology_formats_and_docs(client: TestClient, graph: Graph) -> None:
    onto = "https://w3id.org/qitgraph/graph/ontology"
    n = graph.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{onto}> {{ ?s ?p ?o }} }}")[0]["n"]
    for ext, fmt in FORMATS.items():
        r = client.get(f"/ontology.{ext}")
        assert len(list(ox.parse(r.content, format=fmt))) == n, ext
    html = client.get("/ontology", headers={"Accept": "text/html"}).text
    labels = graph.select("PREFIX owl: <http://www.w3.org/2002/07/owl#> SELECT (COUNT(*) AS ?n) WHERE { "
                          "?c a owl:Class FILTER(STRSTARTS(STR(?c), 'https://w3id.org/qitgraph/ontology#')) }")
    assert html.count('class="term"') >= labels[0]["n"]
    assert 'id="FocusGroup"' in html and 'id="responsibleGroup"' in html


def test_jsonld_context_maps_terms(client: TestClient) -> None:
    context = client.get("/ontology/context.jsonld").json()["@context"]
    assert context["qit"] == "https://w3id.org/qitgraph/ontology#"
    assert context["responsibleGroup"] == {"@id": "https://w3id.org/qitgraph/ontology#responsibleGroup", "@type": "@id"}
    # the context really works: a resource's JSON-LD compacted with it expands to the same triples
    doc = {"@context": context, "@id": "https://w3id.org/qitgraph/id/workitem/x", "responsibleGroup": "https://w3id.org/qitgraph/id/group/itu-t-sg13"}
    quads = list(ox.parse(json.dumps(doc).encode(), format=ox.RdfFormat.JSON_LD))
    assert quads[0].object == ox.NamedNode("https://w3id.org/qitgraph/id/group/itu-t-sg13")


@pytest.mark.parametrize("path", ["/id/group/itu-t-sg13", "/ontology", "/dump.nq", "/.well-known/void", "/"])
def test_head_answers_like_get_without_body(client: TestClient, path: str) -> None:
    head = client.head(path, headers={"Accept-Encoding": "identity"})
    get = client.get(path, headers={"Accept-Encoding": "identity"})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert int(head.headers["content-length"]) == len(get.content)


def test_large_answers_are_compressed(client: TestClient) -> None:
    r = client.get("/dump.nq", headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
