"""HTML pages through trafilatura: main text, title, date, author, site name."""

from __future__ import annotations

import datetime as dt
import re

from hadath.document import Document
from hadath.errors import BadHtml, EmptyInput

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_META_AUTHOR = re.compile(
    r"<meta\s+[^>]*(?:name|property)=[\"'](?:author|article:author|dc\.creator)[\"'][^>]*content=[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)


def nesting_depth(html: str, limit: int) -> int:
    """Maximum element depth, stopping early once past ``limit``. Linear, no parser."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
    return deepest


def read_html(
    html: str, doc_id: str, source: str, max_depth: int, url: str | None = None
) -> Document:
    import trafilatura

    if nesting_depth(html, max_depth) > max_depth:
        raise BadHtml(f"HTML nested deeper than {max_depth} levels", source)
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (RecursionError, ValueError) as exc:
        raise BadHtml(f"HTML could not be parsed: {type(exc).__name__}", source) from exc
    if result is None:
        raise EmptyInput("no article text found in the HTML page", source)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise EmptyInput("no article text found in the HTML page", source)
    doc = Document(text=text, doc=doc_id, source=source, url=url or data.get("url"))
    for field, key in (("title", "title"), ("outlet", "sitename"), ("author", "author")):
        value = data.get(key)
        if value and str(value).strip():
            setattr(doc, field, str(value).strip())
            doc.meta_origin[field] = "html"
    if doc.author is None:
        m = _META_AUTHOR.search(html[:100_000])
        if m and m.group(1).strip():
            doc.author = m.group(1).strip()
            doc.meta_origin["author"] = "html"
    date = data.get("date")
    if date:
        try:
            doc.pub_date = dt.date.fromisoformat(str(date)[:10])
            doc.meta_origin["pub_date"] = "html"
        except ValueError:
            pass
    return doc
