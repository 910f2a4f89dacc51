"""Typed records: what qpgraph reads and what it extracts.

These pydantic models are the boundary of every pipeline stage. They import
nothing else of qpgraph, so every other module may import them.

Two families live here:

* the **records** of one article (:class:`ArticleRecords`): persons, posts,
  units, provinces and events, each carrying the :class:`Mention` that
  evidences it (article id, sentence, character span in the original text);
* the **facts** document (:class:`Facts`), the flat JSON form of
  ``shared/facts-format.md`` that gold annotations are written in and that
  extraction is scored on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Article",
    "Mention",
    "Post",
    "Person",
    "Unit",
    "Province",
    "Event",
    "ArticleRecords",
    "FactsPerson",
    "FactsEvent",
    "FactsOptional",
    "Facts",
    "EventKind",
    "PostChange",
    "stable_id",
]

EventKind = Literal["meeting", "conference", "visit", "ceremony", "other"]
#: What an article reports of a post changing hands: taken up ("giữ chức", "được bổ
#: nhiệm"), or left, and how: held before ("nguyên"), left ("thôi giữ chức"), retired
#: ("nghỉ hưu"), moved to another post ("điều động"), handed to someone the article
#: appoints to it, handed over ("bàn giao").
PostChange = Literal["appointed", "former", "left", "retired", "transferred", "replaced", "handed over"]

#: A string, or a list of acceptable alternatives for it (gold files only).
Alternatives = Union[str, list[str]]


def stable_id(kind: str, *parts: str) -> str:
    """A deterministic id for a fact: a short hash of what it says.

    >>> stable_id("person", "Trần Văn A")
    'person:f73533f28e18'
    """
    digest = hashlib.sha1("\x1f".join((kind, *parts)).encode("utf-8")).hexdigest()[:12]
    return f"{kind}:{digest}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Article(_Model):
    """One article as read from disk, before any processing."""

    id: str = Field(description="Stem of the file name (or the `id` of a .jsonl line).")
    path: str = Field(description="Where it was read from; `file.jsonl:LINE` for crawler files.")
    text: str = Field(description="The body text, decoded, front matter removed, not normalised.")
    url: str | None = None
    published: str | None = Field(default=None, description="`YYYY-MM-DD` or `YYYY-MM`.")
    title: str | None = None
    source: str | None = None


class Mention(_Model):
    """The evidence of a fact: where in which article it is printed."""

    article: str
    sentence: int = Field(description="Index of the sentence in the article.")
    text: str = Field(description="The text as printed, from the original article.")
    start: int = Field(description="Character offset in `Article.text` (inclusive).")
    end: int = Field(description="Character offset in `Article.text` (exclusive).")
    sentence_text: str = Field(default="", exclude=True, description=(
        "The sentence as printed: in memory only; written once per article in `ArticleRecords.sentences` "
        "(a sentence named a thousand times is not written a thousand times)."))


class Post(_Model):
    """A post a person holds: a title in a body, written in full."""

    title: str = Field(description="The title as printed: 'Phó Tư lệnh'.")
    body: str | None = Field(default=None, description="The body in full, implicit parts filled: 'Quân khu 7'.")
    text: str = Field(description="Title and body: 'Phó Tư lệnh Quân khu 7'.")
    printed: str = Field(description="The post as printed: 'Phó Tư lệnh Quân khu'.")
    unit: str | None = Field(default=None, description="The key of the body's Unit, where it is one.")
    heads: bool = Field(default=False, description="Whether the title heads its body (Tư lệnh, Bí thư...).")
    former: bool = Field(default=False, description="A post left or held before the article's event.")
    change: PostChange | None = Field(default=None, description="How the article reports the post changing hands, if it does.")
    mention: Mention


class Person(_Model):
    id: str
    name: str
    rank: str | None = None
    rank_before: str | None = Field(default=None, description="The rank before a reported promotion.")
    posts: list[Post] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Unit(_Model):
    id: str
    key: str = Field(description="One key however the body is printed: its canonical name.")
    name: str = Field(description="The body in full, implicit parts filled.")
    forms: list[str] = Field(default_factory=list, description="Forms printed in the article.")
    parent: str | None = Field(default=None, description="Name of the body this one is part of.")
    parent_key: str | None = Field(default=None, description="Key of the body this one is part of.")
    province: str | None = Field(default=None, description="Short name of the body's province.")
    mentions: list[Mention] = Field(default_factory=list)


class Province(_Model):
    id: str
    name: str = Field(description="Short name: 'Lâm Đồng', 'Hồ Chí Minh'.")
    code: str | None = None
    merged_into: str | None = Field(default=None, description="Short name of the province it is part of since 1 July 2025.")
    forms: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Event(_Model):
    id: str
    kind: EventKind
    date: str | None = None
    participants: list[str] = Field(default_factory=list, description="Names of the persons there.")
    mention: Mention


class ArticleRecords(_Model):
    """Everything extracted from one article, with evidence."""

    article: Article
    date: str | None = None
    persons: list[Person] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    provinces: list[Province] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    sentences: dict[int, str] = Field(default_factory=dict, description=(
        "The sentences the mentions cite, by index, as printed: each written once."))
    warnings: list[str] = Field(default_factory=list, description=(
        "What extraction left out, and why (a sentence naming more persons than it reads)."))

    @model_validator(mode="after")
    def _cited(self) -> ArticleRecords:
        """Each mention's sentence, from the table (records read back), and the table, from
        the mentions (records made): both ways one string per sentence."""
        for mention in self.mentions():
            if mention.sentence_text:
                mention.sentence_text = self.sentences.setdefault(mention.sentence, mention.sentence_text)
            else:
                mention.sentence_text = self.sentences.get(mention.sentence, "")
        if list(self.sentences) != sorted(self.sentences):
            self.sentences = dict(sorted(self.sentences.items()))
        return self

    def mentions(self) -> Iterator[Mention]:
        """Every mention of the records, in field order."""
        for person in self.persons:
            yield from person.mentions
            yield from (post.mention for post in person.posts)
        for group in (self.units, self.provinces):
            for item in group:
                yield from item.mentions
        yield from (event.mention for event in self.events)

    def compact(self) -> ArticleRecords:
        """Make the records hold less memory, their values unchanged: the mentions of
        one sentence hold one string of it, and the models of one class one set of
        their field names as ``model_fields_set`` (every field counts as set). A
        corpus's records, read back or sent between processes (pickle keeps the
        sharing), then take 58% of the memory they took (76 KB an article, not 131)."""
        texts: dict[str, str] = {}
        for mention in self.mentions():
            mention.sentence_text = texts.setdefault(mention.sentence_text, mention.sentence_text)
        for model in _models(self):
            object.__setattr__(model, "__pydantic_fields_set__", _all_fields(type(model)))
        return self


def _models(model: BaseModel) -> Iterator[BaseModel]:
    """A model and every model in its fields, at any depth."""
    yield model
    for value in model.__dict__.values():
        if isinstance(value, BaseModel):
            yield from _models(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    yield from _models(item)


@cache
def _all_fields(cls: type[BaseModel]) -> set[str]:
    """The names of a model class's fields, one set per class (adding a field's name
    to it, as pydantic does on assignment, leaves it as it is)."""
    return set(cls.model_fields)


# --- the facts format -------------------------------------------------------------


class FactsPerson(_Model):
    name: Alternatives
    rank: Alternatives | None = None
    posts: list[Alternatives] = Field(default_factory=list)


class FactsEvent(_Model):
    date: Alternatives | None | list[str | None] = None
    kind: EventKind = "other"
    participants: list[Alternatives] = Field(default_factory=list)


class FactsOptional(_Model):
    persons: list[Alternatives] = Field(default_factory=list)
    units: list[Alternatives] = Field(default_factory=list)
    provinces: list[Alternatives] = Field(default_factory=list)
    posts: list[list[Alternatives]] = Field(default_factory=list, description="[name, post] pairs.")


class Facts(_Model):
    """One article's facts, as in ``shared/facts-format.md``."""

    article: str
    date: Alternatives | None | list[str | None] = None
    persons: list[FactsPerson] = Field(default_factory=list)
    units: list[Alternatives] = Field(default_factory=list)
    provinces: list[Alternatives] = Field(default_factory=list)
    events: list[FactsEvent] = Field(default_factory=list)
    optional: FactsOptional | None = None
