"""Every kind of bad input in one run, end to end, as a user meets it.

Each bad input gets exactly one line on stderr naming it and the reason; readable
inputs (a Windows-1256 file, UTF-16, NUL bytes) are processed with a warning; the other
inputs still come out; exit code 1; no traceback; bounded time.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(600)

ARTICLE = (
    "مقتل عنصرين من قوات النظام بهجوم لتنظيم داعش في بادية حمص\n\n"
    "قتل عنصران من قوات النظام السوري أمس الأحد في هجوم شنه عناصر تنظيم داعش على حاجز "
    "عسكري قرب مدينة تدمر في بادية حمص الشرقية، بحسب ما أفاد المرصد السوري لحقوق الإنسان.\n"
)


def _warc_gz(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def _zoo(folder: Path) -> tuple[dict[str, Path], dict[str, Path]]:
    """(bad inputs by name, readable-with-warning inputs by name)."""
    html = "<html><body><article><p>{}</p></article></body></html>"
    bad = {
        "empty": folder / "empty.txt",
        "blank": folder / "blank.txt",
        "binary": folder / "photo.txt",
        "deep": folder / "deep.html",
        "warc": folder / "cut.warc.gz",
        "missing": folder / "missing.txt",
        "gz": folder / "broken.txt.gz",
    }
    bad["empty"].write_bytes(b"")
    bad["blank"].write_text(" \n\t\n  \r\n", encoding="utf-8")
    bad["binary"].write_bytes(bytes(range(256)) * 64)
    bad["deep"].write_text("<div>" * 50_000 + "نص" + "</div>" * 50_000, encoding="utf-8")
    warc = _warc_gz([("https://example.org/a", html.format(ARTICLE))] * 2)
    bad["warc"].write_bytes(warc[: len(warc) - 150])
    bad["gz"].write_bytes(gzip.compress(ARTICLE.encode())[:-20])
    readable = {
        "cp1256": folder / "windows.txt",
        "utf16": folder / "utf16.txt",
        "nul": folder / "nul.txt",
        "jsonl": folder / "dump.jsonl",
    }
    # distinct texts, so that the store keeps each one (same text = stored once)
    readable["cp1256"].write_bytes((ARTICLE + "(1)").encode("cp1256"))
    readable["utf16"].write_bytes((ARTICLE + "(2)").encode("utf-16"))
    readable["nul"].write_bytes((ARTICLE + "(3)").encode().replace(b"\n", b"\x00\n", 1))
    with readable["jsonl"].open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "ok-1", "text": ARTICLE + "(4)"}, ensure_ascii=False) + "\n")
        handle.write('{"id": "broken", "text": \n')
        handle.write(json.dumps({"id": "no-text", "title": "x"}) + "\n")
        handle.write(json.dumps({"id": "ok-2", "text": ARTICLE + "."}, ensure_ascii=False) + "\n")
    return bad, readable


def _run(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    t0 = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "hadath", *args], capture_output=True, text=True, timeout=600
    )
    return result, time.perf_counter() - t0


def test_extract_survives_every_bad_input(tmp_path: Path) -> None:
    bad, readable = _zoo(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    paths = [str(p) for p in (*bad.values(), good, *readable.values())]
    result, seconds = _run("extract", *paths)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    lines = result.stderr.strip().splitlines()
    # one line per bad file, plus the two bad JSONL lines and the truncated WARC's tail
    for name, path in bad.items():
        if name == "warc":
            assert any(str(path) in line and "E_BAD_WARC" in line for line in lines), name
        else:
            assert sum(str(path) in line for line in lines) == 1, (name, result.stderr)
    jsonl_errors = [line for line in lines if "dump.jsonl" in line]
    assert len(jsonl_errors) == 2 and all("line" in line for line in jsonl_errors)
    assert all(line.startswith("hadath: ") and "[E_" in line for line in lines)

    docs = [json.loads(line) for line in result.stdout.splitlines()]
    names = {d["doc"] for d in docs}
    assert {"good", "windows", "utf16", "nul", "ok-1", "ok-2"} <= names
    warned = {d["doc"]: d["warnings"] for d in docs}
    assert any("W_ENCODING_GUESS" in w for w in warned["windows"])
    assert any("W_NUL_BYTES" in w for w in warned["nul"])
    assert seconds < 300


def test_ingest_survives_bad_inputs_and_a_wrong_pub_date(tmp_path: Path) -> None:
    bad, _ = _zoo(tmp_path)
    db = f"sqlite:///{tmp_path / 'h.db'}"
    wrong, _ = _run("ingest", "--db", db, "--pub-date", "14/03/2021", str(tmp_path))
    assert wrong.returncode == 2 and "--pub-date" in wrong.stderr
    assert wrong.stderr.count("\n") == 1 and "Traceback" not in wrong.stderr
    result, _ = _run(
        "ingest", "--db", db, "--workers", "2", *(str(p) for p in bad.values()), str(tmp_path)
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "documents: " in result.stdout
    # the WARC's first page, cp1256, utf16, nul and two JSONL records are stored
    from hadath.store import Repository

    with Repository.open(db) as repo:
        assert repo.counts()["documents"] >= 6
