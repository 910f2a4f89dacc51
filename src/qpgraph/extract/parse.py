"""The grammar of persons, ranks, posts and bodies, over a sentence's items.

A person is printed as rank + name, honorific + name, a chain of posts +
name, or name + a chain of posts (apposition, after a comma or a dash). A post
is a title followed by a body; a body is a head from the vocabulary completed
by a number, a province, a place name or a parent body. What the sentence
leaves implicit is filled later, from the article (see ``resolve``).

Both levels are dispatch tables: :data:`BODY_PARSERS` has one function per kind
of body head the data files declare (``bodies.yaml``, ``institutions.yaml``),
:data:`PERSON_PARSERS` one per kind of item a person may start at.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import compress, count
from operator import itemgetter

from .items import ROMAN, Item
from .vocab import Body, Grammar, Title, load_bodies, load_grammar, load_titles

__all__ = [
    "BODY_PARSERS",
    "PERSON_PARSERS",
    "BodyRef",
    "ChainRef",
    "PersonRef",
    "PostRef",
    "SentenceParse",
    "parse_body",
    "parse_chain",
    "parse_post",
    "parse_sentence",
]

_SEPARATORS = {",", "-", "–", "—", "kiêm"}
_DASHES = (",", "-", "–", "—")
_PROVINCE_WORDS = {"tỉnh", "tp", "tp."}
_MAX_NAME = 7


def province_word(items: list[Item], k: int) -> int:
    """How many items at ``k`` spell 'tỉnh', 'thành phố' or 'TP' (0 if none)."""
    if k < len(items) and items[k].key in _PROVINCE_WORDS:
        return 1
    if k + 1 < len(items) and items[k].key == "thành" and items[k + 1].key == "phố":
        return 2
    return 0


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
        return self.parent.top() if self.kind == "sub" and self.parent is not None else self

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
    as_printed = body.canon is not None  # a national force in a province: "BĐBP Lạng Sơn"
    if as_printed or body.head.lower().split()[-1] in ("tỉnh", "phố", "ủy", "tp", "tp.") or place.lower().startswith(
        ("tp", "thành phố", "tỉnh")
    ):
        return f"{body.head} {place}"
    return f"{body.head} {_province_word_of(body.province)} {place}"  # "Công an Nghệ An": of the province


@cache
def _province_word_of(province: str) -> str:
    """'thành phố' for a centrally governed city, else 'tỉnh'."""
    from .gazetteer import load_gazetteer

    entry = load_gazetteer().provinces.get(province)
    return "thành phố" if entry is not None and entry.full.lower().startswith("thành phố") else "tỉnh"


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


def _body_entry(item: Item) -> Body:
    return load_bodies()[int(item.key)]


def _join(items: list[Item]) -> str:
    out = ""
    for k, item in enumerate(items):
        if k and item.start > items[k - 1].end:
            out += " "
        out += item.text
    return out


# --- bodies ------------------------------------------------------------------------------

#: parse a body whose head is items[i], given its BodyRef and the index after the head.
BodyParser = Callable[[list[Item], int, BodyRef], tuple["BodyRef | None", int]]


def parse_body(items: list[Item], i: int) -> tuple[BodyRef | None, int]:
    """A body starting at ``items[i]``, and the index after it."""
    if i >= len(items) or items[i].kind != "BODY":
        return None, i
    item = items[i]
    entry = _body_entry(item)
    head = entry.forms[0] if entry.kind in ("numbered", "sub") else item.text
    ref = BodyRef(kind=entry.kind, head=head, printed=item.text, start=item.start, end=item.end, key=item.key)
    return BODY_PARSERS[entry.kind](items, i, ref)


def _numbered(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Quân khu 7', 'Quân khu II', 'Vùng 2 Hải quân'; a name instead: 'Vùng Cảnh sát biển 1'."""
    j = i + 1
    if j < len(items) and _name_word(items[j]):  # "Vùng Cảnh sát biển 1"
        named, after = _named(items, i, ref)
        if named is not None:
            named.kind = "named"
            return named, after
    if j < len(items) and items[j].kind in ("NUM", "ROMAN"):
        ref.number = str(ROMAN.get(items[j].text, items[j].text))
        ref.end = items[j].end
        j += 1
        # "Vùng 2 Hải quân": a name after the number (not a person's: one capital).
        if j + 1 < len(items) and items[j].kind == "CAP" and items[j + 1].kind == "WORD" and items[j + 1].key not in _grammar().not_in_names:
            ref.number = f"{ref.number} {items[j].text} {items[j + 1].text}"
            ref.end = items[j + 1].end
            j += 2
    return ref, j


def _provincial(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Tỉnh ủy Lâm Đồng', 'UBND tỉnh Lâm Đồng', 'Công an Nghệ An'; a bare head is the article's."""
    j = k = i + 1
    width = province_word(items, k)
    if width and not ref.head.lower().endswith(("tỉnh", "phố")):
        ref.head = f"{ref.head} {_join(items[k : k + width])}"
        k += width
        j = k
    if k < len(items) and items[k].kind == "PROV":
        ref.province = items[k].key
        ref.province_printed = items[k].text
        ref.end = items[k].end
        return ref, k + 1
    if _body_entry(items[i]).strict and k == i + 1:
        return None, i
    return ref, j


def _district(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Huyện ủy Đại Lộc', 'Ban CHQS huyện Đại Lộc': a head and a place name."""
    k = i + 1
    run: list[Item] = []
    while k < len(items) and items[k].kind == "CAP" and len(run) < 3:
        run.append(items[k])
        k += 1
    if not run:
        return ref, i + 1
    ref.place = _join(run)
    ref.end = run[-1].end
    return ref, k


def _sub(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Cục Chính trị Quân khu 7', 'Ban Thường vụ Tỉnh ủy': a part and the body it belongs to."""
    j = k = i + 1
    width = 2 if k + 1 < len(items) and (items[k].key, items[k + 1].key) == ("thị", "xã") else int(
        k < len(items) and items[k].key in ("huyện", "quận")
    )
    run_end = _name_run(items, k + width) if width else k
    if width and run_end > k + width:
        # "Ban Chỉ huy Quân sự (CHQS) huyện Đại Lộc": the body of a district.
        ref.kind = "district"
        ref.head = f"{ref.head} {_join(items[k : k + width])}"
        ref.place = _join(items[k + width : run_end])
        ref.end = items[run_end - 1].end
        return ref, run_end
    if k < len(items) and items[k].key == "thuộc":
        k += 1
    parent, after = parse_body(items, k)
    if parent is not None:
        ref.parent = parent
        ref.end = parent.end
        return ref, after
    if k == j and k < len(items) and _name_word(items[k]):
        item = items[i]
        as_named, after_named = _named(
            items, i, BodyRef(kind="named", head=ref.head, printed=item.text, start=item.start, end=item.end, key=item.key)
        )
        if as_named is not None:  # "Bộ Tư lệnh Vùng Cảnh sát biển 3"
            return as_named, after_named
    return ref, j


def _national(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Bộ Quốc phòng', 'Tổng cục Chính trị Quân đội nhân dân Việt Nam', 'Cục Đối ngoại Bộ Quốc phòng'."""
    entry = _body_entry(items[i])
    ref.canon = entry.forms[0]
    if _unexpanded(ref.head):
        ref.head = entry.forms[0]  # an abbreviation ("QUTW", "Đảng ủy CATW") is written out
    j = i + 1
    if j < len(items) and items[j].kind == "PROV":
        # "BĐBP Lạng Sơn": a national force's command in a province.
        ref.kind = "provincial"
        ref.province = items[j].key
        ref.province_printed = items[j].text
        ref.end = items[j].end
        return ref, j + 1
    if j < len(items) and items[j].kind == "BODY" and not entry.qualifier and _body_entry(items[j]).qualifier:
        parent, after = parse_body(items, j)  # "... Quân đội nhân dân Việt Nam": the force it is of
        if parent is not None:
            ref.parent, ref.end = parent, parent.end
            return ref, after
    tail, k = country_tail(items, j)
    if tail:
        ref.tail = tail
        ref.end = items[k - 1].end
        if not _is_home(items[k - 1]):
            ref.canon = None  # a foreign body of the same name: "Bộ Quốc phòng Nhật Bản"
        return ref, k
    parent, after = _parent_of(items, j, ref)
    if parent is not None:
        ref.parent = parent
        ref.end = parent.end
        return ref, after
    return ref, j


def _unexpanded(printed: str) -> bool:
    """Whether a printed name holds an abbreviation the canonical form does not expand."""
    from ..evaluate.abbreviations import abbreviation_table

    known = abbreviation_table().expansions
    return any(len(w) > 1 and w.isupper() and w not in known for w in printed.replace("-", " ").split())


def _parent_of(items: list[Item], j: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """The national body a national body's name is followed by, as its parent:
    'Cục Đối ngoại Bộ Quốc phòng' (not after a comma: that is a list)."""
    from .institutions import load_institutions

    if j >= len(items) or items[j].kind != "BODY" or _body_entry(items[j]).kind != "national":
        return None, j
    above = {b.name for b in load_institutions().chain(ref.canon or "")[1:]} if ref.canon else set()
    if _body_entry(items[j]).forms[0] not in above:
        return None, j
    return parse_body(items, j)


def _is_home(item: Item) -> bool:
    """Whether a country item is Vietnam."""
    return item.kind == "COUNTRY" and item.key == "Việt Nam"


def _name_word(item: Item) -> bool:
    """A capitalised word, or a one-word body noun used as one ("Ban Chỉ huy Phòng thủ")."""
    return item.kind == "CAP" or (
        item.kind == "BODY" and " " not in item.text and _body_entry(item).kind == "named"
    )


def _named(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Cục Tuyên huấn', 'Sở Nội vụ tỉnh X', 'Bệnh viện Quân y 175': a common noun
    and a name, each word group opened by a capital (names of bodies capitalise
    their first syllable; a run of capitals is a person's name). A name goes on
    past 'và' or a comma where the language joins its parts ("Bộ Văn hóa, Thể
    thao và Du lịch", "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ").
    A head printed alone ("Học viện") names the article's body of that head."""
    words, k = _name_words(items, i + 1)
    if words is None:
        return None, i
    if not any(w.kind == "CAP" for w in words) or (k < len(items) and items[k].key in _grammar().class_words):
        if not words and _body_entry(items[i]).anaphoric and not (k < len(items) and items[k].key in _grammar().class_words):
            return ref, i + 1  # a bare head, completed from the article (resolve)
        return None, i  # "Ban Chỉ đạo khu vực phòng thủ các cấp": a class of bodies
    if k < len(items) and items[k].kind == "NUM":
        words.append(items[k])
        k += 1
    ref.place = _join(words)
    ref.end = words[-1].end
    return _named_tail(items, k, ref)


def _named_tail(items: list[Item], k: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """What may follow a named body's name: 'tỉnh X', a province, or its parent body."""
    width = province_word(items, k)
    if width:
        ref.province_word = _join(items[k : k + width])
        ref.end = items[k + width - 1].end
        k += width
    if k < len(items) and items[k].kind == "PROV":
        ref.province = items[k].key
        ref.province_printed = items[k].text
        ref.end = items[k].end
        return ref, k + 1
    if ref.province_word is None:
        tail, after_tail = country_tail(items, k)
        if tail:  # "Cục Cảnh sát biển Trung Quốc"
            ref.place = f"{ref.place} {tail}"
            ref.end = items[after_tail - 1].end
            return ref, after_tail
        after = k + 1 if k < len(items) and items[k].key == "thuộc" else k
        parent, end = parse_body(items, after)
        if parent is not None:
            ref.parent = parent
            ref.end = parent.end
            return ref, end
    return ref, k


def _name_words(items: list[Item], k: int) -> tuple[list[Item] | None, int]:
    """The words of a body's name from ``items[k]``, and the index after them (None:
    a run of lower-case words too long for a name)."""
    grammar = _grammar()
    words: list[Item] = []
    while k < len(items) and _name_word(items[k]) and not (k + 1 < len(items) and items[k + 1].kind == "CAP"):
        words.append(items[k])
        k += 1
        group = 0
        while k < len(items) and items[k].kind == "WORD" and _in_name(items, k, words) and not province_word(items, k):
            words.append(items[k])
            k += 1
            group += 1
            if group > grammar.max_lower_words:
                return None, k
        k = _joined_part(items, k, words)
    return words, k


def _in_name(items: list[Item], k: int, words: list[Item]) -> bool:
    """Whether the lower-case word ``items[k]`` goes on the name ``words``: not a word that
    ends names, unless a phrase of the grammar ends in it ("tội phạm về")."""
    grammar = _grammar()
    if items[k].key not in grammar.not_in_names:
        return True
    said = " ".join([*(w.key for w in words[-3:]), items[k].key])
    return any(said.endswith(phrase) for phrase in grammar.phrases_in_names) and k + 1 < len(items) and items[k + 1].kind == "WORD"


def _joined_part(items: list[Item], k: int, words: list[Item]) -> int:
    """Past 'và' or a comma inside a name: the parts it joins are added to ``words``.

    After 'và' a part opened by a capital ("và Du lịch"), one that repeats a word of
    the name ("công tác Đảng và công tác chính trị") or a pair of the grammar
    ("phòng, chống"); after a comma, a pair of the grammar, or a capitalised part
    followed by 'và' ("Văn hóa, Thể thao và Du lịch").
    """
    grammar = _grammar()
    if not words or k + 1 >= len(items) or items[k].key not in ("và", ","):
        return k
    nxt = items[k + 1]
    before = " ".join(w.key for w in words[-2:])
    paired = any(before.endswith(a) and _starts_with(items, k + 1, b) for a, b in grammar.paired_words)
    if items[k].key == "và":
        capital = nxt.kind == "CAP" and not (k + 2 < len(items) and items[k + 2].kind == "CAP")
        repeated = nxt.kind == "WORD" and nxt.key in {w.key for w in words} and nxt.key not in grammar.not_in_names
        ok = capital or repeated or paired or _starts_pair(items, k + 1)
    else:
        ok = paired or (nxt.kind == "CAP" and _closes_with_and(items, k + 1))
    if not ok:
        return k
    end = k + 2
    while end < len(items) and items[end].kind == "WORD" and items[end].key not in grammar.not_in_names:
        end += 1
    words.extend(items[k:end])
    return _joined_part(items, end, words)


def _starts_with(items: list[Item], k: int, phrase: str) -> bool:
    parts = phrase.split()
    return [it.key for it in items[k : k + len(parts)]] == parts


def _starts_pair(items: list[Item], k: int) -> bool:
    """Whether a pair of the grammar begins at ``items[k]`` ("phòng, chống")."""
    for first, _ in _grammar().paired_words:
        n = len(first.split())
        if _starts_with(items, k, first) and k + n < len(items) and items[k + n].key == ",":
            return True
    return False


def _closes_with_and(items: list[Item], k: int) -> bool:
    """Whether the capitalised part at ``items[k]`` is followed, within the name, by 'và'
    and another capitalised part: 'Thể thao và Du lịch'."""
    j = k + 1
    while j < len(items) and items[j].kind == "WORD" and items[j].key not in _grammar().not_in_names:
        j += 1
    if j < len(items) and items[j].key == ",":
        return j + 1 < len(items) and items[j + 1].kind == "CAP" and _closes_with_and(items, j + 1)
    return j + 1 < len(items) and items[j].key == "và" and items[j + 1].kind == "CAP"


def country_tail(items: list[Item], i: int) -> tuple[str | None, int]:
    """A qualifier ending in a country: 'nước Cộng hòa Dân chủ Nhân dân Lào', and where its
    holder serves: 'Liên bang Nga tại Việt Nam'."""
    tail, k = _country(items, i)
    if tail and k + 1 < len(items) and items[k].key == "tại" and items[k + 1].kind in ("COUNTRY", "PROV"):
        return f"{tail} {_join(items[k : k + 2])}", k + 2
    return tail, k


def _country(items: list[Item], i: int) -> tuple[str | None, int]:
    not_in_names = _grammar().not_in_names
    k = i
    while k < len(items) and k - i < 7 and (
        items[k].kind in ("CAP", "ABBR") or (items[k].kind == "WORD" and items[k].key not in not_in_names)
    ):
        k += 1
        if k < len(items) and items[k].kind == "COUNTRY":
            break
    if k < len(items) and items[k].kind == "COUNTRY":
        return _join(items[i : k + 1]), k + 1
    return None, i


BODY_PARSERS: dict[str, BodyParser] = {
    "numbered": _numbered,
    "provincial": _provincial,
    "district": _district,
    "sub": _sub,
    "national": _national,
    "named": _named,
}


@cache
def _grammar() -> Grammar:
    return load_grammar()


# --- posts ---------------------------------------------------------------------------------


def parse_post(items: list[Item], i: int) -> tuple[PostRef | None, int]:
    """A title and its body starting at ``items[i]``."""
    if i >= len(items) or items[i].kind != "TITLE":
        return None, i
    item = items[i]
    title = load_titles()[item.key]
    post = PostRef(title=title, title_text=title.expand or item.text, printed=item.text, start=item.start, end=item.end)
    j = i + 1
    body, after = parse_body(items, j)
    if body is None:
        body, after = _title_form(items, j, title)
    if body is None and title.of and j < len(items) and items[j].kind == "CAP":
        body, after = _of_name(items, j, title.of, item)  # "Cục trưởng An ninh chính trị"
    if body is not None:
        post.body = body
        post.end = body.end
        j = after
        # "Sư đoàn 302 thuộc Quân khu 7", "Bộ Tư lệnh Cảnh vệ - Bộ Công an": the
        # body's own parent, not part of the post as written.
        if j + 1 < len(items) and items[j].key in ("thuộc", "-", "–") and items[j + 1].kind == "BODY":
            parent, after2 = parse_body(items, j + 1)
            if parent is not None and body.parent is None and body.kind != "sub":
                j = after2
    elif title.default_body and j < len(items) and items[j].text == "Đảng":
        post.end = items[j].end  # "UVTW Đảng"
        j += 1
    else:
        tail, k = country_tail(items, j)
        if tail:
            post.title_text = f"{post.title_text} {tail}"  # "Chủ tịch nước Lào"
            post.end = items[k - 1].end
            j = k
    return post, j


def _of_name(items: list[Item], j: int, head: str, title: Item) -> tuple[BodyRef | None, int]:
    """The body a title of a head names by its name alone: 'Cục trưởng An ninh chính trị' is
    the Cục trưởng of the Cục An ninh chính trị."""
    from .resolve import head_of_form

    words, k = _name_words(items, j)
    if not words or not any(w.kind == "CAP" for w in words):
        return None, j
    ref = BodyRef(kind="named", head=head, printed=_join(words), start=items[j].start, end=words[-1].end,
                  key=head_of_form(head) or "", place=_join(words))
    return _named_tail(items, k, ref)


def _title_form(items: list[Item], j: int, title: Title) -> tuple[BodyRef | None, int]:
    """A ministry printed short after a minister's title: 'Thứ trưởng Công an' (Bộ Công an)."""
    forms = _grammar().title_forms
    for width in (2, 1):
        if j + width > len(items) or title.complete:
            continue
        canon = forms.get(" ".join(it.text.lower() for it in items[j : j + width]))
        k = j + width
        if canon is None or (k < len(items) and items[k].kind == "PROV"):
            continue
        ref = BodyRef(kind="national", head=canon, printed=_join(items[j:k]), start=items[j].start,
                      end=items[k - 1].end, canon=canon)
        if k < len(items) and items[k].kind == "COUNTRY" and not _is_home(items[k]):
            # "Bộ trưởng Quốc phòng Nhật Bản": the ministry of another country.
            ref.head, ref.tail, ref.canon, ref.end = ref.printed, items[k].text, None, items[k].end
            k += 1
        return ref, k
    return None, j


def parse_chain(items: list[Item], i: int) -> tuple[list[PostRef], int]:
    """Posts separated by commas, dashes or 'kiêm', starting at ``items[i]``."""
    posts: list[PostRef] = []
    post, j = parse_post(items, i)
    while post is not None:
        posts.append(post)
        if j + 1 < len(items) and items[j].key in _SEPARATORS and items[j + 1].kind == "TITLE":
            post, j2 = parse_post(items, j + 1)
            if post is not None:
                j = j2
            continue
        break
    return posts, j


def _name_run(items: list[Item], i: int) -> int:
    """Index after the capitalised run that starts at ``items[i]``."""
    j = i
    while j < len(items) and items[j].kind == "CAP" and j - i < _MAX_NAME:
        j += 1
    return j


def _appointment(items: list[Item], j: int) -> tuple[list[PostRef], int]:
    """Posts after an appointment cue that follows a person (within the clause)."""
    k = j
    passive = False  # "được Thủ tướng Chính phủ bổ nhiệm": the agent's title is passed over
    while k < len(items) and items[k].text not in (";", ".", ":") and (
        items[k].kind in ("WORD", "PUNCT", "CUE_APPOINT", "BODY", "PROV", "NUM")
        or (items[k].kind == "CAP" and items[k - 1].kind in ("BODY", "CAP"))
        or (items[k].kind == "TITLE" and passive)
    ):
        passive = passive or items[k].key == "được"
        if items[k].kind == "CUE_APPOINT":
            posts, after = parse_chain(items, k + 1)
            if items[k].key in _grammar().weak_appointment_cues and not all(p.body or p.title.complete for p in posts):
                return [], j  # "làm trưởng đoàn": a role, not a post
            for post in posts:
                post.appointed = True
            return posts, after
        k += 1
    return [], j


# --- persons -------------------------------------------------------------------------------


@dataclass
class _State:
    """What the sentence parse carries from one person to the next."""

    out: SentenceParse
    pending: list[PostRef] = field(default_factory=list)  # "Phó Tư lệnh Quân khu, Thiếu tướng X"
    list_rank: str | None = None  # "các đồng chí Thượng tướng: A, B, C"
    list_posts: list[PostRef] = field(default_factory=list)  # "các đồng chí Phó Chủ nhiệm ...: A; B"


#: parse a person starting at items[i]: (the person or None, the index to go on from).
PersonParser = Callable[[list[Item], int, _State], tuple["PersonRef | None", int]]


def _by_rank(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'Thiếu tướng Nguyễn Văn A', 'Chuẩn Đô đốc Hải quân A', 'Đại tá, PGS.TS A';
    a rank shared by a list: 'các đồng chí Thượng tướng: A, B, C'."""
    item = items[i]
    k = _after_degrees(items, _after_service(items, i + 1))
    if k < len(items) and items[k].text == ":":
        state.list_rank = item.key
        return None, k + 1
    if k < len(items) and items[k].kind == "CAP":
        end = _name_run(items, k)
        if end - k >= 2:
            return PersonRef(_join(items[k:end]), items[k].start, items[end - 1].end, rank=item.key, cue="rank"), end
    return None, i + 1


def _by_honorific(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'đồng chí Nguyễn Văn A', 'ông A', 'các đồng chí: A'."""
    k = i + 1
    if k < len(items) and items[k].text == ":":
        k += 1
    if k < len(items) and items[k].kind == "RANK":
        return None, i + 1
    k = _after_degrees(items, k)
    end = _name_run(items, k)
    if end - k >= 2:
        return PersonRef(_join(items[k:end]), items[k].start, items[end - 1].end, cue="honorific"), end
    return None, i + 1


def _by_title(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'Chủ tịch UBND tỉnh Nguyễn Văn A'; a chain before a ranked name ('Phó Tư lệnh Quân
    khu, Thiếu tướng A'); else a chain of posts printed without a name."""
    posts, k = parse_chain(items, i)
    if k < len(items) and items[k].kind == "CAP" and _name_run(items, k) - k >= 2:
        end = _name_run(items, k)
        if end + 1 < len(items) and items[end].key == "và" and _name_run(items, end + 1) - end - 1 >= 2:
            state.list_posts = posts  # "Phó Tổng Tham mưu trưởng ... Nguyễn Văn A và Trần Văn B"
        return PersonRef(_join(items[k:end]), items[k].start, items[end - 1].end, posts=posts, cue="title"), end
    copula = _copula(items, k)
    if copula and copula < len(items) and items[copula].kind in ("RANK", "HON", "CAP"):
        state.pending = posts  # "Bộ trưởng Bộ Quốc phòng là Đại tướng A"
        return None, copula
    opener = _list_opener(items, k)
    if opener:
        state.list_posts = posts  # "các đồng chí Phó Chủ nhiệm Tổng cục Chính trị: Trung tướng A, ...; B"
        return None, opener
    possessed = i > 0 and items[i - 1].key in _grammar().possessive_words  # "Quyết định của Thủ tướng, ..."
    if k + 1 < len(items) and items[k].key in _DASHES and items[k + 1].kind in ("RANK", "HON") and not possessed:
        state.pending = posts
        return None, k + 1
    state.out.chains.append(ChainRef(posts, posts[0].start, posts[-1].end))
    return None, max(k, i + 1)


def _list_opener(items: list[Item], k: int) -> int:
    """The index after ':' or 'gồm' (', gồm:') printed at ``items[k]`` before a list of persons, else 0."""
    j = k + 1 if k < len(items) and items[k].key == "," else k
    for word in _grammar().list_openers:
        if _starts_with(items, j, word):
            j += len(word.split())
            return j + 1 if j < len(items) and items[j].key == ":" else j
    return k + 1 if k < len(items) and items[k].key == ":" else 0


def _copula(items: list[Item], k: int) -> int:
    """The index after 'là' (or 'hiện nay là', ...) printed at ``items[k]``, else 0."""
    for phrase in _grammar().copulas:
        n = len(phrase.split())
        if _starts_with(items, k, phrase):
            return k + n
    return 0


def _by_name(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'Nguyễn Văn A, Bí thư ...' (apposition); a member of a list sharing a rank; else a
    capitalised run kept for coreference."""
    end = _name_run(items, i)
    if end - i < 2:
        return None, i + 1
    listed = i == 0 or items[i - 1].key in _LISTED_AFTER
    if (state.list_rank is not None or state.list_posts) and listed:
        return PersonRef(_join(items[i:end]), items[i].start, items[end - 1].end, rank=state.list_rank, cue="list"), end
    if end + 1 < len(items) and items[end].key in (",", "-", "–") and items[end + 1].kind == "TITLE":
        return PersonRef(_join(items[i:end]), items[i].start, items[end - 1].end, cue="apposition"), end
    state.out.names.append((_join(items[i:end]), items[i].start, items[end - 1].end))
    return None, end


PERSON_PARSERS: dict[str, PersonParser] = {
    "RANK": _by_rank,
    "HON": _by_honorific,
    "TITLE": _by_title,
    "CAP": _by_name,
}
_KIND = itemgetter(0)  # of an Item
#: What a member of a list of persons is printed after.
_LISTED_AFTER = frozenset({",", ":", ";", "và", "gồm", "là"})


def _aside(items: list[Item], j: int) -> int:
    """Past what may stand between a name and its posts: ', 44 tuổi', ', quê Hà Nội', 'tân'."""
    grammar = _grammar()
    while j + 2 < len(items) and items[j].key == ",":
        if items[j + 1].kind == "NUM" and items[j + 2].key in grammar.age_words:
            j += 3  # ", 44 tuổi"
        elif items[j + 1].key in grammar.origin_words:
            k = j + 2
            while k < len(items) and items[k].key not in (",", ";", "."):
                k += 1
            j = k  # ", quê Hà Nội"
        else:
            break
    if j + 2 < len(items) and items[j].key in _DASHES and items[j + 1].key in grammar.new_post_words:
        return j + 1 if items[j + 2].kind == "TITLE" else j  # ", tân Giám đốc": the word is dropped below
    return j


def _apposition(items: list[Item], j: int, person: PersonRef) -> int:
    """The posts printed after a person: ', Bí thư Đảng ủy, Chính ủy Quân khu 7', ' - Tư lệnh
    ...', 'nguyên Phó Tư lệnh ...', then an appointment; the index after them."""
    j = _aside(items, j)
    if j + 2 < len(items) and items[j].key in _grammar().new_post_words and items[j + 1].kind == "TITLE":
        more, j = parse_chain(items, j + 1)  # "tân Giám đốc Công an Hòa Bình": the post now held
        person.posts.extend(more)
        return j
    if j + 1 < len(items) and items[j].key in (*_DASHES, "(") and items[j + 1].kind == "TITLE":
        more, after = parse_chain(items, j + 1)
        # "Bí thư Tỉnh ủy X, Chủ tịch UBND tỉnh Y": the chain is Y's; "..., Chủ nhiệm
        # Tổng cục Chính trị là Thượng tướng Y": the chain is the subject of a clause.
        named_after = after < len(items) and items[after].kind == "CAP" and _name_run(items, after) - after >= 2
        copula = bool(_copula(items, after))
        if not named_after and not copula:
            person.posts.extend(more)
            j = after
            if j < len(items) and items[j].key in ("-", "–", "—", ")"):
                j += 1
    elif j + 1 < len(items) and items[j].kind == "CUE_FORMER" and items[j + 1].kind == "TITLE":
        j = _former(items, j + 1, person)
    if j + 2 < len(items) and items[j].key == "," and items[j + 1].kind == "CUE_FORMER" and items[j + 2].kind == "TITLE":
        j = _former(items, j + 2, person)
    appointed, after = _appointment(items, j)
    if appointed:
        if any(items[k].key == "điều động" or items[k].text == "điều" for k in range(j, after)):
            for post in person.posts:
                post.former = True
        person.posts.extend(appointed)
        j = after
    return j


def _former(items: list[Item], k: int, person: PersonRef) -> int:
    more, j = parse_chain(items, k)
    for post in more:
        post.former = True
    person.posts.extend(more)
    return j


def parse_sentence(items: list[Item]) -> SentenceParse:
    """Persons, posts, bodies and provinces printed in one sentence."""
    state = _State(SentenceParse())
    kinds = list(map(_KIND, items))
    if "PROV" in kinds:
        state.out.provinces = [item for item in items if item.kind == "PROV"]
    # Where a person may start; the parser skips the items in between.
    person_starts = list(compress(count(), map(PERSON_PARSERS.__contains__, kinds)))
    i = 0
    while i < len(items):
        item = items[i]
        parser = PERSON_PARSERS.get(item.kind)
        if parser is None:
            state.pending = []
            if item.key in (";", ".") or item.kind == "TITLE":
                state.list_rank = None
            k = bisect_left(person_starts, i)
            i = person_starts[k] if k < len(person_starts) else len(items)
            continue
        if item.kind != "TITLE" and i and items[i - 1].key not in _LISTED_AFTER:
            state.list_rank, state.list_posts = None, []  # a person outside the list
        person, j = parser(items, i, state)
        if person is None:
            if item.kind not in ("RANK", "HON", "TITLE"):
                state.pending = []
            i = max(j, i + 1)
            continue
        shared = [replace(post) for post in state.list_posts]  # each listed person holds them
        person.posts, state.pending = state.pending + shared + person.posts, []
        j = _apposition(items, j, person)
        state.out.persons.append(person)
        i = max(j, i + 1)
    if "CUE_PROMOTION" in kinds:
        _promote(items, state.out.persons)
    state.out.bodies = _bodies(items, kinds)
    return state.out


def _after_degrees(items: list[Item], k: int) -> int:
    """Skip degrees printed between a rank and a name: 'Đại tá, PGS.TS Nguyễn Văn A'."""
    j = k
    while j < len(items) and (items[j].kind == "ACADEMIC" or (items[j].key == "," and j + 1 < len(items) and items[j + 1].kind == "ACADEMIC")):
        j += 1
    return j if j > k and items[j - 1].kind == "ACADEMIC" else k


def _after_service(items: list[Item], k: int) -> int:
    """Skip a service printed between a rank and a name: 'Chuẩn Đô đốc Hải quân A'."""
    for service in _grammar().rank_services:
        n = len(service.split())
        if _starts_with(items, k, service) and k + n < len(items) and items[k + n].kind == "CAP":
            return k + n
    return k


def _promote(items: list[Item], persons: list[PersonRef]) -> None:
    """Give the rank a promotion reports to whom it is reported of: every person
    printed after the cue ('thăng quân hàm Đại tướng cho Thượng tướng A', 'đối với
    đồng chí B'), and a ranked person before it ('Thiếu tướng A được thăng ...')."""
    promoted, at = _promotion(items)
    if promoted is None:
        return
    for person in persons:
        if person.start > at or person.rank is not None:
            person.promoted_to = promoted


def _promotion(items: list[Item]) -> tuple[str | None, int]:
    """The rank a promotion reported in the sentence gives, and where its cue is:
    '... thăng quân hàm từ Thiếu tướng lên Trung tướng', '... được thăng quân hàm Thiếu tướng'."""
    for k, item in enumerate(items):
        if item.kind != "CUE_PROMOTION":
            continue
        for m in range(k + 1, min(k + 8, len(items))):
            if items[m].key == "lên" and m + 1 < len(items) and items[m + 1].kind == "RANK":
                return items[m + 1].key, item.start
            if items[m].key == "cấp" and m + 1 < len(items) and items[m + 1].key == "lên" and m + 2 < len(items) and items[m + 2].kind == "RANK":
                return items[m + 2].key, item.start
        if k + 1 < len(items) and items[k + 1].kind == "RANK" and not (k + 2 < len(items) and items[k + 2].kind == "CAP"):
            return items[k + 1].key, item.start
    return None, -1


def _bodies(items: list[Item], kinds: list[str]) -> list[BodyRef]:
    """Every body printed, left to right (``kinds``: the kind of each item)."""
    bodies: list[BodyRef] = []
    i = 0
    while i < len(items):
        if kinds[i] != "BODY":
            i = kinds.index("BODY", i) if "BODY" in kinds[i:] else len(items)
            continue
        body, j = parse_body(items, i)
        if body is None or (body.kind == "named" and body.place is None):
            i += 1
            continue
        bodies.append(body)
        i = j
    return bodies
