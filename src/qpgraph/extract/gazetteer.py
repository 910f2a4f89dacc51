"""Provinces and centrally governed cities, from the administrative-units dataset.

The 63 provinces before 1 July 2025, the 34 after, and which old province is
part of which new one come from the ``vietnamadminunits`` package (maintained,
on PyPI), never from a list typed by hand.

>>> gaz = load_gazetteer()
>>> gaz.lookup("Bình Thuận").merged_into
'Lâm Đồng'
>>> gaz.lookup("TP.HCM").name
'Hồ Chí Minh'
>>> gaz.lookup("Thành phố Hồ Chí Minh").name
'Hồ Chí Minh'
>>> len(gaz.provinces) >= 63
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..text import normalize
from .vocab import load_grammar, load_places

__all__ = ["Gazetteer", "ProvinceEntry", "load_gazetteer"]


@dataclass(frozen=True)
class ProvinceEntry:
    name: str                 # short name: "Lâm Đồng"
    full: str                 # "Tỉnh Lâm Đồng"
    code: str
    current: bool             # one of the 34 provinces since 1 July 2025
    merged_into: str | None   # short name of the 2025 province it is part of

    @property
    def word(self) -> str:
        """The word the province is printed after, from the dataset: "tỉnh", "thành phố"."""
        bare = without_province_word(self.full)
        return self.full[: len(self.full) - len(bare)].strip().lower() if bare is not None else ""


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, ProvinceEntry]   # short name -> entry
    forms: dict[str, str]                 # lower-cased printed form -> short name

    def printed_forms(self) -> list[tuple[str, str]]:
        """(printed form, short name) pairs, with the case of the dataset."""
        out: list[tuple[str, str]] = []
        for entry in self.provinces.values():
            out.append((entry.name, entry.name))
            if (bare := without_province_word(entry.full)) is not None:
                out.append((bare, entry.name))
        out.extend((normalize(a), normalize(s)) for a, s in load_places().province_aliases.items())
        return sorted(set(out))

    def lookup(self, form: str) -> ProvinceEntry | None:
        """The province a printed form names, or None."""
        key = " ".join(normalize(form).lower().split())
        if key not in self.forms:
            key = without_province_word(key) or key
        short = self.forms.get(key)
        return self.provinces.get(short) if short else None


def without_province_word(name: str) -> str | None:
    """A province's name without the word it is printed after ("Tỉnh Lâm Đồng" → "Lâm
    Đồng", grammar.yaml's ``province_words``), or None when it has none."""
    lowered = name.lower()
    for word in load_grammar().province_words:
        if lowered.startswith(word + " "):
            return name[len(word) + 1 :]
    return None


def _dataset(name: str) -> dict:
    path = resources.files("vietnamadminunits").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process."""
    legacy = _dataset("parser_legacy.json")["DICT_PROVINCE"]
    current = _dataset("parser_from_2025.json")["DICT_PROVINCE"]
    merger = _dataset("converter_2025.json")["DICT_PROVINCE"]
    old_to_new: dict[str, str] = {}
    for new_key, old_keys in merger.items():
        for old_key in old_keys:
            old_to_new[old_key] = current[new_key]["provinceShort"]
    provinces: dict[str, ProvinceEntry] = {}
    for key, row in list(legacy.items()) + list(current.items()):
        short = normalize(row["provinceShort"])
        is_current = key in current
        merged = old_to_new.get(key)
        if short in provinces:
            prev = provinces[short]
            is_current = is_current or prev.current
            merged = merged or prev.merged_into
        provinces[short] = ProvinceEntry(
            name=short,
            full=normalize(row["province"]),
            code=row["provinceCode"],
            current=is_current,
            merged_into=None if merged == short else merged,
        )
    forms: dict[str, str] = {}
    for entry in provinces.values():
        forms[entry.name.lower()] = entry.name
        if (bare := without_province_word(entry.full)) is not None:
            forms[bare.lower()] = entry.name
    for alias, short in load_places().province_aliases.items():
        forms[normalize(alias).lower()] = normalize(short)
    return Gazetteer(provinces=provinces, forms=forms)
