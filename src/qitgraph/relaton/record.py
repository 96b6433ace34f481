"""One Relaton bibliographic record, whatever the schema generation it was written in.

The catalogues use two generations of the Relaton YAML schema: ITU-T records (schema v1.5)
write ``docidentifier``/``content``, ``date``/``at``, ``source`` and committee subdivisions
under ``contributor``; ETSI, ISO, IEC and IEEE records (schema v1.2) write ``docid``/``id``,
``date``/``value``, ``link`` and ``ext.editorialgroup``. ``Record`` is the one shape the rest of
the importer reads, and ``used`` lists the top-level fields it read, so that the importer can
report the fields it did not map (``unmapped_fields``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Fields the mapping reads (the abstract is read for classification only, never copied), and
# fields that carry nothing the ontology holds: the report leaves both out.
MAPPED = {"id", "docid", "docidentifier", "title", "link", "source", "date", "contributor",
          "edition", "version", "docstatus", "status", "relation", "ext", "type", "docnumber",
          "abstract", "keyword", "editorialgroup", "doctype", "structuredidentifier"}
NOT_FACTS = {"schema-version", "schema_version", "language", "script", "copyright", "place",
             "revdate", "fetched", "ics"}
MAPPED_EXT = {"doctype", "editorialgroup", "schema-version", "schema_version", "flavor",
              "structuredidentifier", "ics"}

BODY_OF_DOCID_TYPE = {"ITU": "itu", "ETSI": "etsi", "ISO": "iso", "IEC": "iec", "IEEE": "ieee"}


@dataclass
class Relation:
    """A relation to another document, as the record states it."""

    type: str
    identifier: str


@dataclass
class Record:
    """What the importer needs from one record, in one shape for every catalogue."""

    name: str
    catalogue: str
    identifier: str
    other_ids: list[tuple[str, str]] = field(default_factory=list)
    title: str = ""
    title_parts: dict[str, str] = field(default_factory=dict)
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    doctype: str = ""
    published: str = ""
    obsoleted: str = ""
    edition: str = ""
    version: str = ""
    stage: str = ""
    source: str = ""
    groups: list[str] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)


class RecordError(ValueError):
    """A record lacks what every mapping needs (an identifier)."""


def _text(value: Any) -> str:
    """The text of a Relaton string, ``{content: ...}``, ``{value: ...}`` or a list of those."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return str(value)
    if isinstance(value, list):
        return _text(value[0]) if value else ""
    if isinstance(value, dict):
        for key in ("content", "value", "id", "name"):
            if key in value:
                return _text(value[key])
    return ""


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_english(item: dict[str, Any]) -> bool:
    lang = item.get("language")
    langs = _list(lang)
    return not langs or "en" in langs


def _titles(data: dict[str, Any]) -> tuple[str, dict[str, str]]:
    parts: dict[str, str] = {}
    main = ""
    for t in _list(data.get("title")):
        if not isinstance(t, dict) or not _is_english(t):
            continue
        text = " ".join(_text(t).split())
        kind = str(t.get("type") or "main")
        if kind == "main" and not main:
            main = text
        elif kind != "main":
            parts.setdefault(kind, text)
    if not main:
        main = " - ".join(parts[k] for k in ("title-intro", "title-main", "title-part") if k in parts)
    return main, parts


def _identifiers(data: dict[str, Any]) -> tuple[str, str, list[tuple[str, str]]]:
    ids = _list(data.get("docidentifier")) or _list(data.get("docid"))
    primary = ""
    kind = ""
    others: list[tuple[str, str]] = []
    for d in ids:
        if not isinstance(d, dict):
            continue
        text = _text(d.get("content") if "content" in d else d.get("id"))
        if d.get("primary") and not primary and d.get("scope") != "trademark":
            primary, kind = text, str(d.get("type") or "")
        else:
            others.append((str(d.get("type") or ""), text))
    if not primary and ids and isinstance(ids[0], dict):
        first = ids[0]
        primary = _text(first.get("content") if "content" in first else first.get("id"))
        kind = str(first.get("type") or "")
    return primary, kind, others


def _dates(data: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for d in _list(data.get("date")):
        if isinstance(d, dict) and d.get("type"):
            value = d.get("at", d.get("value", d.get("on")))
            if value is not None:
                out.setdefault(str(d["type"]), str(value))
    return out


def _groups(data: dict[str, Any], ext: dict[str, Any]) -> list[str]:
    """Committee names: ITU-T contributor subdivisions, ETSI editorial groups, ISO/IEC
    technical committees (their ``identifier`` when present), IEEE committees."""
    names: list[str] = []
    for c in _list(data.get("contributor")):
        org = c.get("organization") if isinstance(c, dict) else None
        if not isinstance(org, dict):
            continue
        for sub in _list(org.get("subdivision")):
            if isinstance(sub, dict):
                names.append(_text(sub.get("name")))
    eg = ext.get("editorialgroup", data.get("editorialgroup"))
    if isinstance(eg, list):
        names.extend(_text(g.get("name")) for g in eg if isinstance(g, dict))
    elif isinstance(eg, dict):
        for tc in _list(eg.get("technical_committee")):
            if isinstance(tc, dict):
                names.append(str(tc.get("identifier") or tc.get("name") or ""))
        names.extend(str(c) for c in _list(eg.get("committee")))
    return [n for n in (" ".join(x.split()) for x in names) if n]


def _relations(data: dict[str, Any]) -> list[Relation]:
    out = []
    for r in _list(data.get("relation")):
        if not isinstance(r, dict):
            continue
        item = r.get("bibitem") or {}
        ident, _, _ = _identifiers(item) if isinstance(item, dict) else ("", "", [])
        if not ident and isinstance(item, dict):
            ident = _text(item.get("formattedref"))
        if ident:
            out.append(Relation(str(r.get("type") or ""), " ".join(ident.split())))
    return out


def _stage(data: dict[str, Any]) -> str:
    st = data.get("docstatus") or data.get("status")
    if not isinstance(st, dict):
        return ""
    stage = _text(st.get("stage"))
    sub = _text(st.get("substage"))
    return f"{stage}.{sub}" if sub else stage


def _source(data: dict[str, Any]) -> str:
    links = _list(data.get("source")) + _list(data.get("link"))
    for link in links:
        if isinstance(link, dict) and link.get("type") == "src":
            return _text(link)
    for link in links:
        text = _text(link)
        if text.startswith("http"):
            return text
    return ""


def normalize(data: Any, name: str) -> Record:
    """Read one parsed YAML document into a ``Record``; ``RecordError`` if it has no identifier."""
    if not isinstance(data, dict):
        raise RecordError("not a Relaton record (the YAML document is not a mapping)")
    ext = data.get("ext") if isinstance(data.get("ext"), dict) else {}
    assert isinstance(ext, dict)
    identifier, id_type, others = _identifiers(data)
    if not identifier:
        raise RecordError("no docidentifier/docid: a record needs an identifier to be mapped")
    title, parts = _titles(data)
    abstract = " ".join(_text(a) for a in _list(data.get("abstract"))
                        if isinstance(a, dict) and _is_english(a))
    doctype = ext.get("doctype", data.get("doctype"))
    version = data.get("version")
    if isinstance(version, list):
        version = version[0] if version else None
    dates = _dates(data)
    unmapped = sorted(k for k in data if k not in MAPPED and k not in NOT_FACTS)
    unmapped += sorted(f"ext.{k}" for k in ext if k not in MAPPED_EXT)
    return Record(
        name=name,
        catalogue=BODY_OF_DOCID_TYPE.get(id_type.upper(), id_type.lower() or "unknown"),
        identifier=" ".join(identifier.split()),
        other_ids=others,
        title=title,
        title_parts=parts,
        abstract=abstract,
        keywords=[_text(k) for k in _list(data.get("keyword"))],
        doctype=_text(doctype.get("type") or doctype.get("content")) if isinstance(doctype, dict)
        else _text(doctype),
        published=dates.get("published", dates.get("issued", "")),
        obsoleted=dates.get("obsoleted", ""),
        edition=_text(data.get("edition")),
        version=_text(version.get("draft") if isinstance(version, dict) else version),
        stage=_stage(data),
        source=_source(data),
        groups=_groups(data, ext),
        relations=_relations(data),
        unmapped=unmapped,
    )
