"""Every named query runs, and answers what the source documents say.

Expected values are read from the five source documents (cited per test), not from the graph."""

from __future__ import annotations

import pytest

from qitgraph.namedqueries import list_named_queries, run_named_query

ID = "https://w3id.org/qitgraph/id/"


def ask(graph, name, **params):
    return run_named_query(graph, name, {k: str(v) for k, v in params.items()})


@pytest.mark.parametrize("query", list_named_queries(), ids=lambda q: q.name)
def test_every_named_query_has_a_header_and_answers(graph, query):
    assert query.summary and query.description, f"{query.path} needs #+ summary and #+ description"
    rows = graph.select(query.text, query.bindings())
    assert rows, f"{query.name} returned nothing with its default parameters"


def test_there_are_at_least_25_named_queries():
    assert len(list_named_queries()) >= 25


def test_fg_leadership(graph):  # progress report: 3 co-chairs, 8 vice-chairs, WG chairs
    rows = ask(graph, "fg-leadership")
    fg = [r for r in rows if r["group"] == "ITU-T FG QIT4N"]
    assert sorted(r["name"] for r in fg if r["role"] == "co-chair") == ["Alexey Borodin", "James Nagel", "Qiang Zhang"]
    assert len([r for r in fg if r["role"] == "vice-chair"]) == 8
    wg = {(r["group"], r["name"]) for r in rows if r["role"] == "chair"}
    assert ("FG QIT4N WG1", "Helmut Griesser") in wg and ("FG QIT4N WG2", "Zhangchao Ma") in wg
    nagel = next(r for r in fg if r["name"] == "James Nagel")
    assert nagel["country"] == "United States of America"


def test_deliverable_editors(graph):  # Annex A, D1.3
    rows = ask(graph, "deliverable-editors", deliverable="D1.3")
    assert {(r["name"], r["role"]) for r in rows} == {
        ("Fred Baker", "leader and chief editor"), ("Man-Hong Yung", "co-editor"),
        ("Bo Lv", "co-editor"), ("Minghan Li", "co-editor")}
    assert ask(graph, "deliverable-editors", deliverable="D2.3.2") == []  # Annex A lists none


def test_deliverable_completion(graph):  # Annex A completion column
    rows = {r["deliverable"]: r for r in ask(graph, "deliverable-completion")}
    expected = {"D1.1": 95, "D1.2": 90, "D1.3": 50, "D1.4": 75, "D2.1": 95, "D2.2": 85,
                "D2.3.1": 90, "D2.3.2": 90, "D2.4": 90, "D2.5": 90}
    assert {d: rows[d].get("completion") for d in expected} == expected
    assert "completion" not in rows["D0.1"]
    assert all(r["plannedDelivery"] == "2021-12" for r in rows.values())


def test_deliverable_recipients_keep_the_source_order(graph):  # transfer doc and Table 5
    final = ask(graph, "deliverable-recipients", deliverable="D2.2")
    assert [r["recipientLabel"] for r in final] == ["ITU-T SG13", "ITU-T SG17", "ITU-T SG15", "ITU-T SG11"]
    draft = ask(graph, "deliverable-recipients", deliverable="D1.3",
                stage="https://w3id.org/qitgraph/ontology#DraftAssignment")
    assert [r["recipientLabel"] for r in draft] == ["ITU-T SG11", "ITU-T SG13", "ITU-T SG15"]
    parts = ask(graph, "deliverable-recipients", deliverable="D2.3")
    assert {r["item"] for r in parts} == {"D2.3.1", "D2.3.2"}
    assert [r["recipientLabel"] for r in parts if r["item"] == "D2.3.2"] == [
        "ITU-T SG11", "ITU-T SG13", "ITU-T SG17", "ITU-T SG2"]


def test_transfer_changes(graph):  # Table 5 (Oct 2021) versus the transfer (Jan 2022)
    rows = {(r["deliverable"], r["change"], r["recipient"]) for r in ask(graph, "transfer-changes")}
    assert rows == {
        ("D0.1", "lost", "all ITU-T study groups"),
        ("D1.3", "lost", "ITU-T SG11"), ("D1.3", "lost", "ITU-T SG13"), ("D1.3", "lost", "ITU-T SG15"),
        ("D2.1", "gained", "ITU-T SG11"),
    }


def test_actions_for_sg15(graph):  # transfer doc: SG15 named in D1.2, D2.2, D2.4; ALL in D1.4, D2.5
    rows = ask(graph, "actions-for-group", group=ID + "group/itu-t-sg15")
    assert {r["deliverable"] for r in rows} == {"D1.2", "D1.4", "D2.2", "D2.4", "D2.5"}


def test_actions_per_group(graph):  # counted by hand from the transfer doc
    rows = {r["group"]: (r["actions"], r["deliverables"]) for r in ask(graph, "actions-per-group")}
    assert rows["ITU-T SG13"][0] == 9 and rows["ITU-T SG17"][0] == 9
    assert rows["ITU-T SG11"][0] == 7 and rows["ITU-T SG15"][0] == 3 and rows["ITU-T SG2"][0] == 1
    assert rows["ITU-T TSAG"][0] == 1


def test_deliverables_per_recipient(graph):
    rows = {r["recipient"]: (r["draft"], r["final"]) for r in ask(graph, "deliverables-per-recipient")}
    assert rows["ITU-T SG2"] == (1, 1)
    assert rows["ITU-T SG15"][1] == 4  # D1.2, D2.2, D2.3.1, D2.4
    assert rows["all ITU-T study groups"] == (3, 2)  # D0.1, D1.4, D2.5 -> D1.4, D2.5


def test_liaison_officers(graph):  # Table 4 and the relationships list
    rows = ask(graph, "liaison-officers")
    officers = {r["counterpart"]: r.get("officer") for r in rows}
    assert officers["ETSI ISG QKD"] == "Momtchil Peev"
    assert officers["IEC TC 86"] == "Bernard Lee"
    assert officers["ISO/IEC JTC 1/SC 27"] == "Hao Qin"
    assert officers["ITU-T SG13"] == "Zhangchao Ma"
    assert {r["officer"] for r in rows if r["counterpart"] in ("IETF", "IRTF")} == {"Fred Baker"}
    for no_officer in ("ITU-T SG2", "ITU-T SG15", "ISO/IEC JTC 1/WG 14", "CEN-CENELEC FG QT"):
        assert officers[no_officer] is None, no_officer


def test_group_meetings(graph):  # Table 1
    rows = ask(graph, "group-meetings")
    held = [r for r in rows if r.get("status") == "held"]
    assert [r["number"] for r in held] == list(range(1, 10))
    first = held[0]
    assert (first["start"], first["end"], first["inputs"], first["lsi"], first["outputs"],
            first["participants"], first["remote"], first["report"]) == (
        "2019-12-09", "2019-12-10", 54, 5, 6, 109, 10, "O-006")
    assert first["host"] == "Jinan Institute of Quantum Technology"
    assert [r["report"] for r in held][-1] == "O-113"
    planned = [r for r in rows if r.get("status") == "planned"]
    assert planned and planned[0]["start"] == "2021-11-15" and planned[0]["end"] == "2021-11-22"


def test_meeting_totals(graph):  # sums of Table 1
    (row,) = ask(graph, "meeting-totals")
    assert (row["meetings"], row["inputDocuments"], row["outputDocuments"], row["participantsTotal"],
            row["participantsMax"]) == (9, 292, 113, 702, 109)


def test_planned_vs_held(graph):  # Table 2
    rows = {r["number"]: r for r in ask(graph, "planned-vs-held")}
    assert sorted(rows) == [2, 3, 4, 5, 6]
    assert rows[2]["plannedLocation"] == "Riyadh" and rows[3]["plannedLocation"] == "St. Petersburg"
    assert rows[4]["plannedLocation"] == "London" and rows[5]["plannedLocation"].startswith("Washington")
    assert all(r["heldOnline"] is True for r in rows.values())


def test_webinars(graph):  # Table 3
    rows = ask(graph, "webinars")
    assert len(rows) == 6
    top = rows[0]
    assert (top["date"], top["viewers"], top["countries"], top["report"]) == ("2021-03-23", 438, 45, "I-246")
    by_date = {r["date"]: r for r in rows}
    assert by_date["2021-04-08"]["coOrganizers"] == "ETSI" and by_date["2021-04-08"]["viewers"] == 392
    assert by_date["2021-05-26"].get("coOrganizers", "") == ""
    assert "viewers" not in by_date["2021-11-02"]  # planned, figures TBD


def test_people_by_country(graph):  # affiliations of the progress report
    rows = {r["country"]: r["people"] for r in ask(graph, "people-by-country")}
    assert rows["China"] == 15
    assert rows["Malaysia"] == 1 and rows["Singapore"] == 1
    assert rows["(not stated)"] >= 2  # China Telecom, China Unicom carry no country in the source


def test_person_roles(graph):  # Zhangchao Ma: WG2 chair, liaison officer to SG13, co-editor D2.2, D2.5
    rows = ask(graph, "person-roles")
    assert ("chair", "FG QIT4N WG2") in {(r["role"], r["in"]) for r in rows}
    assert {r.get("deliverable") for r in rows if r["role"] == "co-editor"} == {"D2.2", "D2.5"}
    assert any(r["in"] == "ITU-T SG13" for r in rows if "liaison" in r["role"])


def test_people_with_several_roles(graph):
    rows = {r["name"]: r["roles"] for r in ask(graph, "people-with-several-roles")}
    assert rows["Zhangchao Ma"] >= 4 and rows["James Nagel"] >= 3
    assert "Arnaud Taddei" not in rows


def test_adhoc_sessions(graph):  # TSAG ad hoc report
    rows = ask(graph, "adhoc-sessions")
    assert [(r["number"], r["start"], r.get("agenda"), r["minutes"]) for r in rows] == [
        (1, "2018-12-11T08:00:00", None, "TD424R1"), (2, "2018-12-12T13:15:00", "TD425", "TD434"),
        (3, "2018-12-13T08:00:00", "TD435", "TD444"), (4, "2018-12-13T18:00:00", "TD439", "TD445")]


def test_documents_of_the_adhoc_report(graph):  # its Table 1 has 12 rows
    ids = {r["identifier"] for r in ask(graph, "documents-of-source")}
    assert {"C54", "TD433R1", "TD406R1", "TD416R1", "TD424R1", "TD425", "TD426", "TD434", "TD435",
            "TD439", "TD444", "TD445"} <= ids


def test_document_revisions(graph):
    rows = {(r["document"], r["relation"], r["original"]) for r in ask(graph, "document-revisions")}
    assert ("TSAG-TD433R1", "revision of", "TSAG-C54") in rows
    assert ("TSAG-C97", "follows up", "TSAG-C54") in rows


def test_ls_replies(graph):  # Appendix II: six replies
    rows = ask(graph, "ls-replies")
    assert {r["from"] for r in rows} == {"ITU-T SG3", "ITU-T SG5", "ITU-T SG13", "ITU-T SG15", "ITU-T SG16",
                                          "ITU-T SG20"}
    assert {r["identifier"] for r in rows} == {"TD-GEN-0532", "TD-GEN-0572", "TD-GEN-538", "TD-GEN-560",
                                                "TD-GEN-526", "TD-GEN-553"}


def test_landscape_by_body(graph):  # Appendix I, Tables 1-4
    rows = ask(graph, "landscape-by-body")
    per_body: dict[str, set[str]] = {}
    for r in rows:
        per_body.setdefault(r["body"], set()).add(r["identifier"])
    assert len(per_body["ETSI"]) == 12 and len(per_body["ITU-T"]) == 11
    assert {"ISO/IEC 23837-1", "ISO/IEC 23837-2"} <= per_body["ISO"]
    assert per_body["IRTF"] == {"draft-irtf-qirg-principles-00"}
    assert per_body["IEEE"] == {"P7130", "P7131", "P1913"}


def test_published_before_2019(graph):  # ETSI Table 1: publish dates before 2019
    rows = ask(graph, "published-before", year=2019)
    ids = {r["identifier"] for r in rows}
    assert {"GS QKD 002", "GR QKD 003", "GS QKD 004", "GS QKD 005", "GR QKD 007", "GS QKD 008",
            "GS QKD 011"} <= ids
    assert "GS QKD 014" not in ids  # 2019-02


def test_workitem_history(graph):  # Y.3800: under way in 2018 (proposal), consented 2019-06 (revision)
    rows = ask(graph, "workitem-history")
    assert ("2019-06", "consented") in {(r["when"], r.get("status")) for r in rows}
    assert rows[0]["when"] <= "2019-06"


def test_itu_drafts_2019(graph):  # Table 2: five SG13 and six SG17 items
    rows = ask(graph, "itu-drafts-2019")
    assert len([r for r in rows if r["sg"] == "SG13"]) == 5 and len([r for r in rows if r["sg"] == "SG17"]) == 6
    qrng = next(r for r in rows if r["identifier"] == "X.qrng-a")
    assert (qrng["status"], qrng["date"]) == ("consented", "2019-09")


def test_fg_timeline(graph):
    rows = ask(graph, "fg-timeline")
    assert ("2019-09", "established") in {(r["date"], r["what"]) for r in rows}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_joint_activities(graph):  # two joint meetings, four joint webinars
    rows = ask(graph, "joint-activities")
    dates = {r.get("date") for r in rows}
    assert {"2020-04-21", "2020-06-10", "2021-03-23", "2021-04-08", "2021-04-28", "2021-06-23"} <= dates


def test_groups_of_body(graph):
    itu = {r["group"] for r in ask(graph, "groups-of-body")}
    assert {"ITU-T SG13", "ITU-T SG17", "ITU-T TSAG", "ITU-T FG QIT4N", "FG QIT4N WG2"} <= itu
    iso = {r["group"] for r in ask(graph, "groups-of-body", body=ID + "body/iso")}
    assert {"ISO/IEC JTC 1", "ISO/IEC JTC 1/SC 27", "ISO/IEC JTC 1/SC 27/WG 3"} <= iso


def test_workitems_per_topic(graph):
    rows = {r["topic"]: r["workItems"] for r in ask(graph, "workitems-per-topic")}
    assert rows["quantum key distribution"] >= rows["QKD network"] > 0
    assert rows["quantum information technology"] >= rows["quantum key distribution"]


def test_invitations(graph):  # three invitations on ISO/IEC 23837, comments submitted
    rows = ask(graph, "invitations")
    inv = next(r for r in rows if r.get("workItem") == "ISO/IEC 23837")
    assert (inv["from"], inv["count"], inv["commentsSubmitted"]) == ("ISO/IEC JTC 1/SC 27/WG 3", 3, True)


def test_sources_of_resource(graph):  # all five sources speak of FG QIT4N
    rows = ask(graph, "sources-of-resource")
    sources = {r.get("source") for r in rows}
    for s in ("tsag-quantum-adhoc-report-2018", "fg-qit4n-proposal-2018", "fg-qit4n-revised-proposal-2019",
              "fg-qit4n-progress-report-2021", "fg-qit4n-transfer-2022"):
        assert ID + "document/" + s in sources


def test_a_bad_parameter_is_a_clear_error(graph):
    from qitgraph.errors import BadParameter, NotFound

    with pytest.raises(BadParameter, match="absolute IRI"):
        ask(graph, "actions-for-group", group="not an iri")
    with pytest.raises(BadParameter, match="no parameter"):
        ask(graph, "webinars", colour="blue")
    with pytest.raises(NotFound, match="known queries"):
        ask(graph, "no-such-query")


def test_a_parameter_value_is_data_not_sparql(graph):
    # A value that would break out of a string if pasted is bound as a literal and matches nothing.
    assert ask(graph, "deliverable-editors", deliverable='D1.3" } UNION { ?x ?y ?z') == []


def test_drafts_and_standards(graph):  # landscape facts: AAP pages and IETF liaisons cited per link
    rows = {r["draft"]: r for r in ask(graph, "drafts-and-standards")}
    assert (rows["ITU-T X.qrng-a"]["standard"], rows["ITU-T X.qrng-a"]["firstPublished"]) == (
        "ITU-T X.1702", "2019-11-13")
    assert rows["ITU-T Y.QKDN_QoS_pa"]["standard"] == "ITU-T Y.3807"
    assert "ITU-T Y.QKDN_Arch" not in rows  # only a title match: a candidate, not a fact


def test_landscape_candidates(graph):  # the title-only matches of landscape.md, for a curator
    rows = ask(graph, "landscape-candidates")
    pairs = {(r["subjectLabel"], r["objectLabel"]) for r in rows}
    assert ("ITU-T Y.QKDN_Arch", "ITU-T Y.3802") in pairs
    assert all(r["evidence"] for r in rows)
