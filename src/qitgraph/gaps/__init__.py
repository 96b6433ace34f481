"""Gap analysis: the queries of ``queries/gaps/`` run against the embedded graph or any SPARQL
endpoint, and a report of their findings (Markdown, self-contained HTML with figures, JSON, CSV).

From a script or notebook::

    from qitgraph import load_graph, gap_report, write_gap_report
    report = gap_report(load_graph())            # or gap_report(Endpoint("http://.../sparql"))
    for finding in report.findings:
        print(finding.query.summary, len(finding.rows))
    write_gap_report(report, Path("out"), ["html", "csv"])
"""

from __future__ import annotations

from pathlib import Path

from qitgraph.gaps import cli as _cli  # noqa: F401  (registers the ``gaps`` command)
from qitgraph.gaps.queries import Result, Source, TableSource, list_gap_queries, run_gap_queries
from qitgraph.gaps.render import FORMATS, to_html, write_report
from qitgraph.gaps.report import GapReport, build_report

__all__ = ["FORMATS", "GapReport", "Result", "TableSource", "gap_report", "list_gap_queries", "render_gap_report_html",
           "run_gap_queries", "write_gap_report"]


def gap_report(source: Source) -> GapReport:
    """Run every gap query on a :class:`~qitgraph.graph.Graph` or a
    :class:`~qitgraph.client.Endpoint` and return the report (findings with their evidence,
    and when and from what data it was made)."""
    return build_report(source)


def write_gap_report(report: GapReport, out: Path, formats: list[str] | tuple[str, ...] = FORMATS) -> list[Path]:
    """Write the report into the folder ``out`` in the given formats (md, html, json, csv)."""
    return write_report(report, out, formats)


def render_gap_report_html(source: Source) -> str:
    """The gap report of a graph or store as one self-contained HTML page (the server's ``/gaps``)."""
    return to_html(build_report(source))
