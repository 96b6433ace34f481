"""Named queries: ``queries/*.rq`` files whose header says what they answer and which
parameters they take, run with parameters bound as RDF terms (never pasted into the text).

Header lines start with ``#+``::

    #+ summary: Study groups that receive a deliverable at a transfer stage
    #+ description: ...
    #+ param: deliverable literal "D2.2" -- the deliverable's identifier
    #+ param: stage iri <https://w3id.org/qitgraph/ontology#FinalTransfer> -- draft or final

A parameter binds the SPARQL variable of the same name; its kind is ``iri``, ``literal``,
``integer`` or ``date``; the default is used when the caller gives no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from qitgraph.errors import BadParameter, NotFound
from qitgraph.resources import queries_dir
from qitgraph.sparqltext import is_absolute_iri

if TYPE_CHECKING:
    from qitgraph.graph import Graph, Row

PARAM_KINDS = ("iri", "literal", "integer", "date")
_HEADER = re.compile(r"^#\+\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(iri|literal|integer|date)(?:\s+(.+?))?(?:\s+--\s+(.*))?$")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    default: str | None = None
    description: str = ""

    def bind(self, value: str) -> ox.NamedNode | ox.Literal:
        """Turn a user's string into an RDF term of this parameter's kind, or say why not."""
        value = value.strip()
        if self.kind == "iri":
            iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
            if not is_absolute_iri(iri):
                raise BadParameter(f"parameter {self.name!r} must be an absolute IRI, got {value!r}",
                                   hint="e.g. https://w3id.org/qitgraph/id/group/itu-t-sg13")
            return ox.NamedNode(iri)
        if self.kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", value):
                raise BadParameter(f"parameter {self.name!r} must be a whole number, got {value!r}")
            return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        if self.kind == "date":
            types = {10: "date", 7: "gYearMonth", 4: "gYear"}
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise BadParameter(f"parameter {self.name!r} must be a date YYYY, YYYY-MM or YYYY-MM-DD, "
                                   f"got {value!r}")
            return ox.Literal(value, datatype=ox.NamedNode(
                "http://www.w3.org/2001/XMLSchema#" + types[len(value)]))
        literal = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
        return ox.Literal(literal)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    summary: str = ""
    description: str = ""
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)

    def bindings(self, values: dict[str, str] | None = None) -> dict[str, ox.NamedNode | ox.Literal]:
        values = dict(values or {})
        unknown = set(values) - {p.name for p in self.parameters}
        if unknown:
            raise BadParameter(f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}",
                               hint="its parameters: " + (", ".join(p.name for p in self.parameters) or "none"))
        out = {}
        for p in self.parameters:
            raw = values.get(p.name, p.default)
            if raw is None:
                raise BadParameter(f"query {self.name!r} needs parameter {p.name!r}", hint=p.description)
            out[p.name] = p.bind(raw)
        return out


def read_query_file(path: Path, name: str | None = None) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        m = _HEADER.match(line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.group(1), m.group(2).strip()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise BadParameter(f"{path}: malformed parameter line {value!r}",
                                   hint="write: #+ param: NAME KIND [DEFAULT] -- description")
            params.append(Parameter(pm.group(1), pm.group(2), pm.group(3), pm.group(4) or ""))
        else:
            meta[key] = (meta[key] + " " + value) if key in meta else value
    return NamedQuery(name or path.stem, path, text, meta.get("summary", ""), meta.get("description", ""),
                      tuple(params))


def list_named_queries(folder: Path | None = None) -> list[NamedQuery]:
    """Every named query (``queries/*.rq``; checks and gap reports live in subfolders)."""
    folder = folder or queries_dir()
    return [read_query_file(p) for p in sorted(folder.glob("*.rq"))]


def get_named_query(name: str, folder: Path | None = None) -> NamedQuery:
    folder = folder or queries_dir()
    path = folder / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not path.is_file():
        known = ", ".join(q.name for q in list_named_queries(folder))
        raise NotFound(f"no named query {name!r}", hint=f"known queries: {known}")
    return read_query_file(path)


def run_named_query(graph: Graph, name: str, values: dict[str, str] | None = None) -> list[Row]:
    """Run a named query with parameter values given as strings; rows of plain Python values."""
    query = get_named_query(name)
    return graph.select(query.text, query.bindings(values))


def describe(query: NamedQuery) -> dict[str, Any]:
    return {"name": query.name, "summary": query.summary, "description": query.description,
            "parameters": [p.__dict__ for p in query.parameters]}
