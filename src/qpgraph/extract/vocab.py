"""The vocabularies the extractor reads: ranks, titles, bodies, places, cues.

They are data files in ``qpgraph/data``; each is validated on load (a malformed
file raises :class:`~qpgraph.errors.VocabularyError` naming it) and loaded once
per process.

>>> [r.name for r in load_ranks()][:3]
['Đại tướng', 'Đô đốc', 'Thượng tướng']
>>> load_titles()["tư lệnh"].heads
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import VocabularyError
from ..text import normalize

__all__ = [
    "Body",
    "Cues",
    "Places",
    "Rank",
    "Title",
    "data_files",
    "load_bodies",
    "load_cues",
    "load_names",
    "load_places",
    "load_ranks",
    "load_titles",
]

BodyKind = Literal["numbered", "provincial", "district", "sub", "national", "named"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rank(_Strict):
    name: str
    order: int
    service: Literal["army", "navy"]


class Title(_Strict):
    name: str
    heads: bool = False
    expand: str | None = None
    default_body: str | None = None


class Body(_Strict):
    kind: BodyKind
    forms: list[str]
    strict: bool = False  # printed without its province (or number), it names no body


class Places(_Strict):
    countries: list[str]
    regions: list[str]
    province_aliases: dict[str, str]


class Cues(_Strict):
    honorifics: list[str]
    appointment_cues: list[str]
    former_cues: list[str]
    academic: list[str]
    promotion_cues: list[str]


class Names(_Strict):
    surnames: list[str]


class _RanksFile(_Strict):
    ranks: list[Rank]


class _TitlesFile(_Strict):
    titles: list[Title]


class _BodiesFile(_Strict):
    bodies: list[Body]


M = TypeVar("M", bound=BaseModel)


def data_files() -> list[str]:
    """Names of the vocabulary files, for cache keys and documentation."""
    return ["ranks.yaml", "titles.yaml", "bodies.yaml", "places.yaml", "honorifics.yaml", "names.yaml"]


def read_data_file(name: str) -> str:
    return resources.files("qpgraph").joinpath("data", name).read_text(encoding="utf-8")


def _load(name: str, model: type[M]) -> M:
    where = f"qpgraph/data/{name}"
    try:
        raw = yaml.safe_load(normalize(read_data_file(name)))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"cannot read vocabulary: {exc}", where) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise VocabularyError(f"malformed vocabulary: {exc}", where) from exc


@cache
def load_ranks() -> tuple[Rank, ...]:
    return tuple(_load("ranks.yaml", _RanksFile).ranks)


@cache
def load_titles() -> dict[str, Title]:
    """Titles keyed by their lower-cased printed form."""
    return {t.name.lower(): t for t in _load("titles.yaml", _TitlesFile).titles}


@cache
def load_bodies() -> tuple[Body, ...]:
    return tuple(_load("bodies.yaml", _BodiesFile).bodies)


@cache
def load_places() -> Places:
    return _load("places.yaml", Places)


@cache
def load_cues() -> Cues:
    return _load("honorifics.yaml", Cues)


@cache
def load_names() -> Names:
    return _load("names.yaml", Names)
