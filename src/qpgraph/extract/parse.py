"""The grammar of persons, over a sentence's items: ``parse_sentence``.

A person is printed as rank + name, honorific + name, a chain of posts + name, or
name + a chain of posts (apposition, after a comma or a dash); a rank or a chain of
posts may be shared by a list of persons. :data:`PERSON_PARSERS` has one function per
kind of item a person may start at. Bodies and posts are read by
:mod:`~qpgraph.extract.bodies` and :mod:`~qpgraph.extract.posts`; what the sentence
leaves implicit is filled later, from the article (see :mod:`~qpgraph.extract.resolve`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import compress, count
from operator import itemgetter

from .bodies import parse_body
from .items import Item, join_items, name_run, starts_with
from .posts import appointment, parse_chain
from .refs import BodyRef, ChainRef, PersonRef, PostRef, SentenceParse
from .vocab import load_grammar

__all__ = ["PERSON_PARSERS", "parse_sentence"]

_DASHES = (",", "-", "–", "—")


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
        end = name_run(items, k)
        if end - k >= 2:
            return PersonRef(join_items(items[k:end]), items[k].start, items[end - 1].end, rank=item.key, cue="rank"), end
    return None, i + 1


def _by_honorific(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'đồng chí Nguyễn Văn A', 'ông A', 'các đồng chí: A'."""
    k = i + 1
    if k < len(items) and items[k].text == ":":
        k += 1
    if k < len(items) and items[k].kind == "RANK":
        return None, i + 1
    k = _after_degrees(items, k)
    end = name_run(items, k)
    if end - k >= 2:
        return PersonRef(join_items(items[k:end]), items[k].start, items[end - 1].end, cue="honorific"), end
    return None, i + 1


def _by_title(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'Chủ tịch UBND tỉnh Nguyễn Văn A'; a chain before a ranked name ('Phó Tư lệnh Quân
    khu, Thiếu tướng A'); else a chain of posts printed without a name."""
    posts, k = parse_chain(items, i)
    if k < len(items) and items[k].kind == "CAP" and name_run(items, k) - k >= 2:
        end = name_run(items, k)
        if end + 1 < len(items) and items[end].key in load_grammar().coordinators and name_run(items, end + 1) - end - 1 >= 2:
            state.list_posts = posts  # "Phó Tổng Tham mưu trưởng ... Nguyễn Văn A và Trần Văn B"
        return PersonRef(join_items(items[k:end]), items[k].start, items[end - 1].end, posts=posts, cue="title"), end
    copula = _copula(items, k)
    if copula and copula < len(items) and items[copula].kind in ("RANK", "HON", "CAP"):
        state.pending = posts  # "Bộ trưởng Bộ Y tế là bà A"
        return None, copula
    opener = _list_opener(items, k)
    if opener:
        state.list_posts = posts  # "các đồng chí Phó Chủ nhiệm Tổng cục Chính trị: Trung tướng A, ...; B"
        return None, opener
    possessed = i > 0 and items[i - 1].key in load_grammar().possessive_words  # "Quyết định của Thủ tướng, ..."
    if k + 1 < len(items) and items[k].key in _DASHES and items[k + 1].kind in ("RANK", "HON") and not possessed:
        state.pending = posts
        return None, k + 1
    state.out.chains.append(ChainRef(posts, posts[0].start, posts[-1].end))
    return None, max(k, i + 1)


def _list_opener(items: list[Item], k: int) -> int:
    """The index after ':' or 'gồm' (', gồm:') printed at ``items[k]`` before a list of persons, else 0."""
    j = k + 1 if k < len(items) and items[k].key == "," else k
    for word in load_grammar().list_openers:
        if starts_with(items, j, word):
            j += len(word.split())
            return j + 1 if j < len(items) and items[j].key == ":" else j
    return k + 1 if k < len(items) and items[k].key == ":" else 0


def _copula(items: list[Item], k: int) -> int:
    """The index after 'là' (or 'hiện nay là', ...) printed at ``items[k]``, else 0 (an
    appointment cue that is one, "được chỉ định là", is read as one item)."""
    if k < len(items) and items[k].kind == "CUE_APPOINT" and items[k].key in load_grammar().copulas:
        return k + 1
    for phrase in load_grammar().copulas:
        n = len(phrase.split())
        if starts_with(items, k, phrase):
            return k + n
    return 0


def _by_name(items: list[Item], i: int, state: _State) -> tuple[PersonRef | None, int]:
    """'Nguyễn Văn A, Bí thư ...' (apposition); a member of a list sharing a rank; else a
    capitalised run kept for coreference."""
    end = name_run(items, i)
    if end - i < 2:
        return None, i + 1
    listed = i == 0 or items[i - 1].key in load_grammar().listed_after
    if (state.list_rank is not None or state.list_posts) and listed:
        return PersonRef(join_items(items[i:end]), items[i].start, items[end - 1].end, rank=state.list_rank, cue="list"), end
    if end + 1 < len(items) and items[end].key in (",", "-", "–") and items[end + 1].kind == "TITLE":
        return PersonRef(join_items(items[i:end]), items[i].start, items[end - 1].end, cue="apposition"), end
    state.out.names.append((join_items(items[i:end]), items[i].start, items[end - 1].end))
    return None, end


PERSON_PARSERS: dict[str, PersonParser] = {
    "RANK": _by_rank,
    "HON": _by_honorific,
    "TITLE": _by_title,
    "CAP": _by_name,
}
_KIND = itemgetter(0)  # of an Item


def _aside(items: list[Item], j: int) -> int:
    """Past what may stand between a name and its posts: ', 44 tuổi', ', quê Hà Nội', 'tân',
    a parenthesis that is not a post ('(SN 1970, quê Nghệ An)', '(bên phải)')."""
    grammar = load_grammar()
    if j + 1 < len(items) and items[j].text == "(" and items[j + 1].kind != "TITLE":
        close = next((k for k in range(j + 1, min(j + 16, len(items))) if items[k].text == ")"), None)
        if close is not None:
            j = close + 1
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


def _apposition(items: list[Item], j: int, person: PersonRef, i: int) -> int:
    """The posts printed after a person: ', Bí thư Đảng ủy, Chính ủy Quân khu 7', ' - Tư lệnh
    ...', 'nguyên Phó Tư lệnh ...', then an appointment; the index after them."""
    j = _aside(items, j)
    if j + 2 < len(items) and items[j].key in load_grammar().new_post_words and items[j + 1].kind == "TITLE":
        more, j = parse_chain(items, j + 1)  # "tân Giám đốc Công an Hòa Bình": the post now held
        person.posts.extend(more)
        return j
    if j + 1 < len(items) and items[j].key in (*_DASHES, "(") and items[j + 1].kind == "TITLE":
        more, after = parse_chain(items, j + 1)
        # "Bí thư Tỉnh ủy X, Chủ tịch UBND tỉnh Y": the chain is Y's; "..., Chủ nhiệm
        # Tổng cục Chính trị là Thượng tướng Y": the chain is the subject of a clause.
        named_after = after < len(items) and items[after].kind == "CAP" and name_run(items, after) - after >= 2
        copula = bool(_copula(items, after))
        served = after < len(items) and items[after].kind in ("RANK", "HON")  # "Trợ lý Đại tướng B": B's assistant
        if not named_after and not copula and not served:
            person.posts.extend(more)
            j = after
            if j < len(items) and items[j].key in ("-", "–", "—", ")"):
                j += 1
    elif j + 1 < len(items) and items[j].kind == "CUE_FORMER" and items[j + 1].kind == "TITLE":
        j = _former(items, j + 1, person)
    if j + 2 < len(items) and items[j].key == "," and items[j + 1].kind == "CUE_FORMER" and items[j + 2].kind == "TITLE":
        j = _former(items, j + 2, person)
    appointed, after = appointment(items, j)
    if appointed:
        # "được điều động giữ chức", "Bộ Quốc phòng điều động Đại tá A, ... làm": moved, the
        # posts printed before are left.
        if any(starts_with(items, k, cue) for cue in load_grammar().transfer_cues for k in [*range(max(0, i - 3), i), *range(j, after)]):
            for post in person.posts:
                post.former = True
                post.change = post.change or "transferred"
        person.posts.extend(appointed)
        j = after
    return j


def _former(items: list[Item], k: int, person: PersonRef) -> int:
    more, j = parse_chain(items, k)
    for post in more:
        post.former = True
        post.change = "former"
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
        if item.kind != "TITLE" and i and items[i - 1].key not in load_grammar().listed_after:
            state.list_rank, state.list_posts = None, []  # a person outside the list
        person, j = parser(items, i, state)
        if person is None:
            if item.kind not in ("RANK", "HON", "TITLE"):
                state.pending = []
            i = max(j, i + 1)
            continue
        shared = [replace(post) for post in state.list_posts]  # each listed person holds them
        person.posts, state.pending = state.pending + shared + person.posts, []
        j = _apposition(items, j, person, i)
        state.out.persons.append(person)
        i = max(j, i + 1)
    if "CUE_PROMOTION" in kinds:
        _promote(items, state.out.persons)
    state.out.bodies = _bodies(items, kinds)
    if state.out.provinces:
        state.out.provinces = _provinces(items, state.out.provinces)
    return state.out


def _provinces(items: list[Item], provinces: list[Item]) -> list[Item]:
    """The provinces printed, but a place below the province named like one: "phường Yên
    Bái", "Ban Chỉ huy Quân sự xã Hòa Bình"."""
    below = set()
    for at, item in enumerate(items):
        if item.kind != "PROV":
            continue
        for word in load_grammar().district_words:  # printed just before the province's name
            n = len(word.split())
            if at >= n and starts_with(items, at - n, word):
                below.add(item.start)
                break
    return [p for p in provinces if p.start not in below]


def _after_degrees(items: list[Item], k: int) -> int:
    """Skip degrees printed between a rank and a name: 'Đại tá, PGS.TS Nguyễn Văn A'."""
    j = k
    while j < len(items) and (items[j].kind == "ACADEMIC" or (items[j].key == "," and j + 1 < len(items) and items[j + 1].kind == "ACADEMIC")):
        j += 1
    return j if j > k and items[j - 1].kind == "ACADEMIC" else k


def _after_service(items: list[Item], k: int) -> int:
    """Skip a service printed between a rank and a name: 'Chuẩn Đô đốc Hải quân A'."""
    for service in load_grammar().rank_services:
        n = len(service.split())
        if starts_with(items, k, service) and k + n < len(items) and items[k + n].kind == "CAP":
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
            for word in load_grammar().promoted_to:  # "lên Trung tướng", "cấp lên Thượng tướng"
                n = len(word.split())
                if starts_with(items, m, word) and m + n < len(items) and items[m + n].kind == "RANK":
                    return items[m + n].key, item.start
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
