"""The published-standards layer: Relaton YAML catalogue records (ITU-T, ETSI, ISO, IEC, IEEE)
read from loose files or streamed from ``.tar.gz`` archives, classified by quantum topic, mapped
to the qitgraph ontology and written as deterministic Turtle (see ``docs/importer.md``).

Modules, one job each: ``reader`` (files and archives to raw records), ``record`` (the two
Relaton schema generations to one ``Record``), ``identifiers`` (identifier to work and edition
slugs), ``groups`` (committee names to group IRIs), ``classify`` (is it quantum information
technology, and which topics), ``mapping`` (a record to triples), ``turtle`` (triples to
Turtle), ``importer`` (the run: streaming, report, atomic output), ``cli`` (the command),
``regenerate`` (``python -m qitgraph.relaton.regenerate``: the committed data/imported/).
"""
