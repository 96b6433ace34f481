"""The store layer: the query checker, the on-disk load that a restart reuses, a bad file that
changes nothing, and the remote backend speaking the standard protocols."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pyoxigraph as ox
import pytest

from qitgraph.errors import LoadError, QueryRefused, QuerySyntaxError
from qitgraph.rdffiles import RdfFile, extra_files
from qitgraph.store.embedded import EmbeddedStore
from qitgraph.store.formats import by_name
from qitgraph.store.guard import check_query
from qitgraph.store.loader import MANIFEST, build_store
from qitgraph.store.remote import RemoteStore

GOOD_TTL = '@prefix ex: <http://example.org/> .\nex:a ex:p "Zürich" .\nex:b ex:p ex:a .\n'


@pytest.mark.parametrize(("query", "form"), [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"), ("ASK {}", "ASK"), ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://example.org/a>", "DESCRIBE"),
    ("PREFIX s: <http://e/> SELECT * WHERE { ?x s:p 'SERVICE <http://x> {}' }", "SELECT")],
    ids=["select", "ask", "construct", "describe", "service-in-a-string-is-text"])
def test_check_query_forms(query: str, form: str) -> None:
    assert check_query(query).form == form


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }",
    "SELECT * WHERE { { SELECT ?s WHERE { OPTIONAL { SERVICE SILENT ?endpoint { ?s ?p ?o } } } } }",
    "CLEAR ALL", "LOAD <file:///etc/passwd>", "INSERT DATA { <a:b> <a:c> <a:d> }",
    "DELETE WHERE { ?s ?p ?o }", "DROP GRAPH <http://x>"],
    ids=["service", "nested-service", "clear", "load-file", "insert", "delete", "drop"])
def test_check_query_refuses(query: str) -> None:
    with pytest.raises(QueryRefused):
        check_query(query)


def test_service_allowed_when_configured() -> None:
    assert check_query("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", allow_service=True).form == "SELECT"


def test_check_query_syntax_error_position() -> None:
    with pytest.raises(QuerySyntaxError) as e:
        check_query("PREFIX ex: <http://e/>\nSELECT ?x WHERE {\n  ?x ex:p ?y ?z }")
    assert e.value.line == 3


def files_in(folder: Path, text: str = GOOD_TTL) -> list[RdfFile]:
    path = folder / "facts.ttl"
    path.write_text(text, encoding="utf-8")
    return extra_files([path])


def test_store_is_reused_when_files_are_unchanged(tmp_path: Path) -> None:
    files = files_in(tmp_path)
    store = tmp_path / "store"
    assert build_store(store, files) is True
    assert (store / MANIFEST).is_file()
    assert build_store(store, files) is False  # a restart opens the store as it is
    (tmp_path / "facts.ttl").write_text(GOOD_TTL + 'ex:c ex:p "new" .\n', encoding="utf-8")
    assert build_store(store, files) is True
    assert len(ox.Store.read_only(str(store))) == 3


def test_bad_file_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_store(store, files_in(tmp_path))
    bad = files_in(tmp_path, GOOD_TTL + "ex:c ex:p .\n")
    with pytest.raises(LoadError) as e:
        build_store(store, bad)
    assert e.value.line == 4 and "facts.ttl" in str(e.value)
    assert len(ox.Store.read_only(str(store))) == 2


def test_foreign_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "precious"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(LoadError, match="not a qitgraph store"):
        build_store(folder, files_in(tmp_path))
    assert (folder / "notes.txt").read_text() == "keep me"


def test_embedded_store_persists_and_answers(tmp_path: Path) -> None:
    files = files_in(tmp_path)
    store = EmbeddedStore(files, tmp_path / "store", workers=1, timeout=5)
    try:
        answer = store.run(check_query("SELECT ?o WHERE { <http://example.org/a> ?p ?o }"), by_name("json"))  # type: ignore[arg-type]
        assert json.loads(answer.body)["results"]["bindings"][0]["o"]["value"] == "Zürich"
    finally:
        store.close()
    again = EmbeddedStore(files, tmp_path / "store", workers=1, timeout=5)
    try:
        assert again.reloaded is False and again.triple_count() == 2
    finally:
        again.close()
    assert (tmp_path / "store").is_dir()  # a given store folder is kept


class FakeRemote:
    """A SPARQL 1.1 Protocol server in a handler (pyoxigraph behind httpx.MockTransport)."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self.updates = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        if request.url.path == "/update":
            self.store.update(form["update"])
            self.updates += 1
            return httpx.Response(204)
        result = self.store.query(form["query"], use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            return httpx.Response(200, content=ox.serialize(result, format=ox.RdfFormat.N_TRIPLES))
        return httpx.Response(200, content=result.serialize(format=ox.QueryResultsFormat.JSON))


def test_remote_store_loads_and_queries(tmp_path: Path) -> None:
    remote = FakeRemote()
    store = RemoteStore("http://remote/sparql", update_url="http://remote/update", max_rows=1,
                        transport=httpx.MockTransport(remote))
    store.load(files_in(tmp_path))
    assert remote.updates == 1 and store.triple_count() == 2
    answer = store.run(check_query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"), by_name("csv"))  # type: ignore[arg-type]
    assert answer.truncated is True and answer.body.decode().splitlines() == ["s", "http://example.org/a"]
    ttl = store.run(check_query("CONSTRUCT WHERE { ?s ?p ?o }"), by_name("ttl"), max_rows=10)  # type: ignore[arg-type]
    assert len(list(ox.parse(ttl.body, format=ox.RdfFormat.TURTLE))) == 2
    quads = list(ox.parse(store.dump(by_name("nq")), format=ox.RdfFormat.N_QUADS))  # type: ignore[arg-type]
    assert {q.graph_name.value for q in quads} == {"https://w3id.org/qitgraph/graph/facts"}
