"""``python -m qitgraph`` runs the command line."""

from qitgraph.cli import main

raise SystemExit(main())
