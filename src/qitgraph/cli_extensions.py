"""Registry of the commands that live beside their own modules (``serve``, ``import``, ``gaps``,
``export``). Each entry is ``register(subparsers, add)`` where ``add(name, func, help, example)``
creates a documented subcommand (see ``cli.build_parser``)."""

from __future__ import annotations

from collections.abc import Callable

REGISTER: list[Callable[..., None]] = []
