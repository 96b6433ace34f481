"""Search for tools that do not speak SPARQL: text over labels, titles and identifiers, filtered
by standards body, group, topic, status and year. The query is assembled only from fixed
fragments chosen by which filters are present; every value is an RDF term bound with ``VALUES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from qitgraph.errors import BadParameter
from qitgraph.namespaces import sparql_prologue
from qitgraph.store.base import QueryStore, select_rows
from qitgraph.store.guard import CheckedQuery, bind

TEXT_PROPS = "rdfs:label|dcterms:title|foaf:name|skos:prefLabel|qit:identifier|qit:provisionalName|qit:acronym"
GROUP_PROPS = "qit:responsibleGroup|qit:ofGroup|org:organization|qit:recipient|qit:fromGroup|qit:toGroup|qit:actor"
FRAGMENTS = {
    "q": f"?item {TEXT_PROPS} ?text . FILTER(CONTAINS(LCASE(STR(?text)), LCASE(STR(?q))))",
    "body": f"{{ ?item org:subOrganizationOf* ?body }} UNION {{ ?item ({GROUP_PROPS})/org:subOrganizationOf* ?body }}",
    "group": f"{{ ?item org:subOrganizationOf* ?group }} UNION {{ ?item {GROUP_PROPS} ?group }}",
    "topic": "?item dcterms:subject/skos:broader* ?topic .",
    "status": "{ ?statusEvent qit:workItem ?item ; qit:status ?status } UNION { ?item qit:eventStatus ?status }",
    "year": ("{ ?item qit:startDate|qit:date|qit:sessionDate|dcterms:date|dcterms:issued ?when } UNION "
             "{ ?e qit:workItem ?item ; qit:date|qit:asOf ?when } FILTER(SUBSTR(STR(?when), 1, 4) = ?year)"),
}
EXAMPLES = {"body": "itu-t", "group": "itu-t-sg13", "topic": "qkd-network", "status": "consented"}
KINDS = {"body": "body", "group": "group", "topic": "topic", "status": "status"}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    types: list[str]


def filter_term(name: str, value: str, public_base: str) -> ox.NamedNode | ox.Literal:
    """A filter value as an RDF term: a slug (``itu-t-sg13``) or a full IRI; text and year as literals."""
    value = value.strip()
    if name == "q":
        return ox.Literal(value)
    if name == "year":
        if not re.fullmatch(r"\d{4}", value):
            raise BadParameter(f"year must be four digits, got {value!r}", hint="e.g. year=2021")
        return ox.Literal(value)
    if _IRI.match(value):
        return ox.NamedNode(value)
    if _SLUG.match(value):
        return ox.NamedNode(f"{public_base}id/{KINDS[name]}/{value}")
    raise BadParameter(f"{name} must be a slug such as itu-t-sg13 or a full IRI, got {value!r}",
                       hint=f"e.g. {name}={EXAMPLES[name]}")


def search_query(filters: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query for the filters present; with text, the shortest matching text ranks first
    (a name that is the search term beats a title that mentions it)."""
    parts = "\n  ".join(FRAGMENTS[name] for name in FRAGMENTS if name in filters)
    text = sparql_prologue() + f"""
SELECT ?item (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?types)
       (MIN(STRLEN(STR(?text))) AS ?score) WHERE {{
  ?item a ?type .
  FILTER(STRSTARTS(STR(?item), "https://w3id.org/qitgraph/id/"))
  {parts}
  OPTIONAL {{ ?item rdfs:label|dcterms:title|foaf:name|skos:prefLabel ?l }}
}} GROUP BY ?item ORDER BY ?score LCASE(STR(?label)) ?item
"""
    return text


def search(store: QueryStore, check: Callable[[str], CheckedQuery], values: dict[str, str | None], *,
           public_base: str, limit: int) -> tuple[list[Hit], bool]:
    """Resources matching every given filter, at most ``limit``, and whether more exist."""
    filters = {k: filter_term(k, v, public_base) for k, v in values.items() if v}
    _, rows, more = select_rows(store, bind(check(search_query(filters)), filters), max_rows=limit)
    hits = [Hit(r["item"]["value"], r.get("label", {}).get("value", ""), r["types"]["value"].split())
            for r in rows]
    return hits, more
