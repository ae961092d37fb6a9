"""The Document that flows through the pipeline, and the spans that annotate it.

Every annotation carries character offsets into ``Document.text``, the text as read.
No stage rewrites that text: matching happens on ``Document.view`` (the normalised view)
and results are mapped back through its offset map.

Mention attributes by kind (the ``attrs`` of a :class:`Mention`; all keys optional
unless marked):

- ``date``: ``value`` (``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` or None), ``precision``
  (day|week|month|year), ``day`` (``YYYY-MM-DD`` best single day, or None),
  ``rule`` (which cascade strategy found it), ``relative`` (bool).
- ``number``: ``value``, ``low``, ``high`` (int or None), ``counts`` (persons, fighters,
  vehicles, strikes, ... or None), ``approx`` (bool).
- ``actor``: ``actor`` (ACLED-style name, required), ``actor_kind`` (state, rebel, militia,
  civilians, external, ...), ``unit`` (unit name as written, when the mention is a unit),
  ``parent``, ``country``.
- ``place``: ``name_ar``, ``name_en``, ``admin1``, ``admin2``, ``latitude``,
  ``longitude``, ``geo_precision`` (1|2|3), ``feature`` (town, region, road, desert, ...).
- ``person``: ``name``, ``role``, ``affiliation``.
- ``org``: ``name``, ``org_kind`` (outlet, observatory, agency, institute, ...).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hadath.text.view import NormalizedView


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text``: ``text[start:end]``."""

    start: int
    end: int
    kind: str
    label: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text. ``norm`` is its normalised form; ``base`` the form with
    proclitics (و ف ب ل ك ال لل) split off, ``prefix`` what was split."""

    start: int
    end: int
    norm: str
    base: str
    prefix: str = ""


@dataclass(slots=True)
class Mention:
    """Something found in the text: a date, a number, an actor, a place, a person, an org."""

    kind: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        out.update(self.attrs)
        return out


def _span_at(spans: list[Span], offset: int) -> Span | None:
    """The span containing ``offset`` among sorted, non-overlapping spans (binary search)."""
    i = bisect_right(spans, offset, key=lambda span: span.start) - 1
    if i >= 0 and spans[i].start <= offset < spans[i].end:
        return spans[i]
    return None


EVENT_FIELDS: tuple[str, ...] = (
    "id",
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "actor1",
    "actor2",
    "unit1",
    "unit2",
    "location_ar",
    "location_en",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "captured_or_missing",
    "claimed_by",
    "reported_by",
    "certainty",
    "evidence",
    "evidence_start",
    "evidence_end",
)


@dataclass(slots=True)
class Event:
    """An ACLED-style event record (field names as in CONTRACT.md and gold/README.md).

    ``spans`` maps a field name to the ``(start, end)`` offsets it was read from, so
    every value can be traced and highlighted. ``figures`` keeps each source's casualty
    figures; ``notes`` is free text (e.g. materiel destroyed, escaped prisoners).
    """

    id: str
    event_type: str
    sub_event_type: str
    evidence: str
    evidence_start: int
    evidence_end: int
    date: str | None = None
    date_precision: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    unit1: str | None = None
    unit2: str | None = None
    location_ar: str | None = None
    location_en: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    captured_or_missing: int | None = None
    claimed_by: str | None = None
    reported_by: list[str] = field(default_factory=list)
    certainty: str | None = None
    date_expr: str | None = None
    site_ar: str | None = None
    notes: str | None = None
    spans: dict[str, list[int]] = field(default_factory=dict)
    figures: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in EVENT_FIELDS}
        out["reported_by"] = list(self.reported_by)
        for optional in ("admin2", "date_expr", "site_ar", "notes"):
            value = getattr(self, optional)
            if value is not None:
                out[optional] = value
        if self.spans:
            out["spans"] = {k: list(v) for k, v in self.spans.items()}
        if self.figures:
            out["figures"] = [dict(f) for f in self.figures]
        out.update(self.extra)
        return out


@dataclass(slots=True)
class Quote:
    """An attributed statement; ``quote`` is an exact substring of the text."""

    speaker: str | None
    quote: str
    quote_start: int
    quote_end: int
    speaker_role: str | None = None
    affiliation: str | None = None
    reported_via: str | None = None
    type: str = "direct"

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "affiliation": self.affiliation,
            "quote": self.quote,
            "reported_via": self.reported_via,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "type": self.type,
        }


@dataclass(slots=True)
class Document:
    """One article. ``text`` is never modified after construction."""

    text: str
    doc: str = "stdin"
    source: str = "-"
    title: str | None = None
    pub_date: dt.date | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    # where each metadata value came from: "argument", "html", "json", "dateline", ...
    meta_origin: dict[str, str] = field(default_factory=dict)
    # offsets of metadata values found in the text itself (title line, dateline, byline)
    meta_spans: dict[str, Span] = field(default_factory=dict)
    regions: list[Span] = field(default_factory=list)
    view: NormalizedView | None = None
    sentences: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    tokens: Sequence[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stages_run: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` touches a boilerplate region."""
        return any(r.overlaps(start, end) for r in self.regions)

    def sentence_at(self, offset: int) -> Span | None:
        return _span_at(self.sentences, offset)

    def paragraph_at(self, offset: int) -> Span | None:
        return _span_at(self.paragraphs, offset)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc": self.doc,
            "source": self.source,
            "title": self.title,
            "pub_date": self.pub_date.isoformat() if self.pub_date else None,
            "outlet": self.outlet,
            "author": self.author,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "warnings": list(self.warnings),
        }
        if self.url:
            out["url"] = self.url
        if with_text:
            out["text"] = self.text
        return out

    def to_annotate_dict(self, with_text: bool = False) -> dict[str, Any]:
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end, m.kind))
        out: dict[str, Any] = {
            "doc": self.doc,
            "pub_date": self.pub_date.isoformat() if self.pub_date else None,
            "mentions": [m.to_dict() for m in mentions],
            "boilerplate": [
                {"start": r.start, "end": r.end, "label": r.label} for r in self.regions
            ],
            "warnings": list(self.warnings),
        }
        if with_text:
            out["text"] = self.text
        return out
