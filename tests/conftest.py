"""Shared fixtures: the real graph is built once per test session and reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from qitgraph.graph import Graph, load_graph

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def graph() -> Graph:
    return load_graph()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the source archives and W3C manifests live beside the repository")
    return SHARED
