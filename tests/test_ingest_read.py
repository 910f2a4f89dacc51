"""Tests of qpgraph.ingest.read (and the checks, front matter and .jsonl it uses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from qpgraph.errors import IngestError
from qpgraph.ingest import iter_articles, read_path
from qpgraph.records import Article

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"

LEAD_DEV04 = (
    "Ngày 10/8, Đảng bộ quân sự tỉnh Tây Ninh tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030, "
    "với sự tham dự và chỉ đạo của Thiếu tướng Trần Ngọc Minh, Phó Tư lệnh Quân khu 7."
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def describe(items: list[Article | IngestError]) -> list[str]:
    return [item.id if isinstance(item, Article) else f"error {item}" for item in items]


# --- .txt files ------------------------------------------------------------------


def test_read_txt_front_matter_gives_metadata_and_body() -> None:
    [article] = read_path(RAW / "dev-04.txt")
    assert article.id == "dev-04"
    assert article.path == str(RAW / "dev-04.txt")
    assert article.url == (
        "https://dantri.com.vn/xa-hoi/ong-nguyen-van-quyet-giu-chuc-bi-thu-dang-uy-quan-su-tinh-tay-ninh-"
        "20250810191412561.htm"
    )
    assert article.published == "2025-08-10"
    assert article.title is None and article.source is None
    assert article.text.startswith(LEAD_DEV04 + "\n\nTại đại hội,")


@pytest.mark.parametrize("name", sorted(path.name for path in RAW.glob("*.txt")))
def test_read_txt_body_is_the_file_after_the_front_matter(name: str) -> None:
    content = (RAW / name).read_text(encoding="utf-8")
    if content.startswith("---\n"):
        closing = content.index("\n---\n", 3)
        content = content[closing + len("\n---\n") :]
    [article] = read_path(RAW / name)
    assert article.text == content


def test_read_txt_month_only_published() -> None:
    [article] = read_path(RAW / "dev-33.txt")
    assert article.published == "2018-08"


def test_read_txt_all_keys_and_quoted_values(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a-1.txt",
        '---\nurl: https://x.vn/a?b=1:2\npublished: "2024-10-20"\ntitle: Hậu Giang: Bàn giao\n'
        "source: haugiang.dcs.vn\n\n---\nNgày 18/10/2024, Đảng ủy họp.\n",
    )
    [article] = read_path(path)
    assert (article.id, article.url, article.published, article.title, article.source, article.text) == (
        "a-1",
        "https://x.vn/a?b=1:2",
        "2024-10-20",
        "Hậu Giang: Bàn giao",
        "haugiang.dcs.vn",
        "Ngày 18/10/2024, Đảng ủy họp.\n",
    )


def test_read_txt_leading_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeff---\npublished: 2024-04-25\n---\nSign In\n")
    [article] = read_path(path)
    assert article.published == "2024-04-25"
    assert article.text == "Sign In\n"


def test_read_txt_decomposed_text_is_kept_as_is(tmp_path: Path) -> None:
    text = unicodedata.normalize("NFD", "Trung tướng Trần Vinh Ngọc, Chính ủy Quân khu 7.")
    [article] = read_path(write(tmp_path, "nfd.txt", text))
    assert article.text == text
    assert not unicodedata.is_normalized("NFC", article.text)


def test_read_txt_crlf_kept(tmp_path: Path) -> None:
    [article] = read_path(
        write(tmp_path, "crlf.txt", "---\r\npublished: 2024-02-27\r\n---\r\nDòng một.\r\nDòng hai.\r\n")
    )
    assert article.published == "2024-02-27"
    assert article.text == "Dòng một.\r\nDòng hai.\r\n"


BAD_TXT = [
    pytest.param(b"", "empty file: no article text", None, id="empty"),
    pytest.param(b"  \n\t\n \r\n", "file has only white space", None, id="whitespace"),
    pytest.param(
        "Quân khu 7\nNgày 9/4".encode() + b"\xff\xfe tiep",
        "not UTF-8: byte 0xff at byte offset 21 cannot be decoded",
        2,
        id="not-utf8",
    ),
    pytest.param(
        "Quân khu\n7".encode("utf-16"), "a binary file, not text (NUL byte at byte offset 3)", 1, id="utf16-nul"
    ),
    pytest.param(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file, not text (NUL byte at byte offset 8)", 3, id="png"
    ),
    pytest.param(
        b"<!DOCTYPE html>\n<html><head><title>Qu\xc3\xa2n khu 7</title></head><body></body></html>",
        "an HTML page, not article text (starts with '<!DOCTYPE html')",
        None,
        id="doctype",
    ),
    pytest.param(
        b"  <html lang='vi'>\n<p>x</p></html>", "an HTML page, not article text (starts with '<html')", None, id="html"
    ),
    pytest.param(
        '<div class="a"><p>Quân khu 7</p><img src="a.jpg"/></div><div class="b"><span>x</span></div>'.encode(),
        "mostly HTML markup, not article text (9 tags, 89% of the text)",
        None,
        id="mostly-tags",
    ),
    pytest.param(
        b"---\nurl: https://x.vn\npublished: 2025-08-10\nNg\xc3\xa0y 10/8.\n",
        "front matter opened on line 1 is never closed (no closing '---' line)",
        1,
        id="front-matter-open",
    ),
    pytest.param(
        b"---\npublished: 2025-13-45\n---\nX.\n",
        "published '2025-13-45' is not a valid date (expected YYYY-MM-DD or YYYY-MM)",
        2,
        id="published-2025-13-45",
    ),
    pytest.param(
        b"---\nurl: https://x.vn\npublished: yesterday\n---\nX.\n",
        "published 'yesterday' is not a valid date",
        3,
        id="published-yesterday",
    ),
    pytest.param(
        b"---\npublished: 2023-02-29\n---\nX.\n", "published '2023-02-29' is not a valid date", 2, id="published-feb-29"
    ),
    pytest.param(
        b"---\npublished: 2024-7\n---\nX.\n", "published '2024-7' is not a valid date", 2, id="published-short-month"
    ),
    pytest.param(
        b"---\nauthor: Qu\xe1\xbb\xb3nh Anh\n---\nX.\n",
        "unknown metadata key 'author' (known keys: url, published, title, source)",
        2,
        id="unknown-key",
    ),
    pytest.param(b"---\nurl: a\nurl: b\n---\nX.\n", "metadata key 'url' given twice", 3, id="duplicate-key"),
    pytest.param(
        b"---\nurl: a\njust text\n---\nX.\n",
        "front matter line is not `key: value`: 'just text'",
        3,
        id="not-key-value",
    ),
    pytest.param(
        b"---\nurl: https://x.vn\n---\n\n  \n", "no article text after the front matter", 4, id="front-matter-only"
    ),
]


@pytest.mark.parametrize(("content", "message", "line"), BAD_TXT)
def test_read_txt_bad_input_is_an_ingest_error(tmp_path: Path, content: bytes, message: str, line: int | None) -> None:
    path = write(tmp_path, "bad.txt", content)
    with pytest.raises(IngestError) as caught:
        read_path(path)
    assert message in caught.value.message
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_read_txt_too_large_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.write("Quân khu 7\n".encode())
        stream.truncate(50 * 1024 * 1024)

    def no_reading(path: Path, max_bytes: int) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr("qpgraph.ingest.read.read_capped", no_reading)
    with pytest.raises(IngestError) as caught:
        read_path(path)
    assert caught.value.message == ("file is too large: 50.0 MB (52428800 bytes), the limit is 5.0 MB (5242880 bytes)")
    assert caught.value.path == str(path)


def test_read_txt_limit_is_a_parameter(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Quân khu 7 họp.")
    with pytest.raises(IngestError, match=r"too large: 18 bytes \(18 bytes\), the limit is 10 bytes"):
        read_path(path, max_bytes=10)
    assert [a.text for a in read_path(path, max_bytes=18)] == ["Quân khu 7 họp."]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "no such file or folder"),
        ("notes.md", "unsupported file type '.md': expected .txt or .jsonl"),
        ("folder", "is a folder, not a file"),
    ],
)
def test_read_path_not_an_article_file(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "notes.md").write_text("# x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    with pytest.raises(IngestError) as caught:
        read_path(tmp_path / name)
    assert caught.value.message.startswith(message)
    assert caught.value.path == str(tmp_path / name)


# --- .jsonl files -----------------------------------------------------------------


def jsonl(*lines: object) -> str:
    return "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)


def test_read_jsonl_articles_with_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "crawl.jsonl",
        jsonl(
            {"id": "qk7-1", "text": "Ngày 9/4, Cục Chính trị Quân khu 7 họp.", "published": "2025-04", "url": None},
            "",
            {"id": "qk7-2", "text": "Sign In\nChiều 24/4.", "title": "Bàn giao", "source": "dangcongsan.org.vn"},
        ),
    )
    articles = read_path(path)
    assert [(a.id, a.path, a.text, a.published, a.title, a.source, a.url) for a in articles] == [
        ("qk7-1", f"{path}:1", "Ngày 9/4, Cục Chính trị Quân khu 7 họp.", "2025-04", None, None, None),
        ("qk7-2", f"{path}:3", "Sign In\nChiều 24/4.", None, "Bàn giao", "dangcongsan.org.vn", None),
    ]


BAD_JSONL_LINES = [
    pytest.param('{"id": "a", "text": "x"', "not valid JSON: Expecting ',' delimiter (column 24)", id="bad-json"),
    pytest.param('["a", "x"]', "line is an array, not a JSON object", id="array"),
    pytest.param('"Quân khu 7"', "line is a string, not a JSON object", id="string"),
    pytest.param({"text": "x"}, "missing `id`", id="no-id"),
    pytest.param({"id": "", "text": "x"}, "article id is empty", id="empty-id"),
    pytest.param({"id": "  ", "text": "x"}, "article id is empty", id="blank-id"),
    pytest.param({"id": 7, "text": "x"}, "`id` must be a string, not a number", id="int-id"),
    pytest.param({"id": "raw/dev-01", "text": "x"}, "article id 'raw/dev-01' contains a path separator", id="slash-id"),
    pytest.param({"id": "..\\a", "text": "x"}, "contains a path separator", id="backslash-id"),
    pytest.param({"id": " a", "text": "x"}, "article id ' a' has white space around it", id="spaced-id"),
    pytest.param({"id": "a\nerror: x.txt: forged", "text": "x"}, "article id 'a\\nerror: x.txt: forged' contains a control character",
                 id="newline-id"),
    pytest.param({"id": "Đà" * 51, "text": "x"}, "article id is 204 bytes long, the limit is 150", id="long-id"),
    pytest.param({"id": "...", "text": "x"}, "article id '...' has no letter or digit", id="no-letter-id"),
    pytest.param({"id": "a"}, "missing `text`", id="no-text"),
    pytest.param({"id": "a", "text": ""}, "empty `text`: no article text", id="empty-text"),
    pytest.param({"id": "a", "text": " \n "}, "`text` has only white space", id="blank-text"),
    pytest.param({"id": "a", "text": ["x"]}, "`text` must be a string, not an array", id="list-text"),
    pytest.param({"id": "a", "text": "<!DOCTYPE html><html></html>"}, "an HTML page", id="html-text"),
    pytest.param({"id": "a", "text": "x", "author": "y"}, "unknown metadata key 'author'", id="unknown-key"),
    pytest.param(
        {"id": "a", "text": "x", "published": "2025-13-45"}, "published '2025-13-45' is not a valid date", id="bad-date"
    ),
    pytest.param(
        {"id": "a", "text": "x", "title": 3}, "`title` must be a string or null, not a number", id="int-title"
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_JSONL_LINES)
def test_iter_articles_jsonl_bad_line_does_not_stop_the_others(tmp_path: Path, bad: object, message: str) -> None:
    good1 = {"id": "a1", "text": "Ngày 14/1, Bộ Chỉ huy Quân sự tỉnh Quảng Trị họp."}
    good3 = {"id": "a3", "text": "Chiều 21/8, Bộ Công an tổ chức lễ."}
    path = write(tmp_path, "file.jsonl", jsonl(good1, bad, good3))
    items = list(iter_articles([path]))
    assert [type(item).__name__ for item in items] == ["Article", "IngestError", "Article"]
    first, error, third = items
    assert isinstance(first, Article) and isinstance(third, Article) and isinstance(error, IngestError)
    assert (first.id, first.path, third.id, third.path) == ("a1", f"{path}:1", "a3", f"{path}:3")
    assert message in error.message
    assert (error.path, error.line) == (str(path), 2)
    assert str(error).startswith(f"{path}:2: ")


def test_read_path_jsonl_raises_the_first_bad_line(tmp_path: Path) -> None:
    path = write(tmp_path, "file.jsonl", jsonl({"id": "a", "text": "x"}, "{", {"id": "b"}))
    with pytest.raises(IngestError) as caught:
        read_path(path)
    assert (caught.value.line, caught.value.message) == (
        2,
        "not valid JSON: Expecting property name enclosed in double quotes (column 2)",
    )


def test_iter_articles_jsonl_line_not_utf8_names_file_offset(tmp_path: Path) -> None:
    content = (
        jsonl({"id": "a", "text": "Quân"}).encode()
        + b'{"id": "b", "text": "\xc3"}\n'
        + jsonl({"id": "c", "text": "x"}).encode()
    )
    path = write(tmp_path, "file.jsonl", content)
    items = list(iter_articles([path]))
    assert describe(items) == [
        "a",
        f"error {path}:2: not UTF-8: byte 0xc3 at byte offset 50 cannot be decoded",
        "c",
    ]


def test_iter_articles_jsonl_line_over_the_limit_is_skipped(tmp_path: Path) -> None:
    big = {"id": "big", "text": "Quân khu 7. " * 20}
    path = write(tmp_path, "file.jsonl", jsonl({"id": "a", "text": "x"}, big, {"id": "c", "text": "y"}))
    items = list(iter_articles([path], max_bytes=100))
    assert describe(items) == [
        "a",
        f"error {path}:2: line is too large: 285 bytes (285 bytes), the limit is 100 bytes (100 bytes)",
        "c",
    ]


def test_iter_articles_jsonl_bom_on_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, "file.jsonl", "\ufeff" + jsonl({"id": "a", "text": "x"}))
    assert describe(list(iter_articles([path]))) == ["a"]


# --- folders, order, duplicates ---------------------------------------------------------


def test_iter_articles_raw_folder_reads_every_article_in_order() -> None:
    items = list(iter_articles([RAW]))
    assert all(isinstance(item, Article) for item in items)
    assert describe(items) == sorted(path.stem for path in RAW.glob("*.txt"))
    assert len(items) == 62  # 5 seeds, 12 dev-*, 45 b2-*


def test_iter_articles_expands_folders_sorted_skipping_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "B.")
    write(tmp_path, "a.jsonl", jsonl({"id": "a2", "text": "x"}, {"id": "a1", "text": "y"}))
    write(tmp_path, ".hidden.txt", "H.")
    write(tmp_path, "notes.md", "# not an article")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.txt", "C.")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "d.txt", "D.")
    assert describe(list(iter_articles([tmp_path]))) == ["a2", "a1", "b", "c"]


def test_iter_articles_order_does_not_depend_on_argument_order(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{name}.txt", f"{name}.") for name in ("z", "m", "a")]
    assert describe(list(iter_articles(paths))) == ["a", "m", "z"]
    assert describe(list(iter_articles(reversed(paths)))) == ["a", "m", "z"]


def test_iter_articles_missing_path_is_an_error_not_a_stop(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "A.")
    missing = tmp_path / "b-missing.txt"
    assert describe(list(iter_articles([missing, tmp_path / "a.txt"]))) == [
        "a",
        f"error {missing}: no such file or folder",
    ]


def test_iter_articles_bad_txt_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "A.")
    write(tmp_path, "b.txt", b"\x00\x01")
    write(tmp_path, "c.txt", "C.")
    assert describe(list(iter_articles([tmp_path]))) == [
        "a",
        f"error {tmp_path / 'b.txt'}:1: a binary file, not text (NUL byte at byte offset 0)",
        "c",
    ]


def test_iter_articles_duplicate_id_is_an_error_for_the_later_one(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", jsonl({"id": "dev-01", "text": "x"}, {"id": "x", "text": "y"}, {"id": "x", "text": "z"}))
    write(tmp_path, "dev-01.txt", "Ngày 14/1.")
    items = list(iter_articles([tmp_path]))
    assert describe(items) == [
        "dev-01",
        "x",
        f"error {tmp_path / 'a.jsonl'}:3: duplicate article id 'x' (first read from {tmp_path / 'a.jsonl'}:2)",
        f"error {tmp_path / 'dev-01.txt'}: duplicate article id 'dev-01' (first read from {tmp_path / 'a.jsonl'}:1)",
    ]


def test_iter_articles_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "A.")
    assert describe(list(iter_articles([path, tmp_path, str(path)]))) == ["a"]


def test_iter_articles_empty_input_gives_nothing(tmp_path: Path) -> None:
    assert list(iter_articles([])) == []
    assert list(iter_articles([tmp_path])) == []


def test_iter_articles_reads_only_regular_files_inside_the_folder(tmp_path: Path) -> None:
    # A named pipe waits for a writer forever and /dev/zero reads without end: the walk
    # runs in a process of its own, under a timeout, so a regression fails, never hangs.
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a1.txt").write_text("Ngày 10/8, Quân khu 7 họp.\n", encoding="utf-8")
    os.mkfifo(raw / "pipe.txt")
    (raw / "zero.txt").symlink_to("/dev/zero")
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "again.txt").symlink_to("a1.txt")  # inside the folder: the same file, read once
    (raw / "outside").symlink_to(tmp_path.parent, target_is_directory=True)  # a folder link: not walked
    (tmp_path / "device.txt").symlink_to("/dev/urandom")  # named itself: still not a regular file
    script = ("import sys; from qpgraph.ingest import iter_articles\n"
              "for item in iter_articles(sys.argv[1:]): print(getattr(item, 'id', None) or item)")
    done = subprocess.run([sys.executable, "-c", script, str(raw), str(tmp_path / "device.txt")],
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.splitlines() == [
        f"{tmp_path}/device.txt: a character device, not a regular file: not read",
        "a1",
        f"{raw}/passwd.txt: a symbolic link to /etc/passwd, outside the input folder: not read",
        f"{raw}/pipe.txt: a named pipe, not a regular file: not read",
        f"{raw}/zero.txt: a symbolic link to /dev/zero, outside the input folder: not read",
    ]
