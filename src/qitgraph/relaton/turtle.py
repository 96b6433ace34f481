"""Triples as deterministic Turtle, written one subject block at a time.

A block lists ``a`` first, then predicates and objects in sorted order, so that one record gives
the same bytes on every run; blocks follow the input order (sorted file names, archive order).
Triples of subjects that many records share (work items, groups) are written once per input
and output file: a set of their hashes remembers what was written. rdflib's serializer would need the whole
graph in memory first, which the streaming import cannot afford.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from qitgraph.namespaces import PREFIXES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIX_ORDER: list[tuple[str, str]] = [
    ("qit", PREFIXES["qit"]), ("rdfs", PREFIXES["rdfs"]), ("xsd", PREFIXES["xsd"]),
    ("dcterms", PREFIXES["dcterms"]), ("org", PREFIXES["org"]), ("schema", PREFIXES["schema"]),
    ("body", "https://w3id.org/qitgraph/id/body/"), ("group", "https://w3id.org/qitgraph/id/group/"),
    ("workitem", "https://w3id.org/qitgraph/id/workitem/"),
    ("statusevent", "https://w3id.org/qitgraph/id/statusevent/"),
    ("status", "https://w3id.org/qitgraph/id/status/"), ("topic", "https://w3id.org/qitgraph/id/topic/"),
]
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True)
class Lit:
    """A literal: a language-tagged string, a typed value, or a plain string."""

    value: str
    lang: str = ""
    datatype: str = ""


Obj = str | Lit  # a str object is an IRI
Triple = tuple[str, str, Obj]


def iri(value: str) -> str:
    """An IRI as a prefixed name where one fits, else ``<...>``."""
    for prefix, ns in PREFIX_ORDER:
        if value.startswith(ns) and _LOCAL.match(value[len(ns):]):
            return f"{prefix}:{value[len(ns):]}"
    return "<" + value.replace(">", "%3E").replace(" ", "%20") + ">"


def literal(lit: Lit) -> str:
    text = '"' + "".join(_ESCAPES.get(c, c) for c in lit.value) + '"'
    if lit.lang:
        return f"{text}@{lit.lang}"
    if lit.datatype:
        return f"{text}^^{iri(lit.datatype)}"
    return text


def term(obj: Obj) -> str:
    return literal(obj) if isinstance(obj, Lit) else iri(obj)


def _key(obj: Obj) -> tuple[int, str, str, str]:
    if isinstance(obj, Lit):
        return (1, obj.value, obj.lang, obj.datatype)
    return (0, obj, "", "")


def block(subject: str, triples: Iterable[tuple[str, Obj]]) -> str:
    """One subject's triples as a Turtle block (empty string when there are none)."""
    by_pred: dict[str, list[Obj]] = {}
    for p, o in triples:
        by_pred.setdefault(p, [])
        if o not in by_pred[p]:
            by_pred[p].append(o)
    if not by_pred:
        return ""
    preds = sorted(by_pred, key=lambda p: (p != RDF_TYPE, iri(p)))
    lines = []
    for p in preds:
        objs = " , ".join(term(o) for o in sorted(by_pred[p], key=_key))
        lines.append(f"{'a' if p == RDF_TYPE else iri(p)} {objs}")
    return iri(subject) + " " + " ;\n    ".join(lines) + " .\n"


def header(comment_lines: Iterable[str]) -> str:
    out = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment_lines)
    out += "\n" + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIX_ORDER) + "\n"
    return out


class TurtleSink:
    """One output file: writes blocks, and writes shared subjects' triples only once."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._written: set[int] = set()
        self._subjects: set[int] = set()  # hashes: only "was it written?" is asked
        self.blocks = 0

    def seen_subject(self, subject: str) -> bool:
        return hash(subject) in self._subjects

    def forget_triples(self) -> None:
        """Drop the memory of written shared triples (at the end of an input), so that memory
        does not grow with the number of inputs; a later input may then repeat a shared triple,
        which changes the bytes but not the graph."""
        self._written = set()

    def write(self, triples: Iterable[Triple], shared: set[str]) -> None:
        """Write a record's triples, grouped by subject in first-seen order."""
        grouped: dict[str, list[tuple[str, Obj]]] = {}
        for s, p, o in triples:
            if s in shared:
                h = hash((s, p, o))
                if h in self._written:
                    continue
                self._written.add(h)
            grouped.setdefault(s, []).append((p, o))
        for s, pairs in grouped.items():
            text = block(s, pairs)
            if text:
                self.out.write(text)
                self.blocks += 1
            self._subjects.add(hash(s))
