"""Where the graph's files are: the repository's top-level folders in a checkout, or
``qitgraph/resources/`` inside an installed wheel (see ``[tool.hatch...force-include]``)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # src/qitgraph -> repository root


def resource_root() -> Path:
    """The folder holding ``ontology/``, ``data/``, ``shapes/`` and ``queries/``."""
    bundled = _PACKAGE / "resources"
    if (bundled / "ontology").is_dir():
        return bundled
    if (_CHECKOUT / "ontology").is_dir():
        return _CHECKOUT
    raise FileNotFoundError(
        f"cannot find the graph's files next to {_PACKAGE}: reinstall qitgraph or run from a checkout"
    )


def ontology_dir() -> Path:
    return resource_root() / "ontology"


def data_dir() -> Path:
    return resource_root() / "data"


def shapes_dir() -> Path:
    return resource_root() / "shapes"


def queries_dir() -> Path:
    return resource_root() / "queries"
