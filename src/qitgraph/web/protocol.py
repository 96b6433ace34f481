"""Reading a SPARQL 1.1 Protocol query request (W3C SPARQL 1.1 Protocol, section 2.1): which
query, which dataset, and every way a request can be malformed.

- GET: ``query`` exactly once in the URL, with ``default-graph-uri`` / ``named-graph-uri``.
- POST ``application/x-www-form-urlencoded``: the same parameters in the body (decoded once:
  ``%41`` stays the three characters it stands for after one decoding, never two).
- POST ``application/sparql-query``: the body is the query, UTF-8; the dataset is in the URL.
- ``update`` (2.2) is refused, on any method: this endpoint is read-only.
- Anything else: 415 for another media type or charset, 413 for a body over the cap, 400 for a
  repeated ``query``, a body that is not UTF-8, or a graph IRI that is not absolute.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.requests import Request

from qitgraph.errors import BadParameter, QueryRefused, RequestTooLarge, UnsupportedMediaType
from qitgraph.sparqltext import is_absolute_iri
from qitgraph.store.base import Dataset

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class ProtocolRequest:
    """A query (None on a bare GET), its dataset, and the ``format`` parameters if any."""

    query: str | None
    dataset: Dataset
    format: tuple[str, ...] = ()


def _media_type(request: Request) -> tuple[str, str | None]:
    raw = request.headers.get("content-type", "")
    parts = [p.strip() for p in raw.split(";")]
    charset = None
    for p in parts[1:]:
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return parts[0].lower(), charset


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with 413 as soon as it passes ``limit`` bytes (header or stream)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise RequestTooLarge(f"request body of {declared} bytes is over the limit of {limit}",
                              hint="send a shorter query, or raise max_body_bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestTooLarge(f"request body is over the limit of {limit} bytes",
                                  hint="send a shorter query, or raise max_body_bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadParameter(f"the request body is not UTF-8 (byte {e.start})",
                           hint="SPARQL protocol bodies are UTF-8") from None


def _one(params: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise BadParameter(f"parameter {name!r} given {len(values)} times", hint="send exactly one")
    return values[0] if values else None


def _graphs(params: list[tuple[str, str]], name: str) -> tuple[str, ...] | None:
    values = tuple(v for k, v in params if k == name)
    for v in values:
        if not is_absolute_iri(v):
            raise BadParameter(f"{name} {v!r} is not an absolute IRI",
                               hint="e.g. https://w3id.org/qitgraph/graph/fg-transfer-2022")
    return values or None


def _refuse_update(params: list[tuple[str, str]]) -> None:
    if any(k in ("update", "using-graph-uri", "using-named-graph-uri") for k, _ in params):
        raise QueryRefused("SPARQL updates are not accepted here",
                           hint="this endpoint is read-only; send a query with the 'query' parameter")


async def read_query_request(request: Request, max_body: int) -> ProtocolRequest:
    """Parse a GET or POST to /sparql; raises a QitgraphError subclass on a malformed request."""
    params = parse_qsl(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        media, charset = _media_type(request)
        if media == UPDATE:
            _refuse_update([("update", "")])
        if charset not in (None, "utf-8", "utf8"):
            raise UnsupportedMediaType(f"charset {charset!r} is not supported", hint="send UTF-8")
        body = await read_body(request, max_body)
        if media == FORM:
            params = params + parse_qsl(_utf8(body), keep_blank_values=True)
            query = _one(params, "query")
        elif media == QUERY:
            if _one(params, "query") is not None:
                raise BadParameter("a query in both the URL and the body", hint="send it in one place")
            query = _utf8(body)
        else:
            raise UnsupportedMediaType(
                f"POST with Content-Type {media or '(none)'!r} is not a SPARQL query request",
                hint=f"use {FORM} with query=..., or {QUERY} with the query as the body")
        if query is None:
            _refuse_update(params)
            raise BadParameter("no 'query' parameter in the POST body", hint="send query=...")
    else:
        _refuse_update(params)
        query = _one(params, "query")
    dataset = Dataset(_graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri"))
    return ProtocolRequest(query, dataset, tuple(v for k, v in params if k == "format"))
