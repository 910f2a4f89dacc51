"""The grammar of persons, ranks, posts and bodies, over a sentence's items.

A person is printed as rank + name, honorific + name, a chain of posts +
name, or name + a chain of posts (apposition, after a comma or a dash). A post
is a title followed by a body; a body is a head from the vocabulary completed
by a number, a province, a place name or a parent body. What the sentence
leaves implicit is filled later, from the article (see ``resolve``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress, count
from operator import itemgetter

from .items import ROMAN, Item
from .vocab import Body, Title, load_bodies, load_titles

__all__ = ["BodyRef", "ChainRef", "PersonRef", "PostRef", "SentenceParse", "parse_sentence"]

_SEPARATORS = {",", "-", "–", "—", "kiêm"}
_PROVINCE_WORDS = {"tỉnh", "tp", "tp."}


def province_word(items: list[Item], k: int) -> int:
    """How many items at ``k`` spell 'tỉnh', 'thành phố' or 'TP' (0 if none)."""
    if k < len(items) and items[k].key in _PROVINCE_WORDS:
        return 1
    if k + 1 < len(items) and items[k].key == "thành" and items[k + 1].key == "phố":
        return 2
    return 0
_MAX_NAME = 7


@dataclass
class BodyRef:
    kind: str                    # numbered | provincial | district | sub | national
    head: str                    # the head as it should be written
    printed: str                 # the whole body as printed
    start: int
    end: int
    number: str | None = None    # numbered: "7"
    province: str | None = None  # provincial: short name
    province_printed: str | None = None
    place: str | None = None     # district: "huyện Đại Lộc"
    tail: str | None = None      # national: a country qualifier ("Việt Nam")
    province_word: str | None = None  # named: "tỉnh" printed before its province
    parent: BodyRef | None = None
    implicit: bool = False       # a part of the name was filled from the article

    @property
    def complete(self) -> bool:
        if self.kind == "numbered":
            return self.number is not None
        if self.kind == "provincial":
            return self.province is not None
        if self.kind == "sub":
            return self.parent is not None and self.parent.complete
        if self.kind == "district":
            return self.place is not None
        return True

    def top(self) -> BodyRef:
        return self.parent.top() if self.kind == "sub" and self.parent is not None else self

    def name(self) -> str:
        """The body in full: 'Ban Thường vụ Đảng ủy Quân khu 7'."""
        if self.kind == "numbered":
            return f"{self.head} {self.number}" if self.number else self.head
        if self.kind == "provincial":
            if self.province is None:
                return self.head
            place = self.province_printed or self.province
            if self.head.lower().split()[-1] in ("tỉnh", "phố", "ủy", "tp", "tp."):
                return f"{self.head} {place}"
            return f"{self.head} {place}" if self.province_printed else f"{self.head} tỉnh {place}"
        if self.kind == "district":
            return f"{self.head} {self.place}" if self.place else self.head
        if self.kind == "named":
            parts = [self.head, self.place or ""]
            if self.province_word:
                parts.append(self.province_word)
            if self.province:
                parts.append(self.province_printed or self.province)
            if self.parent is not None:
                parts.append(self.parent.name())
            return " ".join(p for p in parts if p)
        if self.kind == "sub":
            return f"{self.head} {self.parent.name()}" if self.parent is not None else self.head
        return f"{self.head} {self.tail}" if self.tail else self.head

    def chain(self) -> list[BodyRef]:
        """This body and every body it is part of."""
        return [self] + (self.parent.chain() if self.parent is not None else [])


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
    cue: str = ""                # how it was recognised: rank, honorific, title, apposition
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


def parse_body(items: list[Item], i: int) -> tuple[BodyRef | None, int]:
    """A body starting at ``items[i]``, and the index after it."""
    if i >= len(items) or items[i].kind != "BODY":
        return None, i
    item = items[i]
    entry = _body_entry(item)
    head = entry.forms[0] if entry.kind in ("numbered", "sub", "national") else item.text
    ref = BodyRef(kind=entry.kind, head=head, printed=item.text, start=item.start, end=item.end)
    j = i + 1
    if entry.kind == "numbered":
        if j < len(items) and _name_word(items[j]):  # "Vùng Cảnh sát biển 1"
            named, after = _parse_named(items, i, ref)
            if named is not None:
                named.kind = "named"
                return named, after
        if j < len(items) and items[j].kind in ("NUM", "ROMAN"):
            ref.number = str(ROMAN.get(items[j].text, items[j].text))
            ref.end = items[j].end
            j += 1
            # "Vùng 2 Hải quân": a name after the number (not a person's: one capital).
            if j + 1 < len(items) and items[j].kind == "CAP" and items[j + 1].kind == "WORD" and items[j + 1].key not in _NOT_IN_NAMES:
                ref.number = f"{ref.number} {items[j].text} {items[j + 1].text}"
                ref.end = items[j + 1].end
                j += 2
    elif entry.kind == "provincial":
        k = j
        width = province_word(items, k)
        if width and not ref.head.lower().endswith(("tỉnh", "phố")):
            ref.head = f"{ref.head} {_join(items[k : k + width])}"
            k += width
            j = k
        if k < len(items) and items[k].kind == "PROV":
            ref.province = items[k].key
            ref.province_printed = items[k].text
            ref.end = items[k].end
            j = k + 1
        elif entry.strict and k == i + 1:
            return None, i
    elif entry.kind == "district":
        k = j
        run: list[Item] = []
        while k < len(items) and items[k].kind == "CAP" and len(run) < 3:
            run.append(items[k])
            k += 1
        if run:
            ref.place = _join(run)
            ref.end = run[-1].end
            j = k
    elif entry.kind == "sub":
        k = j
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
            j = after
        elif k == j and k < len(items) and _name_word(items[k]):
            as_named, after_named = _parse_named(
                items, i, BodyRef(kind="named", head=ref.head, printed=item.text, start=item.start, end=item.end)
            )
            if as_named is not None:  # "Bộ Tư lệnh Vùng Cảnh sát biển 3"
                return as_named, after_named
    elif entry.kind == "named":
        return _parse_named(items, i, ref)
    elif entry.kind == "national":
        if j < len(items) and items[j].kind == "PROV":
            # "BĐBP Lạng Sơn": a national force's command in a province.
            ref.kind = "provincial"
            ref.head = item.text
            ref.province = items[j].key
            ref.province_printed = items[j].text
            ref.end = items[j].end
            return ref, j + 1
        tail, k = country_tail(items, j)
        if tail:
            ref.tail = tail
            ref.end = items[k - 1].end
            j = k
    return ref, j


def _name_word(item: Item) -> bool:
    """A capitalised word, or a one-word body noun used as one ("Ban Chỉ huy Phòng thủ")."""
    return item.kind == "CAP" or (
        item.kind == "BODY" and " " not in item.text and _body_entry(item).kind == "named"
    )


def _parse_named(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Cục Tuyên huấn', 'Sở Nội vụ tỉnh X', 'Bệnh viện Quân y 175': a common noun
    and a name, each word group opened by a capital (names of bodies capitalise
    their first syllable; a run of capitals is a person's name)."""
    k = i + 1
    words: list[Item] = []
    while k < len(items) and _name_word(items[k]) and not (k + 1 < len(items) and items[k + 1].kind == "CAP"):
        words.append(items[k])
        k += 1
        group = 0
        while k < len(items) and items[k].kind == "WORD" and items[k].key not in _NOT_IN_NAMES and not province_word(items, k):
            words.append(items[k])
            k += 1
            group += 1
            if group > 3:
                return None, i
    if not any(w.kind == "CAP" for w in words) or (k < len(items) and items[k].key in _CLASS_WORDS):
        return None, i  # "Ban Chỉ đạo khu vực phòng thủ các cấp": a class of bodies
    if k < len(items) and items[k].kind == "NUM":
        words.append(items[k])
        k += 1
    ref.place = _join(words)
    ref.end = words[-1].end
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
        after = k + 1 if k < len(items) and items[k].key == "thuộc" else k
        parent, end = parse_body(items, after)
        if parent is not None:
            ref.parent = parent
            ref.end = parent.end
            return ref, end
    return ref, k


_NOT_IN_NAMES = {"và", "với", "của", "tại", "cho", "trong", "về", "đến", "ở", "từ", "là", "có", "các", "cấp", "được",
                 "đã", "sẽ", "đang", "những", "này", "đó", "hàng", "năm", "mỗi", "từng", "để", "theo", "trên",
                 "lần", "thứ", "khóa", "nhiệm", "kỳ", "giai", "đoạn", "đợt", "số"}
_CLASS_WORDS = {"các", "cấp", "xã", "phường", "huyện"}


def country_tail(items: list[Item], i: int) -> tuple[str | None, int]:
    """A qualifier ending in a country: 'nước Cộng hòa Dân chủ Nhân dân Lào'."""
    k = i
    while k < len(items) and k - i < 7 and (
        items[k].kind in ("CAP", "ABBR") or (items[k].kind == "WORD" and items[k].key not in _NOT_IN_NAMES)
    ):
        k += 1
        if k < len(items) and items[k].kind == "COUNTRY":
            break
    if k < len(items) and items[k].kind == "COUNTRY":
        return _join(items[i : k + 1]), k + 1
    return None, i


def parse_post(items: list[Item], i: int) -> tuple[PostRef | None, int]:
    """A title and its body starting at ``items[i]``."""
    if i >= len(items) or items[i].kind != "TITLE":
        return None, i
    item = items[i]
    title = load_titles()[item.key]
    post = PostRef(title=title, title_text=title.expand or item.text, printed=item.text, start=item.start, end=item.end)
    j = i + 1
    body, after = parse_body(items, j)
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
    while k < len(items) and items[k].kind in ("WORD", "PUNCT", "CUE_APPOINT", "BODY", "PROV", "NUM") and items[k].text not in (";", ".", ":"):
        if items[k].kind == "CUE_APPOINT":
            posts, after = parse_chain(items, k + 1)
            for post in posts:
                post.appointed = True
            return posts, after
        k += 1
    return [], j


# The kinds of item a person (or a chain of posts) may start at.
_PERSON_STARTS = frozenset({"RANK", "HON", "TITLE", "CAP"})
_KIND = itemgetter(0)  # of an Item


def parse_sentence(items: list[Item]) -> SentenceParse:
    """Persons, posts, bodies and provinces printed in one sentence."""
    out = SentenceParse()
    kinds = list(map(_KIND, items))
    if "PROV" in kinds:
        out.provinces = [item for item in items if item.kind == "PROV"]
    # Where a person may start; the parser skips the items in between.
    person_starts = list(compress(count(), map(_PERSON_STARTS.__contains__, kinds)))
    pending: list[PostRef] = []
    i = 0
    while i < len(items):
        item = items[i]
        if item.kind not in _PERSON_STARTS:
            pending = []
            k = bisect_left(person_starts, i)
            i = person_starts[k] if k < len(person_starts) else len(items)
            continue
        person: PersonRef | None = None
        posts: list[PostRef] = []
        j = i
        if item.kind == "RANK" and _after_degrees(items, i + 1) < len(items) and items[_after_degrees(items, i + 1)].kind == "CAP":
            k = _after_degrees(items, i + 1)
            end = _name_run(items, k)
            if end - k >= 2:
                person = PersonRef(_join(items[k:end]), items[k].start, items[end - 1].end, rank=item.key, cue="rank")
                j = end
        elif item.kind == "HON":
            k = i + 1
            if k < len(items) and items[k].text == ":":
                k += 1
            if k < len(items) and items[k].kind == "RANK":
                i += 1
                continue
            k = _after_degrees(items, k)
            end = _name_run(items, k)
            if end - k >= 2:
                person = PersonRef(_join(items[k:end]), items[k].start, items[end - 1].end, cue="honorific")
                j = end
        elif item.kind == "TITLE":
            posts, k = parse_chain(items, i)
            if k < len(items) and items[k].kind == "CAP" and _name_run(items, k) - k >= 2:
                end = _name_run(items, k)
                person = PersonRef(_join(items[k:end]), items[k].start, items[end - 1].end, posts=posts, cue="title")
                j = end
            elif k + 1 < len(items) and items[k].key == "," and items[k + 1].kind in ("RANK", "HON"):
                pending = posts  # "Phó Tư lệnh Quân khu, Thiếu tướng Nguyễn Văn A"
                i = k + 1
                continue
            else:
                out.chains.append(ChainRef(posts, posts[0].start, posts[-1].end))
                i = max(k, i + 1)
                continue
        elif item.kind == "CAP":
            end = _name_run(items, i)
            if (
                end - i >= 2
                and end + 1 < len(items)
                and items[end].key in (",", "-", "–")
                and items[end + 1].kind == "TITLE"
            ):
                person = PersonRef(_join(items[i:end]), items[i].start, items[end - 1].end, cue="apposition")
                j = end
            elif end - i >= 2:
                out.names.append((_join(items[i:end]), items[i].start, items[end - 1].end))
                i = end
                continue
        if person is None:
            if item.kind not in ("RANK", "HON"):
                pending = []
            i += 1
            continue
        person.posts, pending = pending + person.posts, []
        # Apposition: ", Bí thư Đảng ủy, Chính ủy Quân khu 7" or " - Tư lệnh ...".
        if j + 1 < len(items) and items[j].key in (",", "-", "–", "—", "(") and items[j + 1].kind in ("TITLE",):
            more, after = parse_chain(items, j + 1)
            # "Bí thư Tỉnh ủy X, Chủ tịch UBND tỉnh Y": the chain is Y's.
            if not (after < len(items) and items[after].kind == "CAP" and _name_run(items, after) - after >= 2):
                person.posts.extend(more)
                j = after
                if j < len(items) and items[j].key in ("-", "–", "—", ")"):
                    j += 1
        elif j < len(items) and items[j].kind == "CUE_FORMER" and j + 1 < len(items) and items[j + 1].kind == "TITLE":
            more, j = parse_chain(items, j + 1)
            for post in more:
                post.former = True
            person.posts.extend(more)
        if j + 2 < len(items) and items[j].key == "," and items[j + 1].kind == "CUE_FORMER" and items[j + 2].kind == "TITLE":
            more, j = parse_chain(items, j + 2)
            for post in more:
                post.former = True
            person.posts.extend(more)
        appointed, after = _appointment(items, j)
        if appointed:
            if any(items[k].key == "điều động" or items[k].text == "điều" for k in range(j, after)):
                for post in person.posts:
                    post.former = True
            person.posts.extend(appointed)
            j = after
        out.persons.append(person)
        i = max(j, i + 1)
    promoted = _promotion(items) if "CUE_PROMOTION" in kinds else None
    if promoted:
        for person in out.persons:
            if person.rank is not None:  # a civilian signing the decision is not promoted
                person.promoted_to = promoted
    out.bodies = _bodies(items, kinds)
    return out


def _after_degrees(items: list[Item], k: int) -> int:
    """Skip degrees printed between a rank and a name: 'Đại tá, PGS.TS Nguyễn Văn A'."""
    j = k
    while j < len(items) and (items[j].kind == "ACADEMIC" or (items[j].key == "," and j + 1 < len(items) and items[j + 1].kind == "ACADEMIC")):
        j += 1
    return j if j > k and items[j - 1].kind == "ACADEMIC" else k


def _promotion(items: list[Item]) -> str | None:
    """The rank a promotion reported in the sentence gives: '... thăng quân hàm
    từ Thiếu tướng lên Trung tướng', '... được thăng quân hàm Thiếu tướng'."""
    for k, item in enumerate(items):
        if item.kind != "CUE_PROMOTION":
            continue
        for m in range(k + 1, min(k + 8, len(items))):
            if items[m].key == "lên" and m + 1 < len(items) and items[m + 1].kind == "RANK":
                return items[m + 1].key
        if k + 1 < len(items) and items[k + 1].kind == "RANK" and not (k + 2 < len(items) and items[k + 2].kind == "CAP"):
            return items[k + 1].key
    return None


def _bodies(items: list[Item], kinds: list[str]) -> list[BodyRef]:
    """Every body printed, left to right (``kinds``: the kind of each item)."""
    bodies: list[BodyRef] = []
    i = 0
    while i < len(items):
        if kinds[i] != "BODY":
            i = kinds.index("BODY", i) if "BODY" in kinds[i:] else len(items)
            continue
        body, j = parse_body(items, i)
        if body is None:
            i += 1
            continue
        bodies.append(body)
        i = j
    return bodies
