"""The counts the home page and VoID show, asked of whichever store serves (the same queries as
``qitgraph stats``, from ``qitgraph.stats``, so the CLI and the web agree)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qitgraph.stats import BY_BODY, BY_CLASS, BY_GRAPH

if TYPE_CHECKING:
    from qitgraph.web.state import AppState

_SUMMARY = """
SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
       (COUNT(DISTINCT ?c) AS ?classes) WHERE { ?s ?p ?o OPTIONAL { ?s a ?c } }
"""


def _int(row: dict[str, dict[str, str]], name: str) -> int:
    return int(row[name]["value"]) if name in row else 0


def _value(row: dict[str, dict[str, str]], name: str) -> str:
    return row[name]["value"] if name in row else ""


def graph_counts(state: AppState) -> dict[str, Any]:
    """Triples, distinct subjects/properties/classes, and counts by class, body and named graph."""
    summary = state.select(_SUMMARY)
    first = summary[0] if summary else {}
    return {
        "triples": state.store.triple_count(),
        "subjects": _int(first, "subjects"),
        "properties": _int(first, "properties"),
        "classes": _int(first, "classes"),
        "by_class": [{"iri": _value(r, "class"), "label": _value(r, "label") or _value(r, "class")
                      .rsplit("#", 1)[-1], "count": _int(r, "n")} for r in state.select(BY_CLASS)],
        "by_body": [{"iri": _value(r, "body"), "label": _value(r, "label"), "count": _int(r, "n")}
                    for r in state.select(BY_BODY)],
        "by_graph": [{"iri": _value(r, "g"), "count": _int(r, "n")} for r in state.select(BY_GRAPH)],
    }
