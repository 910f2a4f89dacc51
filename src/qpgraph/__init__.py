"""qpgraph: Vietnamese defence and party news into a knowledge graph.

In a notebook::

    import qpgraph
    kg = qpgraph.load("build")                 # after `qpgraph build data/raw --out build`
    kg = qpgraph.build_graph(["data/raw"])     # or straight from the articles
    kg.graph                                   # the networkx MultiDiGraph
    kg.posts("Trần Văn A"), kg.leaders("Quân khu 7", on="2025-12-31")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .graph.io import from_articles as build_graph
    from .graph.io import load
    from .graph.knowledge import KnowledgeGraph

__all__ = ["load", "build_graph", "KnowledgeGraph", "__version__"]

#: What the package offers → (module, name): imported when first asked for, so that
#: ``qpgraph --help`` and ``import qpgraph.version`` stay light.
_LAZY = {"load": ("qpgraph.graph.io", "load"), "build_graph": ("qpgraph.graph.io", "from_articles"),
         "KnowledgeGraph": ("qpgraph.graph.knowledge", "KnowledgeGraph")}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'qpgraph' has no attribute {name!r}")
    module, attribute = _LAZY[name]
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
