"""Time and peak memory of the Relaton import (docs/importer.md, "Benchmark").

    .venv/bin/python bench/bench_import.py          # ../shared/relaton/quantum, QIT only
    .venv/bin/python bench/bench_import.py --all    # the five full archives, every record
    .venv/bin/python bench/bench_import.py --store  # and load the output into an on-disk store

Output goes to a temporary directory that is removed afterwards. Peak memory is the process's
``ru_maxrss``; run each mode in its own process for a clean figure.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from qitgraph.relaton.importer import known_subjects, run_import
from qitgraph.resources import data_dir

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "relaton"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--all", action="store_true", help="import the full archives instead of the quantum set")
    parser.add_argument("--store", action="store_true", help="also load the output into an on-disk Oxigraph store")
    args = parser.parse_args()
    if args.all:
        paths = sorted((SHARED / "all").glob("*.tar.gz"))
    else:
        paths = sorted(p for p in (SHARED / "quantum").iterdir() if p.is_dir())
    if not paths:
        print(f"nothing to import under {SHARED}", file=sys.stderr)
        return 2
    known = known_subjects(data_dir(), exclude=data_dir() / "imported")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        summary = run_import(paths, Path(tmp), per_body=True, quantum_only=not args.all, progress=False,
                             known=known)
        elapsed = time.perf_counter() - start
        size = sum(p.stat().st_size for p in summary.outputs)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{summary.records} records read, {summary.written} written in {elapsed:.1f} s "
              f"({summary.records / elapsed:.0f} records/s); Turtle {size / 1e6:.1f} MB; peak RSS {peak_mb:.0f} MB")
        if args.store:
            store_stats(summary.outputs, Path(tmp) / "store")
    return 0


def store_stats(files: list[Path], path: Path) -> None:
    """Load the output into an on-disk Oxigraph store, one named graph per file, and report its size."""
    import pyoxigraph as ox

    start = time.perf_counter()
    store = ox.Store(str(path))
    for f in files:
        store.bulk_load(path=str(f), format=ox.RdfFormat.TURTLE,
                        to_graph=ox.NamedNode(f"https://w3id.org/qitgraph/graph/{f.stem}"))
    store.optimize()
    quads = len(store)
    del store
    disk = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    print(f"store: {quads} quads, {disk / 1e6:.0f} MB on disk, loaded in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
