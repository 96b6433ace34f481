"""Registry of the commands that live beside their own modules (``serve``, ``import``, ``gaps``,
``export``). Each entry is ``register(subparsers, add)`` where ``add(name, func, help, example)``
creates a documented subcommand (see ``cli.build_parser``)."""

from __future__ import annotations

from collections.abc import Callable

REGISTER: list[Callable[..., None]] = []
from qitgraph import gaps, publish  # noqa: E402, F401  (issue 5: registers the gaps and publish commands)
from qitgraph.relaton import cli as _relaton_cli  # noqa: E402, F401  (issue 3: registers import relaton)
from qitgraph.web import serve as _serve  # noqa: E402, F401  (issue 4: registers the serve command)
