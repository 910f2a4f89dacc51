"""The site-chrome vocabulary (``data/boilerplate.yaml``), validated on load.

The file lists whole lines, line patterns and "cut" markers (see the comments
in the file). :func:`load_boilerplate` reads it once per process and path:

>>> chrome = load_boilerplate()
>>> chrome.is_line("Ý kiến  bạn đọc")
False
>>> chrome.is_cut("Ý kiến  bạn đọc")
True
>>> chrome.is_line("Sign in")
True
>>> chrome.pattern_name("Lượt xem: 1933")
'view counter'
>>> chrome.pattern_name("Lượt xem của bạn đọc tăng") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from qpgraph.datafile import load_yaml, read_text
from qpgraph.text import normalize

__all__ = ["DEFAULT_PATH", "Boilerplate", "fold", "fold_squeezed", "load_boilerplate", "squeeze"]

#: The file shipped with the package.
DEFAULT_PATH = Path(str(resources.files("qpgraph").joinpath("data", "boilerplate.yaml")))

# Zero-width characters, folded like white space.
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


def squeeze(line: str) -> str:
    """The line normalised, white space folded to single spaces and stripped.

    >>> squeeze("  Lượt\u00a0xem:  1933 ")
    'Lượt xem: 1933'
    """
    line = normalize(line)
    for char in _ZERO_WIDTH:
        line = line.replace(char, " ")
    return " ".join(line.split())


def fold(line: str) -> str:
    """The form whole lines are compared in: squeezed, lower case, no trailing colon.

    >>> fold("  Tin  liên\u00a0QUAN: ")
    'tin liên quan'
    """
    return fold_squeezed(squeeze(line))


def fold_squeezed(squeezed: str) -> str:
    """:func:`fold` for a line already passed through :func:`squeeze`."""
    return squeezed.rstrip(":").rstrip().casefold()


class _Pattern(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    regex: str = Field(min_length=1)

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"not a valid regular expression: {error}") from None
        return value


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    lines: list[str] = Field(default_factory=list)
    patterns: list[_Pattern] = Field(default_factory=list)
    cuts: list[str] = Field(default_factory=list)

    @field_validator("lines", "cuts")
    @classmethod
    def _not_blank(cls, values: list[str]) -> list[str]:
        for value in values:
            if not value.strip():
                raise ValueError("an entry is empty")
        return values


@dataclass(frozen=True)
class Boilerplate:
    """Site chrome, ready to match lines against."""

    lines: frozenset[str]
    """Folded whole lines (see :func:`fold`)."""
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    """(name, compiled regex) pairs; a regex must match the whole stripped line."""
    cuts: frozenset[str]
    """Folded lines after which everything is other articles."""

    def is_line(self, line: str) -> bool:
        """Whether the line is one of the listed chrome lines."""
        return fold(line) in self.lines

    def is_cut(self, line: str) -> bool:
        """Whether the line opens the boxes of other articles."""
        return fold(line) in self.cuts

    def pattern_name(self, line: str) -> str | None:
        """The name of the first pattern the whole line matches, if any."""
        return self.squeezed_pattern_name(squeeze(line))

    def squeezed_pattern_name(self, squeezed: str) -> str | None:
        """:meth:`pattern_name` for a line already passed through :func:`squeeze`."""
        for name, pattern in self.patterns:
            if pattern.fullmatch(squeezed):
                return name
        return None


def _parse(path: Path) -> Boilerplate:
    data = load_yaml(read_text(path, "boilerplate file"), _File, where=path,
                     expected="a mapping with `lines`, `patterns` and `cuts`", normalized=False)
    return Boilerplate(
        lines=frozenset(fold(line) for line in data.lines),
        patterns=tuple((p.name, re.compile(normalize(p.regex), re.IGNORECASE)) for p in data.patterns),
        cuts=frozenset(fold(line) for line in data.cuts),
    )


def load_boilerplate(path: str | Path | None = None) -> Boilerplate:
    """Read and validate a boilerplate file (the shipped one by default).

    Each file is read once per process. Raises
    :class:`~qpgraph.errors.VocabularyError` naming the file when it is
    malformed.
    """
    return _load(Path(path) if path is not None else DEFAULT_PATH)


@functools.cache
def _load(path: Path) -> Boilerplate:
    return _parse(path)
