"""The import run on the committed fixtures: Turtle that parses, the same bytes twice, errors
reported with their file, nothing written when an input is missing, QIT-only filtering."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from qitgraph.errors import NotFound
from qitgraph.relaton.importer import run_import
from qitgraph.relaton.reader import iter_records

from .conftest import RECORDS

BODIES = sorted(p for p in RECORDS.iterdir() if p.name != "broken")


def turtle_triples(path: Path) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}


def test_one_file_per_body_that_parses(tmp_path: Path):
    summary = run_import(BODIES, tmp_path, per_body=True, progress=False)
    assert sorted(p.name for p in summary.outputs) == ["etsi.ttl", "iec.ttl", "iso.ttl", "itu.ttl"]
    itu = turtle_triples(tmp_path / "itu.ttl")
    assert ("<https://w3id.org/qitgraph/id/workitem/itu-t-y-3800-2019-10>",
            "<http://purl.org/dc/terms/isVersionOf>",
            "<https://w3id.org/qitgraph/id/workitem/itu-t-y-3800>") in itu
    header = (tmp_path / "itu.ttl").read_text().splitlines()[0]
    assert header.startswith("# GENERATED FILE") and "6 Relaton records" in header
    assert summary.records == 14 and summary.written == 14


def test_same_inputs_same_bytes(tmp_path: Path):
    run_import(BODIES, tmp_path / "a", per_body=True, progress=False)
    run_import(BODIES, tmp_path / "b", per_body=True, progress=False)
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_quantum_only_leaves_out_and_counts_the_false_positives(tmp_path: Path):
    summary = run_import(BODIES, tmp_path, per_body=True, quantum_only=True, progress=False)
    iec = summary.inputs[str(RECORDS / "iec")]
    assert (iec.records, iec.written, iec.left_out, iec.not_qit) == (3, 1, 2, 2)
    iso = summary.inputs[str(RECORDS / "iso")]
    assert iso.adjacent == 1 and "iso-iec-7816-9-2017-dam-1.yaml" in iso.adjacent_names[0]
    text = (tmp_path / "iec.ttl").read_text()
    assert "62220" not in text and "23837-1" in text
    assert "adjacent (left out of a QIT-only import)" in summary.render()


def test_bad_records_are_reported_with_their_file_and_the_rest_imported(tmp_path: Path):
    report = tmp_path / "report.jsonl"
    summary = run_import([RECORDS / "broken", RECORDS / "itu"], tmp_path / "out.ttl", report=report,
                         progress=False)
    broken = summary.inputs[str(RECORDS / "broken")]
    assert len(broken.errors) == 2
    assert any(e.startswith("not-yaml.yaml: YAML does not parse at line") for e in broken.errors)
    assert any(e.startswith("no-identifier.yaml: no docidentifier") for e in broken.errors)
    assert summary.inputs[str(RECORDS / "itu")].written == 6
    lines = [json.loads(x) for x in report.read_text().splitlines()]
    assert len(lines) == 8 and {x["file"] for x in lines if "error" in x} == {"not-yaml.yaml", "no-identifier.yaml"}
    assert any(x.get("unmapped") and "relation.complementOf" in x["unmapped"] for x in lines)


def test_missing_input_fails_before_writing(tmp_path: Path):
    out = tmp_path / "out"
    with pytest.raises(NotFound, match="no such file"):
        run_import([RECORDS / "itu", tmp_path / "absent.tar.gz"], out, per_body=True, progress=False)
    assert not out.exists() or not any(out.iterdir())


def test_stdout_stream_without_out(tmp_path: Path):
    buf = io.StringIO()
    run_import([RECORDS / "itu" / "itu-t-x-1702-11-2019.yaml"], None, progress=False, stdout=buf)
    parsed = list(ox.parse(buf.getvalue().encode(), format=ox.RdfFormat.TURTLE))
    assert any(q.object == ox.Literal("Quantum noise random number generator architecture", language="en")
               for q in parsed)


def test_archives_are_streamed_member_by_member(tmp_path: Path):
    import tarfile

    archive = tmp_path / "itu.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for f in sorted((RECORDS / "itu").iterdir()):
            tar.add(f, arcname=f.name)
    names = [r.name for r in iter_records([archive])]
    assert names == sorted(f.name for f in (RECORDS / "itu").iterdir())
    summary = run_import([archive], tmp_path / "out.ttl", progress=False)
    assert summary.inputs[str(archive)].written == 6


def test_untitled_corrigendum_shares_the_verdict_of_its_work(tmp_path: Path):
    """ITU-T Y.3800 (2019) Cor. 1 (04/2020) has no title; Y.3800 (10/2019), read before it, is QIT."""
    report = tmp_path / "r.jsonl"
    run_import([RECORDS / "itu"], tmp_path / "out.ttl", quantum_only=True, report=report, progress=False)
    entries = {x["file"]: x for x in map(json.loads, report.read_text().splitlines())}
    cor = entries["itu-t-y-3800-2019-cor-1-04-2020.yaml"]
    assert cor["verdict"] == "qit" and cor["written"] and cor["topics"] == ["qkd-network"]
    alone = run_import([RECORDS / "itu" / "itu-t-y-3800-2019-cor-1-04-2020.yaml"], tmp_path / "alone.ttl",
                       quantum_only=True, progress=False)
    assert alone.written == 0  # without its work in the same import, nothing names it as QIT
