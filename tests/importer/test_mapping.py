"""One record to triples, compared field by field with the YAML it came from (fixtures hold
facts of real records of ../shared/relaton/quantum, abstracts removed)."""

from __future__ import annotations

import yaml

from qitgraph.relaton.classify import classify
from qitgraph.relaton.mapping import date_literal, map_record
from qitgraph.relaton.record import normalize
from qitgraph.relaton.turtle import XSD, Lit

from .conftest import RECORDS

W = "https://w3id.org/qitgraph/id/workitem/"
S = "https://w3id.org/qitgraph/id/statusevent/"
G = "https://w3id.org/qitgraph/id/group/"
QIT = "https://w3id.org/qitgraph/ontology#"
DCT = "http://purl.org/dc/terms/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def mapped(path: str, known: frozenset[str] = frozenset()):
    rec = normalize(yaml.safe_load((RECORDS / path).read_text()), path)
    return rec, map_record(rec, classify(rec), known)


def objects(m, s: str, p: str) -> set[object]:
    return {o for (s2, p2, o) in m.triples + m.pending if s2 == s and p2 == p}


def test_itu_recommendation_work_edition_and_publication():
    _, m = mapped("itu/itu-t-y-3800-10-2019.yaml")
    work, edition = W + "itu-t-y-3800", W + "itu-t-y-3800-2019-10"
    event = S + "itu-t-y-3800-2019-10-published-itu"
    assert objects(m, work, TYPE) == {QIT + "Recommendation"}
    assert objects(m, work, LABEL) == {Lit("ITU-T Y.3800", "en")}
    assert objects(m, work, QIT + "identifier") == {Lit("Y.3800")}
    assert objects(m, work, QIT + "responsibleGroup") == {G + "itu-t-sg13"}
    assert objects(m, work, DCT + "subject") == {"https://w3id.org/qitgraph/id/topic/qkd-network"}
    assert objects(m, edition, DCT + "isVersionOf") == {work}
    assert objects(m, edition, QIT + "identifier") == {Lit("Y.3800 (10/2019)")}
    assert objects(m, edition, DCT + "title") == {Lit("Overview on networks supporting quantum key distribution", "en")}
    assert objects(m, event, QIT + "date") == {Lit("2019-10-25", datatype=XSD + "date")}
    assert objects(m, event, QIT + "status") == {"https://w3id.org/qitgraph/id/status/published"}
    assert objects(m, event, DCT + "source") == {"https://www.itu.int/rec/T-REC-Y.3800-201910-I"}
    assert objects(m, work, DCT + "hasVersion") == {W + "itu-t-y-3800-2019-cor-1-2020-04"}
    assert "relation.complementOf" in m.notes


def test_etsi_specification_version_and_group():
    _, m = mapped("etsi/ETSI_GS_QKD_014_V1_1_1_2019-02.yaml")
    work, edition = W + "etsi-gs-qkd-014", W + "etsi-gs-qkd-014-v1-1-1-2019-02"
    assert objects(m, work, TYPE) == {QIT + "GroupSpecification"}
    assert objects(m, work, QIT + "identifier") == {Lit("GS QKD 014")}
    assert objects(m, work, QIT + "responsibleGroup") == {G + "etsi-isg-qkd"}
    assert objects(m, edition, "https://schema.org/version") == {Lit("1.1.1")}
    event = S + "etsi-gs-qkd-014-v1-1-1-2019-02-published-etsi"
    assert objects(m, event, QIT + "date") == {Lit("2019-02", datatype=XSD + "gYearMonth")}
    assert objects(m, event, DCT + "source") == {"https://webapp.etsi.org/workprogram/Report_WorkItem.asp?WKI_ID=53603"}


def test_iso_part_of_its_whole_and_sc27():
    _, m = mapped("iso/iso-iec-23837-1-2023.yaml")
    work = W + "iso-iec-23837-1"
    assert objects(m, work, DCT + "isPartOf") == {W + "iso-iec-23837"}
    assert objects(m, W + "iso-iec-23837", DCT + "title") == {
        Lit("Information security - Security requirements, test and evaluation methods for quantum key distribution",
            "en")}
    assert objects(m, work, QIT + "responsibleGroup") == {G + "iso-iec-jtc-1-sc-27"}
    assert objects(m, G + "iso-iec-jtc-1-sc-27", "http://www.w3.org/ns/org#subOrganizationOf") == {G + "iso-iec-jtc-1"}


def test_the_same_edition_from_two_catalogues_gets_two_sourced_events():
    _, iso = mapped("iso/iso-iec-23837-1-2023.yaml")
    _, iec = mapped("iec/iso_iec_23837-1_2023.yaml")
    assert iso.edition == iec.edition == W + "iso-iec-23837-1-2023"
    assert objects(iso, S + "iso-iec-23837-1-2023-published-iso", QIT + "date") == {
        Lit("2023-08", datatype=XSD + "gYearMonth")}
    assert objects(iec, S + "iso-iec-23837-1-2023-published-iec", QIT + "date") == {
        Lit("2023-08-29", datatype=XSD + "date")}


def test_corrigendum_is_an_edition_based_on_the_work():
    _, m = mapped("itu/itu-t-x-1712-2021-cor-1-02-2022.yaml")
    edition = W + "itu-t-x-1712-2021-cor-1-2022-02"
    assert objects(m, edition, DCT + "isVersionOf") == {W + "itu-t-x-1712"}
    assert objects(m, edition, "https://schema.org/isBasedOn") == {W + "itu-t-x-1712"}


def test_draft_gives_the_work_only():
    _, m = mapped("iso/iso-iec-fdis-4879.yaml")
    assert m.edition == ""
    assert not any(s.startswith(S) for s, _, _ in m.triples)
    assert any(n.startswith("draft, work item only") for n in m.notes)


def test_curated_resources_keep_their_labels():
    _, m = mapped("itu/itu-t-y-3800-10-2019.yaml", known=frozenset({W + "itu-t-y-3800", G + "itu-t-sg13"}))
    assert objects(m, W + "itu-t-y-3800", LABEL) == set()
    assert not any(s == G + "itu-t-sg13" for s, _, _ in m.triples)


def test_abstracts_are_never_copied():
    rec = normalize({"docid": [{"id": "ITU-T Y.9999 (01/2020)", "type": "ITU", "primary": True}],
                     "title": [{"content": "Quantum key distribution networks - Test", "type": "main"}],
                     "abstract": [{"content": "SECRET ABSTRACT TEXT about QKD networks"}],
                     "date": [{"type": "published", "at": "2020-01-02"}],
                     "source": [{"type": "src", "content": "https://example.org/rec"}]}, "x.yaml")
    m = map_record(rec, classify(rec), frozenset())
    assert not any("SECRET" in o.value for _, _, o in m.triples if isinstance(o, Lit))


def test_dates_keep_their_precision():
    assert date_literal("2019") == Lit("2019", datatype=XSD + "gYear")
    assert date_literal("2019-10") == Lit("2019-10", datatype=XSD + "gYearMonth")
    assert date_literal("2019-10-25") == Lit("2019-10-25", datatype=XSD + "date")
    assert date_literal("October 2019") is None
