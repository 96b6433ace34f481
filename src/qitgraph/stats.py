"""What the graph holds: counts by class, by standards body and by named graph."""

from __future__ import annotations

from dataclasses import dataclass

from qitgraph.graph import Graph

BY_CLASS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?class ?label (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class .
  FILTER(STRSTARTS(STR(?s), "https://w3id.org/qitgraph/id/"))
  FILTER(STRSTARTS(STR(?class), "https://w3id.org/qitgraph/ontology#"))
  OPTIONAL { ?class rdfs:label ?label }
} GROUP BY ?class ?label ORDER BY DESC(?n) ?class
"""

BY_BODY = """
PREFIX qit: <https://w3id.org/qitgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?body ?label (COUNT(DISTINCT ?w) AS ?n) WHERE {
  ?body a qit:StandardsBody ; rdfs:label ?label .
  ?g org:subOrganizationOf* ?body .
  ?w qit:responsibleGroup ?g ; a ?type . ?type rdfs:subClassOf* qit:WorkItem .
} GROUP BY ?body ?label ORDER BY DESC(?n) ?label
"""

BY_GRAPH = """
SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g
"""


@dataclass
class Stats:
    triples: int
    by_class: list[tuple[str, str, int]]
    by_body: list[tuple[str, str, int]]
    by_graph: list[tuple[str, int]]

    def render(self) -> str:
        lines = [f"{self.triples} triples in {len(self.by_graph)} named graphs", "", "Resources by class:"]
        lines += [f"  {n:6d}  {label or iri.rsplit('#', 1)[-1]}" for iri, label, n in self.by_class]
        lines += ["", "Work items by standards body:"]
        lines += [f"  {n:6d}  {label}" for _, label, n in self.by_body]
        lines += ["", "Triples by named graph:"]
        lines += [f"  {n:6d}  {g}" for g, n in self.by_graph]
        return "\n".join(lines)


def graph_stats(graph: Graph) -> Stats:
    return Stats(
        triples=len(graph),
        by_class=[(r["class"], r.get("label", ""), r["n"]) for r in graph.select(BY_CLASS)],
        by_body=[(r["body"], r["label"], r["n"]) for r in graph.select(BY_BODY)],
        by_graph=[(r["g"], r["n"]) for r in graph.select(BY_GRAPH)],
    )
