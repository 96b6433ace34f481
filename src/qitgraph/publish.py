"""Publishing the graph into a production triple store with the SPARQL 1.1 Graph Store HTTP
Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/, section 5.3 "HTTP PUT"): each named
graph of the embedded store is sent with ``PUT {gsp}?graph={iri}``, which replaces that graph in
the store and leaves every other graph alone. Re-publishing is therefore idempotent, and a store
that also holds other data keeps it.

Why PUT per graph rather than one upload: the named graph is the unit of provenance here (one per
source file, see DESIGN.md), so the store must hold the same graphs under the same IRIs for
``GRAPH ?g`` queries to answer the same. Everything is parsed locally first (``load_graph``): a
file that does not parse stops the command before anything is sent.

With ``--endpoint`` the result is checked afterwards: the store's triple count of each graph,
asked through SPARQL, must equal what was sent.

Authentication: HTTP Basic or Digest (Virtuoso's ``/sparql-graph-crud-auth`` uses Digest), with
the user and password given to :func:`publish` (the CLI reads the password from the environment
variable ``QITGRAPH_GSP_PASSWORD`` so it does not show in the process list).
"""

from __future__ import annotations

import argparse
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from qitgraph import cli_extensions
from qitgraph.errors import EndpointError
from qitgraph.graph import Graph

COUNT_GRAPH = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True)
class PublishedGraph:
    """One named graph sent to the store: its IRI, triples sent, the HTTP status of the PUT and,
    after verification, the number of triples the store reports for it."""

    graph: str
    triples: int
    status: int
    in_store: int | None = None

    @property
    def verified(self) -> bool:
        return self.in_store == self.triples


def graph_payload(graph: Graph, iri: str) -> tuple[bytes, int]:
    """One named graph as N-Triples (valid Turtle too, which every GSP store accepts) and its size."""
    node = ox.NamedNode(iri)
    quads = list(graph.store.quads_for_pattern(None, None, None, node))
    data = graph.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node)
    return (data or b""), len(quads)


def _opener(url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    if not user:
        return urllib.request.build_opener()
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, url, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager),
                                       urllib.request.HTTPBasicAuthHandler(manager))


def put_graph(gsp: str, iri: str, body: bytes, *, user: str | None = None, password: str | None = None,
              timeout: float = 60.0) -> int:
    """``PUT`` one graph (GSP 5.3); the store's status, or an EndpointError saying why not."""
    sep = "&" if "?" in gsp else "?"
    url = f"{gsp}{sep}{urllib.parse.urlencode({'graph': iri})}"
    request = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with _opener(gsp, user, password).open(request, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        hint = ("give --user and set QITGRAPH_GSP_PASSWORD" if e.code in (401, 403)
                else "check that --gsp is the store's Graph Store Protocol URL")
        raise EndpointError(f"{gsp}: PUT of graph <{iri}> failed with HTTP {e.code}: "
                            f"{(detail[0] if detail else '')[:300]}", hint=hint) from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise EndpointError(f"{gsp}: cannot send graph <{iri}>: {reason}",
                            hint="check that the store is running and the URL is right") from None


def publish(graph: Graph, gsp: str, *, endpoint: str | None = None, user: str | None = None,
            password: str | None = None, graphs: Sequence[str] | None = None,
            timeout: float = 60.0) -> list[PublishedGraph]:
    """Send every named graph (or those in ``graphs``) to the store at ``gsp``; with ``endpoint``,
    count each graph's triples in the store afterwards (``PublishedGraph.in_store``)."""
    if not gsp.startswith(("http://", "https://")):
        raise EndpointError(f"not an HTTP(S) Graph Store Protocol URL: {gsp!r}",
                            hint="e.g. http://localhost:8890/sparql-graph-crud-auth for Virtuoso")
    known = graph.named_graphs()
    chosen = list(graphs) if graphs is not None else known
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        raise EndpointError(f"no such named graph to publish: {', '.join(unknown)}",
                            hint="the graphs are: " + ", ".join(known))
    payloads = {iri: graph_payload(graph, iri) for iri in chosen}
    sent = []
    for iri, (body, n) in payloads.items():
        status = put_graph(gsp, iri, body, user=user, password=password, timeout=timeout)
        sent.append(PublishedGraph(iri, n, status))
    if endpoint:
        sent = verify(sent, endpoint, timeout=timeout)
    return sent


def verify(sent: Sequence[PublishedGraph], endpoint: str, *, timeout: float = 60.0) -> list[PublishedGraph]:
    """Ask the store, graph by graph, how many triples it holds (bound with VALUES, not pasted)."""
    from qitgraph.client import Endpoint

    remote = Endpoint(endpoint, timeout=timeout)
    out = []
    for item in sent:
        rows = remote.rows(COUNT_GRAPH, {"g": ox.NamedNode(item.graph)})
        count = int(rows[0]["n"]) if rows else 0
        out.append(PublishedGraph(item.graph, item.triples, item.status, count))
    return out


def render(sent: Sequence[PublishedGraph]) -> str:
    """A line per graph and a total, for the command line."""
    lines = []
    for item in sent:
        check = "" if item.in_store is None else (
            "  verified" if item.verified else f"  MISMATCH: store holds {item.in_store}")
        lines.append(f"{item.triples:7d} triples  HTTP {item.status}  {item.graph}{check}")
    lines.append(f"{sum(i.triples for i in sent)} triples in {len(sent)} graphs published")
    return "\n".join(lines)


def cmd_publish(args: argparse.Namespace) -> int:
    from qitgraph.graph import load_graph

    sent = publish(load_graph(args.data), args.gsp, endpoint=args.endpoint, user=args.user,
                   password=os.environ.get("QITGRAPH_GSP_PASSWORD"), graphs=args.graph or None,
                   timeout=args.timeout)
    print(render(sent))
    return 0 if all(i.in_store is None or i.verified for i in sent) else 4


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser],
             add: Callable[..., argparse.ArgumentParser]) -> None:
    """``qitgraph publish``: see the module docstring."""
    p = add("publish", cmd_publish,
            "send each named graph to a triple store with the SPARQL 1.1 Graph Store Protocol (PUT)",
            "qitgraph publish --gsp http://localhost:8890/sparql-graph-crud-auth --user dba "
            "--endpoint http://localhost:8890/sparql  (password in QITGRAPH_GSP_PASSWORD)")
    p.add_argument("--gsp", required=True, metavar="URL", help="the store's Graph Store Protocol URL")
    p.add_argument("--endpoint", metavar="URL",
                   help="the store's SPARQL query URL: count each graph's triples afterwards (exit 4 "
                        "on a mismatch)")
    p.add_argument("--user", help="user for HTTP Basic/Digest authentication; the password is read "
                                  "from the environment variable QITGRAPH_GSP_PASSWORD")
    p.add_argument("--graph", action="append", default=[], metavar="IRI",
                   help="publish only this named graph; repeatable (default: all)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit of each HTTP request (default: 60)")
    cli_extensions.add_data_option(p, "to load and publish")


cli_extensions.REGISTER.append(register)
