"""``qitgraph import relaton PATH... [--out FILE|DIR]``: a thin skin over ``run_import``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qitgraph.cli_extensions import REGISTER

EXAMPLE = ("qitgraph import relaton ../shared/relaton/quantum/* --quantum-only --out /tmp/imported/\n"
           "  (committed data/imported/: python -m qitgraph.relaton.regenerate)")


def cmd_import_relaton(args: argparse.Namespace) -> int:
    from qitgraph.relaton.importer import known_subjects, run_import
    from qitgraph.resources import data_dir

    known = frozenset() if args.no_curated else known_subjects(data_dir(), exclude=data_dir() / "imported")
    out = Path(args.out) if args.out else None
    per_body = None if out is None else (args.out.endswith(("/", "\\")) or out.is_dir())
    summary = run_import(args.paths, out, quantum_only=args.quantum_only, report=args.report,
                         progress=not args.quiet, known=known, per_body=per_body)
    print(summary.render(), file=sys.stderr)
    return 0


def register(sub: Any, add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("import", cmd_import_relaton, "import catalogue records of published standards as Turtle",
            "qitgraph import relaton ../shared/relaton/all/itu-t-all.tar.gz --out /tmp/itu.ttl")
    kinds = p.add_subparsers(dest="source", required=True, metavar="SOURCE")
    r = kinds.add_parser(
        "relaton", help="Relaton YAML records (files, directories, .tar.gz archives) to Turtle",
        description="Map Relaton YAML records of ITU-T, ETSI, ISO, IEC and IEEE to the qitgraph "
                    "ontology, classify them by quantum topic, and write Turtle. A summary of "
                    "what was not mapped goes to stderr. See docs/importer.md.",
        epilog=f"example: {EXAMPLE}", formatter_class=argparse.RawDescriptionHelpFormatter)
    r.set_defaults(func=cmd_import_relaton)
    r.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                   help="Relaton .yaml/.yml files, directories of them, or .tar.gz archives")
    r.add_argument("--out", metavar="FILE|DIR",
                   help="one Turtle file, or a directory (existing, or ending in /) for one "
                        "{itu,etsi,iso,iec,ieee}.ttl per body; default: standard output")
    r.add_argument("--quantum-only", action="store_true",
                   help="write only the records classified as quantum information technology")
    r.add_argument("--report", type=Path, metavar="FILE",
                   help="write one JSON line per record: verdict, topics, fields not mapped")
    r.add_argument("--no-curated", action="store_true",
                   help="do not read data/ for curated labels (labels every resource itself)")
    r.add_argument("--quiet", action="store_true", help="no progress bar")


REGISTER.append(register)
