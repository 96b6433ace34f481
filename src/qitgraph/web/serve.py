"""``qitgraph serve``: load the graph into a store and serve the web app with uvicorn. The command
is a thin skin: it turns options into ``Settings`` and calls ``serve(settings)``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qitgraph.cli_extensions import REGISTER, add_data_option
from qitgraph.settings import Settings


def serve(settings: Settings) -> None:
    """Open the store (loading or reusing it), then answer HTTP until interrupted."""
    import uvicorn

    from qitgraph.web.app import create_app

    app = create_app(settings)
    print(f"qitgraph: serving on http://{settings.host}:{settings.port}/ (SPARQL at /sparql)", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")


def settings_from_args(args: argparse.Namespace) -> Settings:
    given: dict[str, Any] = {"host": args.host, "port": args.port, "store_path": args.store,
                             "data_files": tuple(args.data), "backend_url": args.backend,
                             "update_url": args.update_url}
    for name in ("query_timeout", "max_rows", "workers"):
        if getattr(args, name) is not None:
            given[name] = getattr(args, name)
    return Settings(**{k: v for k, v in given.items() if v is not None and v != ()})


def cmd_serve(args: argparse.Namespace) -> int:
    if args.update_url and not args.backend:
        from qitgraph.errors import BadParameter

        raise BadParameter("--update-url needs --backend", hint="give the remote store's query URL too")
    serve(settings_from_args(args))
    return 0


def register(sub: Any, add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("serve", cmd_serve,
            "serve the graph: SPARQL endpoint, linked-data pages, named queries, JSON API (settings also "
            "from QITGRAPH_* environment variables; see docs/server.md)",
            "qitgraph serve --store .qitgraph-store --port 8000")
    p.add_argument("--host", default=None, help="interface to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port to listen on (default: 8000)")
    p.add_argument("--store", type=Path, default=None, metavar="PATH",
                   help="keep the store on disk in this folder; a restart with unchanged files does not reload")
    add_data_option(p, "to load")
    p.add_argument("--backend", metavar="URL",
                   help="query this remote SPARQL 1.1 endpoint instead of the embedded store")
    p.add_argument("--update-url", metavar="URL",
                   help="the remote store's SPARQL Update endpoint; the files are loaded into it at start")
    p.add_argument("--query-timeout", type=float, default=None, metavar="SECONDS",
                   help="time limit of a query (default: 10)")
    p.add_argument("--max-rows", type=int, default=None, metavar="N", help="row cap of an answer (default: 10000)")
    p.add_argument("--workers", type=int, default=None, metavar="N", help="query worker processes (default: 2)")


REGISTER.append(register)
