"""The landscape layer (data/landscape.ttl): verified facts beyond the five sources, and the
candidate links that only a title match suggests, listed for a curator to confirm."""

from __future__ import annotations

from qitgraph.graph import Graph, Row
from qitgraph.namedqueries import run_named_query


def list_candidates(graph: Graph) -> list[Row]:
    """Candidate links not yet confirmed: each with its subject, property, object and evidence.
    A candidate drops out of the list once a curator adds the statement it describes."""
    return run_named_query(graph, "landscape-candidates")
