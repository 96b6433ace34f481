"""Serializing a query's answer with a row cap that is never silent.

The answer is read up to ``max_rows + 1`` rows (or triples) so that a cut is known, written as
SPARQL 1.1 Query Results JSON (W3C, "SPARQL 1.1 Query Results JSON Format") and, for the other
result formats, converted by pyoxigraph (fast, exact escaping of non-ASCII and special
characters). A cut answer says so in the body where the format has room: JSON gets a top-level
``"truncated": true`` (as datasette does), XML a ``<link href="urn:qitgraph:truncated"/>`` in its
head (the format's own extension point, section 2.3.1), Turtle, TriG and N-Triples a leading
``#`` comment. CSV, TSV, JSON-LD and RDF/XML have no such place: there only the
``X-Qitgraph-Truncated`` header tells.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from qitgraph.namespaces import PREFIXES
from qitgraph.store.formats import Format

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TRUNCATED_LINK = "urn:qitgraph:truncated"


@dataclass(frozen=True)
class Answer:
    """A serialized answer: the bytes, their format, how many rows or triples, and whether cut."""

    body: bytes
    format: Format
    count: int
    truncated: bool
    form: str


def as_bytes(data: bytes | None) -> bytes:
    """pyoxigraph's serializers return bytes when given no output file; say so to the type checker."""
    assert data is not None
    return data


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term in SPARQL JSON results form (section 3.2.2)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_json(variables: list[str], rows: list[Any]) -> dict[str, Any]:
    bindings = []
    for sol in rows:
        row = {}
        for v in variables:
            t = sol[v]
            if t is not None:
                row[v] = term_json(t)
        bindings.append(row)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def serialize_answer(result: Any, fmt: Format, max_rows: int, form: str) -> Answer:
    """Serialize a pyoxigraph query result (solutions, boolean or triples) in ``fmt``."""
    if isinstance(result, ox.QueryBoolean):
        return Answer(as_bytes(result.serialize(format=fmt.ox_results())), fmt, 1, False, form)
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = list(itertools.islice(result, max_rows + 1))
        truncated = len(rows) > max_rows
        doc = solutions_json(variables, rows[:max_rows])
        return Answer(_results_bytes(doc, fmt, truncated), fmt, len(doc["results"]["bindings"]),
                      truncated, form)
    triples = list(itertools.islice(result, max_rows + 1))
    truncated = len(triples) > max_rows
    triples = triples[:max_rows]
    return Answer(graph_bytes(triples, fmt, truncated=truncated, max_rows=max_rows), fmt, len(triples),
                  truncated, form)


def _results_bytes(doc: dict[str, Any], fmt: Format, truncated: bool) -> bytes:
    raw = json.dumps(doc, ensure_ascii=False).encode()
    if fmt.name == "json":
        if not truncated:
            return raw
        return json.dumps({**doc, "truncated": True}, ensure_ascii=False).encode()
    body = as_bytes(ox.parse_query_results(raw, format=ox.QueryResultsFormat.JSON).serialize(
        format=fmt.ox_results()))
    if truncated and fmt.name == "xml":
        body = body.replace(b"</head>", f'<link href="{TRUNCATED_LINK}"/></head>'.encode(), 1)
    return body


def graph_bytes(triples: list[ox.Triple], fmt: Format, *, truncated: bool = False, max_rows: int = 0,
                prefixes: dict[str, str] | None = None) -> bytes:
    """Triples in an RDF format; Turtle and TriG use the project's prefixes."""
    use_prefixes = (prefixes or PREFIXES) if fmt.name in ("ttl", "trig") else None
    body = as_bytes(ox.serialize(triples, format=fmt.ox_rdf(), prefixes=use_prefixes))
    if truncated and fmt.name in ("ttl", "trig", "nt"):
        body = f"# truncated: only the first {max_rows} triples\n".encode() + body
    return body
