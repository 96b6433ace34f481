"""The graph: the ontology and data files loaded into an embedded Oxigraph store, one named
graph per file, queried with the union of all named graphs as the SPARQL default graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from qitgraph.errors import QuerySyntaxError
from qitgraph.rdffiles import RdfFile, default_files, extra_files, read_all
from qitgraph.sparqltext import inject_values
from qitgraph.values import plain_value

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = dict[str, Any]



@dataclass
class Graph:
    """An embedded store and the files it was loaded from."""

    store: ox.Store
    files: list[RdfFile] = field(default_factory=list)

    def query(self, sparql: str, *, bindings: Mapping[str, Term] | None = None,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None) -> Any:
        """Run a SPARQL query. ``bindings`` are bound with a VALUES block of RDF terms.
        Without ``default_graph`` the default graph is the union of all named graphs."""
        kwargs: dict[str, Any] = {}
        if default_graph is not None:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if bindings:
            sparql = inject_values(sparql, bindings)
        try:
            return self.store.query(sparql, **kwargs)
        except SyntaxError as e:
            raise query_syntax_error(e) from None

    def select(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        """A SELECT query's rows as dicts of plain Python values (see ``to_python``)."""
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        return [{n: to_python(sol[n]) for n in names if sol[n] is not None} for sol in result]

    def ask(self, sparql: str) -> bool:
        return bool(self.query(sparql))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def file_of_graph(self, graph: str) -> Path | None:
        return next((f.path for f in self.files if f.graph == graph), None)

    def to_rdflib(self) -> rdflib.Graph:
        """All triples of all named graphs in one rdflib graph (for SHACL and OWL-RL)."""
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in self.store)
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return rdflib.Graph().parse(data=data, format="nt")

    def __len__(self) -> int:
        return len(self.store)


def to_python(term: Term | None) -> Any:
    """IRIs and blank nodes as strings, integers and booleans as Python values, other literals
    as their lexical form."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return plain_value(term.value, term.datatype.value)
    return term.value


def query_syntax_error(e: SyntaxError) -> QuerySyntaxError:
    import re

    found = re.search(r"at (\d+):(\d+)", str(e))
    if found:
        return QuerySyntaxError(str(e), line=int(found.group(1)), column=int(found.group(2)))
    return QuerySyntaxError(str(e))


def load_files(files: Iterable[RdfFile], store: ox.Store | None = None) -> Graph:
    """Parse every file first, then add all quads at once: a bad file changes nothing."""
    files = list(files)
    quads = read_all(files)
    store = store if store is not None else ox.Store()
    store.extend(quads)
    return Graph(store, files)


def load_graph(extra: Iterable[Path] = (), *, include_defaults: bool = True) -> Graph:
    """The project's ontology and data, plus any extra files, in a new in-memory store."""
    files = (default_files() if include_defaults else []) + extra_files(extra)
    return load_files(files)
