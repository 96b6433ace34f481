"""Building the on-disk store that ``qitgraph serve`` queries, and skipping the work when nothing
changed: the store folder keeps a manifest (``qitgraph-load.json``) of the files it was loaded
from, each with its named graph, size and SHA-256. A restart with the same files opens the store
as it is; any change reloads everything.

Every file is parsed before the store is touched, so a bad file changes nothing (the error names
the file, line and column). A folder that holds something other than a store this module built is
refused rather than cleared.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from qitgraph.errors import LoadError
from qitgraph.rdffiles import RdfFile, read_all

MANIFEST = "qitgraph-load.json"


def fingerprint(files: Sequence[RdfFile]) -> list[dict[str, object]]:
    """What identifies a load: each file's path, graph, size and content hash, in order."""
    out: list[dict[str, object]] = []
    for f in files:
        data = f.path.read_bytes()
        out.append({"path": str(f.path.resolve()), "graph": f.graph, "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest()})
    return out


def is_current(path: Path, files: Sequence[RdfFile]) -> bool:
    manifest = path / MANIFEST
    if not manifest.is_file():
        return False
    try:
        return bool(json.loads(manifest.read_text(encoding="utf-8")) == fingerprint(files))
    except (OSError, ValueError):
        return False


def build_store(path: Path, files: Sequence[RdfFile]) -> bool:
    """Make the store at ``path`` hold exactly ``files``; True when it was (re)loaded.

    The store is closed when this returns, so that query workers can open it read-only."""
    if is_current(path, files):
        return False
    if path.exists() and (not path.is_dir() or (any(path.iterdir()) and not (path / MANIFEST).exists())):
        raise LoadError("the store folder exists and is not a qitgraph store", path=str(path),
                        hint="give --store an empty or new folder (it will be created)")
    quads = read_all(files)
    marker = path / MANIFEST
    if marker.exists():
        marker.unlink()  # a crash mid-load must not leave a store that looks current
    store = ox.Store(str(path))
    store.clear()
    store.bulk_extend(quads)
    store.flush()
    del store
    gc.collect()
    marker.write_text(json.dumps(fingerprint(files), indent=1), encoding="utf-8")
    return True
