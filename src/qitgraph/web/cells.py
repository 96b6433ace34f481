"""How an RDF term (in SPARQL JSON form) shows in an HTML table: IRIs as links (to this server
for the public base, shortened with the project's prefixes), literals as their readable text
with their language or datatype."""

from __future__ import annotations

from dataclasses import dataclass

from qitgraph.namespaces import PREFIXES
from qitgraph.web.links import LinkMapper

_XSD = PREFIXES["xsd"]


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    note: str = ""
    title: str = ""


def short(iri: str) -> str:
    """``https://w3id.org/qitgraph/ontology#Group`` -> ``qit:Group``; others unchanged."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri != ns and all(c not in iri[len(ns):] for c in "/#?"):
            return f"{prefix}:{iri[len(ns):]}"
    if iri.startswith("https://w3id.org/qitgraph/"):
        return iri[len("https://w3id.org/qitgraph/"):]
    return iri


def cell(term: dict[str, str] | None, links: LinkMapper) -> Cell:
    if term is None:
        return Cell("")
    kind, value = term.get("type"), term.get("value", "")
    if kind == "uri":
        return Cell(short(value), links.href(value), title=value)
    if kind == "bnode":
        return Cell(f"_:{value}", note="blank node")
    note = term.get("xml:lang", "")
    datatype = term.get("datatype", "")
    if datatype:
        note = short(datatype) if datatype.startswith(_XSD) else datatype
    return Cell(value, note=note)
