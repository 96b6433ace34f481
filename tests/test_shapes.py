"""Each SHACL constraint rejects a broken example with its curator-readable message.

Every case is a small Turtle snippet validated together with the ontology, vocabularies,
organizations and sources (so it can refer to real groups, roles and source documents)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qitgraph.graph import load_files
from qitgraph.rdffiles import RdfFile, default_files
from qitgraph.validation import load_shapes, validate

PREFIXES = """
@prefix qit: <https://w3id.org/qitgraph/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix src: <https://w3id.org/qitgraph/id/document/> .
"""
KINDS = ("group", "body", "workitem", "person", "membership", "statusevent", "assignment", "action",
         "liaison", "document", "event", "invitation", "topic", "country", "org", "role", "status")
PREFIXES += "".join(f"@prefix {'orgid' if k == 'org' else k}: <https://w3id.org/qitgraph/id/{k}/> .\n"
                    for k in KINDS)


def turtle(snippet: str) -> str:
    """Cases write ``id:group/x`` for readability; Turtle wants ``group:x``."""
    return PREFIXES + re.sub(r"id:(\w+)/", lambda m: ("orgid" if m.group(1) == "org" else m.group(1)) + ":",
                             snippet)
WI = 'id:workitem/t a qit:Recommendation ; rdfs:label "T"@en ; dcterms:title "T"@en ; qit:identifier "T" .'
SRC = "dcterms:source src:fg-qit4n-progress-report-2021"

CASES = {
    "label-missing": ('id:group/x a qit:StudyGroup ; org:subOrganizationOf id:body/itu-t .',
                      "Every resource needs an rdfs:label"),
    "label-twice": ('id:group/x a qit:StudyGroup ; rdfs:label "A"@en , "B"@en ; org:subOrganizationOf id:body/itu-t .',
                    "Two rdfs:label values in the same language"),
    "label-not-text": ('id:group/x a qit:StudyGroup ; rdfs:label 12 ; org:subOrganizationOf id:body/itu-t .',
                       "rdfs:label must be text"),
    "group-without-parent": ('id:group/x a qit:StudyGroup ; rdfs:label "X"@en .',
                             "A group must sit under a body or another group"),
    "group-parent-not-org": (f'{WI} id:group/x a qit:StudyGroup ; rdfs:label "X"@en ; org:subOrganizationOf id:workitem/t .',
                             "org:subOrganizationOf must point to a body or group"),
    "group-cycle": ('id:group/x a qit:WorkingGroup ; rdfs:label "X"@en ; org:subOrganizationOf id:group/y . '
                    'id:group/y a qit:WorkingGroup ; rdfs:label "Y"@en ; org:subOrganizationOf id:group/x .',
                    "The group hierarchy has a cycle"),
    "group-established-not-date": ('id:group/x a qit:StudyGroup ; rdfs:label "X"@en ; org:subOrganizationOf id:body/itu-t ; '
                                   'qit:establishedOn "September 2019" .', "qit:establishedOn is one date"),
    "group-topic": ('id:group/x a qit:StudyGroup ; rdfs:label "X"@en ; org:subOrganizationOf id:body/itu-t ; '
                    'dcterms:subject id:group/itu-t-sg13 .', "dcterms:subject of a group must be a topic"),
    "org-two-countries": ('id:org/x a qit:Organization ; rdfs:label "X"@en ; qit:country id:country/china , id:country/japan .',
                          "An organization has at most one qit:country"),
    "acronym-tagged": ('id:org/x a qit:Organization ; rdfs:label "X"@en ; qit:acronym "X"@en .',
                       "qit:acronym is a plain string"),
    "person-no-name": ('id:person/x a qit:Person ; rdfs:label "X"@en .', "A person has exactly one foaf:name"),
    "person-honorific": ('id:person/x a qit:Person ; rdfs:label "X"@en ; foaf:name "X" ; qit:honorific "Sir" .',
                         "qit:honorific must be one of"),
    "person-affiliation": (f'{WI} id:person/x a qit:Person ; rdfs:label "X"@en ; foaf:name "X" ; qit:affiliation id:workitem/t .',
                           "qit:affiliation must point to an organization"),
    "membership-no-role": (f'id:person/x a qit:Person ; rdfs:label "X"@en ; foaf:name "X" . '
                           f'id:membership/m a qit:RoleAssignment ; rdfs:label "M"@en ; org:member id:person/x ; '
                           f'org:organization id:group/itu-t-sg13 ; {SRC} .', "has exactly one org:role"),
    "membership-no-source": ('id:person/x a qit:Person ; rdfs:label "X"@en ; foaf:name "X" . '
                             'id:membership/m a qit:RoleAssignment ; rdfs:label "M"@en ; org:member id:person/x ; '
                             'org:organization id:group/itu-t-sg13 ; org:role id:role/chair .', "This fact has no source"),
    "editorship-role": (f'{WI} id:person/x a qit:Person ; rdfs:label "X"@en ; foaf:name "X" . '
                        f'id:membership/m a qit:Editorship ; rdfs:label "M"@en ; org:member id:person/x ; qit:deliverable id:workitem/t ; '
                        f'org:organization id:group/itu-t-sg13 ; org:role id:role/chair ; {SRC} .',
                        "An editorship's role must be"),
    "editorship-no-deliverable": (f'id:person/x a qit:Person ; rdfs:label "X"@en ; foaf:name "X" . '
                                  f'id:membership/m a qit:Editorship ; rdfs:label "M"@en ; org:member id:person/x ; '
                                  f'org:organization id:group/itu-t-sg13 ; org:role id:role/co-editor ; {SRC} .',
                                  "An editorship names exactly one deliverable"),
    "workitem-no-title": ('id:workitem/t a qit:Recommendation ; rdfs:label "T"@en ; qit:identifier "T" .',
                          "A work item needs a dcterms:title"),
    "workitem-no-identifier": ('id:workitem/t a qit:Recommendation ; rdfs:label "T"@en ; dcterms:title "T" .',
                               "A work item needs a qit:identifier"),
    "workitem-group": (f'{WI} id:workitem/t qit:responsibleGroup id:topic/qkd .', "qit:responsibleGroup must point to a group"),
    "workitem-resulted-in": (f'{WI} id:workitem/t qit:resultedIn id:group/itu-t-sg13 .', "qit:resultedIn must point"),
    "workitem-part": (f'{WI} id:workitem/t dcterms:hasPart id:group/itu-t-sg13 .', "dcterms:hasPart of a work item"),
    "status-no-workitem": (f'id:statusevent/e a qit:StatusEvent ; rdfs:label "E"@en ; qit:status id:status/published ; '
                           f'qit:date "2020"^^xsd:gYear ; {SRC} .', "A status event is about exactly one work item"),
    "status-bad-date": (f'{WI} id:statusevent/e a qit:StatusEvent ; rdfs:label "E"@en ; qit:workItem id:workitem/t ; '
                        f'qit:status id:status/published ; qit:date "June 2019" ; {SRC} .', "qit:date is one date"),
    "status-percent": (f'{WI} id:statusevent/e a qit:StatusEvent ; rdfs:label "E"@en ; qit:workItem id:workitem/t ; '
                       f'qit:completionPercent "95%" ; {SRC} .', "qit:completionPercent is a whole number"),
    "status-empty": (f'{WI} id:statusevent/e a qit:StatusEvent ; rdfs:label "E"@en ; qit:workItem id:workitem/t ; '
                     f'qit:asOf "2020"^^xsd:gYear ; {SRC} .', "This status event says nothing"),
    "status-undated": (f'{WI} id:statusevent/e a qit:StatusEvent ; rdfs:label "E"@en ; qit:workItem id:workitem/t ; '
                       'qit:status id:status/published ; dcterms:source <http://example.org/undated> .',
                       "This status event is undated"),
    "status-value": (f'{WI} id:statusevent/e a qit:StatusEvent ; rdfs:label "E"@en ; qit:workItem id:workitem/t ; '
                     f'qit:status id:role/chair ; qit:date "2020"^^xsd:gYear ; {SRC} .', "qit:status must be one concept"),
    "assignment-stage": (f'{WI} id:assignment/a a qit:Assignment ; rdfs:label "A"@en ; qit:deliverable id:workitem/t ; '
                         f'qit:recipient id:group/itu-t-sg13 ; qit:stage qit:Sometime ; {SRC} .', "qit:stage is qit:DraftAssignment"),
    "assignment-two-recipients": (f'{WI} id:assignment/a a qit:Assignment ; rdfs:label "A"@en ; qit:deliverable id:workitem/t ; '
                                  f'qit:recipient id:group/itu-t-sg13 , id:group/itu-t-sg17 ; qit:stage qit:FinalTransfer ; {SRC} .',
                                  "make one assignment per recipient"),
    "assignment-recipient-not-sg": (f'{WI} id:assignment/a a qit:Assignment ; rdfs:label "A"@en ; qit:deliverable id:workitem/t ; '
                                    f'qit:recipient id:group/etsi-isg-qkd ; qit:stage qit:FinalTransfer ; {SRC} .',
                                    "must be a study group or 'all study groups'"),
    "assignment-order": (f'{WI} id:assignment/a a qit:Assignment ; rdfs:label "A"@en ; qit:deliverable id:workitem/t ; '
                         f'qit:recipient id:group/itu-t-sg13 ; qit:stage qit:FinalTransfer ; qit:order 0 ; {SRC} .',
                         "qit:order is the recipient's position"),
    "action-no-text": (f'id:action/a a qit:SuggestedAction ; rdfs:label "A"@en ; qit:actor id:group/itu-t-sg13 ; {SRC} .',
                       "A suggested action needs its text"),
    "action-no-actor": (f'id:action/a a qit:SuggestedAction ; rdfs:label "A"@en ; qit:actionText "do it" ; {SRC} .',
                        "A suggested action must say who it is for"),
    "action-kind": (f'id:action/a a qit:SuggestedAction ; rdfs:label "A"@en ; qit:actionText "do" ; qit:actor id:group/itu-t-sg13 ; '
                    f'qit:actionKind "ponder" ; {SRC} .', "qit:actionKind must be one of"),
    "action-actor-country": (f'id:action/a a qit:SuggestedAction ; rdfs:label "A"@en ; qit:actionText "do" ; qit:actor id:country/china ; '
                             f'{SRC} .', "qit:actor must be a group"),
    "action-number": (f'id:action/a a qit:SuggestedAction ; rdfs:label "A"@en ; qit:actionText "do" ; qit:actor id:group/itu-t-sg13 ; '
                      f'qit:actionNumber "one" ; {SRC} .', "qit:actionNumber is the action's number"),
    "liaison-no-to": (f'id:liaison/l a qit:LiaisonRelationship ; rdfs:label "L"@en ; qit:fromGroup id:group/itu-t-fg-qit4n ; {SRC} .',
                      "A liaison relationship needs its counterpart"),
    "liaison-officer": (f'id:liaison/l a qit:LiaisonRelationship ; rdfs:label "L"@en ; qit:fromGroup id:group/itu-t-fg-qit4n ; '
                        f'qit:toGroup id:group/itu-t-sg13 ; qit:liaisonOfficer id:group/itu-t-sg17 ; {SRC} .',
                        "qit:liaisonOfficer must be a person"),
    "document-revision-date": ('id:document/a a qit:TemporaryDocument ; rdfs:label "A"@en ; dcterms:date "2018-12"^^xsd:gYearMonth ; '
                               'qit:revisionOf id:document/b . id:document/b a qit:Contribution ; rdfs:label "B"@en ; '
                               'dcterms:date "2019-01-05"^^xsd:date .', "A revision is dated before the document it revises"),
    "document-self-revision": ('id:document/a a qit:TemporaryDocument ; rdfs:label "A"@en ; qit:revisionOf id:document/a .',
                               "cannot be a revision of itself"),
    "document-two-identifiers": ('id:document/a a qit:Report ; rdfs:label "A"@en ; qit:identifier "A1" , "A2" .',
                                 "A document has at most one qit:identifier"),
    "ls-no-from": ('id:document/a a qit:LiaisonStatement ; rdfs:label "A"@en ; qit:toGroup id:group/itu-t-tsag .',
                   "A liaison statement needs the group it comes from"),
    "source-no-date": ('id:document/s a qit:SourceDocument ; rdfs:label "S"@en ; dcterms:title "S" .',
                       "A source document needs a dcterms:date"),
    "event-end-before-start": (f'id:event/e a qit:Meeting ; rdfs:label "E"@en ; qit:startDate "2020-05-02"^^xsd:date ; '
                               f'qit:endDate "2020-04-30"^^xsd:date ; {SRC} .', "The event ends"),
    "event-remote-count": (f'id:event/e a qit:Meeting ; rdfs:label "E"@en ; qit:participantCount 10 ; qit:remoteParticipantCount 20 ; {SRC} .',
                           "More remote participants"),
    "event-lsi-count": (f'id:event/e a qit:Meeting ; rdfs:label "E"@en ; qit:inputDocumentCount 3 ; qit:incomingLiaisonCount 5 ; {SRC} .',
                        "More incoming liaison statements"),
    "event-count-type": (f'id:event/e a qit:Meeting ; rdfs:label "E"@en ; qit:participantCount "109 (including 10 remote)" ; {SRC} .',
                         "qit:participantCount is one whole number"),
    "event-session-date": (f'id:event/e a qit:Meeting ; rdfs:label "E"@en ; qit:sessionDate "2020-02"^^xsd:gYearMonth ; {SRC} .',
                           "qit:sessionDate is a full xsd:date"),
    "event-status": (f'id:event/e a qit:Meeting ; rdfs:label "E"@en ; qit:eventStatus id:status/published ; {SRC} .',
                     "qit:eventStatus is one of"),
    "event-online": (f'id:event/e a qit:Webinar ; rdfs:label "E"@en ; qit:isOnline "yes" ; {SRC} .', "qit:isOnline is true or false"),
    "event-report": (f'id:event/e a qit:Webinar ; rdfs:label "E"@en ; qit:report id:group/itu-t-sg13 ; {SRC} .',
                     "qit:report must point to a document"),
    "event-no-source": ('id:event/e a qit:Workshop ; rdfs:label "E"@en .', "This fact has no source"),
    "meeting-number-clash": (f'id:event/a a qit:Meeting ; rdfs:label "A"@en ; qit:ofGroup id:group/itu-t-sg13 ; qit:meetingNumber 1 ; {SRC} . '
                             f'id:event/b a qit:Meeting ; rdfs:label "B"@en ; qit:ofGroup id:group/itu-t-sg13 ; qit:meetingNumber 1 ; {SRC} .',
                             "share meeting number"),
    "meeting-plan": (f'id:event/a a qit:Meeting ; rdfs:label "A"@en ; qit:plan id:group/itu-t-sg13 ; {SRC} .',
                     "qit:plan points to one qit:MeetingPlan"),
    "invitation-count": (f'id:invitation/i a qit:Invitation ; rdfs:label "I"@en ; qit:fromGroup id:group/itu-t-sg13 ; '
                         f'qit:toGroup id:group/itu-t-sg17 ; qit:invitationCount 0 ; {SRC} .', "qit:invitationCount is one whole number"),
    "concept-no-scheme": ('id:topic/x a qit:Topic ; skos:prefLabel "X"@en ; skos:broader id:topic/qkd .',
                          "A concept must be in a scheme"),
    "topic-orphan": ('id:topic/x a qit:Topic ; skos:prefLabel "X"@en ; skos:inScheme id:topic/scheme .',
                     "needs a skos:broader topic"),
    "country-blank": ('[] a qit:Country ; rdfs:label "Atlantis"@en .', "A country must be an IRI"),
}

BASE_FILES = [f for f in default_files() if f.path.name in
              ("qit.ttl", "vocabularies.ttl", "organizations.ttl", "sources.ttl")]


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.mark.parametrize("case", sorted(CASES))
def test_shape_rejects_broken_example(case: str, shapes, tmp_path: Path):
    snippet, message = CASES[case]
    path = tmp_path / f"{case}.ttl"
    path.write_text(turtle(snippet))
    report = validate(load_files([*BASE_FILES, RdfFile(path, "urn:test:" + case)]), shapes, checks=False)
    assert not report.conforms
    messages = [v.message for v in report.violations]
    assert any(message in m for m in messages), messages


def test_every_constraint_has_a_message(shapes):
    from rdflib.namespace import SH

    missing = []
    for prop in shapes.objects(None, SH.property):
        if shapes.value(prop, SH.message) is None:
            missing.append(prop)
    for sparql in shapes.objects(None, SH.sparql):
        if shapes.value(sparql, SH.message) is None:
            missing.append(sparql)
    assert not missing
