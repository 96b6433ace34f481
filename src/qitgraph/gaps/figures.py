"""The report's figures, drawn with matplotlib as SVG (text stays text: sharp at any zoom, and
searchable): the topic-by-body coverage heatmap, the timeline of groups, meetings and status
events, and the liaison network.

Why these three: they are the findings people would rather look at than read. Empty cells of the
coverage matrix are gaps by definition; the timeline shows what happened after the transfer (or
did not); the network shows at a glance which liaisons have nobody behind them (dashed red).
Each function takes a query :class:`~qitgraph.gaps.queries.Result` and returns SVG text, or
``None`` when there is nothing to draw.
"""

from __future__ import annotations

import io
import math
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: figures are rendered to files and pages only

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from qitgraph.gaps.queries import Result

plt.rcParams.update({"svg.fonttype": "none", "font.size": 10, "font.family": "DejaVu Sans",
                     "svg.hashsalt": "qitgraph"})

NO_OFFICER = "#c0392b"
WITH_OFFICER = "#2c3e50"


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buf.getvalue()


def coverage_heatmap(result: Result) -> str | None:
    """Topics (rows) by standards bodies (columns), the number of work items in each cell; empty
    cells are drawn white with a dot so that gaps stand out."""
    if not result.rows:
        return None
    topics = sorted({str(r["topicLabel"]) for r in result.rows})
    bodies = sorted({str(r["bodyLabel"]) for r in result.rows})
    counts = {(str(r["topicLabel"]), str(r["bodyLabel"])): int(r.get("workItems") or 0) for r in result.rows}
    grid = [[counts.get((t, b), 0) for b in bodies] for t in topics]
    peak = max(max(row) for row in grid) or 1
    fig, ax = plt.subplots(figsize=(1.0 + 0.8 * len(bodies), 1.2 + 0.42 * len(topics)))
    masked = [[(v if v else math.nan) for v in row] for row in grid]
    image = ax.imshow(masked, cmap="Blues", vmin=0, vmax=peak, aspect="auto")
    ax.set_xticks(range(len(bodies)), bodies, rotation=40, ha="right")
    ax.set_yticks(range(len(topics)), topics)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            colour = "white" if v > peak * 0.6 else "black"
            ax.text(j, i, str(v) if v else "·", ha="center", va="center", color=colour if v else "#999999",
                    fontsize=9)
    ax.set_xticks([x - 0.5 for x in range(1, len(bodies))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(topics))], minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_title("Work items per topic and standards body (· = none: an empty cell)")
    ax.set_xlabel("standards body")
    ax.set_ylabel("topic")
    fig.colorbar(image, ax=ax, label="work items", shrink=0.6)
    return _svg(fig)


def _days(day: date) -> float:
    """Matplotlib's date number (days since its default epoch, 1970-01-01)."""
    return float((day - date(1970, 1, 1)).days)


def parse_when(text: Any) -> date | None:
    """'2019', '2019-06' or '2019-06-12' as a date (the first day of the year or month)."""
    parts = str(text or "")[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if not numbers:
            return None
        return date(numbers[0], numbers[1] if len(numbers) > 1 else 1, numbers[2] if len(numbers) > 2 else 1)
    except ValueError:
        return None


def timeline(result: Result) -> str | None:
    """One lane per group with a lifetime (a bar to its planned end, or a mark at its
    establishment), then one lane per kind of event or status change."""
    rows = [r for r in result.rows if parse_when(r.get("when"))]
    if not rows:
        return None
    groups = sorted({str(r.get("label")) for r in rows if r["kind"] == "group lifetime"},
                    key=lambda g: min(str(r["when"]) for r in rows if str(r.get("label")) == g))
    kinds = sorted({str(r["kind"]) for r in rows if r["kind"] != "group lifetime"}, key=lambda k: (k != "event", k))
    lanes = {("group", g): i for i, g in enumerate(groups)}
    lanes.update({("kind", k): len(groups) + i for i, k in enumerate(kinds)})
    fig, ax = plt.subplots(figsize=(12, 1.6 + 0.34 * len(lanes)))
    colours = plt.get_cmap("tab10")
    for r in rows:
        start = parse_when(r["when"])
        assert start is not None
        end = parse_when(r.get("until"))
        if r["kind"] == "group lifetime":
            y = lanes[("group", str(r.get("label")))]
            if end and end > start:
                ax.barh(y, (end - start).days, left=_days(start), height=0.5, color="#7fb3d5")
            else:
                ax.plot([_days(start)], [y], marker=">", color="#2471a3", markersize=7)
            continue
        y = lanes[("kind", str(r["kind"]))]
        colour = colours(y % 10)
        if end and (end - start).days > 2:
            ax.barh(y, (end - start).days, left=_days(start), height=0.4, color=colour)
        else:
            ax.plot([_days(start)], [y], marker="o", color=colour, markersize=5, alpha=0.75)
    labels = [f"{g} (established)" for g in groups] + kinds
    ax.set_yticks(range(len(labels)), labels)
    if groups:
        ax.axhline(len(groups) - 0.5, color="#999999", linewidth=0.8)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.grid(axis="x", color="#eeeeee")
    ax.set_xlabel("date")
    ax.set_title("Timeline: groups (bar = lifetime to planned end, ▶ = established), events, status changes")
    return _svg(fig)


def liaison_network(result: Result) -> str | None:
    """Source groups in the middle, the groups they liaise with around them; a solid line where a
    liaison officer is named (name on the node), a dashed red line where none is."""
    if not result.rows:
        return None
    sources = sorted({str(r["fromLabel"]) for r in result.rows})
    targets = sorted({str(r["toLabel"]) for r in result.rows} - set(sources))
    officers: dict[tuple[str, str], str] = {}
    for r in result.rows:
        key = (str(r["fromLabel"]), str(r["toLabel"]))
        if r.get("officerName"):
            officers[key] = str(r["officerName"])
        else:
            officers.setdefault(key, "")
    pos: dict[str, tuple[float, float]] = {}
    for i, s in enumerate(sources):
        angle = 2 * math.pi * i / max(len(sources), 1)
        radius = 0.0 if len(sources) == 1 else 0.35
        pos[s] = (radius * math.cos(angle), radius * math.sin(angle))
    step = 2 * math.pi / max(len(targets), 1)
    for i, t in enumerate(targets):
        angle = math.pi / 2 - step / 2 - step * i  # half a step off the axis: no label straddles it
        pos[t] = (1.3 * math.cos(angle), math.sin(angle))
    fig, ax = plt.subplots(figsize=(12, 8.5))
    for (a, b), officer in officers.items():
        (x1, y1), (x2, y2) = pos[a], pos[b]
        ax.plot([x1, x2], [y1, y2], color=WITH_OFFICER if officer else NO_OFFICER,
                linestyle="-" if officer else "--", linewidth=1.6 if officer else 2.0, zorder=1)
    for name, (x, y) in pos.items():
        is_source = name in sources
        names = sorted({o for (a, b), o in officers.items() if b == name and o})
        label = name + ("\n" + ", ".join(names) if names else ("" if is_source else "\n(no officer)"))
        missing = not is_source and not names
        ax.text(x, y, label,
                ha="center", va="center", fontsize=9 if not is_source else 11,
                color=NO_OFFICER if missing else "black", zorder=3,
                bbox={"boxstyle": "round,pad=0.35", "facecolor": "#fdecea" if missing else
                      ("#d6eaf8" if is_source else "white"),
                      "edgecolor": NO_OFFICER if missing else WITH_OFFICER})
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.2, 1.2)
    ax.axis("off")
    ax.legend(handles=[Line2D([0], [0], color=WITH_OFFICER, lw=1.6, label="liaison officer named"),
                       Line2D([0], [0], color=NO_OFFICER, lw=2, ls="--", label="no liaison officer")],
              loc="lower right", frameon=True)
    ax.set_title("Liaison relationships and their liaison officers")
    return _svg(fig)
