"""Reading RDF files: which format a file is, which named graph it becomes, and parsing it
with errors that name the file, line and column (exit code 2 of ``qitgraph validate``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from qitgraph.errors import LoadError
from qitgraph.namespaces import GRAPH
from qitgraph.resources import data_dir, ontology_dir

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG}
_POSITION = re.compile(r"line (\d+) column (\d+)")
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class RdfFile:
    """One file and the named graph its triples go to (quad formats keep their own graphs)."""

    path: Path
    graph: str

    @property
    def format(self) -> ox.RdfFormat:
        return rdf_format(self.path)


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise LoadError(
            f"unknown RDF file type {path.suffix!r}",
            path=str(path),
            hint="use one of " + ", ".join(sorted(FORMATS)),
        ) from None


def graph_for(path: Path) -> str:
    """``data/curated/fg-transfer-2022.ttl`` -> ``https://w3id.org/qitgraph/graph/fg-transfer-2022``;
    the ontology file is ``graph/ontology``."""
    if path.parent.name == "ontology":
        return str(GRAPH["ontology"])
    return str(GRAPH[path.stem])


def default_files() -> list[RdfFile]:
    """The ontology and every data file the project ships, in a stable order."""
    files = sorted(ontology_dir().glob("*.ttl")) + sorted(
        p for p in data_dir().rglob("*") if p.suffix.lower() in FORMATS
    )
    return [RdfFile(p, graph_for(p)) for p in files]


def extra_files(paths: Iterable[Path]) -> list[RdfFile]:
    out = []
    for p in paths:
        if not p.is_file():
            raise LoadError("no such file", path=str(p), hint="check the path given with --data")
        rdf_format(p)
        out.append(RdfFile(p, graph_for(p)))
    return out


def read_quads(file: RdfFile) -> Iterator[ox.Quad]:
    """Parse one file into quads in its named graph; a syntax error becomes a LoadError."""
    fmt = file.format
    try:
        raw = file.path.read_bytes()
    except OSError as e:
        raise LoadError(f"cannot read file: {e.strerror}", path=str(file.path)) from e
    if fmt == ox.RdfFormat.RDF_XML and _DTD.search(raw):
        # A DTD can declare entities that expand to gigabytes (the "billion laughs").
        raise LoadError("RDF/XML with a DTD or entity declarations is refused", path=str(file.path),
                        hint="remove the <!DOCTYPE ...> block; plain RDF/XML needs none")
    target = ox.NamedNode(file.graph)
    try:
        for quad in ox.parse(raw, format=fmt, base_iri=file.path.resolve().as_uri()):
            if fmt in QUAD_FORMATS and not isinstance(quad.graph_name, ox.DefaultGraph):
                yield quad
            else:
                yield ox.Quad(quad.subject, quad.predicate, quad.object, target)
    except SyntaxError as e:
        raise syntax_error(e, file.path) from None


def read_all(files: Iterable[RdfFile]) -> list[ox.Quad]:
    """Every file parsed before anything is stored, so that a bad file changes nothing."""
    quads: list[ox.Quad] = []
    for f in files:
        quads.extend(read_quads(f))
    return quads


def syntax_error(e: SyntaxError, path: Path) -> LoadError:
    message = str(e.msg if hasattr(e, "msg") else e)
    line, column = e.lineno, e.offset
    if line is None:
        found = _POSITION.search(message)
        if found:
            line, column = int(found.group(1)), int(found.group(2))
    return LoadError(message, path=str(path), line=line, column=column,
                     hint="fix the Turtle syntax at that position; nothing was loaded")
