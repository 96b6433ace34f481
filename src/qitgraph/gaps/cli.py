"""``qitgraph gaps``: run every gap query and write the report into a folder (a thin skin over
:func:`qitgraph.gaps.report.build_report` and :func:`qitgraph.gaps.render.write_report`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from qitgraph import cli_extensions


def cmd_gaps(args: argparse.Namespace) -> int:
    from qitgraph.gaps.queries import Source
    from qitgraph.gaps.render import parse_formats, write_report
    from qitgraph.gaps.report import build_report

    formats = parse_formats(args.format)
    source: Source
    if args.endpoint:
        from qitgraph.client import Endpoint

        source = Endpoint(args.endpoint, timeout=args.timeout)
    else:
        from qitgraph.graph import load_graph

        source = load_graph(args.data)
    report = build_report(source)
    written = write_report(report, args.out, formats)
    for r in report.findings:
        print(f"{len(r.rows):5d}  {r.query.summary}")
    print(f"report written to {args.out}/ ({len(written)} files: "
          + ", ".join(sorted({p.suffix.lstrip('.') for p in written})) + ")")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("gaps", cmd_gaps,
            "run the gap queries (queries/gaps/) and write the gap report: Markdown, HTML with figures, "
            "JSON, CSV",
            "qitgraph gaps --out report --format md,html")
    p.add_argument("--out", type=Path, default=Path("gaps-report"), metavar="DIR",
                   help="folder to write the report into, created if needed (default: gaps-report)")
    p.add_argument("--format", default="md,html,json,csv", metavar="FORMATS",
                   help="comma-separated: md, html, json, csv (default: all four)")
    p.add_argument("--endpoint", metavar="URL",
                   help="run the queries against this SPARQL 1.1 endpoint instead of the embedded graph")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit of each request to --endpoint (default: 60)")
    cli_extensions.add_data_option(p, "to load into the embedded graph")


cli_extensions.REGISTER.append(register)
