"""Mapping between the public IRIs the data mints (``https://w3id.org/qitgraph/id/...``) and the
paths this server answers them at (``/id/...``), so a local server links to itself while its
Turtle keeps the public IRIs (DESIGN.md, IRIs: "the public base is configuration, not code")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkMapper:
    """``public_base`` ends with ``/``; ``root`` is the server's path prefix (usually empty)."""

    public_base: str
    root: str = ""

    def iri_for_path(self, path: str) -> str:
        """``id/group/itu-t-sg13`` -> ``https://w3id.org/qitgraph/id/group/itu-t-sg13``."""
        return self.public_base + path.lstrip("/")

    def local(self, iri: str) -> str | None:
        """The local path answering for ``iri``, or None for IRIs outside the public base.

        >>> LinkMapper("https://w3id.org/qitgraph/").local("https://w3id.org/qitgraph/ontology#Group")
        '/ontology#Group'
        >>> LinkMapper("https://w3id.org/qitgraph/").local("http://www.w3.org/ns/org#Membership") is None
        True
        """
        if not iri.startswith(self.public_base):
            return None
        rest = iri[len(self.public_base):]
        if rest.startswith(("id/", "ontology", "graph/")):
            return f"{self.root}/{rest}"
        return None

    def href(self, iri: str) -> str:
        """Where a link to ``iri`` should point: here if we answer for it, else the IRI itself."""
        return self.local(iri) or iri
