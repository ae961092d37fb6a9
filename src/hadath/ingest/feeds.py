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
from hadath.errors import HadathError, InputError, TooLarge
from hadath.ingest.decode import decode
from hadath.ingest.html import read_html
from hadath.settings import Settings

TIMEOUT_S = 20.0
USER_AGENT = "hadath/0.1 (+https://example.invalid/hadath)"


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def client() -> Any:
    """The HTTP client of ``read_feed`` and ``hadath watch``: redirects followed, a
    timeout, our user agent."""
    import httpx

    return httpx.Client(
        timeout=TIMEOUT_S, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )


def fetch(client: Any, url: str, settings: Settings, headers: dict[str, str] | None = None) -> Any:
    """The response for ``url`` (a 304 answer to a conditional GET is returned as is);
    a network or HTTP error, or a body over ``max_bytes``, raises a typed error."""
    import httpx

    try:
        response = client.get(url, headers=headers or {})
        if response.status_code == 304:
            return response
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise InputError(f"cannot fetch: {exc}", url) from exc
    if len(response.content) > settings.max_bytes:
        raise TooLarge(f"larger than {settings.max_bytes} bytes (max_bytes)", url)
    return response


def _page_text(body: bytes, content_type: str, source: str) -> tuple[str, list[str]]:
    """The page's text in the charset its server declares; without one (or with a wrong
    one), decoded like a file: UTF-8, else an Arabic code page, with a warning."""
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip('"')
        try:
            return body.decode(charset), []
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body, source)


def read_page(
    link: str, body: bytes, content_type: str, settings: Settings, entry: Any = None
) -> Document:
    """The article at ``link`` from its fetched ``body``; ``entry``: its feed entry."""
    text, warnings = _page_text(body, content_type, link)
    doc = read_html(text, link, link, settings.max_html_depth, url=link)
    for warning in warnings:
        doc.warn(warning)
    if entry is not None:
        apply_feed_entry(doc, entry)
    return doc


def read_feed(url: str, settings: Settings, http: Any = None) -> Iterator[Document | HadathError]:
    """Documents of every article linked from the feed at ``url``."""
    import feedparser

    own = http is None
    http = http or client()
    try:
        try:
            response = fetch(http, url, settings)
        except HadathError as exc:
            yield exc
            return
        body, content_type = response.content, response.headers.get("content-type", "")
        feed = feedparser.parse(body)
        if not feed.entries:
            if "html" in content_type or body.lstrip()[:1] == b"<":
                yield _read_page(url, settings, None, (body, content_type))
            else:
                yield InputError("neither a feed nor an HTML page", url)
            return
        for entry in feed.entries:
            link = entry.get("link")
            if not link:
                yield InputError("feed entry without a link", url)
                continue
            yield _read_page(link, settings, entry, http=http)
    finally:
        if own:
            http.close()


def _read_page(
    link: str,
    settings: Settings,
    entry: Any,
    fetched: tuple[bytes, str] | None = None,
    http: Any = None,
) -> Document | HadathError:
    """The page at ``link`` (fetched now unless ``fetched``), or the error that stopped it."""
    try:
        if fetched is None:
            response = fetch(http, link, settings)
            fetched = response.content, response.headers.get("content-type", "")
        return read_page(link, *fetched, settings, entry)
    except HadathError as exc:
        exc.source = exc.source or link
        return exc


def apply_feed_entry(doc: Document, entry: Any) -> None:
    """Title and date from the feed entry, where the page itself gave none."""
    if doc.title is None and entry.get("title"):
        doc.title = str(entry.get("title")).strip()
        doc.meta_origin["title"] = "feed"
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    if doc.pub_date is None and published:
        doc.pub_date = dt.date(published.tm_year, published.tm_mon, published.tm_mday)
        doc.meta_origin["pub_date"] = "feed"
