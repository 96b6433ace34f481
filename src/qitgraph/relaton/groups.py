"""Committee names in catalogue records to group IRIs: the same IRI the curated data uses where
the group is curated ("ITU-T Study Group 13" -> ``id/group/itu-t-sg13``; the ETSI editorial group
"Quantum Key Distribution" -> ``id/group/etsi-isg-qkd``; "ISO/IEC JTC 1/SC 27" ->
``id/group/iso-iec-jtc-1-sc-27``), and a consistently minted one otherwise, with its parent
chain up to the body (``ISO/IEC JTC 1/SC 17`` under ``ISO/IEC JTC 1`` under ISO and IEC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qitgraph.relaton.identifiers import slugify

GROUP = "https://w3id.org/qitgraph/id/group/"
BODY = "https://w3id.org/qitgraph/id/body/"
QIT = "https://w3id.org/qitgraph/ontology#"

# ETSI editorial groups are named by their subject, not their code: these are the quantum ones
# (ISG QKD; ISG QSC, which wrote the GR QSC reports; TC CYBER's Quantum-Safe Cryptography group).
ETSI_GROUPS: dict[str, tuple[str, str, str, str]] = {
    # name -> (slug, label, class, parent slug or body)
    "quantum key distribution": ("etsi-isg-qkd", "ETSI ISG QKD", "IndustrySpecificationGroup", "body:etsi"),
    "quantum safe cryptography": ("etsi-isg-qsc", "ETSI ISG QSC", "IndustrySpecificationGroup", "body:etsi"),
    "quantum-safe cryptography": ("etsi-tc-cyber-qsc", "ETSI TC CYBER QSC", "WorkingGroup",
                                  "group:etsi-tc-cyber"),
    "cyber security": ("etsi-tc-cyber", "ETSI TC CYBER", "TechnicalCommittee", "body:etsi"),
}
_ISO_PREFIX = re.compile(r"^(ISO/IEC/IEEE|ISO/IEC|IEC/ISO|ISO|IEC)[ /]")
_COMMITTEE = re.compile(r"^(?:JTC|TC|SC|WG|AG|SG|JWG|PC|SyC|CAG|SMB|JAG)\s*\d")
_KIND = {"JTC": "JointTechnicalCommittee", "TC": "TechnicalCommittee", "PC": "TechnicalCommittee",
         "SC": "Subcommittee", "WG": "WorkingGroup", "JWG": "WorkingGroup", "AG": "AdvisoryGroup",
         "SG": "StudyGroup"}


@dataclass(frozen=True)
class Group:
    """A group resource: its IRI, label, class and parent (a body or group IRI)."""

    iri: str
    label: str
    kind: str
    parents: tuple[str, ...]


def _body_parents(prefix: str) -> tuple[str, ...]:
    return tuple(BODY + b.lower() for b in prefix.split("/"))


def _iso_chain(prefix: str, parts: list[str]) -> list[Group]:
    """``ISO/IEC`` + ``[JTC 1, SC 27, WG 3]`` -> the group and its ancestors, outermost first."""
    chain: list[Group] = []
    parents = _body_parents(prefix)
    for i in range(len(parts)):
        code = "/".join(parts[: i + 1])
        label = f"{prefix} {code}" if not prefix.endswith("/") else prefix + code
        if parts[0].startswith("TC") and "/" not in prefix and prefix != "IEC":
            label = f"{prefix}/{code}"  # "ISO/TC 229", as ISO writes it
        iri = GROUP + slugify(f"{prefix} {code}")
        kind = _KIND.get(parts[i].split()[0].rstrip("0123456789"), "Group")
        chain.append(Group(iri, label, kind, parents))
        parents = (iri,)
    return chain


def resolve(name: str, catalogue: str, identifier: str = "") -> list[Group]:
    """The group a committee name denotes, preceded by the ancestors it needs; [] when the name
    does not say which committee it is (the importer reports it)."""
    name = " ".join(name.split())
    if catalogue == "itu" or name.startswith("ITU-T "):
        m = re.search(r"Study Group (\d+)", name)
        if m:
            return [Group(GROUP + f"itu-t-sg{int(m.group(1))}", f"ITU-T SG{int(m.group(1))}",
                          "StudyGroup", (BODY + "itu-t",))]
        if "Advisory Group" in name:
            return [Group(GROUP + "itu-t-tsag", "ITU-T TSAG", "AdvisoryGroup", (BODY + "itu-t",))]
        label = name if name.startswith("ITU-T") else f"ITU-T {name}"
        return [Group(GROUP + slugify(label), label, "Group", (BODY + "itu-t",))]
    if catalogue == "etsi":
        key = name.lower()
        if key in ("quantum safe cryptography", "quantum-safe cryptography"):
            # ISG QSC wrote the GR QSC reports; TC CYBER's QSC group the TR/TS 103 xxx and 104 xxx
            qsc = " QSC " in f" {identifier} "
            key = "quantum safe cryptography" if qsc else "quantum-safe cryptography"
        if key in ETSI_GROUPS:
            out = []
            slug, label, kind, parent = ETSI_GROUPS[key]
            if parent.startswith("group:"):
                out.extend(resolve("Cyber Security", "etsi"))
                parent_iri = GROUP + parent.split(":", 1)[1]
            else:
                parent_iri = BODY + parent.split(":", 1)[1]
            out.append(Group(GROUP + slug, label, kind, (parent_iri,)))
            return out
        return [Group(GROUP + slugify(f"etsi {name}"), f"ETSI {name}", "Group", (BODY + "etsi",))]
    if catalogue == "ieee":
        label = name if "IEEE" in name else f"IEEE {name}"
        slug = slugify(name)
        return [Group(GROUP + (slug if slug.startswith("ieee-") else "ieee-" + slug), label, "Group",
                      (BODY + "ieee",))]
    m = _ISO_PREFIX.match(name)
    if m:
        prefix, rest = m.group(1), name[m.end():]
    elif _COMMITTEE.match(name):
        prefix, rest = ("IEC" if catalogue == "iec" else "ISO"), name
    else:
        return []
    parts = [p.strip() for p in rest.split("/") if p.strip()]
    if not parts or not all(_COMMITTEE.match(p) for p in parts):
        return []
    return _iso_chain(prefix, parts)
