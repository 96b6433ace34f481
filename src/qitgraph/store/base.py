"""The one store interface the web app talks to. Two kinds of store implement it: the embedded
Oxigraph store (``embedded.py``, the default) and a remote SPARQL 1.1 endpoint (``remote.py``).
The app never knows which one it has (DESIGN.md, "Shape of the system")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Protocol

from qitgraph.store.formats import RESULT_FORMATS, Format
from qitgraph.store.guard import CheckedQuery
from qitgraph.store.results import Answer


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a request names (SPARQL 1.1 Protocol 2.1.4); None means "not given"."""

    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None

    @property
    def given(self) -> bool:
        return self.default_graph is not None or self.named_graphs is not None


UNION_DATASET = Dataset()
"""No dataset in the request: the default graph is the union of the named graphs."""


class QueryStore(Protocol):
    """What the web app needs from a store."""

    def run(self, query: CheckedQuery, fmt: Format, dataset: Dataset = UNION_DATASET, *,
            max_rows: int | None = None, base_iri: str | None = None) -> Answer:
        """Evaluate a checked query; the answer serialized in ``fmt``, cut at the row cap.
        ``base_iri`` resolves relative IRIs in the query (the endpoint's URL, as a client expects)."""
        ...

    def dump(self, fmt: Format) -> bytes:
        """Every quad (N-Quads, TriG) or every triple of the union graph (other RDF formats)."""
        ...

    def triple_count(self) -> int: ...

    def status(self) -> dict[str, Any]:
        """What /-/health reports about the store."""
        ...

    def close(self) -> None: ...


JSON_RESULTS = RESULT_FORMATS[0]


def select_rows(store: QueryStore, query: CheckedQuery, *, max_rows: int | None = None
                ) -> tuple[list[str], list[dict[str, dict[str, str]]], bool]:
    """A SELECT's variables, rows (SPARQL JSON terms by variable) and whether it was cut."""
    answer = store.run(query, JSON_RESULTS, max_rows=max_rows)
    doc = json.loads(answer.body)
    return doc["head"]["vars"], doc["results"]["bindings"], answer.truncated
