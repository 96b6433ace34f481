"""Regenerate the committed quantum import, ``data/imported/{itu,etsi,iso,iec}.ttl``, from the
records in ``../shared/relaton/quantum/``: ``python -m qitgraph.relaton.regenerate``.

Same inputs, same bytes: the command is the one the files' headers name, and the run reads the
curated data (not the imported files) to know which resources already have labels.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qitgraph.errors import NotFound, QitgraphError
from qitgraph.relaton.importer import ImportSummary, known_subjects, run_import
from qitgraph.resources import data_dir

COMMAND = "python -m qitgraph.relaton.regenerate"


def quantum_dir() -> Path:
    """``../shared/relaton/quantum`` beside the repository."""
    return data_dir().parent.parent / "shared" / "relaton" / "quantum"


def regenerate(source: Path | None = None, out: Path | None = None, *, progress: bool = False) -> ImportSummary:
    source = source or quantum_dir()
    if not source.is_dir():
        raise NotFound(f"{source}: no such directory",
                       hint="the Relaton quantum records live in ../shared/relaton/quantum beside the repository")
    out = out or data_dir() / "imported"
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(p for p in source.iterdir() if p.is_dir())
    known = known_subjects(data_dir(), exclude=data_dir() / "imported")
    return run_import(paths, out, quantum_only=True, progress=progress, known=known, command=COMMAND)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m qitgraph.relaton.regenerate",
        description="Regenerate data/imported/*.ttl (the QIT records of ../shared/relaton/quantum).",
        epilog=f"example: {COMMAND}")
    parser.add_argument("--source", type=Path, help="the quantum records (default: ../shared/relaton/quantum)")
    parser.add_argument("--out", type=Path, help="where to write (default: data/imported)")
    args = parser.parse_args(argv)
    try:
        print(regenerate(args.source, args.out, progress=True).render(), file=sys.stderr)
    except QitgraphError as e:
        print(f"qitgraph: error: {e}", file=sys.stderr)
        return e.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
