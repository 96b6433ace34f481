"""Raw records from the paths a user names: YAML files, directories of them, and ``.tar.gz``
archives read as a stream (``tarfile`` mode ``r|gz``), so that memory does not grow with the
size or number of archives: one member is in memory at a time.

Order is part of the contract (the output must be the same bytes on every run): directories are
walked in sorted order and archive members in archive order.
"""

from __future__ import annotations

import tarfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from qitgraph.errors import NotFound

try:  # the C parser (libyaml) is about ten times faster on 160,000 records
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

YAML_SUFFIXES = (".yaml", ".yml")
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz")


@dataclass
class RawRecord:
    """One YAML document and where it came from; ``error`` when it does not parse."""

    origin: str  # the path the user gave (file, directory or archive)
    name: str  # the record's file name (the archive member or file)
    data: Any = None
    error: str = ""


def check_paths(paths: Sequence[Path]) -> None:
    """Fail before anything is read or written when a path is missing or of an unknown kind."""
    if not paths:
        raise NotFound("no input given", hint="name Relaton YAML files, directories or .tar.gz archives")
    for p in paths:
        if not p.exists():
            raise NotFound(f"{p}: no such file or directory",
                           hint="give Relaton YAML files, directories of them, or .tar.gz archives")
        if p.is_file() and not (p.name.endswith(YAML_SUFFIXES) or p.name.endswith(ARCHIVE_SUFFIXES)):
            raise NotFound(f"{p}: not a Relaton input (expected .yaml, .yml, .tar.gz or .tgz)",
                           hint="name the records or the archive that holds them")


def parse_yaml(raw: bytes, origin: str, name: str) -> RawRecord:
    try:
        return RawRecord(origin, name, yaml.load(raw, Loader=_Loader))
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        pos = f" at line {where.line + 1}, column {where.column + 1}" if where is not None else ""
        return RawRecord(origin, name, error=f"YAML does not parse{pos}: {getattr(e, 'problem', e)}")


def iter_archive(path: Path) -> Iterator[RawRecord]:
    """Members of a ``.tar.gz`` archive, one at a time, in archive order."""
    try:
        with tarfile.open(path, "r|gz") as tar:
            for member in tar:
                if not member.isfile() or not member.name.endswith(YAML_SUFFIXES):
                    continue
                f = tar.extractfile(member)
                if f is None:
                    continue
                yield parse_yaml(f.read(), str(path), Path(member.name).name)
    except (tarfile.TarError, OSError, EOFError) as e:
        yield RawRecord(str(path), "", error=f"archive cannot be read: {e}")


def iter_records(paths: Sequence[Path]) -> Iterator[RawRecord]:
    """Every record under the given paths, in a stable order."""
    for p in paths:
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.name.endswith(YAML_SUFFIXES):
                    yield parse_yaml(f.read_bytes(), str(p), f.name)
                elif f.name.endswith(ARCHIVE_SUFFIXES):
                    yield from iter_archive(f)
        elif p.name.endswith(ARCHIVE_SUFFIXES):
            yield from iter_archive(p)
        else:
            yield parse_yaml(p.read_bytes(), str(p), p.name)


def count_members(paths: Sequence[Path]) -> int | None:
    """How many records there are, for the progress bar; None for archives (a second pass over
    a compressed stream would double the time, so the bar counts without a total)."""
    total = 0
    for p in paths:
        if p.is_dir():
            total += sum(1 for x in p.rglob("*") if x.name.endswith(YAML_SUFFIXES))
            if any(x.name.endswith(ARCHIVE_SUFFIXES) for x in p.rglob("*")):
                return None
        elif p.name.endswith(ARCHIVE_SUFFIXES):
            return None
        else:
            total += 1
    return total
