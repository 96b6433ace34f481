"""The gap queries (``queries/gaps/*.rq``) and running them against either store.

Gap queries are reports in the OBO ODK sense: they never fail a build, they list findings. Each
file has the ``#+ summary:``/``#+ description:`` header of a named query (see
:mod:`qitgraph.namedqueries`) that says what a row means and how to read it, and every row carries
its evidence (the resources and source documents that support it). Files named ``figure-*.rq``
hold the data the report draws (timeline, liaison network) rather than findings.

A *source* is anything with the two methods both stores share through this module: the embedded
:class:`~qitgraph.graph.Graph` or a remote :class:`~qitgraph.client.Endpoint`. The report code
does not know which one it has (DESIGN.md, "one store interface, two kinds of store").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from qitgraph.client import Endpoint
from qitgraph.graph import Graph, to_python
from qitgraph.namedqueries import NamedQuery, read_query_file
from qitgraph.resources import queries_dir

Row = dict[str, Any]


class TableSource(Protocol):
    """Anything that answers a SELECT with columns and plain rows, like :class:`Endpoint` (the
    web server adapts its own store to this)."""

    url: str

    def select(self, text: str, bindings: Mapping[str, Any] | None = None) -> tuple[list[str], list[Row]]: ...


Source = Graph | Endpoint | TableSource


def gap_queries_dir() -> Path:
    return queries_dir() / "gaps"


READING_ORDER = ("recipients-without-action", "transfer-changes", "liaisons-without-officer",
                 "drafts-without-standard", "actions-and-standards", "coverage-topic-body",
                 "coverage-topic-year", "overlap-candidates")
"""Findings in the order an analyst reads them: what was handed over and not picked up first."""


def _order(path: Path) -> tuple[bool, int, str]:
    rank = READING_ORDER.index(path.stem) if path.stem in READING_ORDER else len(READING_ORDER)
    return path.stem.startswith("figure-"), rank, path.stem


def list_gap_queries(folder: Path | None = None) -> list[NamedQuery]:
    """Every gap query: findings in reading order (others after them by name), then figure data."""
    folder = folder or gap_queries_dir()
    paths = sorted(folder.glob("*.rq"), key=_order)
    return [read_query_file(p) for p in paths]


@dataclass(frozen=True)
class Result:
    """One gap query's answer: the query (name, summary, description), columns and rows."""

    query: NamedQuery
    columns: list[str]
    rows: list[Row]

    @property
    def name(self) -> str:
        return self.query.name

    @property
    def is_figure_data(self) -> bool:
        return self.query.name.startswith("figure-")


def select(source: Source, text: str, bindings: Mapping[str, Any] | None = None) -> tuple[list[str], list[Row]]:
    """Columns and rows of a SELECT query on either kind of store, with the same plain values."""
    if not isinstance(source, Graph):
        return source.select(text, bindings)
    result = source.query(text, bindings=bindings)
    columns = [v.value for v in result.variables]
    rows = [{c: to_python(sol[c]) for c in columns if sol[c] is not None} for sol in result]
    return columns, rows


def run_gap_query(source: Source, query: NamedQuery, values: dict[str, str] | None = None) -> Result:
    columns, rows = select(source, query.text, query.bindings(values))
    return Result(query, columns, rows)


def run_gap_queries(source: Source) -> list[Result]:
    """Every gap query with its default parameters."""
    return [run_gap_query(source, q) for q in list_gap_queries()]
