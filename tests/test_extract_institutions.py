"""Vietnam's institutions as data (``qpgraph/data/institutions.yaml``): valid, whole,
without cycles, and what the extractor recognises."""

from __future__ import annotations

import pytest
import yaml

from qpgraph.datafile import read_data_file
from qpgraph.extract.gazetteer import load_gazetteer
from qpgraph.extract.institutions import Institutions, load_institutions


def test_institutions_every_parent_and_successor_is_a_body_and_no_parent_chain_cycles() -> None:
    inst = load_institutions()
    names = {b.name for b in inst.bodies}
    regions = {inst.region_name(r.number) for r in inst.military_regions}
    for body in inst.bodies:
        assert body.parent is None or body.parent in names | regions, body.name
        assert body.became is None or body.became in names, body.name
        chain = [b.name for b in inst.chain(body.name)]
        assert len(chain) == len(set(chain)) and chain[0] == body.name
    assert [b.name for b in inst.chain("Cục Tác chiến")] == ["Cục Tác chiến", "Bộ Tổng Tham mưu", "Bộ Quốc phòng", "Chính phủ"]
    assert inst.parent_of("Quân khu 7") == "Bộ Quốc phòng"


def test_institutions_military_regions_cover_every_province_before_and_after_the_merger() -> None:
    inst = load_institutions()
    gazetteer = load_gazetteer()
    before = [p for r in inst.military_regions for p in r.before]
    after = [p for r in inst.military_regions for p in r.after]
    capital = inst.capital_command.province
    assert len(before) == len(set(before)) == 62 and len(after) == len(set(after)) == 33
    assert all(p in gazetteer.provinces for p in [*before, *after, capital])
    assert set(before) | {capital} == set(gazetteer.provinces)  # the 63 of before 1 July 2025
    assert {p for p in gazetteer.provinces if gazetteer.provinces[p].current} == set(after) | {capital}
    # A province merged in 2025 is covered after the merger by the region of the province it joined.
    for old in before:
        new = gazetteer.provinces[old].merged_into or old
        assert inst.region_of(new, "2025-08-01") is not None, old


def test_institutions_dated_renames_and_mergers() -> None:
    inst = load_institutions()
    labour = inst.body("Bộ Lao động - Thương binh và Xã hội")
    assert (labour.until, labour.became) == ("2025-03-01", "Bộ Nội vụ")
    assert labour.exists_on("2024-12-31") and not labour.exists_on("2025-03-01")
    assert inst.body("Quân ủy Trung ương").since == "2011"
    assert inst.body("Đảng ủy Quân sự Trung ương").became == "Quân ủy Trung ương"
    assert inst.region_of("Hòa Bình", "2025-06-30") == "3" and inst.region_of("Phú Thọ", "2025-07-01") == "2"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["bodies"][1].update(parent="Ban Không Có"), "is not a body of the file"),
        (lambda d: d["bodies"][0].update(parent="Bộ Chính trị"), "make a cycle"),
        (lambda d: d["bodies"].append(dict(d["bodies"][1])), "listed twice"),
        (lambda d: d["bodies"][2].update(kind="club"), "kind"),
    ],
    ids=["unknown-parent", "cycle", "duplicate", "unknown-kind"],
)
def test_institutions_a_broken_file_is_refused(change, message: str) -> None:
    data = yaml.safe_load(read_data_file("institutions.yaml"))
    change(data)
    with pytest.raises(ValueError, match=message):
        Institutions.model_validate(data)
