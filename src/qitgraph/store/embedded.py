"""The embedded store: Oxigraph on disk, loaded by ``loader.py``, queried by a pool of worker
processes (``pool.py``) that enforce the time limit. The serving process keeps its own read-only
handle for what is not a user's query: counts and dumps."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from qitgraph.rdffiles import RdfFile
from qitgraph.store.base import UNION_DATASET, Dataset
from qitgraph.store.formats import Format
from qitgraph.store.guard import CheckedQuery
from qitgraph.store.loader import build_store
from qitgraph.store.pool import WorkerPool
from qitgraph.store.results import Answer, as_bytes, graph_bytes
from qitgraph.store.worker import Job


class EmbeddedStore:
    """Oxigraph at ``path`` (a temporary folder when None, removed by ``close``)."""

    def __init__(self, files: Sequence[RdfFile], path: Path | None = None, *, workers: int = 2,
                 timeout: float = 10.0, queue_timeout: float = 5.0, max_rows: int = 10_000,
                 memory_mb: int = 0, in_memory: bool = True) -> None:
        self._temporary = path is None
        self.path = Path(tempfile.mkdtemp(prefix="qitgraph-store-")) if path is None else path
        try:
            self.reloaded = build_store(self.path, files)
            self.files = list(files)
            self.store = ox.Store.read_only(str(self.path))
            self.pool = WorkerPool(str(self.path), workers, memory_mb=memory_mb, in_memory=in_memory)
        except BaseException:
            if self._temporary:
                shutil.rmtree(self.path, ignore_errors=True)
            raise
        self.timeout = timeout
        self.queue_timeout = queue_timeout
        self.max_rows = max_rows

    def run(self, query: CheckedQuery, fmt: Format, dataset: Dataset = UNION_DATASET, *,
            max_rows: int | None = None, base_iri: str | None = None) -> Answer:
        job = Job(query.text, query.form, fmt, max_rows or self.max_rows,
                  dataset.default_graph, dataset.named_graphs, base_iri, query.has_dataset)
        answer: Answer = self.pool.run(job, timeout=self.timeout, queue_timeout=self.queue_timeout)
        return answer

    def dump(self, fmt: Format) -> bytes:
        if fmt.ox_rdf().supports_datasets:
            return as_bytes(self.store.dump(format=fmt.ox_rdf()))
        triples = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object)
                                     for q in self.store.quads_for_pattern(None, None, None)))
        return graph_bytes(triples, fmt)

    def triple_count(self) -> int:
        return len(self.store)

    def status(self) -> dict[str, Any]:
        return {"backend": "embedded", "path": str(self.path), "reloaded": self.reloaded,
                "in_memory": self.pool.in_memory,
                "workers": self.pool.size, "workers_alive": self.pool.alive(),
                "workers_killed": self.pool.killed, "quads": len(self.store)}

    def close(self) -> None:
        self.pool.close()
        del self.store
        if self._temporary:
            shutil.rmtree(self.path, ignore_errors=True)
