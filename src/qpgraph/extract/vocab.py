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
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from ..datafile import load_data_file

__all__ = [
    "Body",
    "Cues",
    "Places",
    "Rank",
    "Title",
    "data_files",
    "load_data_file",
    "load_grammar",
    "Grammar",
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
    of: str | None = None  # printed alone, the title is of the article's body of this head ("Hải đoàn trưởng")
    complete: bool = False  # names its body itself ("Tổng Bí thư", "Chủ tịch nước"): none is printed or filled
    single: bool = False  # one holder at a time though it does not head the body ("Tham mưu trưởng")


class Body(_Strict):
    kind: BodyKind
    forms: list[str]      # the first is the name written out (numbered, sub, national)
    strict: bool = False  # printed without its province (or number), it names no body
    qualifier: bool = False  # a force's name that may follow another body's ("... Quân đội nhân dân Việt Nam")
    title_forms: list[str] = []  # printed right after one of its titles: "Bộ trưởng Quốc phòng"
    party: bool = False  # a party committee or organisation
    anaphoric: bool = False  # named: printed alone, the article's body of that head
    bare_province: bool = False  # provincial: its province follows it alone ("Tỉnh ủy Lâm Đồng")


class Places(_Strict):
    home_country: str
    countries: list[str]
    regions: list[str]
    landmarks: list[str] = []
    province_aliases: dict[str, str]


class Cues(_Strict):
    honorifics: list[str]
    appointment_cues: list[str]
    acting_cues: list[str]
    leaving_cues: list[str]
    former_cues: list[str]
    academic: list[str]
    promotion_cues: list[str]


class Names(_Strict):
    surnames: list[str]


class _RanksFile(_Strict):
    ranks: list[Rank]


class _TitlesFile(_Strict):
    titles: list[Title]
    prefixes: list[str] = []  # "Quyền", "Phụ trách": an acting or in-charge title is the title with its prefix


class Grammar(_Strict):
    """The function words of the grammar (``grammar.yaml``), and the short forms of
    ministries printed after a title (from ``institutions.yaml``)."""

    version: Literal[1]
    not_in_names: frozenset[str]
    class_words: frozenset[str]
    max_lower_words: int
    paired_words: tuple[tuple[str, str], ...]
    possessive_words: frozenset[str]
    rank_services: tuple[str, ...]
    phrases_in_names: tuple[str, ...]
    handover_cues: tuple[str, ...]
    giving_cues: tuple[str, ...]
    retirement_words: tuple[str, ...]
    not_event_dates: tuple[str, ...]
    decision_dates: frozenset[str]
    event_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    absent_cues: tuple[str, ...]
    copulas: tuple[str, ...]
    party_parts: dict[str, str]
    age_words: frozenset[str]
    origin_words: frozenset[str]
    new_post_words: frozenset[str]
    weak_appointment_cues: frozenset[str]
    list_openers: tuple[str, ...]
    province_words: tuple[str, ...]
    chain_joiners: frozenset[str]
    coordinators: frozenset[str]
    listed_after: frozenset[str]
    part_of_words: frozenset[str]
    serving_at: frozenset[str]
    district_words: tuple[str, ...]
    title_suffixes: frozenset[str]
    passive_words: frozenset[str]
    promoted_to: tuple[str, ...]
    transfer_cues: tuple[str, ...]
    deputy_word: str
    region_head: str
    military_parts: frozenset[str]
    list_joiners: frozenset[str]
    acting_prefix: str
    title_forms: dict[str, str] = {}  # lower-cased printed form -> the body's name


class _BodiesFile(_Strict):
    bodies: list[Body]


M = TypeVar("M", bound=BaseModel)


def data_files() -> list[str]:
    """Names of the vocabulary files, for cache keys and documentation."""
    return ["ranks.yaml", "titles.yaml", "bodies.yaml", "institutions.yaml", "grammar.yaml", "places.yaml", "honorifics.yaml", "names.yaml"]


@cache
def load_ranks() -> tuple[Rank, ...]:
    return tuple(load_data_file("ranks.yaml", _RanksFile).ranks)


@cache
def load_titles() -> dict[str, Title]:
    """Titles keyed by their lower-cased printed form, with their acting and in-charge
    forms ("Quyền Tư lệnh"): a prefixed title heads what its title heads.

    >>> load_titles()["quyền tư lệnh"].heads
    True
    """
    data = load_data_file("titles.yaml", _TitlesFile)
    titles = {t.name.lower(): t for t in data.titles}
    for prefix in data.prefixes:
        for title in data.titles:
            name = f"{prefix} {title.name}"
            titles.setdefault(name.lower(), title.model_copy(update={"name": name}))
    return titles


@cache
def load_grammar() -> Grammar:
    """The grammar's function words, with the ministries' short forms after a title."""
    from .institutions import load_institutions

    grammar = load_data_file("grammar.yaml", Grammar)
    forms = {form.lower(): body.name for body in load_institutions().bodies for form in body.title_forms}
    return grammar.model_copy(update={"title_forms": forms})


@cache
def load_bodies() -> tuple[Body, ...]:
    """The heads of body names (``bodies.yaml``), then the bodies of every province and
    the national bodies of ``institutions.yaml``; a body's key is its index here."""
    from .institutions import load_institutions

    institutions = load_institutions()
    return (
        *load_data_file("bodies.yaml", _BodiesFile).bodies,
        *(
            Body(kind="provincial", forms=list(f.forms), strict=f.strict, party=f.kind == "party",
                 bare_province=f.bare_province)
            for f in institutions.families
        ),
        *(
            Body(kind="national", forms=[b.name, *b.forms], qualifier=b.qualifier, title_forms=list(b.title_forms),
                 party=b.kind == "party")
            for b in institutions.bodies
        ),
    )


@cache
def load_places() -> Places:
    return load_data_file("places.yaml", Places)


@cache
def load_cues() -> Cues:
    return load_data_file("honorifics.yaml", Cues)


@cache
def load_names() -> Names:
    return load_data_file("names.yaml", Names)
