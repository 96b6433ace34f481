"""The report in its four formats: what it says, that it says when and from what data it was
made, and that the HTML page is self-contained with legible figures."""

from __future__ import annotations

import csv
import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qitgraph.errors import BadParameter
from qitgraph.gaps import gap_report, render_gap_report_html, write_gap_report
from qitgraph.gaps.render import parse_formats, to_markdown
from qitgraph.gaps.report import GapReport, build_report, title_similarity
from qitgraph.graph import Graph


@pytest.fixture(scope="module")
def report(graph: Graph) -> GapReport:
    return build_report(graph, now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))


@pytest.fixture(scope="module")
def written(report: GapReport, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    write_gap_report(report, out)
    return out


def test_report_says_when_and_from_what_data(report: GapReport, graph: Graph) -> None:
    assert report.generated == "2026-01-02T03:04:05Z"
    assert report.source.kind == "embedded"
    assert report.source.triples == len(graph)
    assert {g for g, _ in report.source.graphs} == set(graph.named_graphs())
    assert any(f.endswith("fg-transfer-2022.ttl") for f, _ in report.source.files)
    assert re.fullmatch(r"[0-9a-f]{16}", report.source.digest)
    text = to_markdown(report)
    assert "Made 2026-01-02T03:04:05Z by qitgraph" in text and f"{len(graph)} triples" in text


def test_all_formats_are_written(written: Path, report: GapReport) -> None:
    assert (written / "gaps.md").is_file() and (written / "gaps.html").is_file()
    data = json.loads((written / "gaps.json").read_text(encoding="utf-8"))
    assert data["generated"] == report.generated and data["data"]["triples"] == report.source.triples
    by_name = {r["name"]: r for r in data["results"]}
    dropped = {row["deliverableId"] for row in by_name["transfer-changes"]["rows"]
               if row["change"] == "deliverable dropped"}
    assert dropped == {"D0.1", "D1.3"}
    for r in report.results:
        with (written / "csv" / f"{r.name}.csv").open(encoding="utf-8") as f:
            table = list(csv.reader(f))
        assert table[0] == r.columns and len(table) == len(r.rows) + 1
    assert sorted(p.name for p in (written / "figures").iterdir()) == [
        "coverage-heatmap.svg", "liaison-network.svg", "timeline.svg"]


def test_markdown_shows_the_known_findings_with_evidence(written: Path) -> None:
    text = (written / "gaps.md").read_text(encoding="utf-8")
    assert "| deliverable dropped | D1.3 |" in text
    assert re.search(r"\| D2\.3\.1 \| ITU-T SG15 \| \d+ \| id/workitem/fg-qit4n-d2-3-1 \|", text)
    for group in ("ITU-T SG2", "ITU-T SG15", "ISO/IEC JTC 1/WG 14", "CEN-CENELEC FG QT"):
        assert re.search(rf"\| ITU-T FG QIT4N \| {re.escape(group)} \| id/liaison/", text), group
    assert "![Coverage: work items per topic and standards body](figures/coverage-heatmap.svg)" in text


def test_html_is_self_contained_with_three_figures(written: Path) -> None:
    page = (written / "gaps.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", page), "no external resources"
    images = re.findall(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="([^"]+)"', page)
    assert len(images) == 3
    assert "Made " in page and "sha256:" in page
    assert 'href="https://w3id.org/qitgraph/id/liaison/fg-qit4n-itu-t-sg2">id/liaison/fg-qit4n-itu-t-sg2</a>' in page


def test_render_gap_report_html_for_the_server(graph: Graph) -> None:
    page = render_gap_report_html(graph)
    assert page.startswith("<!DOCTYPE html>") and "D0.1" in page and "data:image/svg+xml" in page


def test_public_api_works_on_a_graph(graph: Graph, tmp_path: Path) -> None:
    report = gap_report(graph)
    names = [r.name for r in report.findings]
    assert names[0] == "recipients-without-action"
    paths = write_gap_report(report, tmp_path, ["csv"])
    assert all(p.suffix == ".csv" for p in paths)


def test_formats_are_checked() -> None:
    assert parse_formats("md, HTML") == ["md", "html"]
    with pytest.raises(BadParameter, match="unknown report format pdf"):
        parse_formats("md,pdf")


def test_title_similarity() -> None:
    assert title_similarity("Key management for QKD networks", "Key management for QKD networks") == 1.0
    assert title_similarity("Key management", "Trusted node") == 0.0
    assert title_similarity(None, "x") == 0.0


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_figures_render_legibly_in_a_headless_browser(written: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = _browser()
    if executable is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium) to open the report")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto((written / "gaps.html").as_uri())
        sizes = page.evaluate("Array.from(document.images).map(i => [i.alt, i.complete, i.naturalWidth, "
                              "i.getBoundingClientRect().width])")
        browser.close()
    assert len(sizes) == 3
    for alt, complete, natural, shown in sizes:
        assert complete and natural >= 600, f"{alt}: not drawn ({natural} px)"
        assert shown >= 600, f"{alt}: shown only {shown} px wide"


def test_figures_carry_readable_labels(report: GapReport) -> None:
    """Text stays text in the SVG (svg.fonttype none): the labels a reader needs are there."""
    from qitgraph.gaps.render import render_figures

    svgs = render_figures(report)
    assert ">ITU-T<" in svgs["coverage-heatmap"] and ">QKD network<" in svgs["coverage-heatmap"]
    assert svgs["liaison-network"].count("(no officer)") == 5
    assert "Momtchil Peev" in svgs["liaison-network"] and "no liaison officer" in svgs["liaison-network"]
    assert "ITU-T FG QIT4N (established)" in svgs["timeline"]
