"""Where a body stands in Vietnam's institutions: the body it is part of, by
``institutions.yaml`` (:mod:`qpgraph.extract.institutions`).

A unit of the records is keyed by its canonical name (a national body, a
military region) or by ``head|province`` (a body repeated in every province).
Its parent is the national body's parent; the military regions' head (the
Ministry of Defence); or the parent of the province's body: the military
region that covered the province on the article's date for the military
command and its Party committee, the capital command for the capital, the
national body otherwise ("Tỉnh ủy" of the Party's Central Committee, "Công an
tỉnh" of the Ministry of Public Security).

>>> institutional_parent("bộ chỉ huy quân sự|hòa bình", "2025-01-01")
('quân khu 3', 'Quân khu 3')
>>> institutional_parent("bộ chỉ huy quân sự|phú thọ", "2025-08-01")
('quân khu 2', 'Quân khu 2')
>>> institutional_parent("quân khu 7", None), institutional_parent("bộ quốc phòng", None)
(('bộ quốc phòng', 'Bộ Quốc phòng'), ('chính phủ', 'Chính phủ'))
>>> institutional_parent("sư đoàn 9", None) is None
True
"""

from __future__ import annotations

from functools import cache

from ..evaluate.canonical import canonical
from ..extract.institutions import MILITARY_REGION, Family, load_institutions
from ..extract.vocab import load_grammar, load_titles
from .resolve import without_province_word

__all__ = ["institutional_parent", "institution_kind", "generic_form", "family_rank", "body_kind", "body_level", "LEVELS"]


@cache
def _tables() -> tuple[dict[str, tuple[str, str | None, str]], dict[str, Family]]:
    """By canonical name, each national body and military region: its name, its parent's
    name, its kind; by canonical head (without its province word), each family."""
    institutions = load_institutions()
    national = {canonical(b.name): (b.name, b.parent, b.kind) for b in institutions.bodies}
    for region in institutions.military_regions:
        name = institutions.region_name(region.number)
        national.setdefault(canonical(name), (name, institutions.region_parent, "army"))
    families = {without_province_word(canonical(form)): family for family in institutions.families for form in family.forms}
    return national, families


def institutional_parent(key: str, date: str | None) -> tuple[str, str] | None:
    """The key and name of the body the unit keyed ``key`` is part of on ``date`` (an
    article's date, None for today), if the institutions say."""
    national, families = _tables()
    if key in national:
        parent = national[key][1]
        return (canonical(parent), parent) if parent else None
    head, _, province = key.partition("|")
    family = families.get(without_province_word(head)) if province else None
    if family is None or family.parent is None:
        return None
    if family.parent != MILITARY_REGION:
        return canonical(family.parent), family.parent
    institutions = load_institutions()
    number = institutions.region_of(_province_name(province), date)
    if number is not None:
        name = institutions.region_name(number)
        return canonical(name), name
    capital = institutions.capital_command
    if canonical(capital.province) == province:
        return canonical(capital.body), capital.body
    return None


def _province_name(key: str) -> str:
    """The short name of a province by the canonical form a unit's key gives it."""
    for name in _province_names():
        if canonical(name) == key:
            return name
    return key


@cache
def _province_names() -> tuple[str, ...]:
    institutions = load_institutions()
    return tuple(sorted({p for r in institutions.military_regions for p in (*r.before, *r.after)}))


def _head(unit: str) -> tuple[str, bool]:
    """A unit's node id as its head's canonical words (without the province word for
    a province's body) and whether it is a province's body (``unit:<head>--<province>``)."""
    head, sep, _ = unit.partition(":")[2].partition("--")
    words = head.replace("-", " ")
    return (without_province_word(words), True) if sep else (words, False)


def family_rank(unit: str) -> int | None:
    """Where the body of a province (a node id, ``unit:<head>--<province>``) comes in the
    institutions' list of the bodies every province has (Tỉnh ủy first, then the
    People's Council and Committee, the military command, the police...); None for any
    other body.

    >>> family_rank("unit:tỉnh-ủy--lâm-đồng") < family_rank("unit:bộ-chỉ-huy-quân-sự--lâm-đồng")
    True
    >>> family_rank("unit:quân-khu-7") is None
    True
    """
    head, of_province = _head(unit)
    return _family_ranks().get(head) if of_province else None


@cache
def _family_ranks() -> dict[str, int]:
    ranks: dict[str, int] = {}
    for rank, family in enumerate(load_institutions().families):
        for form in family.forms:
            ranks.setdefault(without_province_word(canonical(form)), rank)
    return ranks


def body_kind(unit: str) -> str | None:
    """The kind (army, police, party...) the institutions give a body, by its node id:
    a national body's or military region's, or the family's of a province's body.

    >>> body_kind("unit:bộ-chỉ-huy-quân-sự--lâm-đồng"), body_kind("unit:bộ-công-an"), body_kind("unit:sư-đoàn-9")
    ('army', 'ministry', None)
    """
    head, of_province = _head(unit)
    national, families = _tables()
    if not of_province:
        found = national.get(head)
        return found[2] if found else None
    family = families.get(head)
    return family.kind if family else None


#: The levels of the org chart, from the top: what :func:`body_level` returns indexes it.
LEVELS = ("national", "ministry, commission or military region", "province", "other")


def body_level(unit: str) -> int:
    """Where a body (a node id) stands in the state's levels (an index of ``LEVELS``):
    a national body at the top of its tree (the Party's Central Committee, the
    Government, the National Assembly), a body under one (a ministry, a central
    commission, a military region), a province's body, any other.

    >>> [body_level(u) for u in ("unit:chính-phủ", "unit:bộ-quốc-phòng", "unit:quân-khu-7")]
    [0, 1, 1]
    >>> body_level("unit:ủy-ban-nhân-dân-tỉnh--lâm-đồng"), body_level("unit:sư-đoàn-9")
    (2, 3)
    """
    head, of_province = _head(unit)
    national, families = _tables()
    if of_province:
        return 2 if head in families else 3
    found = national.get(head)
    if found is None:
        return 3
    return 0 if found[1] is None else 1


def institution_kind(key: str) -> str | None:
    """The kind of a national body or military region (party, army, police...), if listed."""
    found = _tables()[0].get(key)
    return found[2] if found else None


@cache
def _generic() -> frozenset[str]:
    """The canonical forms that name a kind of body, not one body: the parts of a military
    region or of a Party committee printed alone ("Đảng ủy", "Ban Thường vụ"), the head
    of the military regions ("Quân khu"), and the bodies repeated in every province
    printed without it ("Tỉnh ủy", "Bộ CHQS tỉnh"); and titles."""
    grammar, institutions = load_grammar(), load_institutions()
    words = {*grammar.military_parts, *grammar.party_parts, grammar.region_head, institutions.region_head}
    words |= {form for family in institutions.families for form in family.forms}
    words |= {title.name for title in load_titles().values()}  # "Cục trưởng" read as its Cục
    return frozenset(canonical(w) for w in words)


def generic_form(form: str) -> bool:
    """Whether a printed form names a kind of body, never one body (so it is not kept as
    a form of the unit it was read as).

    >>> generic_form("Đảng ủy"), generic_form("Bộ CHQS tỉnh"), generic_form("QK7")
    (True, True, False)
    """
    return canonical(form) in _generic()
