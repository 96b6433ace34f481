"""The gaps known from the source documents appear among the findings, with their evidence.

Facts (see ../shared/sources): the progress report (October 2021, Table 5) drafts an assignment
that includes D0.1 and D1.3; the TSAG transfer of January 2022 has neither. D2.3 part 1 names SG15
among its relevant study groups but none of its suggested actions addresses SG15. The progress
report lists liaisons with SG2, SG15, ISO/IEC JTC 1/WG14, CEN-CENELEC FG QT and ISO/IEC JTC 1/SC 27/WG3
with no liaison officer in Table 4."""

from __future__ import annotations

import pytest

from qitgraph.gaps.queries import Result, list_gap_queries, run_gap_query
from qitgraph.graph import Graph

ID = "https://w3id.org/qitgraph/id/"
TRANSFER = ID + "document/fg-qit4n-transfer-2022"
PROGRESS = ID + "document/fg-qit4n-progress-report-2021"


def run(graph: Graph, name: str) -> Result:
    query = next(q for q in list_gap_queries() if q.name == name)
    return run_gap_query(graph, query)


def test_every_gap_query_has_a_header_and_runs(graph: Graph) -> None:
    queries = list_gap_queries()
    assert len(queries) >= 8
    for q in queries:
        assert q.summary and len(q.description) > 80, f"{q.name}: the header must say what a row means"
        result = run_gap_query(graph, q)
        assert result.columns


def test_deliverables_dropped_between_draft_and_final_transfer(graph: Graph) -> None:
    rows = run(graph, "transfer-changes").rows
    dropped = {r["deliverableId"] for r in rows if r["change"] == "deliverable dropped"}
    assert dropped == {"D0.1", "D1.3"}
    for r in rows:
        if r["change"] == "deliverable dropped":
            assert r["source"] == PROGRESS  # evidence: the draft assignment, as the progress report states it
            assert r["assignment"].startswith(ID + "assignment/")


def test_recipients_added_or_dropped_are_listed_per_recipient(graph: Graph) -> None:
    rows = run(graph, "transfer-changes").rows
    changes = {r["change"] for r in rows}
    assert changes <= {"deliverable dropped", "deliverable added", "recipient dropped", "recipient added"}
    # D2.1: the draft names SG13 and SG17; the final transfer "13, 17, 11" adds SG11.
    assert ("recipient added", "D2.1", "ITU-T SG11") in {(r["change"], r["deliverableId"], r["recipientLabel"])
                                                          for r in rows}


def test_sg15_relevant_for_d2_3_part_1_but_given_no_action(graph: Graph) -> None:
    rows = run(graph, "recipients-without-action").rows
    found = [r for r in rows if r["deliverableId"] == "D2.3.1" and r["recipient"] == ID + "group/itu-t-sg15"]
    assert len(found) == 1
    assert found[0]["source"] == TRANSFER
    assert found[0]["actionsAtStage"] >= 1  # the deliverable has actions, none for SG15
    # D1.4 goes to all study groups and its action 2 addresses all study groups: not a finding.
    assert not [r for r in rows if r["deliverableId"] == "D1.4"]


def test_liaisons_without_officer(graph: Graph) -> None:
    rows = run(graph, "liaisons-without-officer").rows
    targets = {r["to"].removeprefix(ID + "group/") for r in rows}
    assert {"itu-t-sg2", "itu-t-sg15", "iso-iec-jtc-1-wg-14", "cen-cenelec-fg-qt",
            "iso-iec-jtc-1-sc-27-wg-3"} <= targets
    # SG13 (Zhangchao Ma) and SC 27 (Hao Qin) have officers.
    assert not {"itu-t-sg13", "iso-iec-jtc-1-sc-27"} & targets
    assert all(r["source"] == PROGRESS and r["liaison"].startswith(ID + "liaison/") for r in rows)


def test_drafts_without_standard_say_how_long_since_last_status(graph: Graph) -> None:
    rows = run(graph, "drafts-without-standard").rows
    assert rows
    for r in rows:
        assert r["lastEvent"].startswith(ID + "statusevent/") and r["source"]
        assert r["yearsSince"] >= 0
        assert str(r["lastStatusWhen"])[:4].isdigit()
    # Focus-group deliverables are reports, not drafts of standards.
    assert not [r for r in rows if r["workItem"].startswith(ID + "workitem/fg-qit4n-")]


def test_coverage_matrix_has_every_cell_and_empty_ones(graph: Graph) -> None:
    rows = run(graph, "coverage-topic-body").rows
    topics = {r["topic"] for r in rows}
    bodies = {r["body"] for r in rows}
    assert len(rows) == len(topics) * len(bodies)  # the full matrix, empty cells included
    cell = {(r["topic"].rsplit("/", 1)[1], r["body"].rsplit("/", 1)[1]): r for r in rows}
    # The Focus Group's QKD-network deliverables (e.g. D2.1) are ITU-T work on that topic.
    assert cell[("qkd-network", "itu-t")]["workItems"] >= 4
    assert any(r["workItems"] == 0 for r in rows)
    assert all(r["workItems"] == 0 or r["firstWorkItem"].startswith(ID + "workitem/") for r in rows)


def test_coverage_per_year_includes_empty_years(graph: Graph) -> None:
    rows = run(graph, "coverage-topic-year").rows
    years = {r["year"] for r in rows}
    assert {"2019", "2021", "2022"} <= years
    # The FG QIT4N terminology deliverable D1.1: 2021 (progress report) and 2022 (transfer).
    terminology = {r["year"]: r["workItems"] for r in rows if r["topic"].endswith("/terminology")}
    assert terminology["2021"] >= 1 and terminology["2022"] >= 1
    assert 0 in terminology.values()


def test_overlap_candidates_are_pairs_of_different_bodies(graph: Graph) -> None:
    rows = run(graph, "overlap-candidates").rows
    assert rows
    for r in rows:
        assert r["a"] < r["b"] and r["aBody"] != r["bBody"]
        assert r["firstSharedYear"] <= r["lastSharedYear"]


def test_study_groups_with_actions_and_the_standards_that_followed(graph: Graph) -> None:
    rows = run(graph, "actions-and-standards").rows
    groups = {r["groupLabel"] for r in rows}
    # Actions of the final transfer address SG11, SG13, SG15, SG17 and SG2.
    assert {"ITU-T SG11", "ITU-T SG13", "ITU-T SG15", "ITU-T SG17", "ITU-T SG2"} <= groups
    assert all(r["source"] == TRANSFER for r in rows)
    followed = [r for r in rows if r.get("standard")]
    for r in followed:
        assert r["published"] >= "2022"
    if not followed:
        pytest.skip("no imported published standards in data/imported/ yet")


def test_timeline_data_has_the_focus_group_lifetime_and_its_nine_meetings(graph: Graph) -> None:
    rows = run(graph, "figure-timeline").rows
    fg = ID + "group/itu-t-fg-qit4n"
    lifetime = [r for r in rows if r["kind"] == "group lifetime" and r["resource"] == fg]
    # Established by TSAG in September 2019, extended to December 2021 (progress report).
    assert [(r["when"], r["until"]) for r in lifetime] == [("2019-09", "2021-12")]
    meetings = [r for r in rows if r["kind"] == "event" and r["resource"].startswith(ID + "event/fg-qit4n-meeting-")]
    # The progress report (October 2021) lists nine held meetings, the first in Jinan in December 2019.
    assert len(meetings) == 9 and min(r["when"] for r in meetings) == "2019-12-09"


def test_liaison_network_data_names_the_officers(graph: Graph) -> None:
    rows = run(graph, "figure-liaison-network").rows
    officers = {r["toLabel"]: r.get("officerName") for r in rows}
    assert officers["ETSI ISG QKD"] == "Momtchil Peev" and officers["ITU-T SG17"] == "Dong-Hi Sim"
    assert officers["ITU-T SG2"] is None
