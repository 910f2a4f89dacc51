"""The vocabulary of the canonical form: abbreviations, numbered words, prefixes.

The table is data (``qpgraph/data/abbreviations.yaml``), validated on load and
read once:

>>> table = abbreviation_table()
>>> table.expansions["UBND"]
'ủy ban nhân dân'
>>> table.expansions["TP."], table.expansions["T.Ư"]
('thành phố', 'trung ương')
>>> table.numbered_after
('quân khu', 'quân đoàn', 'khóa')
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from qpgraph.datafile import load_yaml, read_text
from qpgraph.text import fix_tone_marks

__all__ = ["AbbreviationTable", "abbreviation_table", "load_abbreviations"]


def _check_lower(value: str) -> str:
    """A canonical phrase: non-empty, NFC, lower case, tone marks placed, single spaces."""
    if not value or value != " ".join(value.split()):
        raise ValueError(f"{value!r} must be non-empty, with single spaces and no outer spaces")
    if value != fix_tone_marks(unicodedata.normalize("NFC", value)).lower():
        raise ValueError(f"{value!r} is not in canonical form (NFC, lower case, tone mark on oa/oe/uy's first vowel)")
    return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    expansion: str
    forms: tuple[str, ...] = Field(min_length=1)

    @field_validator("expansion")
    @classmethod
    def _expansion(cls, value: str) -> str:
        return _check_lower(value)

    @field_validator("forms")
    @classmethod
    def _forms(cls, forms: tuple[str, ...]) -> tuple[str, ...]:
        for form in forms:
            if not any(c.isalpha() for c in form) or form != form.upper() or form != form.strip():
                raise ValueError(f"form {form!r} must be printed in capitals, without outer spaces")
            if form != unicodedata.normalize("NFC", form):
                raise ValueError(f"form {form!r} is not NFC")
        return forms


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    abbreviations: tuple[_Entry, ...]
    ordinary_words: tuple[str, ...] = ()
    numbered_after: tuple[str, ...] = ()
    province_prefixes: tuple[str, ...] = ()

    @field_validator("version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != 1:
            raise ValueError(f"unsupported version {value}, expected 1")
        return value

    @field_validator("numbered_after", "province_prefixes")
    @classmethod
    def _phrases(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            _check_lower(value)
        return values

    @model_validator(mode="after")
    def _forms_unique(self) -> _File:
        seen: set[str] = set()
        for entry in self.abbreviations:
            for form in entry.forms:
                if form in seen:
                    raise ValueError(f"form {form!r} is listed twice")
                seen.add(form)
        unknown = [w for w in self.ordinary_words if w not in seen]
        if unknown:
            raise ValueError(f"ordinary_words {unknown} are not forms of any abbreviation")
        return self


class AbbreviationTable(BaseModel):
    """The validated table, in the shape the canonical form uses."""

    model_config = ConfigDict(frozen=True)

    expansions: dict[str, str] = Field(description="Printed form -> expansion.")
    ordinary_words: frozenset[str] = Field(description="Forms that are also ordinary words in capitals.")
    numbered_after: tuple[str, ...]
    province_prefixes: tuple[str, ...]


def load_abbreviations(path: str | Path) -> AbbreviationTable:
    """Read and validate an abbreviation file; raise VocabularyError naming it."""
    path = Path(path)
    data = load_yaml(read_text(path, "abbreviation table"), _File, where=path, normalized=False)
    return AbbreviationTable(
        expansions={form: entry.expansion for entry in data.abbreviations for form in entry.forms},
        ordinary_words=frozenset(data.ordinary_words),
        numbered_after=data.numbered_after,
        province_prefixes=data.province_prefixes,
    )


@functools.cache
def abbreviation_table() -> AbbreviationTable:
    """The table shipped with qpgraph, loaded and validated once."""
    with resources.as_file(resources.files("qpgraph") / "data" / "abbreviations.yaml") as path:
        return load_abbreviations(path)
