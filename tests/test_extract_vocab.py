"""The vocabularies the extractor reads (``qpgraph/data/*.yaml``): loaded once,
validated, and holding what the articles in data/raw print.
"""

from __future__ import annotations

import pytest

from qpgraph import datafile
from qpgraph.errors import VocabularyError
from qpgraph.extract.vocab import (
    data_files,
    load_bodies,
    load_cues,
    load_names,
    load_places,
    load_ranks,
    load_titles,
)


def test_vocab_ranks_highest_first() -> None:
    orders = [rank.order for rank in load_ranks()]
    assert orders == sorted(orders, reverse=True)


@pytest.mark.parametrize(
    ("name", "order", "service"),
    [
        pytest.param("Đại tướng", 12, "army", id="dai-tuong"),
        pytest.param("Thượng tướng", 11, "army", id="thuong-tuong"),
        pytest.param("Đô đốc", 11, "navy", id="do-doc"),
        pytest.param("Trung tướng", 10, "army", id="trung-tuong"),
        pytest.param("Phó Đô đốc", 10, "navy", id="pho-do-doc"),
        pytest.param("Thiếu tướng", 9, "army", id="thieu-tuong"),
        pytest.param("Chuẩn Đô đốc", 9, "navy", id="chuan-do-doc"),
        pytest.param("Đại tá", 8, "army", id="dai-ta"),
        pytest.param("Thượng tá", 7, "army", id="thuong-ta"),
    ],
)
def test_vocab_ranks(name: str, order: int, service: str) -> None:
    ranks = {rank.name: rank for rank in load_ranks()}
    assert (ranks[name].order, ranks[name].service) == (order, service)


@pytest.mark.parametrize(
    ("title", "heads", "expand", "default_body"),
    [
        pytest.param("tư lệnh", True, None, None, id="tu-lenh"),
        pytest.param("phó tư lệnh", False, None, None, id="pho-tu-lenh"),
        pytest.param("chính ủy", True, None, None, id="chinh-uy"),
        pytest.param("bí thư", True, None, None, id="bi-thu"),
        pytest.param("tham mưu trưởng", False, None, None, id="tham-muu-truong"),
        pytest.param("uvtv", False, "Ủy viên", "Ban Thường vụ Tỉnh ủy", id="uvtv"),
        pytest.param("uvtw", False, "Ủy viên", "Ban Chấp hành Trung ương Đảng", id="uvtw"),
    ],
)
def test_vocab_titles(title: str, heads: bool, expand: str | None, default_body: str | None) -> None:
    entry = load_titles()[title]
    assert (entry.heads, entry.expand, entry.default_body) == (heads, expand, default_body)


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        pytest.param("Quân khu", "numbered", id="quan-khu"),
        pytest.param("Sư đoàn", "numbered", id="su-doan"),
        pytest.param("Tỉnh ủy", "provincial", id="tinh-uy"),
        pytest.param("Bộ CHQS tỉnh", "provincial", id="bo-chqs-tinh"),
        pytest.param("Công an tỉnh", "provincial", id="cong-an-tinh"),
        pytest.param("Ban CHQS huyện", "district", id="ban-chqs-huyen"),
        pytest.param("Ban Thường vụ", "sub", id="ban-thuong-vu"),
        pytest.param("Thường trực", "sub", id="thuong-truc"),
        pytest.param("Cục Chính trị", "sub", id="cuc-chinh-tri"),
        pytest.param("Bộ Quốc phòng", "national", id="bo-quoc-phong"),
        pytest.param("BĐBP", "national", id="bdbp"),
        pytest.param("Bộ Tư lệnh Cảnh vệ", "national", id="bo-tu-lenh-canh-ve"),
    ],
)
def test_vocab_bodies(form: str, kind: str) -> None:
    kinds = [body.kind for body in load_bodies() if form.lower() in (f.lower() for f in body.forms)]
    assert kinds[:1] == [kind]


def test_vocab_places() -> None:
    places = load_places()
    assert {"Việt Nam", "Lào", "Campuchia"} <= set(places.countries)
    assert "Tây Nguyên" in places.regions
    assert places.province_aliases["TP.HCM"] == "Hồ Chí Minh"


def test_vocab_cues() -> None:
    cues = load_cues()
    assert {"đồng chí", "ông"} <= set(cues.honorifics)
    assert {"giữ chức vụ", "giữ chức"} <= set(cues.appointment_cues)
    assert cues.former_cues == ["nguyên"]


@pytest.mark.parametrize("surname", ["Nguyễn", "Trần", "Y", "Thào", "Quản", "Huỳnh"], ids=["nguyen", "tran", "y", "thao", "quan", "huynh"])
def test_vocab_surnames(surname: str) -> None:
    assert surname in load_names().surnames


def test_vocab_loaded_once() -> None:
    assert load_ranks() is load_ranks()
    assert load_titles() is load_titles()
    assert "ranks.yaml" in data_files()


@pytest.mark.parametrize(
    ("loader", "name", "content"),
    [
        pytest.param(load_ranks, "ranks.yaml", "ranks:\n  - {name: Đại tá, order: cao, service: army}\n", id="bad-order"),
        pytest.param(load_titles, "titles.yaml", "titles: [Tư lệnh]\n", id="not-a-mapping"),
        pytest.param(load_bodies, "bodies.yaml", "bodies:\n  - {kind: region, forms: [Quân khu]}\n", id="bad-kind"),
        pytest.param(load_places, "places.yaml", "countries: [Lào\n", id="not-yaml"),
    ],
)
def test_vocab_malformed_file_names_it(monkeypatch, loader, name: str, content: str) -> None:
    monkeypatch.setattr(datafile, "read_data_file", lambda _name: content)
    with pytest.raises(VocabularyError) as raised:
        loader.__wrapped__()
    assert raised.value.path == f"qpgraph/data/{name}"
