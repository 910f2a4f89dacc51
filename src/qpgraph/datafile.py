"""The one reader of qpgraph's data files: YAML, validated by a pydantic model.

Every data file (the vocabularies, ``institutions.yaml``, ``grammar.yaml``, the
abbreviations of the canonical form, the site chrome) is read by :func:`load_yaml`;
a malformed one raises :class:`~qpgraph.errors.VocabularyError` naming the file, the
line of a YAML error, and the field a validation error is about.

>>> from pydantic import BaseModel
>>> class Words(BaseModel):
...     words: list[str]
>>> load_yaml("words: [Quân khu, Tỉnh ủy]", Words, where="words.yaml").words
['Quân khu', 'Tỉnh ủy']
>>> load_yaml("words: 7", Words, where="words.yaml")
Traceback (most recent call last):
...
qpgraph.errors.VocabularyError: words.yaml: words: Input should be a valid list
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import VocabularyError
from .text import normalize

__all__ = ["load_data_file", "load_yaml", "read_data_file", "read_text"]

M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, what: str = "data file") -> str:
    """A data file's text; ``VocabularyError`` when it cannot be read or is not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise VocabularyError(f"cannot read the {what}: {error.strerror}", path) from None
    except UnicodeDecodeError as error:
        raise VocabularyError(f"not UTF-8 (byte offset {error.start})", path) from None


def load_yaml(text: str, model: type[M], *, where: str | Path, expected: str = "a mapping", normalized: bool = True) -> M:
    """``text`` (the file at ``where``) as YAML, validated as ``model``; with ``normalized``,
    Unicode and tone marks normalised first (the vocabularies: printed forms are compared so)."""
    try:
        raw: Any = yaml.safe_load(normalize(text) if normalized else text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise VocabularyError(f"not valid YAML: {problem}", where, line) from None
    if not isinstance(raw, dict):
        raise VocabularyError(f"expected {expected}", where)
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise VocabularyError(f"{field}: {first['msg']}" if field else first["msg"], where) from None


def read_data_file(name: str) -> str:
    """The text of the package's data file ``qpgraph/data/<name>``."""
    return resources.files("qpgraph").joinpath("data", name).read_text(encoding="utf-8")


def load_data_file(name: str, model: type[M]) -> M:
    """Read the data file ``qpgraph/data/<name>`` and validate it as ``model``
    (:func:`load_yaml`); a malformed file raises
    :class:`~qpgraph.errors.VocabularyError` naming it."""
    where = f"qpgraph/data/{name}"
    try:
        text = read_data_file(name)
    except OSError as exc:
        raise VocabularyError(f"cannot read the vocabulary: {exc.strerror}", where) from None
    return load_yaml(text, model, where=where)
