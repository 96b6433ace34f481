"""The web app: SPARQL 1.1 Protocol, linked-data pages, dumps, named queries, a JSON API and
pages for people, over one store (``qitgraph.store``). Build it with ``create_app(settings)``.

``create_app`` is imported on first use, so that ``qitgraph`` commands other than ``serve``
do not pay for importing FastAPI."""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from qitgraph.web.app import create_app

        return create_app
    raise AttributeError(name)
