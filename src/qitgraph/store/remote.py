"""A remote SPARQL 1.1 endpoint as the store (for a deployment that outgrows one process, such as
Virtuoso or Fuseki), reached over the standard protocols with httpx.

Queries go out as SPARQL 1.1 Protocol POSTs asking for SPARQL JSON (SELECT, ASK) or N-Triples
(CONSTRUCT, DESCRIBE); the answer is parsed and re-serialized with the same row cap and formats
as the embedded store, so the app cannot tell the two apart. The time limit is the HTTP timeout
(the remote server may keep working; its own limit should be set too). With an update URL the
files are loaded at start, one ``DROP SILENT GRAPH`` + ``INSERT DATA`` per named graph, the
triples written by pyoxigraph in N-Triples syntax (no text from outside is pasted).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx
import pyoxigraph as ox

from qitgraph.errors import EndpointError, QueryTimeout
from qitgraph.rdffiles import RdfFile, read_quads
from qitgraph.store.base import UNION_DATASET, Dataset
from qitgraph.store.formats import Format
from qitgraph.store.guard import CheckedQuery
from qitgraph.store.results import Answer, as_bytes, graph_bytes, serialize_answer

_ACCEPT = {"results": "application/sparql-results+json", "graph": "application/n-triples"}
QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class RemoteStore:
    def __init__(self, url: str, *, update_url: str | None = None, timeout: float = 10.0,
                 max_rows: int = 10_000, transport: httpx.BaseTransport | None = None) -> None:
        self.url = url
        self.update_url = update_url
        self.timeout = timeout
        self.max_rows = max_rows
        self.client = httpx.Client(timeout=timeout, transport=transport)

    def _post(self, url: str, data: dict[str, Any], accept: str) -> httpx.Response:
        try:
            response = self.client.post(url, data=data, headers={"Accept": accept})
        except httpx.TimeoutException:
            raise QueryTimeout(f"the remote endpoint did not answer within {self.timeout:g} s",
                               hint="make the query more selective") from None
        except httpx.HTTPError as e:
            raise EndpointError(f"cannot reach {url}: {e}", hint="check --backend") from None
        if response.status_code >= 400:
            raise EndpointError(f"{url} answered {response.status_code}: {response.text[:300]}")
        return response

    def run(self, query: CheckedQuery, fmt: Format, dataset: Dataset = UNION_DATASET, *,
            max_rows: int | None = None, base_iri: str | None = None) -> Answer:
        """``base_iri`` is not sent: the remote endpoint resolves relative IRIs against its own URL."""
        data: dict[str, Any] = {"query": query.text}
        if dataset.default_graph is not None:
            data["default-graph-uri"] = list(dataset.default_graph)
        if dataset.named_graphs is not None:
            data["named-graph-uri"] = list(dataset.named_graphs)
        response = self._post(self.url, data, _ACCEPT[query.family])
        result: Any
        if query.family == "results":
            result = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        else:
            result = (ox.Triple(q.subject, q.predicate, q.object)
                      for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
        return serialize_answer(result, fmt, max_rows or self.max_rows, query.form)

    def _solutions(self, query: str) -> ox.QuerySolutions:
        response = self._post(self.url, {"query": query}, _ACCEPT["results"])
        solutions = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        if not isinstance(solutions, ox.QuerySolutions):
            raise EndpointError(f"{self.url} answered a SELECT with a boolean")
        return solutions

    def _quads(self) -> list[ox.Quad]:
        return [ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in self._solutions(QUADS)]

    def dump(self, fmt: Format) -> bytes:
        quads = self._quads()
        if fmt.ox_rdf().supports_datasets:
            return as_bytes(ox.serialize(quads, format=fmt.ox_rdf()))
        return graph_bytes(list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads)), fmt)

    def triple_count(self) -> int:
        for solution in self._solutions("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"):
            n = solution["n"]
            return int(n.value) if isinstance(n, ox.Literal) else 0
        return 0

    def load(self, files: Sequence[RdfFile]) -> None:
        """Replace each file's named graph in the remote store (all files parsed first)."""
        if not self.update_url:
            raise EndpointError("no update URL to load the files with", hint="give --update-url")
        graphs: dict[str, list[ox.Triple]] = {}
        for f in files:
            for q in read_quads(f):
                graphs.setdefault(str(q.graph_name)[1:-1], []).append(ox.Triple(q.subject, q.predicate, q.object))
        for graph, triples in graphs.items():
            body = as_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)).decode()
            name = str(ox.NamedNode(graph))
            update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{body}}} }}"
            self._post(self.update_url, {"update": update}, "*/*")

    def status(self) -> dict[str, Any]:
        return {"backend": "remote", "url": self.url}

    def close(self) -> None:
        self.client.close()
