"""The ``qitgraph`` command line: each command is a thin skin over one library function.

Exit codes: 0 success (``validate``: the graph conforms), 1 ``validate`` found violations,
2 a file, query or parameter could not be read, 3 a query ran past its time limit,
4 a remote endpoint failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from qitgraph import __version__
from qitgraph.errors import QitgraphError

EPILOG = "exit codes: 0 ok/conforms, 1 violations (validate), 2 cannot load or bad input, 3 timeout, 4 endpoint error"


def cmd_validate(args: argparse.Namespace) -> int:
    from qitgraph.graph import load_graph
    from qitgraph.reasoning import inconsistencies
    from qitgraph.validation import validate

    graph = load_graph(args.data)
    report = validate(graph)
    print(report.render())
    ok = report.conforms
    if args.reasoner:
        errors = inconsistencies(graph.to_rdflib())
        print("OWL 2 RL reasoner: " + ("consistent, every class satisfiable" if not errors else
                                        f"{len(errors)} inconsistencies"))
        for e in errors:
            print(f"  - {e}")
        ok = ok and not errors
    return 0 if ok else 1


def cmd_stats(args: argparse.Namespace) -> int:
    from qitgraph.graph import load_graph
    from qitgraph.stats import graph_stats

    print(graph_stats(load_graph(args.data)).render())
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from qitgraph.querycmd import run_query_command

    print(run_query_command(args.query, params=args.param, fmt=args.format, data=args.data,
                            endpoint=args.endpoint, timeout=args.timeout))
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    from qitgraph.namedqueries import list_named_queries

    for q in list_named_queries():
        params = " ".join(f"{p.name}={p.default or '?'}" for p in q.parameters)
        print(f"{q.name:40s} {q.summary}" + (f"  [{params}]" if params else ""))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qitgraph", description="A knowledge graph of quantum-technology standardization.",
        epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"qitgraph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, example: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_,
                           epilog=f"example: {example}\n{EPILOG}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    from qitgraph.cli_extensions import add_data_option as data_option

    p = add("validate", cmd_validate, "validate ontology + data against the SHACL shapes and quality checks",
            "qitgraph validate --reasoner")
    data_option(p)
    p.add_argument("--reasoner", action="store_true",
                   help="also check consistency with the OWL 2 RL reasoner (slower)")

    p = add("stats", cmd_stats, "show what the graph holds: counts by class, body and named graph",
            "qitgraph stats")
    data_option(p)

    p = add("query", cmd_query, "run a SPARQL query: a named query, a .rq file, or query text",
            "qitgraph query deliverable-recipients --param deliverable=D2.2 --format csv")
    p.add_argument("query", help="a named query (see 'qitgraph queries'), a path to a .rq file, or SPARQL text")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter of the named query; repeatable")
    p.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table",
                   help="output format (default: table)")
    p.add_argument("--endpoint", metavar="URL", help="run against this SPARQL 1.1 endpoint instead of the "
                                                    "embedded store")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time limit for a remote endpoint (default: 30)")
    data_option(p)

    add("queries", cmd_queries, "list the named queries with their parameters", "qitgraph queries")

    for extra in _extensions():
        extra(sub, add)
    return parser


def _extensions() -> list[Callable[..., None]]:
    """Commands defined by other modules (serve, import, gaps, export) register here."""
    from qitgraph import cli_extensions

    return cli_extensions.REGISTER


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except QitgraphError as e:
        print(f"qitgraph: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
