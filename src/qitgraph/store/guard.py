"""Checking a query before any engine sees it: is it a query at all, which form is it, and does it
ask for something a public read-only endpoint must not do.

pyoxigraph evaluates ``SERVICE`` (and ``LOAD`` in updates) by making outbound HTTP requests, to
loopback addresses too, and has no switch to turn that off (ENDPOINT-NOTES.md). So the query is
parsed with rdflib's SPARQL 1.1 grammar (the parse tree, not a regular expression) and refused
when it is an update, or when its tree holds a ``ServiceGraphPattern`` and no SERVICE is allowed.
The form (SELECT, ASK, CONSTRUCT, DESCRIBE) decides content negotiation before evaluation, so a
406 costs nothing. A syntax error reports rdflib's line and column (SPARQL 1.1 Protocol 2.1.4:
a malformed query is a 400).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from threading import Lock
from typing import Any

import pyoxigraph as ox
from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from qitgraph.errors import QueryRefused, QuerySyntaxError
from qitgraph.sparqltext import inject_values
from qitgraph.store.formats import GRAPH, RESULTS

FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
         "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True)
class CheckedQuery:
    """A query that parsed and passed the checks, with its form, and whether it names its own
    dataset (``FROM`` / ``FROM NAMED``): then the default graph is what it names, not the union."""

    text: str
    form: str
    has_dataset: bool = False

    @property
    def family(self) -> str:
        """``results`` for SELECT/ASK, ``graph`` for CONSTRUCT/DESCRIBE."""
        return RESULTS if self.form in ("SELECT", "ASK") else GRAPH


def bind(checked: CheckedQuery, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> CheckedQuery:
    """A checked query with values bound in a ``VALUES`` block (``qitgraph.sparqltext``). A block of
    RDF terms adds no SERVICE and no update and keeps the form, so the check of the query holds
    for the bound text too; a query checked once serves every binding without another parse."""
    if not bindings:
        return checked
    return CheckedQuery(inject_values(checked.text, bindings), checked.form, checked.has_dataset)


def _contains(node: Any, name: str) -> bool:
    if isinstance(node, CompValue):
        if node.name == name:
            return True
        return any(_contains(v, name) for v in node.values())
    if isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        return any(_contains(v, name) for v in node)
    return False


def check_query(text: str, *, allow_service: bool = False) -> CheckedQuery:
    """Parse ``text`` as a SPARQL 1.1 query; raise QuerySyntaxError or QueryRefused.

    >>> check_query("ASK {}").form
    'ASK'
    >>> check_query("CLEAR ALL")
    Traceback (most recent call last):
    ...
    qitgraph.errors.QueryRefused: SPARQL updates are not accepted here
      hint: this endpoint is read-only; send queries (SELECT, ASK, CONSTRUCT, DESCRIBE)
    """
    try:
        tree = parseQuery(text)
    except ParseBaseException as e:
        if _is_update(text):
            raise QueryRefused("SPARQL updates are not accepted here",
                               hint="this endpoint is read-only; send queries (SELECT, ASK, CONSTRUCT, "
                                    "DESCRIBE)") from None
        found = getattr(e, "found", "")
        message = e.msg.replace("\n", " ") + (f", found {found}" if found else "")
        raise QuerySyntaxError(message, line=e.lineno, column=e.col) from None
    except Exception as e:  # rdflib raises plain exceptions for some semantic errors (e.g. prefixes)
        raise QuerySyntaxError(str(e)) from None
    form = FORMS.get(tree[1].name, "")
    if not allow_service and _contains(tree, "ServiceGraphPattern"):
        raise QueryRefused("federated queries (SERVICE) are not allowed on this endpoint",
                           hint="query the other endpoint directly, or run your own server with "
                                "allow_service enabled")
    return CheckedQuery(text, form, "datasetClause" in tree[1])


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


class QueryChecker:
    """``check_query`` with a small bounded cache per app (parsing costs milliseconds; the same
    named queries and page queries come back again and again). Parses are serialized: rdflib's
    pyparsing grammar is shared state, and under the GIL parallel parses would gain nothing."""

    MAX_CACHED_CHARS = 20_000

    def __init__(self, *, allow_service: bool = False, size: int = 512) -> None:
        self.allow_service = allow_service
        self.size = size
        self._cache: OrderedDict[str, CheckedQuery] = OrderedDict()
        self._lock = Lock()
        self._parse_lock = Lock()

    def __call__(self, text: str) -> CheckedQuery:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        with self._parse_lock:
            checked = check_query(text, allow_service=self.allow_service)
        if len(text) > self.MAX_CACHED_CHARS:
            return checked  # a huge one-off query must not pin memory in the cache
        with self._lock:
            self._cache[text] = checked
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return checked
