"""The wheel carries the ontology, data, shapes and queries, and works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, text=True)
    (found,) = out.glob("qitgraph-*.whl")
    return found


def test_wheel_holds_the_graph_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for expected in ("qitgraph/resources/ontology/qit.ttl", "qitgraph/resources/shapes/qit-shapes.ttl",
                     "qitgraph/resources/data/vocabularies.ttl",
                     "qitgraph/resources/data/curated/fg-transfer-2022.ttl",
                     "qitgraph/resources/queries/transfer-changes.rq", "qitgraph/py.typed"):
        assert expected in names, expected


def test_installed_wheel_validates_from_anywhere(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    # Dependencies come from this environment's site-packages; qitgraph itself only from the wheel.
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(py), "-c", "import qitgraph.resources as r; print(r.resource_root())"],
                           cwd=elsewhere, env=env, check=True, capture_output=True, text=True).stdout
    assert str(venv) in where
    done = subprocess.run([str(py), "-m", "qitgraph", "validate"], cwd=elsewhere, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "conforms" in done.stdout
    rows = subprocess.run([str(py), "-m", "qitgraph", "query", "transfer-changes", "--format", "csv"],
                          cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert "D1.3,lost,ITU-T SG13" in rows
