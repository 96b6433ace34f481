"""What every route needs, built once per app (never at module level): settings, the store,
the query checker, the templates, and the graph's counts (the store is read-only while serving,
so they are computed once, on first use)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from qitgraph.graph import query_syntax_error
from qitgraph.settings import Settings
from qitgraph.store import CheckedQuery, Dataset, QueryChecker, QueryStore, select_rows
from qitgraph.store.base import UNION_DATASET
from qitgraph.store.formats import Format
from qitgraph.store.results import Answer
from qitgraph.web.links import LinkMapper

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class AppState:
    settings: Settings
    store: QueryStore
    checker: QueryChecker
    templates: Jinja2Templates
    links: LinkMapper
    _stats: dict[str, Any] | None = field(default=None, repr=False)
    _lock: Lock = field(default_factory=Lock, repr=False)
    _pages: dict[str, str] = field(default_factory=dict, repr=False)
    _pages_lock: Lock = field(default_factory=Lock, repr=False)

    def select(self, text: str, *, max_rows: int | None = None) -> list[dict[str, dict[str, str]]]:
        """Rows of one of our own SELECT queries (checked like any other, run under the limits)."""
        return select_rows(self.store, self.checker(text), max_rows=max_rows)[1]

    def check(self, text: str) -> CheckedQuery:
        return self.checker(text)

    async def run(self, query: CheckedQuery, fmt: Format, dataset: Dataset = UNION_DATASET, *,
                  base_iri: str | None = None) -> Answer:
        """Run a user's query on a thread (never on the event loop); an engine syntax error the
        checker let through becomes a 400 with its position."""
        try:
            answer: Answer = await run_in_threadpool(
                functools.partial(self.store.run, query, fmt, dataset, base_iri=base_iri))
        except SyntaxError as e:
            raise query_syntax_error(e) from None
        return answer

    def page(self, key: str, make: Callable[[], str]) -> str:
        """A page made once from the store (read-only while serving, so it cannot go stale)."""
        with self._pages_lock:
            if key not in self._pages:
                self._pages[key] = make()
            return self._pages[key]

    def stats(self) -> dict[str, Any]:
        with self._lock:
            if self._stats is None:
                from qitgraph.web.homedata import graph_counts

                self._stats = graph_counts(self)
            return self._stats


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.qitgraph
    return state


State = Annotated[AppState, Depends(get_state)]
