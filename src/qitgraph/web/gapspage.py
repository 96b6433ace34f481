"""``/gaps``: the gap-analysis report (the same as ``qitgraph gaps``) as one self-contained HTML
page, made from the store this server serves, on first request, then kept: the store is read-only
while serving, so the report cannot go stale."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from qitgraph.client import value_of
from qitgraph.sparqltext import inject_values
from qitgraph.store import select_rows
from qitgraph.web.state import AppState, State

router = APIRouter()


class ServedStore:
    """The server's store as a gap-report source: each SELECT is checked and run under the
    server's limits like any other query, its rows turned into plain values."""

    def __init__(self, state: AppState) -> None:
        self.state = state
        self.url = state.settings.backend_url or "the embedded store of this server"

    def select(self, text: str, bindings: Mapping[str, Any] | None = None
               ) -> tuple[list[str], list[dict[str, Any]]]:
        if bindings:
            text = inject_values(text, bindings)
        columns, rows, _ = select_rows(self.state.store, self.state.checker(text))
        return columns, [{c: value_of(r[c]) for c in columns if c in r} for r in rows]


def report_html(state: AppState) -> str:
    from qitgraph.gaps import render_gap_report_html

    return state.page("gaps", lambda: render_gap_report_html(ServedStore(state)))


@router.get("/gaps", response_class=HTMLResponse, tags=["gap analysis"],
            summary="The gap-analysis report with its figures, as HTML")
async def gaps_page(state: State) -> HTMLResponse:
    """Findings of ``queries/gaps/`` with their evidence, and the coverage, timeline and liaison
    figures; ``qitgraph gaps`` writes the same report as Markdown, JSON and CSV too."""
    return HTMLResponse(await run_in_threadpool(report_html, state))
