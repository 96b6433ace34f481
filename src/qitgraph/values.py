"""RDF literals as plain Python values, the one rule every answer uses (the embedded store's
rows, a remote endpoint's SPARQL JSON, the server's JSON rows): integers as ``int``, booleans as
``bool``, every other literal, IRI and blank node as its lexical form.

>>> plain_value("42", XSD + "integer"), plain_value("true", XSD + "boolean"), plain_value("2019-06", XSD + "gYearMonth")
(42, True, '2019-06')
>>> plain_value("4x", XSD + "integer")
'4x'
"""

from __future__ import annotations

from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = frozenset(XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))


def plain_value(lexical: str, datatype: str | None = None) -> Any:
    """A literal's lexical form and datatype IRI as a Python value (a malformed integer stays text)."""
    if datatype in INTEGER_TYPES:
        try:
            return int(lexical)
        except ValueError:
            return lexical
    if datatype == XSD + "boolean":
        return lexical in ("true", "1")
    return lexical


def plain_json_value(term: dict[str, Any] | None) -> Any:
    """One term of SPARQL 1.1 JSON results (``{"type": ..., "value": ..., "datatype": ...}``)."""
    if term is None:
        return None
    if term.get("type") in ("literal", "typed-literal"):
        return plain_value(term.get("value", ""), term.get("datatype"))
    return term.get("value")
