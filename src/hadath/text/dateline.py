"""The dateline: the short line near the top that names place, outlet and date.

"حمص – منصة بادية الشام | الأحد 14 آذار 2021", "تقارير | 1 01 2021",
"الخميس 14 أيلول/سبتمبر 2023 — صحيفة المشرق السوري". A pure function of the text, so the
``metadata`` stage (outlet, author) and the ``dates`` stage (pub_date) read the same line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hadath.batch import per_document
from hadath.document import Document, Span
from hadath.temporal.finder import find
from hadath.text.view import build_view

# how many non-empty lines from the top may hold the dateline, and how long it may be
_MAX_LINES = 6
_MAX_CHARS = 160
_SEPARATORS = re.compile(r"[|–—\-•·:]")
# in a short line a comma or a parenthesis also sets the date apart: "بيروت، 14 آذار 2021 (رويترز)"
_SHORT_SEPARATORS = re.compile(r"[،,(]")
_SHORT = 60
_SHORT_REST_WORDS = 3
_BULLETS = ("-", "–", "—", "•", "*", "·")
_ABSOLUTE_RULES = ("numeric", "spaced", "day_month", "month")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline ``span`` (the whole line), the date inside it, and that date read as
    written: ``date`` with ``precision`` day or month, or None when the line names no
    year (a dateline "الأحد 14 آذار" gives no publication date)."""

    span: Span
    date_span: Span
    date: dt.date | None
    precision: str
    warning: str | None = None  # the weekday written disagrees with the date


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + (len(body) - len(body.lstrip()))
            out.append((start, start + len(stripped)))
        pos += len(raw)
        if len(out) >= _MAX_LINES:
            break
    return out


def _read_line(text: str, start: int, end: int) -> Dateline | None:
    from hadath.temporal.resolve import Context, resolve

    line = text[start:end]
    # a dateline is no sentence: short, and not closed by a full stop
    if len(line) > _MAX_CHARS or line.endswith((".", "،", ":", "؟")):
        return None
    if line.startswith(_BULLETS):  # a list item ("– ٤ آب: ...", related headlines)
        return None
    view = build_view(line)
    for cand in find(view.text, cascade=("absolute",), allow_spaced=True):
        if cand.rule not in _ABSOLUTE_RULES:
            continue
        if cand.rule in ("day_month", "month") and "y" not in cand.fields:
            continue
        covered = cand.end - cand.start
        # a dateline has separators, or is little more than the date
        rest = len((view.text[: cand.start] + " " + view.text[cand.end :]).split())
        separated = _SEPARATORS.search(line) or (
            len(line) <= _SHORT and _SHORT_SEPARATORS.search(line) and rest <= _SHORT_REST_WORDS
        )
        if not separated and covered < 0.5 * len(view.text):
            continue
        s, e = view.to_original(cand.start, cand.end)
        res = resolve(cand, Context(pub=None), line[s:e])
        return Dateline(
            Span(start, end, "dateline"),
            Span(start + s, start + e, "dateline_date"),
            res.best,
            "month" if res.precision == "month" else "day",
            res.warning,
        )
    return None


# The dates stage and the metadata stage both read the dateline of a document (metadata
# again when dates found none or dropped it): the second read of the same text is a
# cache hit. A pure function of an immutable text, with a frozen result.
@per_document
def read_dateline(text: str) -> Dateline | None:
    """The dateline of ``text``, if one of its first lines is one."""
    lines = _lines(text)
    # the title comes first: prefer a later line, fall back to the first
    for start, end in lines[1:] + lines[:1]:
        found = _read_line(text, start, end)
        if found is not None:
            return found
    return None


def find_dateline(doc: Document | str) -> Span | None:
    """The span of the dateline line, or None. Accepts a Document or its text."""
    if isinstance(doc, Document):
        known = doc.meta_spans.get("dateline")
        if known is not None and known.kind == "dateline":  # the dates stage found it
            return known
    text = doc.text if isinstance(doc, Document) else doc
    found = read_dateline(text)
    return found.span if found else None
