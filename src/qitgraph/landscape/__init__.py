"""The landscape layer (data/landscape.ttl): verified facts beyond the five sources, and the
candidate links that only a title match suggests, listed for a curator to confirm."""

from __future__ import annotations

from pathlib import Path

from qitgraph.graph import Graph, Row

CANDIDATES_QUERY = (Path(__file__).resolve().parent / "candidates.rq").read_text()


def list_candidates(graph: Graph) -> list[Row]:
    """Candidate links not yet confirmed: each with its subject, property, object and evidence.
    A candidate drops out of the list once a curator adds the statement it describes."""
    return graph.select(CANDIDATES_QUERY)
