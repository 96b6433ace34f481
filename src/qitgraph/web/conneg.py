"""Content negotiation as a pure function (RFC 9110, 12.5.1 "Accept"; table-tested in
tests/web/test_conneg.py).

An explicit choice beats the header: a URL extension (``/id/group/itu-t-sg13.ttl``) or a
``?format=`` parameter names a format outright. Otherwise each offered format gets the quality
of the most specific media range of ``Accept`` that matches it (exact type over ``type/*`` over
``*/*``; a format also answers to its aliases, such as ``application/json`` for SPARQL JSON
results, at a slightly lower rank than its own type); the best quality above zero wins, ties
going to the server's order of preference. No header, or an empty one, means the first offered
format. Nothing acceptable is a 406 that lists what is on offer.

>>> from qitgraph.store.formats import RESULT_FORMATS
>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_FORMATS).name
'xml'
>>> negotiate("*/*", RESULT_FORMATS).name
'json'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qitgraph.errors import BadParameter, NotAcceptable
from qitgraph.store.formats import Format


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def rank(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: 3 exact, 2 ``type/*``, 1 ``*/*``, 0 no."""
        t, _, s = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type == t and self.subtype == "*":
            return 2
        if self.type == t and self.subtype == s:
            return 3
        return 0


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed members are skipped, not fatal.

    >>> parse_accept('text/turtle;q=0.8, application/ld+json; profile="x,y"')
    [MediaRange(type='text', subtype='turtle', q=0.8), MediaRange(type='application', subtype='ld+json', q=1.0)]
    """
    ranges = []
    for part in _split_outside_quotes(header):
        fields = [f.strip() for f in part.split(";")]
        t, sep, s = fields[0].lower().partition("/")
        if not sep or not t or not s:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(t, s, q))
    return ranges


def _split_outside_quotes(header: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for c in header:
        if c == '"':
            quoted = not quoted
        if c == "," and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def quality(ranges: Sequence[MediaRange], fmt: Format) -> tuple[float, int]:
    """(q, specificity) of the most specific range that matches the format or an alias."""
    best: tuple[int, float] = (0, 0.0)
    for r in ranges:
        rank = r.rank(fmt.media_type) * 2
        for alias in fmt.aliases:
            rank = max(rank, r.rank(alias) * 2 - 1)
        if rank > best[0]:
            best = (rank, r.q)
    return best[1], best[0]


def _named(wanted: str, offered: Sequence[Format]) -> Format | None:
    wanted = wanted.lower().strip()
    for f in offered:
        if wanted in (f.name, f.ext, f.media_type):
            return f
    # names clients use for the same thing: SPARQLWrapper's format=xml for RDF/XML, json for JSON-LD
    return next((f for f in offered if wanted in f.names), None)


def negotiate(accept: str | None, offered: Sequence[Format], *,
              explicit: str | Sequence[str] | None = None) -> Format:
    """The format to answer in; ``explicit`` is an extension or ``?format=`` value (several values,
    as SPARQLWrapper sends ``format=tsv&format=text/tab-separated-values``, must agree)."""
    if explicit:
        names = [explicit] if isinstance(explicit, str) else list(explicit)
        found = {_named(n, offered) for n in names}
        if None in found:
            raise NotAcceptable(f"format {', '.join(names)!r} is not available here",
                                hint="available: " + ", ".join(f.name for f in offered))
        if len(found) > 1:
            raise BadParameter(f"conflicting formats: {', '.join(names)}", hint="ask for one format")
        return found.pop()  # type: ignore[return-value]
    ranges = parse_accept(accept or "")
    if not ranges:
        return offered[0]
    scored = [(quality(ranges, f), -i, f) for i, f in enumerate(offered)]
    (q, rank), _, best = max(scored, key=lambda x: (x[0][0], x[0][1], x[1]))
    if q <= 0 or rank == 0:
        raise NotAcceptable(f"none of the formats in Accept: {accept} can carry this answer",
                            hint="acceptable here: " + ", ".join(f.media_type for f in offered))
    return best
