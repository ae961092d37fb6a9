"""``hadath watch`` against a feed served from localhost: new articles once, 304s honoured."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hadath.engines.watch import FeedWatcher, parse_period
from hadath.errors import UsageError
from hadath.settings import Settings

ARTICLE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>قتل عنصران من قوات النظام أمس في هجوم لتنظيم داعش على حاجز قرب تدمر، بحسب المرصد. "
    "وقال مصدر محلي إن الهجوم وقع ليلاً واستمر ساعتين قبل انسحاب المهاجمين. {n}</p>"
    "</article></body></html>"
)


class Site:
    """A tiny news site: a feed with an ETag, and its article pages; logs every request."""

    def __init__(self) -> None:
        self.items = ["a1", "a2"]
        # item -> (encoding of the page, Content-Type); utf-8 declared by default
        self.pages: dict[str, tuple[str, str]] = {}
        self.requests: list[tuple[str, int]] = []
        self.port = 0

    def feed(self) -> str:
        entries = "".join(
            f"<item><title>خبر {i}</title><link>http://127.0.0.1:{self.port}/{i}.html</link>"
            f"<pubDate>Sun, 14 Mar 2021 10:00:00 GMT</pubDate></item>"
            for i in self.items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'

    def etag(self) -> str:
        return '"' + "-".join(self.items) + '"'


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == state.etag():
                    state.requests.append((self.path, 304))
                    self.send_response(304)
                    self.end_headers()
                    return
                body, kind = state.feed().encode(), "application/rss+xml"
            elif self.path.endswith(".html") and self.path[1:-5] in state.items:
                name = self.path[1:-5]
                codec, kind = state.pages.get(name, ("utf-8", "text/html; charset=utf-8"))
                body = ARTICLE.format(title=f"هجوم {name}", n=name).encode(codec)
            else:
                state.requests.append((self.path, 404))
                self.send_error(404)
                return
            state.requests.append((self.path, 200))
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", state.etag())
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


def test_periods() -> None:
    assert parse_period("10m") == 600 and parse_period("1h") == 3600 and parse_period("45") == 45
    for bad in ("", "10x", "-1m", "0s"):
        with pytest.raises(UsageError):
            parse_period(bad)


def test_watcher_fetches_each_article_once_and_uses_the_etag(site: Site) -> None:
    url = f"http://127.0.0.1:{site.port}/feed.xml"
    watcher = FeedWatcher(Settings.load())
    try:
        first = list(watcher.poll(url))
        assert sorted(d.doc for d in first) == [  # type: ignore[union-attr]
            f"http://127.0.0.1:{site.port}/a1.html",
            f"http://127.0.0.1:{site.port}/a2.html",
        ]
        assert list(watcher.poll(url)) == [] and watcher.last and watcher.last.not_modified
        site.items.append("a3")  # a new article changes the feed and its ETag
        third = list(watcher.poll(url))
        assert [d.doc for d in third] == [f"http://127.0.0.1:{site.port}/a3.html"]  # type: ignore[union-attr]
    finally:
        watcher.close()
    pages = [path for path, status in site.requests if path.endswith(".html")]
    assert sorted(pages) == ["/a1.html", "/a2.html", "/a3.html"]
    assert ("/feed.xml", 304) in site.requests


def _watch(db: str, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hadath", "watch", "--db", db, url, *extra],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_watch_command_stores_new_articles_never_twice(site: Site, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    url = f"http://127.0.0.1:{site.port}/feed.xml"
    first = _watch(db, url, "--polls", "2", "--every", "0.2s")
    assert first.returncode == 0, first.stderr
    assert "2 new articles" in first.stderr and "not modified" in first.stderr
    assert "Traceback" not in first.stderr
    # a restarted watcher knows the stored links from the database
    site.items.append("a3")
    second = _watch(db, url, "--polls", "1")
    assert second.returncode == 0, second.stderr
    assert "1 new articles" in second.stderr
    pages = [path for path, status in site.requests if path.endswith(".html")]
    assert sorted(pages) == ["/a1.html", "/a2.html", "/a3.html"]

    from hadath.store import Repository

    with Repository.open(db) as repo:
        assert repo.counts()["documents"] == 3


def test_watch_reports_a_dead_feed_in_one_line(tmp_path: Path, site: Site) -> None:
    result = _watch(
        f"sqlite:///{tmp_path / 'w.db'}", f"http://127.0.0.1:{site.port}/nope.xml", "--polls", "1"
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "E_INPUT" in line]
    assert len(errors) == 1 and "nope.xml" in errors[0] and "Traceback" not in result.stderr
    bad = _watch(f"sqlite:///{tmp_path / 'w.db'}", "feed.xml", "--polls", "1")
    assert bad.returncode == 2 and "not a feed URL" in bad.stderr


@pytest.mark.parametrize("declared", [True, False])
def test_pages_in_an_arabic_code_page_are_read(site: Site, declared: bool) -> None:
    """A page in Windows-1256: read in the declared charset, or, undeclared, guessed as
    files are (UTF-8 first, then the Arabic code pages) with a warning — never mojibake."""
    from hadath.ingest.feeds import read_feed

    kind = "text/html; charset=windows-1256" if declared else "text/html"
    site.pages = {name: ("cp1256", kind) for name in site.items}
    url = f"http://127.0.0.1:{site.port}/feed.xml"
    watcher = FeedWatcher(Settings.load())
    try:
        by_watch = list(watcher.poll(url))
    finally:
        watcher.close()
    by_feed = list(read_feed(url, Settings.load()))
    for docs in (by_watch, by_feed):
        assert [type(d).__name__ for d in docs] == ["Document", "Document"]
        for doc in docs:
            assert "قتل عنصران من قوات النظام" in doc.text
            guessed = any(w.startswith("W_ENCODING_GUESS") for w in doc.warnings)
            assert guessed is not declared
