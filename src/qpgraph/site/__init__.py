"""The analyst's view: an offline, self-contained HTML site of the graph."""

from .build import write_site

__all__ = ["write_site"]
