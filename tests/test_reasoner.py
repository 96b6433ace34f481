"""The ontology and data are consistent under OWL 2 RL, and the check catches planted faults."""

from __future__ import annotations

import pytest
import rdflib

from qitgraph.reasoning import inconsistencies
from qitgraph.resources import ontology_dir

QIT = "https://w3id.org/qitgraph/ontology#"


@pytest.fixture(scope="module")
def closure_input(graph) -> rdflib.Graph:
    return graph.to_rdflib()


def test_ontology_and_data_are_consistent_and_every_class_satisfiable(closure_input):
    assert inconsistencies(closure_input) == []


def test_an_individual_in_two_disjoint_classes_is_caught():
    g = rdflib.Graph().parse(ontology_dir() / "qit.ttl")
    g.parse(data=f"""
        <https://w3id.org/qitgraph/id/person/x> a <{QIT}Person> , <{QIT}WorkItem> .""", format="turtle")
    errors = inconsistencies(g, probe_classes=False)
    assert errors and any("person/x" in e for e in errors)


def test_an_unsatisfiable_class_is_caught():
    g = rdflib.Graph().parse(ontology_dir() / "qit.ttl")
    g.parse(data=f"""
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <{QIT}EditingMeeting> a owl:Class ; rdfs:subClassOf <{QIT}Meeting> , <{QIT}Document> .""",
            format="turtle")
    errors = inconsistencies(g)
    assert any("unsatisfiable class" in e and "EditingMeeting" in e for e in errors), errors


def test_a_planted_inconsistency_in_a_copy_of_the_data_is_caught(closure_input):
    copy = rdflib.Graph()
    for t in closure_input:
        copy.add(t)
    # A study group wrongly typed as a deliverable too: organizations and work items are disjoint.
    copy.add((rdflib.URIRef("https://w3id.org/qitgraph/id/group/itu-t-sg13"), rdflib.RDF.type,
              rdflib.URIRef(QIT + "Deliverable")))
    errors = inconsistencies(copy, probe_classes=False)
    assert any("itu-t-sg13" in e for e in errors), errors
