"""The classifier against labelled tables: every record of ../shared/relaton/quantum with the
verdict a reader gives it (fixtures/quantum-labels.csv: the keyword matches and their false
positives), and hand-written titles it has never seen. Scored for precision and recall."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qitgraph.relaton.classify import classify, classify_text, score
from qitgraph.relaton.reader import iter_records
from qitgraph.relaton.record import normalize

from .conftest import FIXTURES

LABELS = list(csv.DictReader((FIXTURES / "quantum-labels.csv").open()))


@pytest.fixture(scope="module")
def verdicts(quantum_dir: Path) -> dict[tuple[str, str], bool]:
    out = {}
    for raw in iter_records(sorted(quantum_dir.iterdir())):
        out[(Path(raw.origin).name, raw.name)] = classify(normalize(raw.data, raw.name)).is_qit
    return out


@pytest.mark.parametrize("row", LABELS, ids=[f"{r['body']}/{r['file']}" for r in LABELS])
def test_quantum_record_verdict(row, verdicts):
    assert verdicts[(row["body"], row["file"])] == (row["expected"] == "qit"), row["why"]


def test_labels_cover_every_quantum_record(verdicts):
    assert {(r["body"], r["file"]) for r in LABELS} == set(verdicts)


def test_precision_and_recall_on_the_labelled_table(verdicts):
    s = score((r["expected"] == "qit", verdicts[(r["body"], r["file"])]) for r in LABELS)
    assert (s.true_positives, s.false_positives, s.false_negatives) == (119, 0, 0)
    assert s.precision == 1.0 and s.recall == 1.0
    assert s.true_negatives == 36  # detector quantum efficiency, quantum dots, smart cards, ...


UNSEEN = [
    # title, other naming text, verdict, topics
    ("Quantum cascade lasers - Measurement of output power", "", "no", ()),
    ("Photodetectors - Measurement of the external quantum efficiency", "", "no", ()),
    ("Display lighting - Quantum dot enhancement films", "", "no", ()),
    ("Children's clothing - Cords and drawstrings - Entanglement hazards", "", "no", ()),
    ("Quantum random number generators - Test methods", "", "qit", ("qrng",)),
    ("Migration to post-quantum cryptography for VPNs", "", "qit", ("quantum-safe-cryptography",)),
    ("Characterization of superconducting qubits", "", "qit", ("quantum-computing",)),
    ("Quantum key distribution - Security evaluation of modules", "", "qit", ("qkd-security",)),
    ("Time synchronization for quantum networks", "", "qit", ("quantum-internet",)),
    ("Quantum key distribution networks - Key management", "", "qit", ("qkd-network",)),
    ("Integrated circuit cards - Amendment 2: Quantum safe cryptography", "", "adjacent",
     ("quantum-safe-cryptography",)),
    ("Security of ICT systems", "ETSI TR 103 999; Quantum-Safe Cryptography", "qit",
     ("quantum-safe-cryptography",)),
]


@pytest.mark.parametrize(("title", "names", "verdict", "topics"), UNSEEN, ids=[u[0][:40] for u in UNSEEN])
def test_unseen_titles(title, names, verdict, topics):
    v = classify_text(title, names=names)
    assert (v.verdict, v.topics) == (verdict, topics)


def test_abstract_alone_makes_a_record_adjacent_not_qit():
    v = classify_text("Security techniques for payment terminals",
                      abstract="The algorithms should later be replaced by post-quantum algorithms.")
    assert v.verdict == "adjacent" and not v.is_qit


def test_abstract_refines_only_below_the_title_topic():
    v = classify_text("Quantum key distribution (QKD); Application Interface",
                      abstract="Specifies the interface between QKD devices and applications; "
                               "quantum computing is out of scope.")
    assert v.topics == ("qkd-protocols",)


def test_keywords_alone_make_a_record_adjacent():
    """IEEE Vision for Smart Grid Communications lists "quantum key distribution." among its keywords."""
    from qitgraph.relaton.record import Record

    rec = Record(name="IEEE_VISION.yaml", catalogue="ieee", identifier="IEEE Vision",
                 title="IEEE Vision for Smart Grid Communications: 2030 and Beyond Roadmap",
                 keywords=["Smart grids", "Computer security", "optical fiber", "quantum key distribution."])
    assert classify(rec).verdict == "adjacent"


def test_score_of_an_imperfect_classifier():
    s = score([(True, True), (True, False), (False, True), (False, False)])
    assert (s.precision, s.recall) == (0.5, 0.5)
