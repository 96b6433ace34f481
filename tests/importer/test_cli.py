"""``qitgraph import relaton`` and ``python -m qitgraph.relaton.regenerate`` as a user runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qitgraph.cli import main

from .conftest import RECORDS


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit) as done:
        main(["import", "relaton", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "example: qitgraph import relaton" in out and "--quantum-only" in out


def test_import_to_a_directory_with_trailing_slash(tmp_path: Path, capsys):
    out = tmp_path / "new"
    assert main(["import", "relaton", str(RECORDS / "etsi"), str(RECORDS / "itu"), "--quantum-only",
                 "--quiet", "--out", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["etsi.ttl", "itu.ttl"]
    err = capsys.readouterr().err
    assert "itu: 6 records, 5 written; QIT 5, adjacent 0, not QIT 1, left out 1" in err


def test_missing_path_exits_2_and_says_how_to_fix(tmp_path: Path, capsys):
    assert main(["import", "relaton", str(tmp_path / "nope.tar.gz"), "--out", str(tmp_path / "x.ttl")]) == 2
    err = capsys.readouterr().err
    assert "no such file or directory" in err and "hint:" in err
    assert not (tmp_path / "x.ttl").exists()


def test_unknown_file_kind_exits_2(tmp_path: Path, capsys):
    bad = tmp_path / "records.json"
    bad.write_text("{}")
    assert main(["import", "relaton", str(bad)]) == 2
    assert "not a Relaton input" in capsys.readouterr().err


def test_regenerate_module_writes_the_committed_bytes(quantum_dir: Path, tmp_path: Path):
    """The documented command, run as a user runs it (into a temporary directory)."""
    done = subprocess.run([sys.executable, "-m", "qitgraph.relaton.regenerate", "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    committed = Path(__file__).resolve().parents[2] / "data" / "imported"
    for f in sorted(committed.glob("*.ttl")):
        assert (tmp_path / f.name).read_bytes() == f.read_bytes(), f.name


def test_regenerate_help_and_missing_source(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "qitgraph.relaton.regenerate", "--help"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "example: python -m qitgraph.relaton.regenerate" in done.stdout
    done = subprocess.run([sys.executable, "-m", "qitgraph.relaton.regenerate", "--source", str(tmp_path / "no"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "no such directory" in done.stderr


def test_every_option_is_documented():
    from qitgraph.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    imp = sub.choices["import"]  # type: ignore[attr-defined]
    kinds = next(a for a in imp._actions if a.dest == "source")
    relaton = kinds.choices["relaton"]
    docs = (Path(__file__).resolve().parents[2] / "docs" / "importer.md").read_text()
    options = [o for a in relaton._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    assert options and all(f"`{o}" in docs for o in options), options
