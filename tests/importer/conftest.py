"""Fixtures of the importer tests: the small committed records, and the real catalogue records
of ../shared/relaton (skipped with a reason when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RECORDS = FIXTURES / "records"


@pytest.fixture(scope="session")
def quantum_dir() -> Path:
    path = SHARED / "relaton" / "quantum"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the Relaton quantum records live in ../shared beside the repository")
    return path
