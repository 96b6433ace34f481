"""Writing the gap report: Markdown (with the figures as SVG files beside it), one self-contained
HTML page (figures embedded, no external resources, so it can be mailed or archived), JSON (the
whole report, full IRIs) and CSV (one file per query).

Both human formats show IRIs shortened to ``id/...`` (the HTML links them to the full IRI) and the
two coverage tables as matrices (topic by body, topic by year) rather than as long lists: an empty
cell is the finding, and a matrix is where an empty cell can be seen.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import jinja2

from qitgraph.errors import BadParameter
from qitgraph.gaps import figures
from qitgraph.gaps.queries import Result
from qitgraph.gaps.report import GapReport, as_json
from qitgraph.namespaces import BASE

FORMATS = ("md", "html", "json", "csv")
MATRICES = {"coverage-topic-body": ("topicLabel", "bodyLabel"), "coverage-topic-year": ("topicLabel", "year")}
FIGURES = {"coverage-heatmap": ("coverage-topic-body", figures.coverage_heatmap),
           "timeline": ("figure-timeline", figures.timeline),
           "liaison-network": ("figure-liaison-network", figures.liaison_network)}
FIGURE_TITLES = {"coverage-heatmap": "Coverage: work items per topic and standards body",
                 "timeline": "Timeline of groups, meetings and status changes",
                 "liaison-network": "Liaison network (dashed red: no liaison officer)"}


def parse_formats(text: str) -> list[str]:
    """``"md,html"`` -> ``["md", "html"]``, or a BadParameter naming the unknown format."""
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise BadParameter(f"unknown report format {', '.join(unknown) or repr(text)}",
                           hint="choose from " + ",".join(FORMATS) + " (comma-separated)")
    return list(dict.fromkeys(chosen))


def short(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "id/" + text[len(BASE + "id/"):] if text.startswith(BASE + "id/") else text


def matrix(result: Result, row_key: str, col_key: str) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    rows = sorted({str(r[row_key]) for r in result.rows})
    cols = sorted({str(r[col_key]) for r in result.rows})
    cells = {(str(r[row_key]), str(r[col_key])): int(r.get("workItems") or 0) for r in result.rows}
    return rows, cols, cells


def render_figures(report: GapReport) -> dict[str, str]:
    """SVG text of each figure that has data, by figure name."""
    out = {}
    names = {r.name for r in report.results}
    for name, (query, draw) in FIGURES.items():
        if query in names:
            svg = draw(report.result(query))
            if svg:
                out[name] = svg
    return out


def _md_cell(value: Any) -> str:
    return short(value).replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return lines


def _provenance(report: GapReport) -> str:
    s = report.source
    where = ("the embedded graph loaded from " if s.kind == "embedded" else "the SPARQL endpoint ") + s.location
    digest = f", data digest sha256:{s.digest}" if s.digest else ""
    return (f"Made {report.generated} by qitgraph {report.version} from {where}: {s.triples} triples in "
            f"{len(s.graphs)} named graphs{digest}.")


def to_markdown(report: GapReport, figure_files: dict[str, str] | None = None) -> str:
    lines = ["# Gap report: quantum-technology standardization", "", _provenance(report), ""]
    lines += ["## Summary", ""]
    lines += _md_table(["finding", "rows", "query"],
                       [(r.query.summary, len(r.rows), f"queries/gaps/{r.name}.rq") for r in report.findings])
    for name, path in (figure_files or {}).items():
        lines += ["", f"![{FIGURE_TITLES[name]}]({path})"]
    for r in report.findings:
        lines += ["", f"## {r.query.summary} ({len(r.rows)})", "", r.query.description, ""]
        if r.name in MATRICES:
            row_keys, col_keys, cells = matrix(r, *MATRICES[r.name])
            lines += _md_table(["topic", *col_keys],
                               [[t, *[cells.get((t, c)) or "·" for c in col_keys]] for t in row_keys])
            lines += ["", "· = no work item: an empty cell."]
        elif r.rows:
            lines += _md_table(r.columns, [[row.get(c) for c in r.columns] for row in r.rows])
        else:
            lines += ["No findings."]
    lines += ["", "## Data", "", "| named graph | triples |", "|---|---|"]
    lines += [f"| {g} | {n} |" for g, n in report.source.graphs]
    return "\n".join(lines) + "\n"


_HTML = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string("""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="qitgraph {{ report.version }}">
<title>Gap report: quantum-technology standardization</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 78rem;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.7rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 0.6rem 0; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f4f6f8; position: sticky; top: 0; }
td.n { text-align: right; } td.empty { color: #aaa; text-align: center; background: #fafafa; }
.provenance { background: #f4f6f8; padding: 0.6rem 0.9rem; border-left: 4px solid #2c3e50; }
figure { margin: 1.2rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.count { color: #666; font-weight: normal; } .scroll { overflow-x: auto; max-height: 36rem; overflow-y: auto; }
a { color: #1f5f99; text-decoration: none; } a:hover { text-decoration: underline; }
</style>
</head>
<body>
<h1>Gap report: quantum-technology standardization</h1>
<p class="provenance" id="provenance">{{ provenance }}</p>
<h2 id="summary">Summary</h2>
<table>
<tr><th>finding</th><th>rows</th><th>query</th></tr>
{% for r in report.findings %}<tr><td><a href="#{{ r.name }}">{{ r.query.summary }}</a></td>
<td class="n">{{ r.rows|length }}</td><td><code>queries/gaps/{{ r.name }}.rq</code></td></tr>
{% endfor %}</table>
<h2 id="figures">Figures</h2>
{% for name, uri in figures %}<figure id="figure-{{ name }}"><figcaption>{{ titles[name] }}</figcaption>
<img src="{{ uri }}" alt="{{ titles[name] }}"></figure>
{% else %}<p>No data to draw.</p>
{% endfor %}
{% for r in report.findings %}
<h2 id="{{ r.name }}">{{ r.query.summary }} <span class="count">({{ r.rows|length }})</span></h2>
<p>{{ r.query.description }}</p>
{% if r.name in matrices %}{% set m = matrices[r.name] %}
<div class="scroll"><table><tr><th>topic</th>{% for c in m[1] %}<th>{{ c }}</th>{% endfor %}</tr>
{% for t in m[0] %}<tr><th>{{ t }}</th>{% for c in m[1] %}{% set v = m[2].get((t, c)) %}
{% if v %}<td class="n">{{ v }}</td>{% else %}<td class="empty" title="no work item">·</td>{% endif %}
{% endfor %}</tr>
{% endfor %}</table></div>
{% elif r.rows %}
<div class="scroll"><table><tr>{% for c in r.columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for row in r.rows %}<tr>{% for c in r.columns %}{% set v = row.get(c) %}<td>
{%- if v is string and v.startswith("http") %}<a href="{{ v }}">{{ short(v) }}</a>
{%- elif v is not none %}{{ v }}{% endif %}</td>{% endfor %}</tr>
{% endfor %}</table></div>
{% else %}<p>No findings.</p>{% endif %}
{% endfor %}
<h2 id="data">Data</h2>
<table><tr><th>named graph</th><th>triples</th></tr>
{% for g, n in report.source.graphs %}<tr><td>{{ g }}</td><td class="n">{{ n }}</td></tr>
{% endfor %}</table>
</body>
</html>
""")


def to_html(report: GapReport, svgs: dict[str, str] | None = None) -> str:
    """One self-contained page: figures are embedded as ``data:`` URIs."""
    svgs = render_figures(report) if svgs is None else svgs
    uris = [(name, "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii"))
            for name, svg in svgs.items()]
    matrices = {r.name: matrix(r, *MATRICES[r.name]) for r in report.results if r.name in MATRICES}
    return _HTML.render(report=report, provenance=_provenance(report), figures=uris, titles=FIGURE_TITLES,
                        matrices=matrices, short=short)


def to_csv(result: Result) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in result.columns])
    return buf.getvalue()


def write_report(report: GapReport, out: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write the chosen formats into ``out`` (created if needed); the paths written, in order."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    svgs = render_figures(report) if ("md" in formats or "html" in formats) else {}
    if "md" in formats:
        (out / "figures").mkdir(exist_ok=True)
        files = {}
        for name, svg in svgs.items():
            path = out / "figures" / f"{name}.svg"
            path.write_text(svg, encoding="utf-8")
            written.append(path)
            files[name] = f"figures/{name}.svg"
        written.append(_write(out / "gaps.md", to_markdown(report, files)))
    if "html" in formats:
        written.append(_write(out / "gaps.html", to_html(report, svgs)))
    if "json" in formats:
        written.append(_write(out / "gaps.json", json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n"))
    if "csv" in formats:
        (out / "csv").mkdir(exist_ok=True)
        for r in report.results:
            written.append(_write(out / "csv" / f"{r.name}.csv", to_csv(r)))
    return written


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
