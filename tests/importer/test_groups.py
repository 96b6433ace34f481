"""Committee names to the curated group IRIs, or consistently minted ones with their parents."""

from __future__ import annotations

import pytest

from qitgraph.relaton.groups import resolve

G = "https://w3id.org/qitgraph/id/group/"
B = "https://w3id.org/qitgraph/id/body/"

CASES = [
    ("ITU-T Study Group 13", "itu", "", [("itu-t-sg13", "ITU-T SG13", (B + "itu-t",))]),
    ("Quantum Key Distribution", "etsi", "ETSI GS QKD 014 V1.1.1 (2019-02)",
     [("etsi-isg-qkd", "ETSI ISG QKD", (B + "etsi",))]),
    ("Quantum Safe Cryptography", "etsi", "ETSI GR QSC 003 V1.1.1 (2017-02)",
     [("etsi-isg-qsc", "ETSI ISG QSC", (B + "etsi",))]),
    ("Quantum-Safe Cryptography", "etsi", "ETSI TR 103 570 V1.1.1 (2017-10)",
     [("etsi-tc-cyber", "ETSI TC CYBER", (B + "etsi",)),
      ("etsi-tc-cyber-qsc", "ETSI TC CYBER QSC", (G + "etsi-tc-cyber",))]),
    ("ISO/IEC JTC 1/SC 27", "iso", "", [("iso-iec-jtc-1", "ISO/IEC JTC 1", (B + "iso", B + "iec")),
                                         ("iso-iec-jtc-1-sc-27", "ISO/IEC JTC 1/SC 27", (G + "iso-iec-jtc-1",))]),
    ("IEC/ISO JTC 3", "iso", "", [("iec-iso-jtc-3", "IEC/ISO JTC 3", (B + "iec", B + "iso"))]),
    ("TC 62/SC 62B", "iec", "", [("iec-tc-62", "IEC TC 62", (B + "iec",)),
                                 ("iec-tc-62-sc-62b", "IEC TC 62/SC 62B", (G + "iec-tc-62",))]),
    ("ISO/TC 229", "iso", "", [("iso-tc-229", "ISO/TC 229", (B + "iso",))]),
    ("Information technology", "iso", "", []),
]


@pytest.mark.parametrize(("name", "catalogue", "identifier", "expected"), CASES, ids=[c[0] for c in CASES])
def test_committee_resolves_to_group_chain(name, catalogue, identifier, expected):
    chain = resolve(name, catalogue, identifier)
    assert [(g.iri[len(G):], g.label, g.parents) for g in chain] == expected
