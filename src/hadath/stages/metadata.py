"""Stage ``metadata``: title, outlet and author from the text when no better source exists.

Inputs: ``doc.text``, ``doc.regions`` (boilerplate), ``doc.paragraphs``; the dateline
found by :func:`hadath.text.dateline.find_dateline`. Outputs: ``doc.title``,
``doc.outlet``, ``doc.author`` (only where HTML/JSON metadata or arguments gave none),
``doc.meta_origin`` and ``doc.meta_spans`` saying where each value came from.

Cascade for the outlet: dateline segment → copyright line → newsletter prompt →
signature → a source speaking "لـ" the outlet. For the author: byline cue in the
dateline → a names-only line under the dateline → the closing signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hadath.document import Document, Span
from hadath.lexicon.loader import load_yaml
from hadath.settings import Settings
from hadath.text.dateline import find_dateline
from hadath.text.view import normalize

REQUIRES: tuple[str, ...] = ("boilerplate", "segment", "dates")

_SEPARATORS = re.compile(r"\s*[|–—]\s*|\s+-\s+")
_TITLE_MAX = 200


@dataclass(frozen=True)
class _Cues:
    sections: frozenset[str]
    bylines: tuple[str, ...]
    outlet_patterns: tuple[re.Pattern[str], ...]
    self_reference: re.Pattern[str]
    external: frozenset[str]
    author_max_words: int
    author_max_chars: int


@lru_cache(maxsize=1)
def cues() -> _Cues:
    data = load_yaml("metadata.yaml")
    return _Cues(
        sections=frozenset(normalize(s) for s in data["sections"]),
        bylines=tuple(sorted(data["byline_cues"], key=len, reverse=True)),
        outlet_patterns=tuple(re.compile(p, re.MULTILINE) for p in data["outlet_patterns"]),
        self_reference=re.compile(data["self_reference"]["pattern"]),
        external=frozenset(normalize(s) for s in data["external_outlets"]),
        author_max_words=int(data["author_line"]["max_words"]),
        author_max_chars=int(data["author_line"]["max_chars"]),
    )


def _set(doc: Document, field: str, value: str, origin: str, start: int, end: int) -> None:
    # names lose the punctuation around them; a title keeps its quotes («داعش» يصعّد)
    value = value.strip() if field == "title" else value.strip(" \t:،-–—|\"'“”«»")
    if not value or getattr(doc, field) is not None:
        return
    setattr(doc, field, value)
    doc.meta_origin[field] = origin
    doc.meta_spans[field] = Span(start, end, "meta", field)


def _content_lines(doc: Document) -> list[Span]:
    return [p for p in doc.paragraphs if not doc.in_boilerplate(p.start, p.end)]


def _title(doc: Document, dateline: Span | None) -> None:
    if doc.title is not None or not doc.paragraphs:
        return
    first = doc.paragraphs[0]
    text = doc.text[first.start : first.end]
    if dateline is not None and first.start == dateline.start:
        return
    if len(text) <= _TITLE_MAX and not text.rstrip().endswith((".", "،", ":")):
        end = first.start + len(text.rstrip())
        _set(doc, "title", text, "text", first.start, end)


def _has_date(doc: Document, start: int, end: int) -> bool:
    return any(m.kind == "date" and start <= m.start < end for m in doc.mentions)


def _is_place(doc: Document, start: int, end: int) -> bool:
    return any(
        m.kind == "place" and m.start <= start + 1 and m.end >= end - 1 for m in doc.mentions
    )


def _dateline_fields(doc: Document, dateline: Span) -> None:
    c = cues()
    line = doc.text[dateline.start : dateline.end]
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for found in _SEPARATORS.finditer(line):
        pieces.append((pos, found.start(), found.group()))
        pos = found.end()
    pieces.append((pos, len(line), ""))
    others: list[tuple[int, int, str]] = []
    for i, (s, e, sep) in enumerate(pieces):
        segment = line[s:e].strip()
        abs_s, abs_e = dateline.start + s, dateline.start + e
        if not segment or _has_date(doc, abs_s, abs_e):
            continue
        byline = next((b for b in c.bylines if segment.startswith(b)), None)
        if byline is not None:
            _set(doc, "author", segment[len(byline) :], "dateline", abs_s + len(byline), abs_e)
            continue
        if normalize(segment) in c.sections:
            continue
        # "حمص – منصة بادية الشام | ...": a place, or what opens the line before a dash,
        # is the dateline's city
        opens_with_dash = i == 0 and sep.strip() in ("–", "-", "—") and len(pieces) > 2
        if opens_with_dash or _is_place(doc, abs_s, abs_e):
            continue
        others.append((abs_s, abs_e, segment))
    if others:
        s, e, segment = others[0]
        _set(doc, "outlet", segment, "dateline", s, e)


def _author_line(doc: Document, lines: list[Span], dateline: Span) -> None:
    c = cues()
    after = [p for p in lines if p.start > dateline.end]
    if not after:
        return
    line = after[0]
    text = doc.text[line.start : line.end]
    words = text.split()
    if (
        0 < len(words) <= c.author_max_words
        and len(text) <= c.author_max_chars
        and not any(ch.isdigit() or ch in '.،:؟!"“”«»()' for ch in text)
    ):
        _set(doc, "author", text, "byline", line.start, line.end)


def _boilerplate_outlet(doc: Document) -> None:
    c = cues()
    for region in doc.regions:
        text = doc.text[region.start : region.end]
        if region.label == "signature":
            m = re.match(r"\s*(.+?)\s*[-–—|/]\s*(.+?)\s*$", text)
            if m:
                _set(
                    doc,
                    "author",
                    m.group(1),
                    "signature",
                    region.start + m.start(1),
                    region.start + m.end(1),
                )
                _set(
                    doc,
                    "outlet",
                    m.group(2),
                    "signature",
                    region.start + m.start(2),
                    region.start + m.end(2),
                )
            continue
        for pattern in c.outlet_patterns:
            m = pattern.search(text)
            if m and m.group(1).strip():
                _set(
                    doc,
                    "outlet",
                    m.group(1),
                    region.label,
                    region.start + m.start(1),
                    region.start + m.end(1),
                )
                break


def _self_reference(doc: Document) -> None:
    c = cues()
    for m in c.self_reference.finditer(doc.text):
        name = m.group(1).strip()
        if normalize(name) in c.external or doc.in_boilerplate(m.start(), m.end()):
            continue
        _set(doc, "outlet", name, "self_reference", m.start(1), m.end(1))
        return


def _drop_place_author(doc: Document) -> None:
    """Page metadata sometimes takes a dateline's city ("الميادين – الفرات اليوم") for the
    author; a byline that is only a place name is no author."""
    if doc.author is None or doc.meta_origin.get("author") not in ("html", "json"):
        return
    name = normalize(doc.author).strip()
    if any(m.kind == "place" and normalize(m.text).strip() == name for m in doc.mentions):
        doc.warn(f"W_AUTHOR_IS_PLACE: ignored the page's author {doc.author!r}, a place name")
        doc.author = None
        del doc.meta_origin["author"]


def run(doc: Document, settings: Settings) -> Document:
    _drop_place_author(doc)
    dateline = find_dateline(doc)
    _title(doc, dateline)
    if dateline is not None:
        doc.meta_spans.setdefault("dateline", dateline)
        _dateline_fields(doc, dateline)
        # the lines outside boilerplate are read only under a dateline
        _author_line(doc, _content_lines(doc), dateline)
    _boilerplate_outlet(doc)
    if doc.outlet is None:
        _self_reference(doc)
    return doc
