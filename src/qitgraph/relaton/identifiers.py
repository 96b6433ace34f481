"""Identifiers of published standards: which work item a record is an edition of.

The IRI scheme (docs/ontology.md): a work item is ``id/workitem/{slug of the identifier without
edition or date}``; an edition is the slug of the whole identifier with an ITU-T ``(mm/yyyy)``
date written ``yyyy-mm``, so ``ITU-T Y.3800 (10/2019)`` is edition ``itu-t-y-3800-2019-10`` of
work ``itu-t-y-3800`` and ``ETSI GS QKD 014 V1.1.1 (2019-02)`` is edition
``etsi-gs-qkd-014-v1-1-1-2019-02`` of work ``etsi-gs-qkd-014``.

>>> parse_identifier("ITU-T Y.3800 (10/2019)").work
'ITU-T Y.3800'
>>> parse_identifier("ITU-T X.1712 (2021) Cor. 1 (02/2022)").edition_slug
'itu-t-x-1712-2021-cor-1-2022-02'
>>> parse_identifier("ISO/IEC 7816-9:2017/AMD1:2026").work
'ISO/IEC 7816-9'
>>> parse_identifier("ISO/IEC FDIS 4879").draft
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ITU = re.compile(r"^(?P<work>.+?)(?P<amd> \(\d{4}\) (?:Cor|Amd|Corr|Erratum|Add)\.? ?\d*.*?)?"
                  r" \((?P<mm>\d\d)/(?P<yyyy>\d{4})\)$")
_ETSI = re.compile(r"^(?P<work>.+?) V(?P<version>\d+(?:\.\d+)*)(?: \((?P<date>\d{4}(?:-\d\d)?)\))?$")
_ISO_DRAFT = re.compile(r"\b(?:PWI|NP|AWI|WD|CD\d?|DIS\d?|FDIS|PRF|PDTR|DTR|PDTS|DTS|DPAS|DIR|DGuide)\s+")
_ISO_AMD = re.compile(r"/(?:(?:D|FD|PD)?(?:AMD|Amd|COR|Cor|DAM|FDAM|PDAM|DCOR|FDCOR))\s*\d*(?::\d{4})?.*$")
_IEEE_YEAR = re.compile(r"^(?P<work>.+?)-(?P<year>\d{4})(?:-\d\d)?$")
_AMD_WORDS = re.compile(r"(?:AMD|Amd|DAM|FDAM|PDAM)")
_COR_WORDS = re.compile(r"(?:COR|Cor|DCOR|FDCOR|Corr)")
_TRADEMARK = re.compile("[\u2122\u00ae]")


@dataclass(frozen=True)
class ParsedId:
    """An identifier split into the work it belongs to and what makes this edition distinct."""

    identifier: str
    work: str
    dated: bool
    draft: bool
    amendment: str  # "", "amendment" or "corrigendum"

    @property
    def work_slug(self) -> str:
        return slugify(self.work)

    @property
    def edition_slug(self) -> str:
        return slugify(_itu_date_first(self.identifier))


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by ``-``: the slug rule of docs/ontology.md.

    >>> slugify("ISO/IEC JTC 1/SC 27")
    'iso-iec-jtc-1-sc-27'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _itu_date_first(identifier: str) -> str:
    """``(10/2019)`` -> ``2019-10`` so edition slugs sort by date."""
    return re.sub(r"\((\d\d)/(\d{4})\)", r"\2-\1", identifier)


def clean(identifier: str) -> str:
    """Drop trademark signs and spaces the catalogues add around identifiers."""
    return " ".join(_TRADEMARK.sub("", identifier).split())


def parse_identifier(identifier: str) -> ParsedId:
    """Split a catalogue identifier into its work and edition parts, by the body's syntax."""
    ident = clean(identifier)
    draft = False
    if ident.startswith("ITU-T ") or ident.startswith("ITU-R "):
        m = _ITU.match(ident)
        if m:
            amd = m.group("amd") or ""
            kind = "corrigendum" if "Cor" in amd else ("amendment" if amd else "")
            return ParsedId(ident, m.group("work"), True, False, kind)
        return ParsedId(ident, ident, False, False, "")
    if ident.startswith("ETSI "):
        m = _ETSI.match(ident)
        if m:
            return ParsedId(ident, m.group("work"), True, False, "")
        return ParsedId(ident, ident, False, False, "")
    if re.match(r"^(?:ISO|IEC|CISPR|ISO/IEC|IEC/ISO)\b", ident) and "IEEE" not in ident.split()[0]:
        base = ident
        kind = ""
        amd = _ISO_AMD.search(base)
        if amd:
            kind = "corrigendum" if _COR_WORDS.search(amd.group(0)) else "amendment"
            if re.search(r"/(?:D|FD|PD)(?:AMD|COR)|/(?:DAM|FDAM|PDAM|DCOR|FDCOR)", amd.group(0)):
                draft = True
            base = base[: amd.start()]
        if _ISO_DRAFT.search(base):
            draft = True
            base = _ISO_DRAFT.sub("", base)
        dated = ":" in base or bool(kind)
        work = base.split(":", 1)[0].strip()
        work = re.sub(r"\s*\(E\)$", "", work)
        return ParsedId(ident, work, dated and not draft, draft, kind)
    m = _IEEE_YEAR.match(ident)
    if m:
        work = m.group("work")
        kind = ""
        part = re.search(r"[/_](?:AMD|Amd|COR|Cor)\d*$", work)
        if part:
            kind = "corrigendum" if _COR_WORDS.search(part.group(0)) else "amendment"
            work = work[: part.start()]
        draft = bool(re.search(r"\bP\d|_D-|\bD\d", work))
        return ParsedId(ident, work, not draft, draft, kind)
    return ParsedId(ident, ident, False, False, "")
