"""qpgraph's version, in a module of its own: the keys of builds read it, and
importing the package's ``__init__`` for it would import the whole API."""

__version__ = "0.1.0"
