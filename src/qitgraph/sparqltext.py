"""Binding parameters into SPARQL text safely: a ``VALUES`` block of serialized RDF terms,
placed at the start of the query's outermost ``WHERE`` group, so that the binding joins before
any grouping or aggregation (SPARQL 1.1, 10.2.1). User input is never pasted as SPARQL: each
value is first made an RDF term (an IRI checked at the edge, or an escaped literal) and written
in N-Triples form by pyoxigraph.

>>> import pyoxigraph as ox
>>> inject_values('SELECT ?x WHERE { ?x ?p ?o }', {'p': ox.NamedNode('http://e/p')})
'SELECT ?x WHERE { VALUES (?p) { (<http://e/p>) } ?x ?p ?o }'
>>> inject_values('# WHERE { in a comment\\nASK { ?s ?p "a{b" }', {'s': ox.Literal('x"y')})
'# WHERE { in a comment\\nASK { VALUES (?s) { ("x\\\\"y") } ?s ?p "a{b" }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox

_WORD = re.compile(r"[A-Za-z_]+")
_ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def is_absolute_iri(value: str) -> bool:
    """An absolute IRI with none of the characters that would end an IRIREF (checked at the edge,
    before a value becomes an RDF term).

    >>> is_absolute_iri("https://w3id.org/qitgraph/id/group/itu-t-sg13"), is_absolute_iri("itu-t-sg13")
    (True, False)
    >>> is_absolute_iri("http://e/a> } <x")
    False
    """
    return _ABSOLUTE_IRI.match(value) is not None


def _code_positions(query: str) -> list[tuple[int, str]]:
    """Yield (position, character) of the query outside comments, strings and IRIs."""
    out = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            while i < n and query[i] != "\n":
                i += 1
            continue
        if c in "\"'":
            long = query.startswith(c * 3, i)
            end = c * 3 if long else c
            i += len(end)
            while i < n and not query.startswith(end, i):
                i += 2 if query[i] == "\\" else 1
            i += len(end)
            continue
        if c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", query[i:]):
            i = query.index(">", i) + 1
            continue
        out.append((i, c))
        i += 1
    return out


def outer_group_start(query: str) -> int:
    """Index of the '{' that opens the outermost WHERE group."""
    code = _code_positions(query)
    text = "".join(c for _, c in code)
    where = None
    for m in _WORD.finditer(text):
        if m.group().upper() == "WHERE":
            where = m.end()
            break
    start_search = where if where is not None else 0
    if where is None and re.search(r"\bCONSTRUCT\b", text, re.IGNORECASE):
        raise ValueError("a CONSTRUCT query needs an explicit WHERE to take parameters")
    k = text.find("{", start_search)
    if k < 0:
        raise ValueError("the query has no group pattern to bind parameters in")
    return code[k][0]


def inject_values(query: str, bindings: Mapping[str, ox.NamedNode | ox.Literal | ox.BlankNode]) -> str:
    if not bindings:
        return query
    names = sorted(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"not a SPARQL variable name: {name!r}")
    at = outer_group_start(query)
    variables = " ".join(f"?{n}" for n in names)
    row = " ".join(str(bindings[n]) for n in names)
    return f"{query[:at + 1]} VALUES ({variables}) {{ ({row}) }}{query[at + 1:]}"
