"""The store behind the web app: one interface (``base.QueryStore``), an embedded Oxigraph store
queried by killable worker processes, and a remote SPARQL 1.1 endpoint."""

from __future__ import annotations

from qitgraph.rdffiles import default_files, extra_files
from qitgraph.settings import Settings
from qitgraph.store.base import Dataset, QueryStore, select_rows
from qitgraph.store.guard import CheckedQuery, QueryChecker, check_query

__all__ = ["CheckedQuery", "Dataset", "QueryChecker", "QueryStore", "check_query", "open_store",
           "select_rows"]


def open_store(settings: Settings) -> QueryStore:
    """The store the settings ask for, loaded and ready to answer."""
    files = (default_files() if settings.include_defaults else []) + extra_files(settings.data_files)
    if settings.backend_url:
        from qitgraph.store.remote import RemoteStore

        remote = RemoteStore(settings.backend_url, update_url=settings.update_url,
                             timeout=settings.query_timeout, max_rows=settings.max_rows)
        if settings.update_url:
            remote.load(files)
        return remote
    from qitgraph.store.embedded import EmbeddedStore

    return EmbeddedStore(files, settings.store_path, workers=settings.workers,
                         timeout=settings.query_timeout, queue_timeout=settings.queue_timeout,
                         max_rows=settings.max_rows, memory_mb=settings.worker_memory_mb,
                         in_memory=settings.worker_in_memory)
