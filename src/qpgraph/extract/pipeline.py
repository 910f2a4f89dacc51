"""One article in, its records out: ``extract(document) -> ArticleRecords``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.language import Language

from ..evaluate.canonical import canonical
from ..ingest import Document
from ..records import (
    ArticleRecords,
    Event,
    Mention,
    Person,
    Post,
    Province,
    Unit,
    stable_id,
)
from ..text import normalize
from .cut import cut_at, trimmed
from .dates import event_date
from .events import event_kind, is_present
from .gazetteer import load_gazetteer
from .items import sentence_items
from .matcher import index_text
from .nlp import build_nlp
from .parse import parse_sentence
from .refs import BodyRef, PersonRef, PostRef, SentenceParse
from .resolve import article_context, fill_implicit
from .vocab import load_bodies, load_grammar, load_ranks

__all__ = ["extract"]


@dataclass
class _Sentence:
    index: int
    start: int
    end: int
    text: str
    parse: SentenceParse


@lru_cache(maxsize=1 << 14)
def _key(name: str) -> str:
    return " ".join(normalize(name).lower().split())


class _Evidence:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.sentence_texts: dict[int, str] = {}  # by sentence index, as printed

    def sentence_text(self, sentence: _Sentence) -> str:
        """The sentence as printed in the original text, read once."""
        text = self.sentence_texts.get(sentence.index)
        if text is None:
            doc = self.document
            text = self.sentence_texts[sentence.index] = doc.article.text[
                slice(*doc.original_span(sentence.start, sentence.end))
            ]
        return text

    def __call__(self, sentence: _Sentence, start: int, end: int) -> Mention:
        doc = self.document
        o_start, o_end = doc.original_span(start, end)
        return Mention(
            article=doc.article.id,
            sentence=sentence.index,
            text=doc.article.text[o_start:o_end],
            start=o_start,
            end=o_end,
            sentence_text=self.sentence_text(sentence),
        )


@cache
def _rank_order() -> dict[str, int]:
    return {r.name.lower(): r.order for r in load_ranks()}


@cache
def _rank_name(key: str) -> str:
    return next(r.name for r in load_ranks() if r.name.lower() == key.lower())


@lru_cache(maxsize=1 << 14)
def _canonical(text: str) -> str:
    """:func:`canonical`, once per text."""
    return canonical(text)


def _body_key(body: BodyRef) -> str:
    """One key per body however printed: 'Công an Nghệ An' = 'Công an tỉnh Nghệ An';
    a national body is keyed by its institution's name ('Bộ Tư lệnh Cảnh sát biển' =
    'Cảnh sát biển Việt Nam'; 'Tổng cục Chính trị Quân đội nhân dân Việt Nam' = 'Tổng cục
    Chính trị')."""
    if body.kind == "national" and body.canon:
        whole = body.parent if body.parent is not None and not _qualifies(body.parent) else None
        return _canonical(" ".join(p for p in (body.canon, body.tail, whole and whole.name()) if p))
    if body.kind == "provincial" and body.province:
        head = _canonical(body.head)
        for word in load_grammar().province_words:
            head = head.removesuffix(" " + word)
        return f"{head}|{body.province}"
    return _canonical(body.name())


def _qualifies(body: BodyRef) -> bool:
    """Whether a body only qualifies the one before it ("... Quân đội nhân dân Việt Nam")."""
    return body.key.isdigit() and load_bodies()[int(body.key)].qualifier


def _unit_key(body: BodyRef, article: str) -> str:
    """The key of a body's unit: :func:`_body_key`; a body whose province the article never
    names ("Tỉnh ủy", "Ban Thường vụ Tỉnh ủy") is the article's own, never another's."""
    key = _body_key(body)
    if any(p.kind == "provincial" and p.province is None for p in body.chain()):
        return f"{key}|{article}"
    return key


def _shorter_form(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` cut short, or with words left out between the same first and last word."""
    a, b = _key(short).split(), _key(long).split()
    if len(a) >= len(b) or a[0] != b[0]:
        return False
    if b[: len(a)] == a:
        return True
    it = iter(b)
    return a[-1] == b[-1] and all(word in it for word in a)


def _units_of(body: BodyRef) -> list[BodyRef]:
    """The bodies a body names in full: itself and the bodies it is part of.

    A provincial body whose province the article never names is written as
    printed ("Tỉnh ủy"); a part whose whole is unknown ("Văn phòng") is not a unit.
    """
    out = []
    for part in body.chain():
        if part.kind == "sub" and (part.parent is None or not (part.parent.complete or part.parent.kind == "provincial")):
            continue
        if part.kind in ("numbered", "district") and not part.complete:
            continue
        out.append(part)
    return out


def _add_rank(person: Person, printed: str) -> None:
    """The highest rank printed with a person; the lower one is the rank before."""
    order = _rank_order()
    rank = _rank_name(printed)
    if person.rank is None or order[rank.lower()] > order[person.rank.lower()]:
        if person.rank is not None:
            person.rank_before = person.rank
        person.rank = rank
    elif order[rank.lower()] < order[person.rank.lower()]:
        person.rank_before = rank


def _post(post: PostRef, document: Document, mention: Mention) -> Post:
    body = post.body
    return Post(
        title=post.title_text,
        body=body.name() if body else None,
        unit=_unit_key(body, document.article.id) if body is not None and _units_of(body)[:1] == [body] else None,
        text=post.text(),
        printed=document.text[post.start : post.end],
        heads=post.title.heads,
        former=post.former,
        change=post.change,
        mention=mention,
    )


#: The most persons read in one sentence, and mentions of persons in one article: what an
#: article prints past them is left out, with a warning (a guard: a page of names would
#: otherwise make records and pages without end).
MAX_PERSONS_PER_SENTENCE = 500
MAX_PERSON_MENTIONS = 10_000


def _capped(sentences: list[_Sentence], warnings: list[str]) -> Iterator[tuple[_Sentence, PersonRef]]:
    """The persons of each sentence, within the guards (:data:`MAX_PERSONS_PER_SENTENCE`,
    :data:`MAX_PERSON_MENTIONS`); a warning for what is left out."""
    read = 0
    for s in sentences:
        refs = s.parse.persons
        if len(refs) > MAX_PERSONS_PER_SENTENCE:
            warnings.append(f"sentence {s.index} names persons {len(refs)} times: the first {MAX_PERSONS_PER_SENTENCE} are read")
            refs = refs[:MAX_PERSONS_PER_SENTENCE]
        if read + len(refs) > MAX_PERSON_MENTIONS:
            warnings.append(f"more than {MAX_PERSON_MENTIONS} mentions of persons: the rest, from sentence {s.index}, "
                            "are left out")
            yield from ((s, ref) for ref in refs[: MAX_PERSON_MENTIONS - read])
            return
        read += len(refs)
        yield from ((s, ref) for ref in refs)


def _persons(
    sentences: list[_Sentence], document: Document, evidence: _Evidence, cut: int | None, warnings: list[str]
) -> tuple[dict[str, Person], set[str]]:
    """Persons merged by name within the article, and the keys of those placed at its event."""
    persons: dict[str, Person] = {}
    present: set[str] = set()
    for s, ref in _capped(sentences, warnings):
        key = _key(ref.name)
        person = persons.get(key)
        if person is None:
            person = persons[key] = Person(id=stable_id("person", document.article.id, key), name=normalize(ref.name))
        person.mentions.append(evidence(s, ref.start, ref.end))
        for printed in (ref.rank, ref.promoted_to):
            if printed:
                _add_rank(person, printed)
        known = {_canonical(p.text): p for p in person.posts}
        for post in ref.posts:
            held = known.get(_canonical(post.text()))
            if held is None:
                known[_canonical(post.text())] = held = _post(post, document, evidence(s, post.start, post.end))
                person.posts.append(held)
            elif post.appointed and held.change is None and not held.former:
                # Printed held first ("tân Giám đốc"), then the appointment: its evidence.
                held.change, held.mention = "appointed", evidence(s, post.start, post.end)
                held.printed = document.text[post.start : post.end]
        if is_present(ref, s.text, s.start):
            present.add(key)
    for key, person in list(persons.items()):
        if _cut_short(key, person.mentions, persons, document, cut):
            del persons[key]
            present.discard(key)
    # One post printed short and long ("Chủ tịch nước Lào", "Chủ tịch nước Cộng
    # hòa Dân chủ Nhân dân Lào"; a bare "Tổng Bí thư"): the long form is kept.
    for person in persons.values():
        person.posts = [p for p in person.posts if not any(_shorter_form(p.text, o.text) for o in person.posts)]
    return persons, present


def _coreference(sentences: list[_Sentence], persons: dict[str, Person], evidence: _Evidence) -> None:
    """A full name printed again without a cue; a post printed without a name that only one person holds."""
    held = {key: {_key(p.text) for p in person.posts} for key, person in persons.items()}
    for s in sentences:
        for name, start, end in s.parse.names:
            found = persons.get(_key(name))
            if found is not None:
                found.mentions.append(evidence(s, start, end))
        for chain in s.parse.chains:
            texts = {_key(p.text()) for p in chain.posts}
            holders = [k for k, keys in held.items() if texts & keys]
            if len(holders) == 1:
                persons[holders[0]].mentions.append(evidence(s, chain.start, chain.end))


def _units(sentences: list[_Sentence], document: Document, evidence: _Evidence, cut: int | None) -> list[Unit]:
    units: dict[str, Unit] = {}
    for s in sentences:
        for body in s.parse.bodies:
            for part in _units_of(body):
                key = _unit_key(part, document.article.id)
                unit = units.get(key)
                if unit is None:
                    whole = part.parent if part.parent is not None and part.parent.complete else None
                    unit = units[key] = Unit(
                        id=stable_id("unit", key), key=key, name=part.name(),
                        parent=whole.name() if whole else None, parent_key=_unit_key(whole, document.article.id) if whole else None,
                        province=part.province if part.kind == "provincial" else None,
                    )
                # A part filled in from elsewhere is evidenced by the body printed here.
                inside = s.start <= part.start and part.end <= s.end
                start, end = (part.start, part.end) if inside else (body.start, body.end)
                if not (s.start <= start and end <= s.end):
                    continue
                form = document.text[start:end]
                if form not in unit.forms:
                    unit.forms.append(form)
                unit.mentions.append(evidence(s, start, end))
    return [u for u in units.values() if not _cut_short(u.key, u.mentions, units, document, cut)]


def _cut_short(key: str, mentions: list[Mention], named: Iterable[str], document: Document, cut: int | None) -> bool:
    """Whether a name is only printed where the excerpt's cut ends it, and is the start of
    another name the article prints whole ("Nguyễn Văn Bìn" of "Nguyễn Văn Bình", "Tổng cục Chính"
    of "Tổng cục Chính trị")."""
    if cut is None:
        return False
    at = document.original_span(cut, cut)[0]
    return all(m.end == at for m in mentions) and any(o != key and o.startswith(key) for o in named)


def _provinces(sentences: list[_Sentence], evidence: _Evidence) -> list[Province]:
    gazetteer = load_gazetteer()
    provinces: dict[str, Province] = {}
    for s in sentences:
        for item in s.parse.provinces:
            entry = gazetteer.provinces.get(item.key)
            if entry is None:
                continue
            province = provinces.get(entry.name)
            if province is None:
                province = provinces[entry.name] = Province(
                    id=stable_id("province", entry.name), name=entry.name, code=entry.code,
                    merged_into=entry.merged_into,
                )
            if item.text not in province.forms:
                province.forms.append(item.text)
            province.mentions.append(evidence(s, item.start, item.end))
    return list(provinces.values())


def extract(document: Document, nlp: Language | None = None) -> ArticleRecords:
    """Extract persons, posts, units, provinces, the date and the events of one article."""
    nlp = nlp or build_nlp()
    article = document.article
    evidence = _Evidence(document)
    index = index_text(document.text, nlp)
    cut = cut_at(document.text)
    sentences = [
        _Sentence(s.index, s.start, s.end, s.text, parse_sentence(trimmed(sentence_items(index, s.start, s.end), cut)))
        for s in document.sentences
    ]
    ctx = article_context([s.parse for s in sentences])
    fill_implicit([s.parse for s in sentences], ctx, document.text)
    warnings: list[str] = []
    persons, present = _persons(sentences, document, evidence, cut, warnings)
    _coreference(sentences, persons, evidence)
    lede = " ".join([article.title or ""] + [s.text for s in sentences[:4]])
    kind = event_kind(lede) if sentences else None
    text = "\n".join(s.text for s in sentences) + "\n" + document.text
    date = event_date(text, article.published, gathering=kind is not None)
    events: list[Event] = []
    if kind is not None:  # the article reports a gathering
        first = sentences[0]
        events.append(
            Event(
                id=stable_id("event", article.id, "main"),
                kind=kind,  # type: ignore[arg-type]
                date=date,
                participants=[p.name for k, p in persons.items() if k in present],
                mention=evidence(first, first.start, first.end),
            )
        )
    return ArticleRecords(
        article=article,
        date=date,
        persons=list(persons.values()),
        units=_units(sentences, document, evidence, cut),
        provinces=_provinces(sentences, evidence),
        events=events,
        warnings=warnings,
    )
