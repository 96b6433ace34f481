"""Is a catalogue record about quantum information technology (QIT), and which topics of the
graph's SKOS scheme (``id/topic/...``, data/vocabularies.ttl) does it treat?

Method (docs/importer.md explains it with examples): a keyword match on "quantum" is not enough
(detective quantum efficiency of X-ray detectors, quantum dots, "control load quantum",
entanglement hazards on playgrounds). So:

1. Physics and plain-English uses of the words are cut out of the text first (``EXCLUDE``).
2. Topic rules are phrases of the field (``RULES``: "quantum key distribution", "QKDN",
   "post-quantum", "qubit", "quantum random number", ...), never the bare word "quantum".
3. The verdict rests on what names the document: title, identifier and responsible group. A
   match there makes the record QIT. A match only in the keywords or the abstract, or only in the
   amendment part of the title of a standard on another subject (a smart-card standard's
   "Amendment 1: Quantum safe cryptography"), makes it *adjacent*: reported, not imported as QIT.
4. Abstract matches refine the topics of a QIT record, but only to topics narrower than one the
   naming text gave (a QKD specification may become "QKD security", never "quantum computing").
5. Facets named by the title (vocabulary, use cases, roadmap) add terminology, use-cases or
   standardization-landscape to a QIT record.
6. Only the most specific topics are kept (QKD network, not also QKD).

>>> classify_text("Quantum key distribution networks - Key management").topics
('qkd-network',)
>>> classify_text("Determination of the detective quantum efficiency").verdict
'no'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from qitgraph.relaton.record import Record

TOPIC = "https://w3id.org/qitgraph/id/topic/"

# skos:broader of the topic scheme (data/vocabularies.ttl), for "most specific" and refinement.
BROADER: dict[str, str] = {
    "quantum-computing": "quantum-information-technology",
    "quantum-communication": "quantum-information-technology",
    "qkd": "quantum-communication",
    "qkd-network": "qkd",
    "qkd-protocols": "qkd-network",
    "qkd-transport": "qkd-network",
    "qkd-security": "qkd",
    "quantum-internet": "quantum-communication",
    "quantum-teleportation": "quantum-communication",
    "qrng": "quantum-information-technology",
    "quantum-metrology": "quantum-information-technology",
    "quantum-time-synchronization": "quantum-metrology",
    "quantum-safe-cryptography": "quantum-information-technology",
    "terminology": "quantum-information-technology",
    "use-cases": "quantum-information-technology",
    "standardization-landscape": "quantum-information-technology",
}

_QKD = r"(?:quantum key distribution|\bQKDN?s?\b)"
EXCLUDE = re.compile("|".join([
    r"(?:detective |internal |external |relative )?quantum efficienc\w*",
    r"quantum[- ]dots?\b", r"\bQDs?\b", r"quantum wells?\b", r"quantum yields?\b",
    r"superconducting quantum interference devices?", r"\bSQUIDs?\b",
    r"quantum phenomena", r"quantum (?:size|confinement) effects?", r"quantum cascade lasers?",
    r"entrapment/entanglement", r"entanglement hazards?", r"\b(?:load|time|energy) quantum\b",
    r"quantum of\b",
]), re.IGNORECASE)

RULES: list[tuple[str, re.Pattern[str]]] = [(t, re.compile(p, re.IGNORECASE)) for t, p in [
    ("qkd-network", r"\bQKDNs?\b|(?:quantum key distribution|QKD) networks?|networks? supporting "
                    r"quantum key distribution"),
    ("qkd-protocols", rf"{_QKD}[^.;]*\b(?:protocols?|interfaces?|APIs?)\b|\b(?:protocols?|interfaces?)\b"
                      rf"[^.;]*{_QKD}"),
    ("qkd-transport", rf"{_QKD}[^.;]*\b(?:optical transport|co-fibre|coexistence)\b"),
    ("qkd-security", rf"{_QKD}[^;]*\b(?:security|protection profile|evaluation|proofs?|attacks?)\b|"
                     rf"\b(?:security|protection)\b[^;]*{_QKD}"),
    ("qkd", rf"{_QKD}"),
    ("qrng", r"quantum[^.;]{0,40}random number|\bQRNGs?\b"),
    ("quantum-safe-cryptography", r"quantum[- ]safe|post[- ]quantum|quantum[- ]resistant|\bQSC\b|\bPQC\b|"
                                  r"quantum[- ]vulnerable|quantum computing impact on security"),
    ("quantum-computing", r"quantum comput\w*|\bqubits?\b|quantum simulat\w*|quantum processors?"),
    ("quantum-internet", r"quantum internet|quantum information networks?|\bquantum networks?\b|\bQIN\b"),
    ("quantum-teleportation", r"quantum teleportation|quantum repeaters?"),
    ("quantum-communication", r"quantum communications?|entanglement distribution"),
    ("quantum-time-synchronization", rf"synchroni\w* (?:in|of|for) {_QKD}|quantum[^.;]*time synchroni\w*|"
                                     r"quantum clocks?"),
    ("quantum-metrology", r"quantum (?:metrology|sensing|sensors?)"),
    ("quantum-information-technology", r"quantum information (?:technolog\w*|science)|"
                                       r"quantum technolog\w*|quantum information processing"),
]]
# Facets: what kind of document it is, said by its title, added to a QIT record's topics.
FACETS: list[tuple[str, re.Pattern[str]]] = [(t, re.compile(p, re.IGNORECASE)) for t, p in [
    ("terminology", r"\b(?:vocabulary|terminology|terms and definitions|glossary)\b"),
    ("use-cases", r"\buse cases?\b"),
    ("standardization-landscape", r"\b(?:standardization roadmap|landscape|standardization outlook)\b"),
]]
_AMENDMENT_PART = re.compile(r"(?:--|–|-)?\s*\b(?:Amendment|Corrigendum|AMENDMENT|TECHNICAL CORRIGENDUM)"
                             r"\s*\d*\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """``verdict`` is ``qit``, ``adjacent`` (reported, not imported as QIT) or ``no``."""

    verdict: str
    topics: tuple[str, ...]
    reason: str

    @property
    def is_qit(self) -> bool:
        return self.verdict == "qit"


def topics_in(text: str) -> set[str]:
    """Topics whose phrases occur in ``text`` once physics uses of the words are cut out."""
    cleaned = EXCLUDE.sub(" ", text)
    return {topic for topic, rule in RULES if rule.search(cleaned)}


def ancestors(topic: str) -> set[str]:
    out = set()
    while topic in BROADER:
        topic = BROADER[topic]
        out.add(topic)
    return out


def most_specific(topics: Iterable[str]) -> tuple[str, ...]:
    topics = set(topics)
    implied = set().union(*(ancestors(t) for t in topics)) if topics else set()
    return tuple(sorted(topics - implied))


def classify_text(title: str, *, names: str = "", abstract: str = "") -> Verdict:
    """Classify from the title, the other naming text (identifier, keywords, group) and the
    abstract; see the module docstring for the method."""
    head = title
    amendment = _AMENDMENT_PART.search(title)
    if amendment:
        head = title[: amendment.start()]
    strong = topics_in(f"{head}\n{names}")
    if strong:
        refined = {t for t in topics_in(f"{title}\n{abstract}") if ancestors(t) & strong}
        facets = {t for t, rule in FACETS if rule.search(title)}
        return Verdict("qit", most_specific(strong | refined | facets), "a QIT phrase names the document")
    if amendment and topics_in(title[amendment.start():]):
        return Verdict("adjacent", most_specific(topics_in(title)),
                       "only the amendment of a standard on another subject is about QIT")
    if topics_in(abstract):
        return Verdict("adjacent", most_specific(topics_in(abstract)),
                       "QIT phrases only in the keywords or the abstract")
    return Verdict("no", (), "no QIT phrase outside physics uses of the words")


def classify(record: Record) -> Verdict:
    """Classify one record: the identifier and committee names count as naming text; keywords
    count as the abstract does (a smart-grid roadmap lists "quantum key distribution" among 45
    keywords: that mentions QIT, it is not about it)."""
    names = "\n".join([record.identifier, *record.groups])
    return classify_text(record.title, names=names, abstract="\n".join([*record.keywords, record.abstract]))


@dataclass(frozen=True)
class Score:
    """Precision and recall of the QIT verdict against a labelled table."""

    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        relevant = self.true_positives + self.false_negatives
        return self.true_positives / relevant if relevant else 1.0


def score(pairs: Iterable[tuple[bool, bool]]) -> Score:
    """Score ``(expected, predicted)`` pairs of "is QIT"."""
    tp = fp = fn = tn = 0
    for expected, predicted in pairs:
        if expected and predicted:
            tp += 1
        elif predicted:
            fp += 1
        elif expected:
            fn += 1
        else:
            tn += 1
    return Score(tp, fp, fn, tn)
