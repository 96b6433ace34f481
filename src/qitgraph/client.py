"""A client for any SPARQL 1.1 endpoint (SPARQL 1.1 Protocol, section 2.1; results in the SPARQL
1.1 Query Results JSON Format), built on SPARQLWrapper.

Why a wrapper at all: SPARQLWrapper raises a different exception for each failure (urllib errors,
its own ``EndPointNotFound``/``QueryBadFormed``, JSON decoding errors) and never retries. Scripts
and ``qitgraph query --endpoint``/``qitgraph gaps --endpoint`` want one thing instead: rows, or a
single :class:`~qitgraph.errors.EndpointError` that says what failed, where, and what to try.
Transient failures (connection refused or reset, timeouts, HTTP 502/503/504) are retried with
exponential backoff, because a store that is starting or restarting answers exactly like that.

Parameters are bound with a ``VALUES`` block (:func:`qitgraph.sparqltext.inject_values`), never
pasted into the text, so a named query means the same thing here as on the embedded store.

Rows use the same plain Python values as :meth:`qitgraph.graph.Graph.select`: IRIs and blank
nodes as strings, integers and booleans as Python values, other literals as their lexical form.
"""

from __future__ import annotations

import json
import time
import urllib.error
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from qitgraph.errors import EndpointError
from qitgraph.sparqltext import inject_values
from qitgraph.values import plain_json_value

Row = dict[str, Any]
Term = ox.NamedNode | ox.Literal | ox.BlankNode

TRANSIENT_STATUS = frozenset({502, 503, 504})
"""HTTP statuses worth retrying: a proxy or a store that is (re)starting or overloaded."""



class _Transient(Exception):
    """A failure that may go away if we try again; carries the message to report if it does not."""


@dataclass
class Endpoint:
    """A remote SPARQL 1.1 query endpoint.

    ``timeout`` is the time limit of one HTTP request in seconds; ``retries`` how many times a
    transient failure is retried, waiting ``backoff``, ``2*backoff``, ``4*backoff``... seconds.
    ``default_graph`` narrows the dataset with the protocol's ``default-graph-uri`` parameters.
    """

    url: str
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.5
    default_graph: tuple[str, ...] = ()
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            raise EndpointError(f"not an HTTP(S) endpoint URL: {self.url!r}",
                                hint="give the endpoint's full URL, e.g. http://localhost:8000/sparql")

    def select(self, text: str, bindings: Mapping[str, Term] | None = None) -> tuple[list[str], list[Row]]:
        """Run a SELECT query; return its column names and its rows (missing bindings are absent
        from a row's dict, as in ``Graph.select``)."""
        data = self._run(text, bindings)
        if "boolean" in data:
            return ["boolean"], [{"boolean": bool(data["boolean"])}]
        try:
            columns = list(data["head"]["vars"])
            rows = [{k: value_of(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        except (KeyError, TypeError, AttributeError) as e:
            raise EndpointError(f"{self.url} answered with JSON that is not SPARQL results (missing {e})",
                                hint="check that the URL is the SPARQL query endpoint") from None
        return columns, rows

    def rows(self, text: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        """Only the rows of :meth:`select` (the shape of ``Graph.select``)."""
        return self.select(text, bindings)[1]

    def ask(self, text: str, bindings: Mapping[str, Term] | None = None) -> bool:
        data = self._run(text, bindings)
        if not isinstance(data.get("boolean"), bool):
            raise EndpointError(f"{self.url} did not answer an ASK query with a boolean")
        return bool(data["boolean"])

    def _run(self, text: str, bindings: Mapping[str, Term] | None) -> dict[str, Any]:
        if bindings:
            text = inject_values(text, bindings)
        attempt = 0
        while True:
            try:
                return self._once(text)
            except _Transient as e:
                if attempt >= self.retries:
                    raise EndpointError(
                        f"{self.url}: {e} (after {attempt + 1} attempts)",
                        hint="check that the endpoint is running and reachable, or raise --timeout") from None
                self.sleep(self.backoff * (2 ** attempt))
                attempt += 1

    def _once(self, text: str) -> dict[str, Any]:
        wrapper = SPARQLWrapper(self.url, agent="qitgraph")
        wrapper.setQuery(text)
        # SPARQLWrapper guesses the query type from the first keyword it finds, comments included
        # ("#+ description: ... dropped ..." reads as DROP) and would then send an update. This
        # client only sends queries (SPARQL 1.1 Protocol 2.1), so it says so.
        wrapper.queryType = "SELECT"
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(max(1, round(self.timeout)))
        for g in self.default_graph:
            wrapper.addDefaultGraph(g)
        try:
            raw = wrapper.query().response.read()
        except urllib.error.HTTPError as e:
            raise self._http_error(e.code, e.read()) from None
        except SPARQLWrapperException as e:
            # SPARQLWrapper turns 400/401/403/404/414/500 into its own exceptions.
            raise EndpointError(f"{self.url} refused the query: {_wrapper_detail(e)}",
                                hint="check the query, or that the URL is a SPARQL endpoint") from None
        except TimeoutError as e:
            raise _Transient(f"no answer within {self.timeout:g} s") from e
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, TimeoutError):
                raise _Transient(f"no answer within {self.timeout:g} s") from e
            if isinstance(reason, ConnectionError | OSError):
                raise _Transient(f"cannot connect: {reason}") from e
            raise EndpointError(f"{self.url}: {reason}") from None
        except (ConnectionError, OSError) as e:
            raise _Transient(f"connection failed: {e}") from e
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise EndpointError(f"{self.url} answered with something that is not JSON: {raw[:120]!r}",
                                hint="check that the URL is the SPARQL endpoint, not a web page") from None
        if not isinstance(data, dict):
            raise EndpointError(f"{self.url} answered with JSON that is not SPARQL results")
        return data

    def _http_error(self, status: int, body: bytes) -> Exception:
        detail = _first_line(body.decode("utf-8", "replace"))
        if status in TRANSIENT_STATUS:
            return _Transient(f"HTTP {status}: {detail}")
        return EndpointError(f"{self.url} answered HTTP {status}: {detail}",
                             hint="check the query and the endpoint URL")


def value_of(binding: Mapping[str, Any]) -> Any:
    """One term of SPARQL JSON results as a plain Python value (as ``graph.to_python``)."""
    return plain_json_value(dict(binding))


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return (lines[0] if lines else "(empty body)")[:300]


def _wrapper_detail(error: SPARQLWrapperException) -> str:
    """What the endpoint said, from a SPARQLWrapper exception (its text ends with the response body)."""
    text = str(error)
    head, _, body = text.partition("Response:")
    body = body.strip()
    if body.startswith(("b'", 'b"')):
        body = body[2:-1].encode("latin-1", "replace").decode("unicode_escape", "replace")
    detail = " ".join(line.strip() for line in body.splitlines() if line.strip())
    return f"{_first_line(head)} {detail[:400]}".strip()
