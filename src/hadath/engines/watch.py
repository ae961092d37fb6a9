"""Polling RSS/Atom feeds for new articles (``hadath watch``).

``FeedWatcher.poll(feed_url)`` fetches a feed with a conditional GET (the ``ETag`` and
``Last-Modified`` of the previous answer; a 304 costs one request and nothing else),
then fetches only the linked pages not seen before and yields them as Documents (or
the typed error of a page that failed). A link is seen when the store already holds a
document with that URL (``is_stored``) or this watcher handled it before, so an article
is fetched once, even across restarts. Readers only read: the caller runs the pipeline
and stores the results.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from hadath.document import Document
from hadath.errors import HadathError, InputError, UsageError
from hadath.ingest import feeds
from hadath.settings import Settings

_PERIOD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_S = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_period(value: str) -> float:
    """``"10m"`` → 600.0 seconds; ``s``, ``m``, ``h``, ``d`` or plain seconds."""
    match = _PERIOD.match(value)
    if not match or float(match.group(1)) <= 0:
        raise UsageError(f"--every must look like 30s, 10m, 1h or 1d, got {value!r}")
    return float(match.group(1)) * _UNIT_S[match.group(2)]


@dataclass
class PollResult:
    feed: str
    not_modified: bool = False
    entries: int = 0
    skipped: int = 0


@dataclass
class FeedWatcher:
    """Conditional feed fetching and a memory of the links already handled."""

    settings: Settings
    is_stored: Callable[[str], bool] = lambda _url: False
    client: Any = None
    validators: dict[str, dict[str, str]] = field(default_factory=dict)
    handled: set[str] = field(default_factory=set)
    last: PollResult | None = None

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = feeds.client()

    def close(self) -> None:
        self.client.close()

    def poll(self, feed_url: str) -> Iterator[Document | HadathError]:
        """The new articles of one feed since the last poll."""
        import feedparser

        result = PollResult(feed_url)
        self.last = result
        try:
            response = feeds.fetch(
                self.client, feed_url, self.settings, self.validators.get(feed_url)
            )
        except HadathError as exc:
            yield exc
            return
        if response.status_code == 304:
            result.not_modified = True
            return
        validators = {}
        if response.headers.get("etag"):
            validators["If-None-Match"] = response.headers["etag"]
        if response.headers.get("last-modified"):
            validators["If-Modified-Since"] = response.headers["last-modified"]
        self.validators[feed_url] = validators
        feed = feedparser.parse(response.content)
        if not feed.entries and feed.bozo:
            yield InputError("not an RSS or Atom feed", feed_url)
            return
        for entry in feed.entries:
            result.entries += 1
            link = str(entry.get("link") or "").strip()
            if not link:
                yield InputError("feed entry without a link", feed_url)
                continue
            if link in self.handled or self.is_stored(link):
                self.handled.add(link)
                result.skipped += 1
                continue
            self.handled.add(link)  # failed pages are not retried by this process either
            yield self._page(link, entry)

    def _page(self, link: str, entry: Any) -> Document | HadathError:
        try:
            response = feeds.fetch(self.client, link, self.settings)
            content_type = response.headers.get("content-type", "")
            return feeds.read_page(link, response.content, content_type, self.settings, entry)
        except HadathError as exc:
            exc.source = exc.source or link
            return exc


def url_lookup(engine: Any) -> Callable[[str], bool]:
    """``is_stored`` for a store: is a document with this URL already there?"""
    import sqlalchemy as sa

    from hadath.store.schema import documents

    query = sa.select(documents.c.id).where(documents.c.url == sa.bindparam("url")).limit(1)

    def is_stored(url: str) -> bool:
        with engine.connect() as conn:
            return conn.execute(query, {"url": url}).first() is not None

    return is_stored
