"""qitgraph: a knowledge graph of quantum-technology standardization activity.

The library is the public surface; the command line (``qitgraph``) and the web app are two
skins over it. Typical use from a script::

    from qitgraph import load_graph, run_named_query
    graph = load_graph()
    rows = run_named_query(graph, "deliverable-recipients", {"deliverable": "D2.2"})
"""

from qitgraph.errors import QitgraphError
from qitgraph.graph import Graph, load_graph
from qitgraph.namedqueries import NamedQuery, list_named_queries, run_named_query

__all__ = [
    "Graph",
    "NamedQuery",
    "QitgraphError",
    "list_named_queries",
    "load_graph",
    "run_named_query",
]
__version__ = "0.1.0"
