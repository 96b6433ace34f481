"""One record to triples of the qitgraph ontology (docs/ontology.md, docs/importer.md).

- The work item ``id/workitem/{work slug}``, typed by the document type (qit:Recommendation,
  qit:GroupSpecification, qit:InternationalStandard, ...), with its identifier as the body
  writes it ("Y.3800", "GS QKD 014", "ISO/IEC 23837-1"), its titles, responsible groups and
  topics; an ISO/IEC part is ``dcterms:isPartOf`` its whole.
- The edition ``id/workitem/{edition slug}``, of the work's class, ``dcterms:isVersionOf`` the
  work, with ``schema:version``; an amendment or corrigendum ``schema:isBasedOn`` what it amends.
- Publication as a ``qit:StatusEvent`` (status ``published``, ``qit:date``, ``dcterms:source``
  the record's source link); withdrawal the same way where the record dates it.
- Relations: ``dcterms:replaces`` / ``dcterms:isReplacedBy`` (by the order of the years, because
  Relaton's ``updates`` points forward in ISO data and backward in IEEE data),
  ``dcterms:hasVersion`` (ITU-T ``hasEdition``), ``dcterms:isPartOf``, and
  ``qit:commonTextWith`` for adopted or twin texts. These point at other records' resources, so
  they are ``pending`` until the importer knows that the target was written too.

Abstracts are never copied. Curated resources (``known``) keep their own labels: the importer
adds facts to them but never a second ``rdfs:label``, and never redeclares a curated group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qitgraph.relaton.classify import TOPIC, Verdict
from qitgraph.relaton.groups import BODY, Group, resolve
from qitgraph.relaton.identifiers import ParsedId, parse_identifier, slugify
from qitgraph.relaton.record import Record
from qitgraph.relaton.turtle import RDF_TYPE, XSD, Lit, Triple

QIT = "https://w3id.org/qitgraph/ontology#"
WORKITEM = "https://w3id.org/qitgraph/id/workitem/"
STATUSEVENT = "https://w3id.org/qitgraph/id/statusevent/"
STATUS = "https://w3id.org/qitgraph/id/status/"
DCT = "http://purl.org/dc/terms/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ORG_SUB = "http://www.w3.org/ns/org#subOrganizationOf"
SCHEMA_VERSION = "https://schema.org/version"
SCHEMA_BASED_ON = "https://schema.org/isBasedOn"
_CORRIGENDUM = re.compile(r"\bCor\b|/COR", re.IGNORECASE)


def edition_class(identifier: str, amendment: str) -> str:
    """``qit:Corrigendum`` or ``qit:Amendment`` for a change to an edition, else ``qit:Edition``.

    >>> edition_class("ITU-T X.1712 (2021) Cor. 1 (02/2022)", "Cor. 1")
    'Corrigendum'
    >>> edition_class("ISO/IEC 7816-9:2017/AMD1:2026", "AMD1")
    'Amendment'
    >>> edition_class("ITU-T Y.3800 (10/2019)", "")
    'Edition'
    """
    if not amendment:
        return "Edition"
    return "Corrigendum" if _CORRIGENDUM.search(identifier) else "Amendment"

CATALOGUE_LABEL = {"itu": "ITU-T", "etsi": "ETSI", "iso": "ISO", "iec": "IEC", "ieee": "IEEE"}
ETSI_KINDS = {
    "group specification": "GroupSpecification", "group report": "GroupReport",
    "technical report": "TechnicalReport", "etsi technical report": "TechnicalReport",
    "special report": "TechnicalReport", "technical committee reference technical report": "TechnicalReport",
}
ISO_KINDS = {"international-standard": "InternationalStandard", "technical-report": "TechnicalReport"}
_PART = re.compile(r"^(?P<whole>.*?\b\d+)-(?P<part>\d[\w.-]*)$")
_YEAR = re.compile(r"(?:\b|:|\(|-)((?:19|20)\d\d)\b")
_ISO_DRAFT_STAGE = re.compile(r"^([0-5]\d)\.|^60\.00$")
_AMENDMENT_TITLE = re.compile(r"\s*(?:--|–|-|:)?\s*\b(?:Amendment|Corrigendum|TECHNICAL CORRIGENDUM)\b.*$",
                              re.IGNORECASE)


@dataclass
class Mapped:
    """A record's triples, the subjects other records share, and what could not be mapped."""

    triples: list[Triple] = field(default_factory=list)
    shared: set[str] = field(default_factory=set)
    edition: str = ""
    notes: list[str] = field(default_factory=list)
    # Triples whose object is another record's resource: written only if that resource is.
    pending: list[Triple] = field(default_factory=list)


def work_class(rec: Record, parsed: ParsedId) -> str:
    doctype = rec.doctype.lower()
    if rec.catalogue == "itu":
        return "Supplement" if "supplement" in doctype or " Suppl." in parsed.work else "Recommendation"
    if rec.catalogue == "etsi":
        return ETSI_KINDS.get(doctype, "WorkItem")
    if rec.catalogue in ("iso", "iec"):
        return ISO_KINDS.get(doctype, "WorkItem")
    if rec.catalogue == "ieee":
        return "IEEEStandard" if parsed.work.startswith("IEEE") else "WorkItem"
    return "WorkItem"


def short_identifier(identifier: str) -> str:
    """The identifier as the curated data writes it: without "ITU-T " or "ETSI "."""
    for prefix in ("ITU-T ", "ETSI "):
        if identifier.startswith(prefix):
            return identifier[len(prefix):]
    return identifier


def date_literal(value: str) -> Lit | None:
    """``2019-10-25`` -> xsd:date, ``2019-10`` -> xsd:gYearMonth, ``2019`` -> xsd:gYear."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return Lit(value, datatype=XSD + "date")
    if re.fullmatch(r"\d{4}-\d\d", value):
        return Lit(value, datatype=XSD + "gYearMonth")
    if re.fullmatch(r"\d{4}", value):
        return Lit(value, datatype=XSD + "gYear")
    return None


def _year(identifier: str) -> int | None:
    years = _YEAR.findall(identifier)
    return int(years[-1]) if years else None


def _target(identifier: str, catalogue: str) -> str:
    if catalogue == "itu" and not identifier.startswith("ITU"):
        identifier = "ITU-T " + identifier
    p = parse_identifier(identifier)
    return WORKITEM + (p.edition_slug if p.dated else p.work_slug)


def is_draft(rec: Record, parsed: ParsedId) -> bool:
    stage = rec.stage.lower()
    return parsed.draft or bool(_ISO_DRAFT_STAGE.match(stage)) or stage == "draft"


def map_record(rec: Record, verdict: Verdict, known: frozenset[str]) -> Mapped:
    """The triples of one record (see the module docstring for the pattern)."""
    m = Mapped()
    t = m.triples
    parsed = parse_identifier(rec.identifier)
    work = WORKITEM + parsed.work_slug
    m.shared.add(work)
    kind = work_class(rec, parsed)
    t.append((work, RDF_TYPE, QIT + kind))
    if work not in known:
        t.append((work, RDFS_LABEL, Lit(parsed.work, "en")))
    t.append((work, QIT + "identifier", Lit(short_identifier(parsed.work))))
    title = rec.title
    work_title = _AMENDMENT_TITLE.sub("", title) if parsed.amendment else title
    if work_title:
        t.append((work, DCT + "title", Lit(work_title, "en")))
    elif work not in known:
        m.notes.append("no English title")
    for topic in verdict.topics if verdict.is_qit else ():
        t.append((work, DCT + "subject", TOPIC + topic))

    groups = _groups(rec, m, known)
    for g in groups:
        t.append((work, QIT + "responsibleGroup", g))
    _part_of(rec, parsed, work, kind, m, known)

    draft = is_draft(rec, parsed)
    subject = work
    if (parsed.dated or parsed.amendment) and not draft:
        edition = WORKITEM + parsed.edition_slug
        subject = m.edition = edition
        t.append((edition, RDF_TYPE, QIT + kind))
        t.append((edition, RDF_TYPE, QIT + edition_class(parsed.identifier, parsed.amendment)))
        t.append((edition, RDFS_LABEL, Lit(parsed.identifier, "en")))
        t.append((edition, QIT + "identifier", Lit(short_identifier(parsed.identifier))))
        # The shapes require a title; an untitled record (ITU-T corrigenda) is titled by its
        # identifier, as the catalogues cite it, and the note says so.
        t.append((edition, DCT + "title", Lit(title or parsed.identifier, "en")))
        if not title:
            m.notes.append("no English title: the edition is titled by its identifier")
        t.append((edition, DCT + "isVersionOf", work))
        version = rec.version or rec.edition
        if version:
            t.append((edition, SCHEMA_VERSION, Lit(version)))
        for g in groups:
            t.append((edition, QIT + "responsibleGroup", g))
        if parsed.amendment:
            base = re.split(r"/(?=[A-Za-z])", parsed.identifier, maxsplit=1)[0]
            amended = parse_identifier(base)
            if amended.dated and base != parsed.identifier:
                m.pending.append((edition, SCHEMA_BASED_ON, WORKITEM + amended.edition_slug))
            else:
                t.append((edition, SCHEMA_BASED_ON, work))
    elif draft:
        m.notes.append(f"draft, work item only: stage {rec.stage or 'named in the identifier'}")
    _status(rec, parsed, subject, draft, m)
    _relations(rec, parsed, work, subject, m)
    for id_type, other in rec.other_ids:
        body = id_type.lower()
        if body in CATALOGUE_LABEL and body != rec.catalogue and other:
            twin = WORKITEM + parse_identifier(other).work_slug
            if twin != work:
                m.pending.append((work, QIT + "commonTextWith", twin))
    return m


def _groups(rec: Record, m: Mapped, known: frozenset[str]) -> list[str]:
    out: list[str] = []
    for name in rec.groups:
        chain: list[Group] = resolve(name, rec.catalogue, rec.identifier)
        if not chain:
            m.notes.append(f"committee not resolved: {name!r}")
            continue
        for g in chain:
            if g.iri in known:
                continue
            m.shared.add(g.iri)
            m.triples.append((g.iri, RDF_TYPE, QIT + g.kind))
            m.triples.append((g.iri, RDFS_LABEL, Lit(g.label, "en")))
            for parent in g.parents:
                m.triples.append((g.iri, ORG_SUB, parent))
        if chain[-1].iri not in out:
            out.append(chain[-1].iri)
    if not out and not rec.groups and rec.catalogue in CATALOGUE_LABEL:
        m.notes.append("no responsible committee in the record")
    return out


def _part_of(rec: Record, parsed: ParsedId, work: str, kind: str, m: Mapped,
             known: frozenset[str]) -> None:
    """ISO/IEC parts: ``ISO/IEC 23837-1`` is part of ``ISO/IEC 23837`` (titled by intro + main)."""
    if rec.catalogue not in ("iso", "iec") or "title-part" not in rec.title_parts:
        return
    found = _PART.match(parsed.work)
    if not found:
        return
    whole_id = found.group("whole")
    whole = WORKITEM + slugify(whole_id)
    m.shared.add(whole)
    m.triples.append((work, DCT + "isPartOf", whole))
    m.triples.append((whole, DCT + "hasPart", work))
    m.triples.append((whole, RDF_TYPE, QIT + kind))
    if whole not in known:
        m.triples.append((whole, RDFS_LABEL, Lit(whole_id, "en")))
    m.triples.append((whole, QIT + "identifier", Lit(whole_id)))
    whole_title = " - ".join(rec.title_parts[k] for k in ("title-intro", "title-main") if k in rec.title_parts)
    if whole_title:
        m.triples.append((whole, DCT + "title", Lit(whole_title, "en")))


def _status(rec: Record, parsed: ParsedId, subject: str, draft: bool, m: Mapped) -> None:
    if draft:
        return
    slug = subject[len(WORKITEM):]
    events = [("published", rec.published), ("withdrawn", rec.obsoleted)]
    for status, when in events:
        if not when:
            continue
        date = date_literal(when)
        if date is None:
            m.notes.append(f"{status} date not a date: {when!r}")
            continue
        if not rec.source:
            m.notes.append(f"no source link, {status} status event left out: {when}")
            continue
        event = STATUSEVENT + f"{slug}-{status}-{rec.catalogue}"
        label = f"{parsed.identifier} {status} {when} ({CATALOGUE_LABEL.get(rec.catalogue, rec.catalogue)} catalogue)"
        m.triples += [
            (event, RDF_TYPE, QIT + "StatusEvent"),
            (event, RDFS_LABEL, Lit(label, "en")),
            (event, QIT + "workItem", subject),
            (event, QIT + "status", STATUS + status),
            (event, QIT + "date", date),
            (event, DCT + "source", rec.source),
        ]
    if not rec.published and not draft:
        m.notes.append("no publication date")
    if rec.stage.lower() in ("withdrawal", "withdrawn", "95.99") and not rec.obsoleted:
        m.notes.append(f"withdrawal without a date, not mapped: stage {rec.stage!r}")


def _relations(rec: Record, parsed: ParsedId, work: str, subject: str, m: Mapped) -> None:
    own_year = _year(parsed.identifier)
    for rel in rec.relations:
        target = _target(rel.identifier, rec.catalogue)
        if rel.type in ("obsoletes", "updates", "obsoletedBy", "updatedBy"):
            other_year = _year(rel.identifier)
            if rel.type == "obsoletedBy":
                forward = True
            elif rel.type == "obsoletes":
                forward = False
            elif own_year is not None and other_year is not None and other_year != own_year:
                forward = other_year > own_year
            else:
                m.notes.append(f"relation direction unknown: {rel.type} {rel.identifier!r}")
                continue
            m.pending.append((subject, DCT + ("isReplacedBy" if forward else "replaces"), target))
        elif rel.type == "hasEdition":
            m.pending.append((work, DCT + "hasVersion", target))
        elif rel.type == "partOf":
            m.pending.append((work, DCT + "isPartOf", WORKITEM + parse_identifier(rel.identifier).work_slug))
        elif rel.type == "adoptedFrom":
            twin = WORKITEM + parse_identifier(rel.identifier).work_slug
            if twin != work:
                m.pending.append((work, QIT + "commonTextWith", twin))
        else:
            m.notes.append(f"relation.{rel.type}")


BODIES = {k: BODY + ("itu-t" if k == "itu" else k) for k in CATALOGUE_LABEL}
