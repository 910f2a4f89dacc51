"""What the grammar finds in a sentence: bodies, posts, chains of posts, persons.

Plain dataclasses the parsers (:mod:`~qpgraph.extract.bodies`, :mod:`~qpgraph.extract.posts`,
:mod:`~qpgraph.extract.parse`) build and :mod:`~qpgraph.extract.resolve` completes; a
body writes its name out in full (:meth:`BodyRef.name`), one function per kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..records import PostChange
from .items import Item
from .vocab import Title, load_grammar

__all__ = ["BodyRef", "ChainRef", "PersonRef", "PostRef", "SentenceParse"]


@dataclass
class BodyRef:
    kind: str                    # numbered | provincial | district | sub | national | named
    head: str                    # the head as it should be written
    printed: str                 # the whole body as printed
    start: int
    end: int
    number: str | None = None    # numbered: "7"
    province: str | None = None  # provincial: short name
    province_printed: str | None = None
    place: str | None = None     # district: "huyện Đại Lộc"; named: its name
    tail: str | None = None      # national: a country or force qualifier ("Việt Nam")
    province_word: str | None = None  # named: "tỉnh" printed before its province
    parent: BodyRef | None = None
    implicit: bool = False       # a part of the name was filled from the article
    canon: str | None = None     # national: the institution's name, however printed
    key: str = ""                # the vocabulary entry of the head

    @property
    def complete(self) -> bool:
        if self.kind == "numbered":
            return self.number is not None
        if self.kind == "provincial":
            return self.province is not None
        if self.kind == "sub":
            return self.parent is not None and self.parent.complete
        if self.kind in ("district", "named"):
            return self.place is not None
        return True

    def top(self) -> BodyRef:
        """The whole a part belongs to ("Bộ CHQS tỉnh" of "Ban Chỉ huy Bộ CHQS tỉnh")."""
        return self.parent.top() if self.kind in ("sub", "named") and self.parent is not None else self

    def name(self) -> str:
        """The body in full: 'Ban Thường vụ Đảng ủy Quân khu 7'."""
        return _NAMERS.get(self.kind, _national_name)(self)

    def chain(self) -> list[BodyRef]:
        """This body and every body it is part of."""
        return [self] + (self.parent.chain() if self.parent is not None else [])


def _numbered_name(body: BodyRef) -> str:
    return f"{body.head} {body.number}" if body.number else body.head


def _provincial_name(body: BodyRef) -> str:
    if body.province is None:
        return body.head
    place = body.province_printed or body.province
    words = load_grammar().province_words
    head, lowered = body.head.lower(), place.lower()
    printed = any(head == w or head.endswith(" " + w) or lowered.startswith(w) for w in words)
    # As printed: a national force in a province ("BĐBP Lạng Sơn"), a head named with its
    # province alone ("Tỉnh ủy Lâm Đồng"), or a province word printed; else "Công an Nghệ
    # An" is written "Công an tỉnh Nghệ An".
    if body.canon is not None or printed or _bare_province(body.key):
        return f"{body.head} {place}"
    return f"{body.head} {_province_word_of(body.province)} {place}"


@cache
def _bare_province(key: str) -> bool:
    from .vocab import load_bodies

    return key.isdigit() and load_bodies()[int(key)].bare_province


@cache
def _province_word_of(province: str) -> str:
    """The word a province is printed after: "thành phố" for a centrally governed city."""
    from .gazetteer import load_gazetteer

    entry = load_gazetteer().provinces.get(province)
    return entry.word if entry is not None and entry.word else load_grammar().province_words[-1]


def _district_name(body: BodyRef) -> str:
    return f"{body.head} {body.place}" if body.place else body.head


def _named_name(body: BodyRef) -> str:
    parts = [body.head, body.place or ""]
    if body.province_word:
        parts.append(body.province_word)
    if body.province:
        parts.append(body.province_printed or body.province)
    if body.parent is not None:
        parts.append(body.parent.name())
    return " ".join(p for p in parts if p)


def _sub_name(body: BodyRef) -> str:
    return f"{body.head} {body.parent.name()}" if body.parent is not None else body.head


def _national_name(body: BodyRef) -> str:
    name = f"{body.head} {body.tail}" if body.tail else body.head
    return f"{name} {body.parent.name()}" if body.parent is not None else name


_NAMERS: dict[str, Callable[[BodyRef], str]] = {
    "numbered": _numbered_name,
    "provincial": _provincial_name,
    "district": _district_name,
    "named": _named_name,
    "sub": _sub_name,
    "national": _national_name,
}


@dataclass
class PostRef:
    title: Title
    title_text: str              # as it should be written (abbreviations expanded)
    printed: str
    start: int
    end: int
    body: BodyRef | None = None
    former: bool = False
    appointed: bool = False
    change: PostChange | None = None  # how the article reports it changing hands

    def text(self) -> str:
        return f"{self.title_text} {self.body.name()}" if self.body is not None else self.title_text


@dataclass
class ChainRef:
    """Posts printed one after another: 'Bí thư Đảng ủy, Chính ủy Quân khu 7'."""

    posts: list[PostRef]
    start: int
    end: int


@dataclass
class PersonRef:
    name: str
    start: int
    end: int
    rank: str | None = None
    posts: list[PostRef] = field(default_factory=list)
    cue: str = ""                # how it was recognised: rank, honorific, title, apposition, list
    promoted_to: str | None = None  # the rank a promotion reported in the sentence gives


@dataclass
class SentenceParse:
    persons: list[PersonRef] = field(default_factory=list)
    bodies: list[BodyRef] = field(default_factory=list)       # every body printed
    provinces: list[Item] = field(default_factory=list)       # every province printed
    chains: list[ChainRef] = field(default_factory=list)      # posts printed without a name
    names: list[tuple[str, int, int]] = field(default_factory=list)  # capitalised runs not yet a person
