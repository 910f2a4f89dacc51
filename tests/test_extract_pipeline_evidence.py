"""Evidence: every post, person, unit, province and event carries the mention it
was read from: the article, the sentence (index and text) and the span of the
original text, which lies inside that sentence.

Texts are copied from data/raw.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from excerpts import DEV_17_HANDOVER

from qpgraph.extract.pipeline import extract
from qpgraph.ingest import prepare
from qpgraph.records import Article, ArticleRecords
from qpgraph.text import normalize

TEXTS = [
    pytest.param(
        "Ban Thường vụ Đảng ủy Quân khu 7 làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng\nTốc độ:1x\n"
        "(QK7 Online) - Chiều ngày 30/12, Đoàn công tác Ban thường vụ Đảng ủy Quân khu 7 do Trung tướng Trần Vinh Ngọc, "
        "Bí thư Đảng ủy, Chính ủy Quân khu 7 làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng về "
        "công tác quốc phòng, quân sự địa phương.\n"
        "Tham gia đoàn công tác có các đồng chí: Thiếu tướng Trần Ngọc Minh, Ủy viên Ban Thường vụ Đảng ủy, Phó Tư lệnh "
        "Quân khu; Thiếu tướng Phạm Anh Tuấn, Ủy viên Ban Thường vụ Đảng ủy, Chủ nhiệm Chính trị Quân khu; Đại tá Trần "
        "Hữu Nhân, Phó Tham mưu trưởng Quân khu; Đại tá Nguyễn Thanh Tâm, Chủ nhiệm Hậu cần - Kỹ thuật Quân khu; thủ "
        "trưởng các cơ quan chức năng Quân khu.\n"
        "Đồng chí Hồ Văn Mười, Chủ tịch UBND tỉnh phát biểu tại buổi làm việc.",
        None,
        id="000",
    ),
    pytest.param(
        "Bàn giao chức vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đồng Nai\n\n"
        "Chiều ngày 24/4, Bộ Chỉ huy Quân sự (CHQS) tỉnh tổ chức Hội nghị bàn giao chức vụ Chỉ huy trưởng Bộ CHQS tỉnh. "
        "Trung tướng Nguyễn Trường Thắng - UVTW Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh Quân khu 7 chủ trì hội nghị. "
        "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí: Quản Minh Cường - Phó Bí thư Tỉnh ủy, Trưởng Đoàn "
        "Đại biểu Quốc hội tỉnh; Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh; Đào Văn Phước - UVTV, Trưởng Ban Tổ chức "
        "Tỉnh ủy.\n\n"
        "Theo quyết định của Bộ Quốc phòng, Đại tá Vũ Văn Điền - UVTV, Chỉ huy trưởng Bộ CHQS tỉnh được điều động, bổ "
        "nhiệm giữ chức vụ Phó tư lệnh, Tham mưu trưởng Bộ Tư lệnh Thành phố Hồ Chí Minh; Đại tá Phan Quốc Việt - Sư đoàn "
        "trưởng Sư đoàn 302 thuộc Quân khu 7, được điều động, bổ nhiệm giữ chức vụ Chỉ huy trưởng Bộ CHQS tỉnh.",
        "2024-04-25",
        id="dev-20",
    ),
    pytest.param(
        "Tại phiên họp thứ nhất Ban chấp hành, Trung tướng Trần Võ Dũng, Bí thư Đảng ủy, Chính ủy Quân khu (nhiệm kỳ "
        "2015-2020) được bầu giữ chức Bí thư Đảng ủy, Chính ủy Quân khu nhiệm kỳ 2020-2025; Trung tướng Nguyễn Doãn Anh, "
        "Phó Bí thư Đảng ủy, Tư lệnh Quân khu (nhiệm kỳ 2015-2020), được bầu giữ chức Phó Bí thư Đảng ủy.\n\n"
        "Sau gần 3 ngày làm việc, sáng 31/7, Đại hội Đại biểu Đảng bộ Quân khu 4 lần thứ 11, nhiệm kỳ 2020 – 2025 đã hoàn "
        "thành chương trình đề ra.",
        None,
        id="dev-40",
    ),
    pytest.param(
        DEV_17_HANDOVER,
        None,
        id="dev-17",
    ),
    pytest.param(
        "Dự hội nghị có Trung tướng Lê Đức Thái, Ủy viên Trung ương Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh BĐBP; Thiếu "
        "tướng Hoàng Hữu Chiến, Phó Tư lệnh, Tham mưu trưởng BĐBP và các đồng chí trong Ban Thường vụ Đảng ủy, Thủ trưởng "
        "Bộ Tư lệnh, Thủ trưởng Bộ Tham mưu, các Cục...\n"
        "Thay mặt các sĩ quan, Đại tá Đào Quốc Thạo, Phó Chỉ huy trưởng, Tham mưu trưởng BĐBP Lạng Sơn đã bày tỏ lòng biết "
        "ơn sâu sắc tới Đảng, Nhà nước; Quân ủy Trung ương, Bộ Quốc phòng; Đảng ủy, Bộ Tư lệnh BĐBP.",
        None,
        id="dev-13",
    ),
]


def run(text: str, published: str | None):
    article = Article(id="dev", path="dev.txt", text=text, published=published)
    document = prepare(article)
    return article, document, extract(document)


@pytest.mark.parametrize(("text", "published"), TEXTS)
def test_pipeline_evidence_on_every_post(text: str, published: str | None) -> None:
    article, document, records = run(text, published)
    posts = [post for p in records.persons for post in p.posts]
    assert posts
    for post in posts:
        m = post.mention
        assert m.article == "dev"
        assert m.sentence_text == document.sentences[m.sentence].text
        assert article.text[m.start : m.end] == m.text
        assert normalize(m.text) == post.printed
        assert post.printed in m.sentence_text


@pytest.mark.parametrize(("text", "published"), [t for t in TEXTS if t.id != "dev-13"])
def test_pipeline_evidence_inside_its_sentence(text: str, published: str | None) -> None:
    _, document, records = run(text, published)
    mentions = [m for p in records.persons for m in p.mentions]
    mentions += [m for u in records.units for m in u.mentions]
    mentions += [m for v in records.provinces for m in v.mentions]
    mentions += [e.mention for e in records.events]
    for m in mentions:
        sentence = document.sentences[m.sentence]
        start, end = document.original_span(sentence.start, sentence.end)
        assert start <= m.start <= m.end <= end, (m.text, m.sentence)
        assert m.sentence_text == sentence.text


@pytest.mark.parametrize(
    ("text", "published", "name", "printed"),
    [
        pytest.param(TEXTS[0].values[0], None, "Hồ Văn Mười", ["Chủ tịch UBND tỉnh"], id="000-implicit-province"),
        pytest.param(TEXTS[1].values[0], "2024-04-25", "Võ Tấn Đức", ["UVTV", "Quyền Chủ tịch UBND tỉnh"], id="dev-20-uvtv"),
        pytest.param(
            TEXTS[4].values[0], None, "Hoàng Hữu Chiến", ["Phó Tư lệnh", "Tham mưu trưởng BĐBP"], id="dev-13-distributive"
        ),
    ],
)
def test_pipeline_evidence_post_printed_form(text: str, published: str | None, name: str, printed: list[str]) -> None:
    _, _, records = run(text, published)
    [found] = [p for p in records.persons if p.name == name]
    assert [post.mention.text for post in found.posts] == printed


def test_pipeline_evidence_every_mention_of_every_article_is_in_its_sentence() -> None:
    from qpgraph.corpus import extract_corpus

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    result = extract_corpus([raw])
    assert len(result.records) == len(list(raw.glob("*.txt")))
    for records in result.records:
        mentions = [m for p in records.persons for m in p.mentions] + [p.mention for x in records.persons for p in x.posts]
        mentions += [m for u in records.units for m in u.mentions] + [m for p in records.provinces for m in p.mentions]
        for m in mentions:
            assert records.article.text[m.start : m.end] == m.text, (records.article.id, m)
            assert m.text in m.sentence_text, (records.article.id, m)


def test_records_write_each_sentence_once_however_often_it_is_cited(tmp_path: Path) -> None:
    # One 90 KB sentence naming the same officers again and again (a scraped list with no
    # full stop): the records grow with the article, not with its square.
    from qpgraph.corpus import write_corpus

    clause = "Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9, cùng Thượng tá Lê Văn Bình, Phó Chính ủy Sư đoàn 9, "
    text = "Sáng 5/3, " + clause * (90_000 // len(clause.encode("utf-8"))) + "dự hội nghị."
    assert len(text.encode("utf-8")) > 89_000
    records = extract(prepare(Article(id="long", path="long.txt", text=text, published="2025-03-06")))
    # Persons named 1,474 times in the one sentence: the guard reads 500, and says so.
    assert sum(len(p.mentions) for p in records.persons) == 500
    assert records.warnings == ["sentence 0 names persons 1474 times: the first 500 are read"]
    [path] = write_corpus([records], tmp_path, full=True)
    assert path.stat().st_size < 5 * 1024 * 1024
    back = ArticleRecords.model_validate_json(path.read_bytes())
    assert back == records and back.persons[0].mentions[-1].sentence_text == text
