"""Consistency of ontology + data under OWL 2 RL (the owlrl forward-chaining reasoner).

An inconsistency (an individual in two disjoint classes, a member of owl:Nothing, a violated
functional or irreflexive property...) is reported by owlrl as an error message. To find
unsatisfiable classes, the check adds one probe individual to each class of the ontology: a class
that cannot have members makes its probe inconsistent.
"""

from __future__ import annotations

import rdflib
from owlrl import DeductiveClosure, OWLRL_Semantics
from rdflib.namespace import OWL, RDF

from qitgraph.namespaces import QIT

_ERR = rdflib.Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
PROBE = "urn:qitgraph:probe:"


def inconsistencies(graph: rdflib.Graph, *, probe_classes: bool = True) -> list[str]:
    """Error messages of the OWL-RL closure; empty when consistent and every class satisfiable."""
    work = rdflib.Graph()
    for triple in graph:
        work.add(triple)
    if probe_classes:
        for cls in set(graph.subjects(RDF.type, OWL.Class)):
            if isinstance(cls, rdflib.URIRef) and str(cls).startswith(str(QIT)):
                work.add((rdflib.URIRef(PROBE + str(cls)[len(str(QIT)):]), RDF.type, cls))
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    messages = []
    for node in work.subjects(RDF.type, _ERR.ErrorMessage):
        for text in work.objects(node, _ERR.error):
            message = str(text)
            if PROBE in message:
                message = "unsatisfiable class (its probe member is inconsistent): " + message
            messages.append(message)
    return sorted(messages)
