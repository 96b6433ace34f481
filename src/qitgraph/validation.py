"""SHACL validation of ontology + data against ``shapes/`` (W3C SHACL, including SHACL-SPARQL
constraints, evaluated by pySHACL), plus the quality checks of ``queries/checks/*-violation.rq``,
each of which must return no rows. One report, readable by a curator.

Exit codes of ``qitgraph validate``: 0 conforms, 1 violations, 2 cannot load.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyshacl
import rdflib
from rdflib.namespace import RDF, SH

from qitgraph.errors import LoadError
from qitgraph.graph import Graph
from qitgraph.namedqueries import read_query_file
from qitgraph.resources import queries_dir, shapes_dir


@dataclass(frozen=True)
class Violation:
    """One failed constraint on one resource."""

    focus: str
    message: str
    path: str = ""
    value: str = ""
    severity: str = "Violation"
    source: str = ""  # the shape or check that found it
    files: tuple[str, ...] = ()  # data files that say something about the focus resource


@dataclass
class ValidationReport:
    triples: int
    files: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def render(self) -> str:
        """Violations grouped by message, each with the resources and the files that hold them."""
        lines = []
        by_message: dict[str, list[Violation]] = defaultdict(list)
        for v in self.violations:
            by_message[v.message].append(v)
        for message, group in sorted(by_message.items()):
            lines.append(f"{group[0].severity}: {message}  ({len(group)})")
            for v in sorted(group, key=lambda v: (v.focus, v.path, v.value)):
                detail = v.focus + (f"  {shorten(v.path)}" if v.path else "") + (
                    f" = {v.value}" if v.value else "")
                where = f"  [{', '.join(v.files)}]" if v.files else ""
                lines.append(f"  - {detail}{where}")
        verdict = "conforms" if self.conforms else f"does not conform: {len(self.violations)} problem(s)"
        lines.append(f"{self.files} files, {self.triples} triples: {verdict}")
        return "\n".join(lines)


def shorten(iri: str) -> str:
    for prefix, ns in (("qit:", "https://w3id.org/qitgraph/ontology#"),
                       ("dcterms:", "http://purl.org/dc/terms/"), ("org:", "http://www.w3.org/ns/org#"),
                       ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"), ("foaf:", "http://xmlns.com/foaf/0.1/"),
                       ("skos:", "http://www.w3.org/2004/02/skos/core#")):
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


def load_shapes(paths: Iterable[Path] | None = None) -> rdflib.Graph:
    shapes = rdflib.Graph()
    for p in paths if paths is not None else sorted(shapes_dir().glob("*.ttl")):
        try:
            shapes.parse(p, format="turtle")
        except Exception as e:  # rdflib raises several parser exception types
            raise LoadError(f"cannot parse shapes: {e}", path=str(p)) from e
    return shapes


def validate(graph: Graph, shapes: rdflib.Graph | None = None, *, checks: bool = True) -> ValidationReport:
    """Validate the whole graph (ontology + data, so rdfs:subClassOf reaches shape targets)."""
    data = graph.to_rdflib()
    report = ValidationReport(triples=len(data), files=len(graph.files))
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes if shapes is not None else load_shapes(),
                                     inference="none", advanced=True, allow_warnings=True)
    for r in results.subjects(RDF.type, SH.ValidationResult):
        report.violations.append(Violation(
            focus=str(results.value(r, SH.focusNode)),
            message=str(results.value(r, SH.resultMessage) or "constraint failed"),
            path=str(results.value(r, SH.resultPath) or ""),
            value=str(results.value(r, SH.value) or ""),
            severity=str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            source=str(results.value(r, SH.sourceShape) or ""),
        ))
    if checks:
        report.violations.extend(run_checks(graph))
    report.violations = [with_files(graph, v) for v in report.violations]
    return report


def run_checks(graph: Graph) -> list[Violation]:
    """Each ``queries/checks/*-violation.rq`` selects ?focus and ?message for every problem."""
    found = []
    for path in sorted((queries_dir() / "checks").glob("*-violation.rq")):
        query = read_query_file(path)
        for row in graph.select(query.text):
            found.append(Violation(focus=str(row.get("focus", "")),
                                   message=str(row.get("message", query.summary)),
                                   value=str(row.get("value", "")), source=path.name))
    return found


def with_files(graph: Graph, v: Violation) -> Violation:
    if not v.focus.startswith("http"):
        return v
    rows = graph.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                        {"s": _iri(v.focus)})
    files = []
    for row in rows:
        path = graph.file_of_graph(row["g"])
        if path is not None:
            files.append(_relative(path))
    return Violation(**{**v.__dict__, "files": tuple(sorted(files))})


def _iri(value: str):  # type: ignore[no-untyped-def]
    import pyoxigraph as ox

    return ox.NamedNode(value)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        parts = path.parts
        return "/".join(parts[-3:])
