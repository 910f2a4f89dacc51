"""Vietnam's institutions as data: ``qpgraph/data/institutions.yaml``.

The national bodies of the Party, the State, the Ministry of Defence and the
Ministry of Public Security (each with its parent, the titles that head it and
its dated renames and mergers), the bodies repeated in every province, and the
provinces each military region covers before and after the 2025 merger.

>>> inst = load_institutions()
>>> inst.body("Bộ Quốc phòng").parent
'Chính phủ'
>>> inst.body("Bộ Lao động - Thương binh và Xã hội").became
'Bộ Nội vụ'
>>> [b.name for b in inst.chain("Tổng cục Chính trị")]
['Tổng cục Chính trị', 'Bộ Quốc phòng', 'Chính phủ']
>>> inst.region_of("Bình Thuận", "2024-05-01"), inst.region_of("Lâm Đồng", "2025-12-30")
('7', '7')
>>> inst.region_of("Hòa Bình", "2025-01-01"), inst.region_of("Phú Thọ", "2025-08-01")
('3', '2')
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..datafile import load_data_file

__all__ = ["Family", "Institutions", "NationalBody", "Region", "load_institutions"]

Kind = Literal["party", "state", "assembly", "government", "ministry", "army", "police", "front", "court", "procuracy"]
#: A family's parent that depends on the province: the military region covering it.
MILITARY_REGION = "military_region"


def _date(value: object) -> str | None:
    """A date of the file as ``YYYY`` or ``YYYY-MM-DD`` text (YAML reads both as other types)."""
    if value is None:
        return None
    if isinstance(value, int):
        return f"{value:04d}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    datetime.date.fromisoformat(text if len(text) == 10 else f"{text}-01-01")
    return text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NationalBody(_Strict):
    """One national body."""

    name: str
    forms: tuple[str, ...] = ()
    kind: Kind
    parent: str | None
    heads: tuple[str, ...] = ()
    title_forms: tuple[str, ...] = ()
    qualifier: bool = False
    service: Literal["army", "police"] | None = None
    since: str | None = None
    until: str | None = None
    became: str | None = None

    @field_validator("since", "until", mode="before")
    @classmethod
    def _dates(cls, value: object) -> str | None:
        return _date(value)

    def exists_on(self, day: str) -> bool:
        """Whether the body existed under this name on ``day`` (``YYYY-MM-DD``)."""
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


class Family(_Strict):
    """A body repeated in every province ("Tỉnh ủy"): the province completes its name."""

    forms: tuple[str, ...] = Field(min_length=1)
    kind: Kind
    parent: str | None
    heads: tuple[str, ...] = ()
    strict: bool = False
    bare_province: bool = False  # named with its province alone: "Tỉnh ủy Lâm Đồng", not "Tỉnh ủy tỉnh ..."


class Region(_Strict):
    """A military region and the provinces it covers before and after the 2025 merger."""

    number: int
    before: tuple[str, ...]
    after: tuple[str, ...]


class _Reforms(_Strict):
    provinces_merged: str
    district_level_ended: str
    ministries_merged: str
    party_commissions_merged: str

    @field_validator("*", mode="before")
    @classmethod
    def _dates(cls, value: object) -> str | None:
        return _date(value)


class _CapitalCommand(_Strict):
    province: str
    body: str


class Institutions(_Strict):
    """The whole file, validated: every parent and successor exists, no cycle."""

    version: Literal[1]
    reforms: _Reforms
    bodies: tuple[NationalBody, ...]
    families: tuple[Family, ...]
    region_head: str
    region_parent: str
    military_regions: tuple[Region, ...]
    capital_command: _CapitalCommand

    @model_validator(mode="after")
    def _check(self) -> Institutions:
        names = [b.name for b in self.bodies]
        known = set(names) | {self.region_name(r.number) for r in self.military_regions}
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"bodies listed twice: {duplicates}")
        for body in self.bodies:
            for ref, what in ((body.parent, "parent"), (body.became, "became")):
                if ref is not None and ref not in known:
                    raise ValueError(f"{body.name!r}: {what} {ref!r} is not a body of the file")
            self.chain(body.name)  # raises on a cycle
        for family in self.families:
            if family.parent not in (None, MILITARY_REGION) and family.parent not in known:
                raise ValueError(f"{family.forms[0]!r}: parent {family.parent!r} is not a body of the file")
        if self.region_parent not in known:
            raise ValueError(f"region_parent {self.region_parent!r} is not a body of the file")
        if self.capital_command.body not in known:
            raise ValueError(f"capital command {self.capital_command.body!r} is not a body of the file")
        return self

    def region_name(self, number: int | str) -> str:
        """A military region's name: "Quân khu 7"."""
        return f"{self.region_head} {number}"

    def body(self, name: str) -> NationalBody:
        """The national body of that name (``KeyError`` if none)."""
        for body in self.bodies:
            if body.name == name:
                return body
        raise KeyError(name)

    def parent_of(self, name: str) -> str | None:
        """The parent of a national body or of a military region (the Ministry of Defence)."""
        if any(name == self.region_name(r.number) for r in self.military_regions):
            return self.region_parent
        return self.body(name).parent

    def chain(self, name: str) -> list[NationalBody]:
        """The body and every body above it, nearest first (``ValueError`` on a cycle)."""
        out: list[NationalBody] = []
        seen: set[str] = set()
        current: str | None = name
        while current is not None:
            if current in seen:
                raise ValueError(f"the parents of {name!r} make a cycle through {current!r}")
            seen.add(current)
            if current.startswith(self.region_head + " ") and current not in {b.name for b in self.bodies}:
                current = self.parent_of(current)
                continue
            body = self.body(current)
            out.append(body)
            current = body.parent
        return out

    def region_of(self, province: str, day: str | None = None) -> str | None:
        """The number of the military region covering a province on ``day`` (today's map
        when None; a province that no longer exists keeps its old region)."""
        after = day is None or day >= self.reforms.provinces_merged
        for region in self.military_regions:
            if province in (region.after if after else region.before):
                return str(region.number)
        for region in self.military_regions:
            if province in region.before or province in region.after:
                return str(region.number)
        return None


@cache
def load_institutions() -> Institutions:
    """The shipped file, validated once per process."""
    return load_data_file("institutions.yaml", Institutions)
