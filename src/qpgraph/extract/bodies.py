"""The grammar of bodies: a head from the vocabulary completed by a number, a province,
a place name, a parent body or a country.

:data:`BODY_PARSERS` has one function per kind of head the data files declare
(``bodies.yaml``, ``institutions.yaml``): numbered, provincial, district, sub,
national, named. What a sentence leaves implicit is filled later, from the article
(see :mod:`~qpgraph.extract.resolve`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from .items import ROMAN, Item, join_items, name_run, starts_with, surnames
from .refs import BodyRef
from .vocab import Body, load_bodies, load_grammar, load_places

__all__ = [
    "BODY_PARSERS", "body_entry", "country_tail", "is_home", "name_words", "named_tail", "parse_body", "province_word"
]


def body_entry(item: Item) -> Body:
    """The vocabulary entry of a BODY item."""
    return load_bodies()[int(item.key)]


def province_word(items: list[Item], k: int) -> int:
    """How many items at ``k`` spell a word printed before a province: 'tỉnh', 'thành
    phố', 'TP' (``grammar.yaml``'s ``province_words``); 0 if none."""
    for word in load_grammar().province_words:
        if starts_with(items, k, word):
            return len(word.split())
    return 0


#: parse a body whose head is items[i], given its BodyRef and the index after the head.
BodyParser = Callable[[list[Item], int, BodyRef], tuple["BodyRef | None", int]]


def parse_body(items: list[Item], i: int) -> tuple[BodyRef | None, int]:
    """A body starting at ``items[i]``, and the index after it."""
    if i >= len(items) or items[i].kind != "BODY":
        return None, i
    item = items[i]
    entry = body_entry(item)
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
        if j + 1 < len(items) and items[j].kind == "CAP" and items[j + 1].kind == "WORD" and items[j + 1].key not in load_grammar().not_in_names:
            ref.number = f"{ref.number} {items[j].text} {items[j + 1].text}"
            ref.end = items[j + 1].end
            j += 2
    return ref, j


def _provincial(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Tỉnh ủy Lâm Đồng', 'UBND tỉnh Lâm Đồng', 'Công an Nghệ An'; a bare head is the article's."""
    j = k = i + 1
    width = province_word(items, k)
    if width and not any(ref.head.lower().endswith(w) for w in load_grammar().province_words):
        ref.head = f"{ref.head} {join_items(items[k : k + width])}"
        k += width
        j = k
    if k < len(items) and items[k].kind == "PROV":
        ref.province = items[k].key
        ref.province_printed = items[k].text
        ref.end = items[k].end
        return ref, k + 1
    end = place_name(items, k)
    if end:  # "Thành ủy Đà Lạt", "UBND thành phố Bảo Lộc": a city's, below the province
        ref.kind, ref.place, ref.end = "district", join_items(items[k:end]), items[end - 1].end
        return ref, end
    if body_entry(items[i]).strict and k == i + 1:
        return None, i
    return ref, j


def place_name(items: list[Item], k: int) -> int:
    """The index after a place's name printed at ``items[k]`` (a city, a district, a
    commune: not a province, not a person's name), else 0. A place's name is a run of
    at most three capitals that no family name opens, or two printed before a pause or a
    province ("Đà Lạt", "Phan Thiết, tỉnh Bình Thuận"); a person's name in apposition
    ("Lê Văn A, Chủ tịch ...") is not one."""
    end = name_run(items, k)
    if not 1 <= end - k <= 3 or (end < len(items) and items[end].kind == "CAP"):
        return 0
    if end + 1 < len(items) and items[end].key in (",", "-", "–") and items[end + 1].kind == "TITLE":
        return 0
    if items[k].key not in surnames():
        return end
    paused = end >= len(items) or items[end].kind in ("PUNCT", "PROV", "BODY") or province_word(items, end)
    return end if end - k == 2 and paused else 0


def _district(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Huyện ủy Đại Lộc', 'Ban CHQS huyện Đại Lộc': a head and a place name."""
    k = _place_run(items, i + 1)
    if k == i + 1:
        return ref, i + 1
    ref.place = join_items(items[i + 1 : k])
    ref.end = items[k - 1].end
    return ref, k


def _place_run(items: list[Item], k: int) -> int:
    """The index after the name of a place below the province: up to three capitalised
    syllables, a province's name among them ("xã Hòa Bình")."""
    j = k
    while j < len(items) and items[j].kind in ("CAP", "PROV") and j - k < 3:
        j += 1
    return j


def _sub(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Cục Chính trị Quân khu 7', 'Ban Thường vụ Tỉnh ủy': a part and the body it belongs to."""
    j = k = i + 1
    width = next((len(w.split()) for w in load_grammar().district_words if starts_with(items, k, w)), 0)
    run_end = _place_run(items, k + width) if width else k
    if width and run_end > k + width:
        # "Ban Chỉ huy Quân sự (CHQS) huyện Đại Lộc": the body of a district.
        ref.kind = "district"
        ref.head = f"{ref.head} {join_items(items[k : k + width])}"
        ref.place = join_items(items[k + width : run_end])
        ref.end = items[run_end - 1].end
        return ref, run_end
    if k < len(items) and items[k].key in load_grammar().part_of_words:
        k += 1
    parent, after = parse_body(items, k)
    if parent is None and k == j and k + 1 < len(items) and items[k].key == ",":
        parent, after = _whole_after_comma(items, k + 1)  # "Phòng Tham mưu, Cục Cảnh sát giao thông"
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


def _whole_after_comma(items: list[Item], k: int) -> tuple[BodyRef | None, int]:
    """A body printed after a part and a comma is its whole when it is a whole (national,
    provincial, numbered), not another part of a list ("Đảng ủy, Bộ Tư lệnh Quân khu 7")."""
    if k >= len(items) or items[k].kind != "BODY" or body_entry(items[k]).kind not in ("national", "provincial", "numbered"):
        return None, k
    whole, after = parse_body(items, k)
    return (whole, after) if whole is not None and whole.complete else (None, k)


def _national(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Bộ Quốc phòng', 'Tổng cục Chính trị Quân đội nhân dân Việt Nam', 'Cục Đối ngoại Bộ Quốc phòng'."""
    entry = body_entry(items[i])
    ref.canon = entry.forms[0]
    if _unexpanded(ref.head) or ref.head.lower() == entry.forms[0].lower():
        ref.head = entry.forms[0]  # an abbreviation ("QUTW", "Đảng ủy CATW") is written out, a case fixed
    j = i + 1
    if j < len(items) and items[j].kind == "PROV":
        # "BĐBP Lạng Sơn": a national force's command in a province.
        ref.kind = "provincial"
        ref.province = items[j].key
        ref.province_printed = items[j].text
        ref.end = items[j].end
        return ref, j + 1
    if j < len(items) and items[j].kind == "BODY" and not entry.qualifier and body_entry(items[j]).qualifier:
        parent, after = parse_body(items, j)  # "... Quân đội nhân dân Việt Nam": the force it is of
        if parent is not None:
            ref.parent, ref.end = parent, parent.end
            return ref, after
    tail, k = country_tail(items, j)
    if tail:
        ref.tail = tail
        ref.end = items[k - 1].end
        if not is_home(items[k - 1]):
            ref.canon = None  # a foreign body of the same name: "Bộ Quốc phòng Nhật Bản"
        return ref, k
    parent, after = _parent_of(items, j, ref)
    if parent is not None:
        ref.parent = parent
        ref.end = parent.end
        return ref, after
    return ref, j


@cache
def _unexpanded(printed: str) -> bool:
    """Whether a printed name holds an abbreviation the canonical form does not expand."""
    from ..evaluate.abbreviations import abbreviation_table

    if not any(c.islower() for c in printed):
        return True  # an abbreviation alone ("BĐBP", "QUTW")
    known = abbreviation_table().expansions
    return any(len(w) > 1 and w.isupper() and w not in known for w in printed.replace("-", " ").split())


def _parent_of(items: list[Item], j: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """The national body a national body's name is followed by, as its parent:
    'Cục Đối ngoại Bộ Quốc phòng' (not after a comma: that is a list)."""
    from .institutions import load_institutions

    if j >= len(items) or items[j].kind != "BODY" or body_entry(items[j]).kind != "national":
        return None, j
    above = {b.name for b in load_institutions().chain(ref.canon or "")[1:]} if ref.canon else set()
    if body_entry(items[j]).forms[0] not in above:
        return None, j
    return parse_body(items, j)


def is_home(item: Item) -> bool:
    """Whether a country item is the home country (``places.yaml``: Việt Nam)."""
    return item.kind == "COUNTRY" and item.key == load_places().home_country


def _name_word(item: Item) -> bool:
    """A capitalised word, or a one-word body noun used as one ("Ban Chỉ huy Phòng thủ")."""
    return item.kind == "CAP" or (
        item.kind == "BODY" and " " not in item.text and body_entry(item).kind == "named"
    )


def _named(items: list[Item], i: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """'Cục Tuyên huấn', 'Sở Nội vụ tỉnh X', 'Bệnh viện Quân y 175': a common noun
    and a name, each word group opened by a capital (names of bodies capitalise
    their first syllable; a run of capitals is a person's name). A name goes on
    past 'và' or a comma where the language joins its parts ("Bộ Văn hóa, Thể
    thao và Du lịch", "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ").
    A head printed alone ("Học viện") names the article's body of that head."""
    words, k = name_words(items, i + 1)
    if words is None:
        return None, i
    if not any(w.kind == "CAP" for w in words) or (k < len(items) and items[k].key in load_grammar().class_words):
        if not words and body_entry(items[i]).anaphoric and not (k < len(items) and items[k].key in load_grammar().class_words):
            return ref, i + 1  # a bare head, completed from the article (resolve)
        return None, i  # "Ban Chỉ đạo khu vực phòng thủ các cấp": a class of bodies
    if k < len(items) and items[k].kind == "NUM":
        words.append(items[k])
        k += 1
    ref.place = join_items(words)
    ref.end = words[-1].end
    return named_tail(items, k, ref)


def named_tail(items: list[Item], k: int, ref: BodyRef) -> tuple[BodyRef | None, int]:
    """What may follow a named body's name: 'tỉnh X', a province, or its parent body."""
    width = province_word(items, k)
    if width:
        ref.province_word = join_items(items[k : k + width])
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
        after = k + 1 if k < len(items) and items[k].key in load_grammar().part_of_words else k
        parent, end = parse_body(items, after)
        if parent is not None:
            ref.parent = parent
            ref.end = parent.end
            return ref, end
    return ref, k


def name_words(items: list[Item], k: int) -> tuple[list[Item] | None, int]:
    """The words of a body's name from ``items[k]``, and the index after them (None:
    a run of lower-case words too long for a name)."""
    grammar = load_grammar()
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
    if words and k < len(items) and items[k].kind == "CAP":
        end = place_name(items, k)  # "Đồn Biên phòng Cửa khẩu Quốc tế Lao Bảo": ends in a place
        if end and end - k == 2:
            words += items[k:end]
            k = end
    return words, k


def _in_name(items: list[Item], k: int, words: list[Item]) -> bool:
    """Whether the lower-case word ``items[k]`` goes on the name ``words``: not a word that
    ends names, unless a phrase of the grammar ends in it ("tội phạm về")."""
    grammar = load_grammar()
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
    grammar = load_grammar()
    if not words or k + 1 >= len(items) or (items[k].key not in grammar.coordinators and items[k].key != ","):
        return k
    nxt = items[k + 1]
    before = " ".join(w.key for w in words[-2:])
    paired = any(before.endswith(a) and starts_with(items, k + 1, b) for a, b in grammar.paired_words)
    if items[k].key in grammar.coordinators:
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




def _starts_pair(items: list[Item], k: int) -> bool:
    """Whether a pair of the grammar begins at ``items[k]`` ("phòng, chống")."""
    for first, _ in load_grammar().paired_words:
        n = len(first.split())
        if starts_with(items, k, first) and k + n < len(items) and items[k + n].key == ",":
            return True
    return False


def _closes_with_and(items: list[Item], k: int) -> bool:
    """Whether the capitalised part at ``items[k]`` is followed, within the name, by 'và'
    and another capitalised part: 'Thể thao và Du lịch'."""
    j = k + 1
    while j < len(items) and items[j].kind == "WORD" and items[j].key not in load_grammar().not_in_names:
        j += 1
    if j < len(items) and items[j].key == ",":
        return j + 1 < len(items) and items[j + 1].kind == "CAP" and _closes_with_and(items, j + 1)
    return j + 1 < len(items) and items[j].key in load_grammar().coordinators and items[j + 1].kind == "CAP"


def country_tail(items: list[Item], i: int) -> tuple[str | None, int]:
    """A qualifier ending in a country: 'nước Cộng hòa Dân chủ Nhân dân Lào', and where its
    holder serves: 'Liên bang Nga tại Việt Nam'."""
    tail, k = _country(items, i)
    if tail and k + 1 < len(items) and items[k].key in load_grammar().serving_at and items[k + 1].kind in ("COUNTRY", "PROV"):
        return f"{tail} {join_items(items[k : k + 2])}", k + 2
    return tail, k


def _country(items: list[Item], i: int) -> tuple[str | None, int]:
    not_in_names = load_grammar().not_in_names
    k = i
    while k < len(items) and k - i < 7 and (
        items[k].kind in ("CAP", "ABBR") or (items[k].kind == "WORD" and items[k].key not in not_in_names)
    ):
        k += 1
        if k < len(items) and items[k].kind == "COUNTRY":
            break
    if k < len(items) and items[k].kind == "COUNTRY":
        return join_items(items[i : k + 1]), k + 1
    return None, i


BODY_PARSERS: dict[str, BodyParser] = {
    "numbered": _numbered,
    "provincial": _provincial,
    "district": _district,
    "sub": _sub,
    "national": _national,
    "named": _named,
}

