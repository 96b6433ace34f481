"""Identifiers to work-item and edition slugs (docs/ontology.md IRI scheme), table-tested."""

from __future__ import annotations

import pytest

from qitgraph.relaton.identifiers import parse_identifier, slugify

CASES = [
    # identifier, work slug, edition slug, dated, draft, amendment
    ("ITU-T Y.3800 (10/2019)", "itu-t-y-3800", "itu-t-y-3800-2019-10", True, False, ""),
    ("ETSI GS QKD 014 V1.1.1 (2019-02)", "etsi-gs-qkd-014", "etsi-gs-qkd-014-v1-1-1-2019-02", True, False, ""),
    ("ITU-T X.1712 (2021) Cor. 1 (02/2022)", "itu-t-x-1712", "itu-t-x-1712-2021-cor-1-2022-02", True, False,
     "corrigendum"),
    ("ITU-T Y Suppl. 70 (07/2021)", "itu-t-y-suppl-70", "itu-t-y-suppl-70-2021-07", True, False, ""),
    ("ISO/IEC 23837-1:2023", "iso-iec-23837-1", "iso-iec-23837-1-2023", True, False, ""),
    ("ISO/IEC 7816-9:2017/AMD1:2026", "iso-iec-7816-9", "iso-iec-7816-9-2017-amd1-2026", True, False, "amendment"),
    ("ISO/IEC 7816-9:2017/DAM 1", "iso-iec-7816-9", "iso-iec-7816-9-2017-dam-1", False, True, "amendment"),
    ("ISO/IEC FDIS 4879", "iso-iec-4879", "iso-iec-fdis-4879", False, True, ""),
    ("ISO/IEC 4879", "iso-iec-4879", "iso-iec-4879", False, False, ""),
    ("ISO/IEC 27001:2013/Cor 1:2014", "iso-iec-27001", "iso-iec-27001-2013-cor-1-2014", True, False, "corrigendum"),
    ("IEC TR 62595-1-6:2025", "iec-tr-62595-1-6", "iec-tr-62595-1-6-2025", True, False, ""),
    ("IEEE Std 802.11-2020", "ieee-std-802-11", "ieee-std-802-11-2020", True, False, ""),
    ("ISO/IEC/IEEE 8802.1AE\u2122/Cor1-2021", "iso-iec-ieee-8802-1ae", "iso-iec-ieee-8802-1ae-cor1-2021", True,
     False, "corrigendum"),
]


@pytest.mark.parametrize(("identifier", "work", "edition", "dated", "draft", "amendment"), CASES,
                         ids=[c[0] for c in CASES])
def test_identifier_splits_into_work_and_edition(identifier, work, edition, dated, draft, amendment):
    p = parse_identifier(identifier)
    assert (p.work_slug, p.edition_slug, p.dated, p.draft, p.amendment) == (work, edition, dated, draft, amendment)


def test_slugs_are_lower_case_ascii_words():
    assert slugify("Übersicht – Quantum/Key  Distribution") == "ubersicht-quantum-key-distribution"
