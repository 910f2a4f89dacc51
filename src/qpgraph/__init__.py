"""qpgraph: Vietnamese defence and party news into a knowledge graph."""

from __future__ import annotations

__version__ = "0.1.0"
