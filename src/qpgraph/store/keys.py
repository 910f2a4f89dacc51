"""What names a build's records: the extractor, and each article under it.

The extractor is qpgraph's version, the code of every stage that makes
records, its data files, and the versions of everything else whose output
lands in records: the libraries (``vietnamadminunits`` supplies province codes
and the 2025 merger, spaCy tokenizes, pydantic and orjson write them) and
Python's Unicode tables. Any change to one of them changes every article's key,
so an upgrade re-extracts instead of reusing records made before it.
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from ..records import Article
from ..version import __version__

__all__ = ["LIBRARIES", "article_key", "extractor_key", "library_versions"]

#: What makes records: the code of these packages and modules, and every data file.
_SOURCES = ("ingest", "extract", "records.py", "text.py", "evaluate/canonical.py", "evaluate/abbreviations.py", "data",
            "facts.py", "corpus.py")

#: The distributions whose output lands in records.
LIBRARIES = ("vietnamadminunits", "spacy", "pydantic", "pydantic-core", "orjson", "pyyaml")


def library_versions() -> dict[str, str]:
    """The installed version of each of :data:`LIBRARIES`, Python's and its Unicode tables'.

    >>> sorted(library_versions())[:3]
    ['orjson', 'pydantic', 'pydantic-core']
    """
    versions = {name: metadata.version(name) for name in LIBRARIES}
    versions["python"] = ".".join(map(str, sys.version_info[:3]))
    versions["unicode"] = unicodedata.unidata_version
    return versions


@cache
def extractor_key() -> str:
    """The hash of everything that makes records from an article."""
    digest = hashlib.sha256(__version__.encode())
    for name, version in sorted(library_versions().items()):
        digest.update(f"{name}=={version}\x1e".encode())
    root = resources.files("qpgraph")
    for name in _SOURCES:
        node = root.joinpath(name)
        paths = sorted(Path(str(node)).rglob("*")) if node.is_dir() else [Path(str(node))]
        for path in paths:
            if path.is_file() and path.suffix in (".py", ".yaml", ".json"):
                digest.update(path.relative_to(Path(str(root))).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """The hash of what an article says (its path is not part of it) under this extractor."""
    data = article.model_dump_json(exclude={"path"})
    return hashlib.sha256(f"{extractor_key()}\x1f{data}".encode()).hexdigest()
