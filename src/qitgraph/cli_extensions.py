"""Registry of the commands that live beside their own modules (``serve``, ``import``, ``gaps``,
``export``). Each entry is ``register(subparsers, add)`` where ``add(name, func, help, example)``
creates a documented subcommand (see ``cli.build_parser``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

REGISTER: list[Callable[..., None]] = []


def add_data_option(parser: argparse.ArgumentParser, purpose: str = "to load") -> None:
    """The ``--data FILE`` option every command that loads the graph shares."""
    parser.add_argument("--data", action="append", type=Path, default=[], metavar="FILE",
                        help=f"an extra RDF file {purpose} (Turtle, N-Triples, N-Quads, TriG, JSON-LD, "
                             "RDF/XML); repeatable")
from qitgraph import gaps, publish  # noqa: E402, F401  (registers the gaps and publish commands)
from qitgraph.relaton import cli as _relaton_cli  # noqa: E402, F401  (registers import relaton)
from qitgraph.web import serve as _serve  # noqa: E402, F401  (registers the serve command)
