"""``qitgraph query``: a named query, a .rq file or query text, against the embedded graph or
a remote endpoint, printed as a table, CSV, TSV or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from qitgraph.errors import BadParameter
from qitgraph.namedqueries import get_named_query, read_query_file
from qitgraph.output import render_rows


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise BadParameter(f"parameter {pair!r} is not NAME=VALUE", hint="e.g. --param deliverable=D2.2")
        out[name] = value
    return out


def run_query_command(query: str, *, params: Sequence[str] = (), fmt: str = "table",
                      data: Sequence[Path] = (), endpoint: str | None = None, timeout: float = 30.0) -> str:
    values = parse_params(params)
    if query.endswith(".rq") and Path(query).is_file():
        named = read_query_file(Path(query))
        text, bindings = named.text, named.bindings(values)
    elif "\n" not in query and " " not in query.strip() and "{" not in query:
        named = get_named_query(query)
        text, bindings = named.text, named.bindings(values)
    else:
        if values:
            raise BadParameter("--param works with named queries and .rq files only")
        text, bindings = query, {}
    if endpoint:
        from qitgraph.client import Endpoint

        columns, rows = Endpoint(endpoint, timeout=timeout).select(text, bindings)
    else:
        from qitgraph.graph import load_graph

        graph = load_graph(data)
        result = graph.query(text, bindings=bindings)
        if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
            return "true" if bool(result) else "false"
        columns = [v.value for v in result.variables]
        from qitgraph.graph import to_python

        rows = [{c: to_python(sol[c]) for c in columns} for sol in result]
    return render_rows(rows, columns, fmt)
