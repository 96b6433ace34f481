"""The import run: records in, Turtle out, and a report of everything that was not mapped.

- Streaming: records are read, classified, mapped and written one at a time; what stays in
  memory is one record, the hashes of the triples of shared subjects (works, editions, groups)
  written from the current input (so that those are written once), the hashes of the subjects
  written, and the relations whose target has not been written yet.
- Atomic: output goes to temporary files beside the targets, renamed into place only when the
  whole run succeeded; a missing input fails before anything is written.
- Deterministic: the same inputs give the same bytes (sorted directory walks, archive order,
  sorted blocks, no timestamps in the output).
- Nothing is dropped silently: records that do not parse, that are left out (``quantum_only``)
  and fields or relations that were not mapped are counted per input file in the summary and
  listed per record in the optional JSON-lines report.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox
from tqdm import tqdm

from qitgraph.rdffiles import RdfFile, graph_for, read_quads
from qitgraph.relaton.classify import Verdict, classify
from qitgraph.relaton.identifiers import parse_identifier
from qitgraph.relaton.mapping import CATALOGUE_LABEL, map_record
from qitgraph.relaton.reader import check_paths, count_members, iter_records
from qitgraph.relaton.record import Record, RecordError, normalize
from qitgraph.relaton.turtle import Triple, TurtleSink, header

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ID = "https://w3id.org/qitgraph/id/"


@dataclass
class FileReport:
    """What happened to the records of one input (a file, directory or archive)."""

    origin: str
    records: int = 0
    written: int = 0
    qit: int = 0
    adjacent: int = 0
    not_qit: int = 0
    left_out: int = 0
    errors: list[str] = field(default_factory=list)
    unmapped: Counter[str] = field(default_factory=Counter)
    adjacent_names: list[str] = field(default_factory=list)


@dataclass
class ImportSummary:
    """Per-input reports and the files written."""

    inputs: dict[str, FileReport] = field(default_factory=dict)
    outputs: list[Path] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(r.records for r in self.inputs.values())

    @property
    def written(self) -> int:
        return sum(r.written for r in self.inputs.values())

    def render(self, *, top: int = 12) -> str:
        lines = []
        for r in self.inputs.values():
            lines.append(f"{r.origin}: {r.records} records, {r.written} written; QIT {r.qit}, "
                         f"adjacent {r.adjacent}, not QIT {r.not_qit}, left out {r.left_out}, "
                         f"errors {len(r.errors)}")
            for name in r.adjacent_names[:top]:
                lines.append(f"  adjacent (left out of a QIT-only import): {name}")
            for err in r.errors[:top]:
                lines.append(f"  error: {err}")
            if r.unmapped:
                lines.append("  not mapped: " + ", ".join(f"{k} ({n})" for k, n in
                                                        sorted(r.unmapped.most_common(top))))
        for p in self.outputs:
            lines.append(f"wrote {p}")
        return "\n".join(lines)


def known_subjects(data_dir: Path, *, exclude: Path | None = None) -> frozenset[str]:
    """IRIs that curated files under ``data_dir`` label: the importer never relabels them."""
    out: set[str] = set()
    for path in sorted(data_dir.rglob("*.ttl")):
        if exclude is not None and exclude.resolve() in path.resolve().parents:
            continue
        for quad in read_quads(RdfFile(path, graph_for(path))):  # a syntax error is a LoadError
            if quad.predicate.value == RDFS_LABEL and isinstance(quad.subject, ox.NamedNode) \
                    and quad.subject.value.startswith(ID):
                out.add(quad.subject.value)
    return frozenset(out)


def header_lines(catalogue: str, count: int | None, command: str) -> list[str]:
    name = CATALOGUE_LABEL.get(catalogue, "Relaton") if catalogue != "all" else "Relaton"
    counted = f", {count} Relaton records." if count is not None else "."
    return [
        f"GENERATED FILE, do not edit: published standards of the {name} catalogue{counted}"
        if catalogue != "all" else f"GENERATED FILE, do not edit: published standards from Relaton records{counted}",
        f"Regenerate (same bytes): {command}",
        "Mapping and classification: docs/importer.md. Each status event's dcterms:source is the",
        "record's source link. Abstracts were read to classify records and are not copied.",
    ]


class _Outputs:
    """Temporary body files per output target, assembled with their headers at the end."""

    def __init__(self, out: Path | None, per_catalogue: bool, stdout: TextIO, command: str) -> None:
        self.out = out
        self.command = command
        self.per_catalogue = per_catalogue
        self.stdout = stdout
        self.sinks: dict[str, tuple[TurtleSink, TextIO, Path | None]] = {}
        self.counts: Counter[str] = Counter()
        self.pending: list[tuple[str, str, Triple]] = []  # (sink key, origin, triple)

    def key(self, catalogue: str) -> str:
        return catalogue if self.per_catalogue else "all"

    def written(self, subject: str) -> bool:
        return any(sink.seen_subject(subject) for sink, _, _ in self.sinks.values())

    def relate(self, catalogue: str, origin: str, triples: list[Triple]) -> None:
        """Write relations whose target is already written; keep the others for the end."""
        sink = self.sinks[self.key(catalogue)][0]
        ready = [t for t in triples if isinstance(t[2], str) and self.written(t[2])]
        sink.write(ready, {t[0] for t in ready})
        self.pending += [(self.key(catalogue), origin, t) for t in triples if t not in ready]

    def end_input(self) -> None:
        """At the end of an input: write the relations whose target it defined, and forget the
        shared triples written, so that memory stays that of one input."""
        waiting = []
        for key, origin, t in self.pending:
            if isinstance(t[2], str) and self.written(t[2]):
                self.sinks[key][0].write([t], {t[0]})
            else:
                waiting.append((key, origin, t))
        self.pending = waiting
        for sink, _, _ in self.sinks.values():
            sink.forget_triples()

    def resolve_pending(self, summary: ImportSummary) -> None:
        """At the end: write the relations whose target a later input defined; count the rest
        as not mapped (their target is not in this import)."""
        self.end_input()
        for _, origin, _ in self.pending:
            summary.inputs[origin].unmapped["relation target not in this import"] += 1
        self.pending = []

    def sink(self, catalogue: str) -> TurtleSink:
        key = self.key(catalogue)
        if key not in self.sinks:
            if self.out is None:
                self.stdout.write(header(header_lines(key, None, self.command)))
                self.sinks[key] = (TurtleSink(self.stdout), self.stdout, None)
            else:
                target_dir = self.out if self.per_catalogue else self.out.parent
                fd, tmp = tempfile.mkstemp(prefix=".import-", suffix=".part", dir=target_dir)
                f = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
                self.sinks[key] = (TurtleSink(f), f, Path(tmp))
        self.counts[key] += 1
        return self.sinks[key][0]

    def finish(self) -> list[Path]:
        written = []
        for key, (_, f, tmp) in sorted(self.sinks.items()):
            if tmp is None or self.out is None:
                continue
            f.close()
            target = self.out / f"{key}.ttl" if self.per_catalogue else self.out
            fd, final_tmp = tempfile.mkstemp(prefix=".import-", suffix=".ttl", dir=target.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as final, \
                    open(tmp, encoding="utf-8") as body:
                final.write(header(header_lines(key, self.counts[key], self.command)))
                while chunk := body.read(1 << 20):
                    final.write(chunk)
            os.chmod(final_tmp, 0o644)
            os.replace(final_tmp, target)
            tmp.unlink()
            written.append(target)
        return written

    def abort(self) -> None:
        for _, f, tmp in self.sinks.values():
            if tmp is not None:
                f.close()
                tmp.unlink(missing_ok=True)


def run_import(paths: Sequence[Path], out: Path | None = None, *, quantum_only: bool = False,
               report: Path | None = None, progress: bool = True,
               known: frozenset[str] = frozenset(), command: str = "",
               stdout: TextIO | None = None, per_body: bool | None = None) -> ImportSummary:
    """Import Relaton records from ``paths``. ``out``: None writes one stream to ``stdout``; a
    directory (existing, or named with a trailing ``/``) gets one ``{catalogue}.ttl`` per body;
    anything else is one file (``per_body`` overrides the guess). ``quantum_only`` writes only
    the records classified as QIT."""
    check_paths(paths)
    per_catalogue = out is not None and (out.is_dir() if per_body is None else per_body)
    if out is not None:
        (out if per_catalogue else out.parent).mkdir(parents=True, exist_ok=True)
    command = command or "qitgraph import relaton " + " ".join(p.name for p in paths) + \
        (" --quantum-only" if quantum_only else "")
    outputs = _Outputs(out, per_catalogue, stdout or sys.stdout, command)
    summary = ImportSummary()
    report_file = report.open("w", encoding="utf-8") if report is not None else None
    bar = tqdm(total=count_members(paths), unit=" records", disable=not progress, file=sys.stderr,
               mininterval=0.5)
    try:
        current = ""
        qit_works: dict[str, tuple[str, ...]] = {}  # work slug -> topics, of QIT records only
        for raw in iter_records(paths):
            bar.update(1)
            if raw.origin != current:
                if current:
                    outputs.end_input()
                current = raw.origin
            rep = summary.inputs.setdefault(raw.origin, FileReport(raw.origin))
            rep.records += 1
            entry: dict[str, object] = {"input": raw.origin, "file": raw.name}
            if raw.error:
                rep.errors.append(f"{raw.name}: {raw.error}")
                entry["error"] = raw.error
            else:
                try:
                    rec = normalize(raw.data, raw.name)
                except RecordError as e:
                    rep.errors.append(f"{raw.name}: {e}")
                    entry["error"] = str(e)
                else:
                    _one(rec, rep, outputs, known, quantum_only, entry, qit_works)
            if report_file is not None:
                report_file.write(json.dumps(entry, sort_keys=True) + "\n")
        bar.close()
        outputs.resolve_pending(summary)
        summary.outputs = outputs.finish()
    except BaseException:
        outputs.abort()
        raise
    finally:
        bar.close()
        if report_file is not None:
            report_file.close()
    return summary


def _one(rec: Record, rep: FileReport, outputs: _Outputs, known: frozenset[str],
         quantum_only: bool, entry: dict[str, object], qit_works: dict[str, tuple[str, ...]]) -> None:
    verdict = classify(rec)
    work = parse_identifier(rec.identifier)
    if verdict.is_qit:
        qit_works.setdefault(work.work_slug, verdict.topics)
    elif not rec.title and work.amendment and work.work_slug in qit_works:
        # ITU-T corrigenda often have no title: they share the verdict of the work they correct
        # when an earlier record of this import classified it (archives list the base first).
        verdict = Verdict("qit", qit_works[work.work_slug],
                          "an untitled amendment or corrigendum of a work classified QIT earlier in this import")
    entry.update(identifier=rec.identifier, verdict=verdict.verdict, topics=list(verdict.topics),
                 reason=verdict.reason)
    if verdict.verdict == "qit":
        rep.qit += 1
    elif verdict.verdict == "adjacent":
        rep.adjacent += 1
        rep.adjacent_names.append(f"{rec.name} ({rec.identifier}): {verdict.reason}")
    else:
        rep.not_qit += 1
    if quantum_only and not verdict.is_qit:
        rep.left_out += 1
        entry["written"] = False
        return
    mapped = map_record(rec, verdict, known)
    outputs.sink(rec.catalogue).write(mapped.triples, mapped.shared | ({mapped.edition} - {""}))
    outputs.relate(rec.catalogue, rep.origin, mapped.pending)
    rep.written += 1
    unmapped = Counter(rec.unmapped + mapped.notes)
    rep.unmapped.update(_kind(u) for u in unmapped.elements())
    entry.update(written=True, unmapped=[u if n == 1 else f"{u} (x{n})" for u, n in unmapped.items()])


def _kind(note: str) -> str:
    """A note reduced to its kind, so the summary counts kinds rather than listing values."""
    return note.split(": ", 1)[0]
