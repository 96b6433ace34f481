"""The gap report as data: every gap query's findings, plus when and from what data it was made.

Why provenance is part of the report: a gap ("nobody received D1.3") is only true of the data it
was computed from, and the data grows. So the report records the time (UTC), the qitgraph
version, and the data: for the embedded graph each file with its named graph and triple count and
a digest of the whole; for a remote endpoint its URL and the triple count of each named graph.

The one step not done in SPARQL is title similarity for overlap candidates: a portable SPARQL has
no tokenizer, so :func:`title_similarity` (shared words over all words, Jaccard) is added here,
and candidates are sorted by it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from qitgraph import __version__
from qitgraph.gaps.queries import Result, Source, run_gap_queries, select
from qitgraph.graph import Graph
from qitgraph.namespaces import GRAPH
from qitgraph.resources import resource_root

GRAPH_COUNTS = "SELECT ?graph (COUNT(*) AS ?triples) WHERE { GRAPH ?graph { ?s ?p ?o } } GROUP BY ?graph"
OVERLAPS = "overlap-candidates"
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(["a", "an", "and", "for", "in", "of", "on", "the", "to", "with", "by",
                        "qkd", "quantum", "key", "distribution"])


@dataclass(frozen=True)
class DataSource:
    """What the report was computed from."""

    kind: str  # "embedded" or "endpoint"
    location: str  # the data folder or the endpoint URL
    graphs: list[tuple[str, int]]  # (named graph IRI, triples)
    files: list[tuple[str, str]] = field(default_factory=list)  # (file relative to the data root, graph)
    digest: str = ""  # sha256 of the loaded files' bytes, in order (embedded only)

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.graphs)


@dataclass(frozen=True)
class GapReport:
    generated: str
    version: str
    source: DataSource
    results: list[Result]

    def result(self, name: str) -> Result:
        for r in self.results:
            if r.name == name:
                return r
        raise KeyError(name)

    @property
    def findings(self) -> list[Result]:
        return [r for r in self.results if not r.is_figure_data]


def describe_source(source: Source) -> DataSource:
    _, rows = select(source, GRAPH_COUNTS)
    graphs = sorted((str(r["graph"]), int(r["triples"])) for r in rows)
    if not isinstance(source, Graph):
        # A shared store holds other graphs too (Virtuoso's system graphs): count only ours.
        return DataSource("endpoint", source.url, [(g, n) for g, n in graphs if g.startswith(str(GRAPH))])
    root = resource_root()
    digest = hashlib.sha256()
    files = []
    for f in source.files:
        digest.update(f.path.read_bytes())
        try:
            name = str(f.path.resolve().relative_to(root.resolve()))
        except ValueError:
            name = str(f.path)
        files.append((name, f.graph))
    return DataSource("embedded", str(root / "data"), graphs, files, digest.hexdigest()[:16])


def title_similarity(a: str | None, b: str | None) -> float:
    """Jaccard similarity of the two titles' words, leaving out words every QKD title shares.

    >>> title_similarity("Security framework for QKD networks", "QKD network security framework")
    0.5
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return round(len(wa & wb) / len(wa | wb), 2)


def _words(title: str | None) -> set[str]:
    return {w for w in _WORD.findall((title or "").lower()) if w not in _STOPWORDS}


def with_similarity(result: Result) -> Result:
    """Overlap candidates with a ``titleSimilarity`` column, most similar first."""
    rows = [dict(r, titleSimilarity=title_similarity(r.get("aTitle"), r.get("bTitle"))) for r in result.rows]
    rows.sort(key=lambda r: (-r["titleSimilarity"], str(r.get("topic")), str(r.get("aIdentifier")),
                             str(r.get("bIdentifier"))))
    columns = list(result.columns)
    columns.insert(columns.index("bBody") + 1 if "bBody" in columns else len(columns), "titleSimilarity")
    return Result(result.query, columns, rows)


def build_report(source: Source, *, now: datetime | None = None) -> GapReport:
    """Run every gap query on ``source`` (a Graph or an Endpoint) and collect the report."""
    results = [with_similarity(r) if r.name == OVERLAPS else r for r in run_gap_queries(source)]
    generated = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return GapReport(generated, __version__, describe_source(source), results)


def as_json(report: GapReport) -> dict[str, Any]:
    """The report as JSON-ready data (findings with full IRIs)."""
    s = report.source
    return {
        "generated": report.generated,
        "qitgraphVersion": report.version,
        "data": {"kind": s.kind, "location": s.location, "triples": s.triples, "digest": s.digest or None,
                 "graphs": [{"graph": g, "triples": n} for g, n in s.graphs],
                 "files": [{"file": f, "graph": g} for f, g in s.files]},
        "results": [{"name": r.name, "summary": r.query.summary, "description": r.query.description,
                     "figureData": r.is_figure_data, "count": len(r.rows), "columns": r.columns,
                     "rows": [{c: row.get(c) for c in r.columns} for row in r.rows]}
                    for r in report.results],
    }
