"""``hadath ingest`` and ``hadath events`` as a user runs them (subprocesses)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from hadath.store import Repository
from tests.store.factory import pair

ARTICLE = "قتل ثلاثة عناصر من قوات النظام أمس السبت بهجوم لتنظيم داعش في بادية تدمر.\n"


def hadath(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hadath", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"a{n}.txt").write_text(f"خبر رقم {n}\n\n{ARTICLE}", encoding="utf-8")
    return folder


def test_ingest_is_idempotent(tmp_path: Path, corpus: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    first = hadath("ingest", "--db", db, "--pub-date", "2021-03-14", str(corpus))
    assert first.returncode == 0, first.stderr
    assert "5 new" in first.stdout and "0 failed" in first.stdout
    again = hadath("ingest", "--db", db, "--workers", "2", str(corpus))
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stdout and "5 duplicate" in again.stdout
    fresh = hadath("ingest", "--db", db, "--refresh", str(corpus))
    assert "5 refreshed" in fresh.stdout, fresh.stdout + fresh.stderr
    with Repository.open(db) as repo:
        assert repo.counts()["documents"] == 5


def test_ingest_reports_failures_and_goes_on(tmp_path: Path, corpus: Path) -> None:
    db = f"sqlite:///{tmp_path / 'h.db'}"
    result = hadath("ingest", "--db", db, str(corpus), str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
    assert "5 new" in result.stdout and "1 failed" in result.stdout


def test_bad_database_url_is_one_line(tmp_path: Path, corpus: Path) -> None:
    result = hadath("ingest", "--db", "mysql://x/y", str(corpus))
    assert result.returncode != 0
    assert "unsupported database URL" in result.stderr
    assert "Traceback" not in result.stderr


def events_cmd(*args: str) -> str:
    """``hadath events`` in-process (faster than a subprocess for read-only checks)."""
    from typer.testing import CliRunner

    from hadath.cli import app

    result = CliRunner().invoke(app, ["events", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def stored(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'e.db'}"
    with Repository.open(db) as repo:
        repo.add_documents(list(pair()))
    return db


def test_events_formats(stored: str) -> None:
    out = events_cmd("--db", stored, "--format", "jsonl")
    (event,) = [json.loads(line) for line in out.splitlines()]
    assert len(event["reports"]) == 2 and event["fatalities"] == 7
    rows = list(csv.DictReader(io.StringIO(events_cmd("--db", stored, "--format", "csv"))))
    assert rows[0]["n_reports"] == "2" and rows[0]["fatalities_high"] == "9"
    assert "Stored events (1)" in events_cmd("--db", stored)


def test_events_filters(stored: str) -> None:
    def count(*args: str) -> int:
        return len(events_cmd("--db", stored, "--format", "jsonl", *args).splitlines())

    assert count("--since", "2023-01-08", "--until", "2023-01-08") == 1
    assert count("--since", "2023-01-09") == 0
    assert count("--actor", "ISIS", "--type", "Battles") == 1
    assert count("--near", "35.75,39.5", "--km", "20") == 1
    assert count("--near", "34.56,38.28", "--km", "20") == 0
    assert count("--limit", "0") == 0


def test_events_bad_usage(stored: str) -> None:
    out = hadath("events", "--db", stored, "--since", "yesterday")
    assert out.returncode == 2 and "--since" in out.stderr
    out = hadath("events", "--db", stored, "--near", "no such place at all")
    assert out.returncode == 2 and "unknown place" in out.stderr


PAGE = """<html><head><title>{title}</title><meta name="author" content="مراسل"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>"""


@pytest.fixture
def feed_server() -> Iterator[str]:
    """A feed and its two article pages, served from localhost only."""
    pages: dict[str, tuple[str, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in pages:
                self.send_error(404)
                return
            ctype, body = pages[self.path]
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = ""
    for n in (1, 2):
        title = f"هجوم رقم {n} في البادية"
        pages[f"/a{n}.html"] = (
            "text/html; charset=utf-8",
            PAGE.format(title=title, body=ARTICLE * 3),
        )
        items += (
            f"<item><title>{title}</title><link>{base}/a{n}.html</link>"
            f"<pubDate>Sun, 14 Mar 2021 10:00:00 GMT</pubDate></item>"
        )
    items += f"<item><title>مفقود</title><link>{base}/gone.html</link></item>"
    pages["/feed.xml"] = (
        "application/rss+xml",
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_ingest_feed(tmp_path: Path, feed_server: str) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    result = hadath("ingest", "--db", db, f"{feed_server}/feed.xml")
    assert result.returncode == 1  # the dead link fails, the two articles are stored
    assert "gone.html" in result.stderr
    assert "2 new" in result.stdout
    with Repository.open(db) as repo:
        docs = repo.documents().items
    assert sorted(d["url"] for d in docs) == [f"{feed_server}/a1.html", f"{feed_server}/a2.html"]
    assert {d["pub_date"] for d in docs} == {"2021-03-14"}
    again = hadath("ingest", "--db", db, f"{feed_server}/feed.xml")
    assert "2 duplicate" in again.stdout


@pytest.mark.postgres
def test_ingest_and_events_on_postgresql(corpus: Path, pg_server: Any) -> None:
    db = pg_server.create_database()
    assert db.startswith("postgresql://")
    first = hadath("ingest", "--db", db, "--pub-date", "2021-03-14", str(corpus))
    assert first.returncode == 0, first.stderr
    assert "5 new" in first.stdout
    again = hadath("ingest", "--db", db, str(corpus))
    assert "5 duplicate" in again.stdout
    assert events_cmd("--db", db, "--format", "jsonl") is not None
