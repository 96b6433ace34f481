"""qitgraph: a knowledge graph of quantum-technology standardization activity.

The library is the public surface; the command line (``qitgraph``) and the web app are two
skins over it. Typical use from a script or notebook::

    from qitgraph import load_graph, run_named_query, Endpoint, gap_report
    graph = load_graph()
    rows = run_named_query(graph, "deliverable-recipients", {"deliverable": "D2.2"})
    columns, rows = Endpoint("https://example.org/sparql").select("SELECT * WHERE { ?s ?p ?o } LIMIT 3")

Heavier parts (the gap report with its figures, the HTTP client, publishing) are imported on
first use, so ``import qitgraph`` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from qitgraph.errors import QitgraphError
from qitgraph.graph import Graph, load_graph
from qitgraph.namedqueries import NamedQuery, list_named_queries, run_named_query

# public name -> (module, attribute); ``publish_graph`` because ``qitgraph.publish`` is the module
_LAZY = {
    "Endpoint": ("qitgraph.client", "Endpoint"),
    "gap_report": ("qitgraph.gaps", "gap_report"),
    "write_gap_report": ("qitgraph.gaps", "write_gap_report"),
    "render_gap_report_html": ("qitgraph.gaps", "render_gap_report_html"),
    "publish_graph": ("qitgraph.publish", "publish"),
}

__all__ = [
    "Endpoint",
    "Graph",
    "NamedQuery",
    "QitgraphError",
    "gap_report",
    "list_named_queries",
    "load_graph",
    "publish_graph",
    "render_gap_report_html",
    "run_named_query",
    "write_gap_report",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'qitgraph' has no attribute {name!r}")
