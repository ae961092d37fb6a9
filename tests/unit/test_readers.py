"""Readers: every format, every encoding, and bad inputs as clear typed errors."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from hadath.document import Document
from hadath.errors import HadathError
from hadath.ingest import read_inputs
from hadath.settings import Settings

ARABIC = "قتل عنصران من قوات النظام في هجوم لتنظيم داعش على حاجز في بادية الميادين أمس."


def read(paths: list[Path], settings: Settings) -> list[Document | HadathError]:
    return list(read_inputs([str(p) for p in paths], settings))


@pytest.mark.parametrize(
    ("encoding", "data", "warns"),
    [
        ("utf-8", ARABIC.encode("utf-8"), False),
        ("utf-8-sig", ARABIC.encode("utf-8-sig"), False),
        ("utf-16", ARABIC.encode("utf-16"), False),
        ("utf-16-le no BOM", ARABIC.encode("utf-16-le"), True),
        ("cp1256", ARABIC.encode("cp1256"), True),
    ],
)
def test_text_encodings(
    tmp_path: Path, settings: Settings, encoding: str, data: bytes, warns: bool
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [doc] = read([path], settings)
    assert isinstance(doc, Document)
    assert doc.text == ARABIC
    assert doc.doc == "a"
    assert any("W_ENCODING_GUESS" in w for w in doc.warnings) is warns


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E_EMPTY"),
        ("blank.txt", b"  \n\t \n", "E_EMPTY"),
        ("binary.txt", bytes(range(256)) * 40, "E_BINARY"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500, "E_BINARY"),
        ("notes.docx", b"PK\x03\x04", "E_UNSUPPORTED"),
    ],
)
def test_bad_inputs_are_typed_errors(
    tmp_path: Path, settings: Settings, name: str, data: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [err] = read([path], settings)
    assert isinstance(err, HadathError)
    assert err.code == code
    line = err.one_line()
    assert "\n" not in line and str(path) in line


def test_missing_file(tmp_path: Path, settings: Settings) -> None:
    [err] = read([tmp_path / "nope.txt"], settings)
    assert isinstance(err, HadathError) and err.code == "E_NOT_FOUND"


def test_nul_bytes_kept_as_spaces(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARABIC.encode() + b"\x00" + ARABIC.encode())
    [doc] = read([path], settings)
    assert isinstance(doc, Document)
    assert len(doc.text) == 2 * len(ARABIC) + 1
    assert any("W_NUL_BYTES" in w for w in doc.warnings)


def test_too_large(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARABIC * 10, encoding="utf-8")
    [err] = read([path], settings.replace(max_bytes=100))
    assert isinstance(err, HadathError) and err.code == "E_TOO_LARGE"


def test_gzipped_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(ARABIC.encode()))
    [doc] = read([path], settings)
    assert isinstance(doc, Document) and doc.text == ARABIC and doc.doc == "a"


HTML = """<html><head><title>عنوان الخبر</title>
<meta property="og:site_name" content="روج نيوز">
<meta name="author" content="فراس الخلف">
<meta property="article:published_time" content="2022-05-17T10:00:00"></head>
<body><nav>الرئيسية أخبار</nav><article><h1>عنوان الخبر</h1>
<p>{p}</p><p>وقال مصدر محلي إن الهجوم وقع ليلاً واستمر ساعة كاملة قبل انسحاب المهاجمين.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML.format(p=ARABIC), encoding="utf-8")
    [doc] = read([path], settings)
    assert isinstance(doc, Document)
    assert ARABIC in doc.text
    assert "الرئيسية" not in doc.text
    assert doc.title == "عنوان الخبر"
    assert doc.outlet == "روج نيوز"
    assert doc.author == "فراس الخلف"
    assert str(doc.pub_date) == "2022-05-17"


def test_html_nested_too_deep(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 5000 + ARABIC + "</div>" * 5000 + "</body></html>")
    [err] = read([path], settings)
    assert isinstance(err, HadathError) and err.code == "E_BAD_HTML"


def test_broken_html_still_reads(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "broken.htm"
    path.write_text(
        f"<html><body><article><p>{ARABIC}<p>{ARABIC}<div></span></body>", encoding="utf-8"
    )
    [doc] = read([path], settings)
    assert isinstance(doc, Document) and ARABIC in doc.text


def test_jsonl_with_bad_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps(
            {"id": "r1", "text": ARABIC, "pub_date": "2022-01-02", "outlet": "س"},
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps({"title": "no text"}, ensure_ascii=False),
        json.dumps({"url": "https://example.org/x", "content": ARABIC}, ensure_ascii=False),
        json.dumps({"body": ARABIC, "date": "2021-13-40"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([path], settings)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, HadathError)]
    assert [d.doc for d in docs] == ["r1", "https://example.org/x", "dump:5"]
    assert str(docs[0].pub_date) == "2022-01-02" and docs[0].outlet == "س"
    assert docs[2].pub_date is None and any("W_BAD_DATE" in w for w in docs[2].warnings)
    assert [e.code for e in errors] == ["E_BAD_RECORD", "E_BAD_RECORD"]
    assert "line 2" in errors[0].one_line() and "line 3" in errors[1].one_line()


def test_json_array(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"text": ARABIC}, {"text": ARABIC, "id": "b"}], ensure_ascii=False))
    assert [d.doc for d in read([path], settings) if isinstance(d, Document)] == ["two:1", "b"]


def _warc(records: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_warc(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc(
            [
                ("https://example.org/a", HTML.format(p=ARABIC)),
                ("https://example.org/b", HTML.format(p=ARABIC)),
            ]
        )
    )
    docs = read([path], settings)
    assert [d.doc for d in docs if isinstance(d, Document)] == [
        "https://example.org/a",
        "https://example.org/b",
    ]


def test_truncated_warc(tmp_path: Path, settings: Settings) -> None:
    data = _warc(
        [
            ("https://example.org/a", HTML.format(p=ARABIC)),
            ("https://example.org/b", HTML.format(p=ARABIC * 50)),
        ]
    )
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = read([path], settings)
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], HadathError) and items[-1].code == "E_BAD_WARC"


def test_folder_is_recursive_and_sorted(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    docs = read([tmp_path], settings)
    assert [d.doc for d in docs if isinstance(d, Document)] == ["b", "a"]
