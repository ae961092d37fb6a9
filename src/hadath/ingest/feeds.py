"""Reading RSS/Atom feeds: the feed, then each linked page, as Documents.

``read_feed(url, settings)`` fetches the feed with httpx, parses it with feedparser and
reads every linked article page with the HTML reader. A URL that is an article page
rather than a feed is read as that one page. Like every reader it yields a Document or
the typed error of an item that failed, so one dead link never stops the feed.
Readers only read: the caller runs the pipeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from hadath.document import Document
from hadath.errors import HadathError, InputError
from hadath.ingest.html import read_html
from hadath.settings import Settings

TIMEOUT_S = 20.0
USER_AGENT = "hadath/0.1 (+https://example.invalid/hadath)"


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _client() -> Any:
    import httpx

    return httpx.Client(
        timeout=TIMEOUT_S, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )


def _fetch(client: Any, url: str, settings: Settings) -> tuple[bytes, str]:
    import httpx

    try:
        response = client.get(url)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch: {exc}", url) from exc
    body: bytes = response.content
    if len(body) > settings.max_bytes:
        raise InputError(f"larger than {settings.max_bytes} bytes", url)
    return body, response.headers.get("content-type", "")


def _html_text(body: bytes, content_type: str) -> str:
    charset = "utf-8"
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def read_feed(url: str, settings: Settings, client: Any = None) -> Iterator[Document | HadathError]:
    """Documents of every article linked from the feed at ``url``."""
    import feedparser

    own = client is None
    client = client or _client()
    try:
        try:
            body, content_type = _fetch(client, url, settings)
        except HadathError as exc:
            yield exc
            return
        feed = feedparser.parse(body)
        if not feed.entries:
            if "html" in content_type or body.lstrip()[:1] == b"<":
                yield from _page(client, url, settings, None, prefetched=(body, content_type))
            else:
                yield InputError("neither a feed nor an HTML page", url)
            return
        for entry in feed.entries:
            link = entry.get("link")
            if not link:
                yield InputError("feed entry without a link", url)
                continue
            yield from _page(client, link, settings, entry)
    finally:
        if own:
            client.close()


def _page(
    client: Any,
    link: str,
    settings: Settings,
    entry: Any,
    prefetched: tuple[bytes, str] | None = None,
) -> Iterator[Document | HadathError]:
    try:
        body, content_type = prefetched or _fetch(client, link, settings)
        doc = read_html(
            _html_text(body, content_type), link, link, settings.max_html_depth, url=link
        )
    except HadathError as exc:
        yield exc
        return
    if entry is not None:
        apply_feed_entry(doc, entry)
    yield doc


def apply_feed_entry(doc: Document, entry: Any) -> None:
    """Title and date from the feed entry, where the page itself gave none."""
    if doc.title is None and entry.get("title"):
        doc.title = str(entry.get("title")).strip()
        doc.meta_origin["title"] = "feed"
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    if doc.pub_date is None and published:
        doc.pub_date = dt.date(published.tm_year, published.tm_mon, published.tm_mday)
        doc.meta_origin["pub_date"] = "feed"
