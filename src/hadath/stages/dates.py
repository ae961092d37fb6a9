"""Stage ``dates``: every time expression, resolved against the publication date.

Inputs: ``doc.text``, ``doc.view``, ``doc.regions`` (boilerplate is skipped),
``doc.pub_date`` (may be None). Outputs: ``Mention(kind="date")`` in ``doc.mentions``
with attrs ``value`` (``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` after ``precision``, or None),
``precision`` (day|week|month|year), ``day`` (best single ``YYYY-MM-DD`` or None),
``relative``, ``rule``, ``anchor`` (text|pub|previous|context|weekday); when
``doc.pub_date`` is None and the dateline names a date, ``doc.pub_date`` from it
(``meta_origin["pub_date"] = "dateline"``, ``meta_spans["dateline"]``); warnings
``W_WEEKDAY_MISMATCH`` ("أمس السبت" when the day before was no Saturday) and
``W_NO_PUB_DATE``.

Cascade (``[dates] cascade`` in the settings): dateline -> absolute -> relative -> Hijri.
Expressions are resolved in text order, so a chain ("وبعد هذا بثلاثة أيام") resolves
against the previous date of the passage.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from hadath.document import Document, Mention
from hadath.errors import W_NO_PUB_DATE, W_WEEKDAY_MISMATCH, warning
from hadath.settings import Settings
from hadath.temporal.finder import DEFAULT_CASCADE, compiled, find, prefilter
from hadath.temporal.lexicon import lexicon
from hadath.temporal.resolve import Context, Resolved, resolve
from hadath.text.dateline import read_dateline

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize", "segment")


def cascade(settings: Settings) -> Sequence[str]:
    section = settings.extra.get("dates", {})
    order = section.get("cascade") if isinstance(section, dict) else None
    return tuple(order) if order else DEFAULT_CASCADE


def prepare(settings: Settings) -> None:
    compiled()
    prefilter()  # reads the compiled patterns once, before the first document


def _attrs(res: Resolved, rule: str) -> dict[str, object]:
    return {
        "value": res.value,
        "precision": res.precision,
        "day": res.best.isoformat() if res.best and res.start else None,
        "relative": res.relative,
        "rule": rule,
        "anchor": res.anchor,
    }


# rules that resolve against the previous date of the passage
_CHAINED = frozenset({"chain_day", "chain_shift", "chain_after", "the_month", "period"})


@dataclass(slots=True)
class _Anchors:
    """The previous dates of the passage: the last one, and the last one that is not
    the date of a claim or announcement (with the sentence each stands in)."""

    last: tuple[Resolved, int] | None = None
    last_event: tuple[Resolved, int] | None = None

    def for_chain(self, sentence: int) -> Resolved | None:
        if self.last is not None and (self.last[1] == sentence or self.last_event is None):
            return self.last[0]
        return self.last_event[0] if self.last_event else None

    def remember(self, res: Resolved, sentence: int, announcement: bool) -> None:
        if res.start is None or res.precision not in ("day", "week", "month"):
            return
        self.last = (res, sentence)
        if not announcement:
            self.last_event = (res, sentence)


class _Sentences:
    """Which sentence an offset is in, and whether that sentence reports a claim."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sentences]
        self.cache: dict[int, bool] = {}

    def index(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.doc.sentences[i].end:
            return i
        return -1

    def is_announcement(self, i: int) -> bool:
        if i < 0:
            return False
        if i not in self.cache:
            view = self.doc.view
            assert view is not None
            s = self.doc.sentences[i]
            text = view.text[view.to_view(s.start) : view.to_view(s.end)]
            self.cache[i] = any(cue in text for cue in lexicon().announcement_cues)
        return self.cache[i]


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    order = cascade(settings)
    mentions: list[Mention] = []
    dateline = read_dateline(doc.text) if "dateline" in order else None
    if dateline is not None and doc.in_boilerplate(dateline.span.start, dateline.span.end):
        dateline = None
    if dateline is not None:
        doc.meta_spans.setdefault("dateline", dateline.span)
        if dateline.warning:
            doc.warn(warning(W_WEEKDAY_MISMATCH, f"dateline: {dateline.warning}"))
        if doc.pub_date is None and dateline.date is not None:
            doc.pub_date = dateline.date
            doc.meta_origin["pub_date"] = "dateline"
            if dateline.precision == "month":
                doc.meta_origin["pub_date_precision"] = "month"
    ctx = Context(pub=doc.pub_date)
    anchors = _Anchors()
    sentences = _Sentences(doc)
    lx = lexicon()
    unresolved_relative = False
    if dateline is not None:
        ds = dateline.date_span
        res = Resolved(dateline.precision, dateline.date, dateline.date, False, "text")
        if dateline.date is not None and dateline.precision == "month":
            res = Resolved("month", dateline.date.replace(day=1), dateline.date, False, "text")
        text = doc.text[ds.start : ds.end]
        mentions.append(Mention("date", ds.start, ds.end, text, _attrs(res, "dateline")))
        anchors.remember(res, -1, False)
    for cand in find(doc.view.text, cascade=order):
        start, end = doc.view.to_original(cand.start, cand.end)
        if dateline is not None and dateline.span.overlaps(start, end):
            continue
        if doc.in_boilerplate(start, end):
            continue
        text = doc.text[start:end]
        sentence = sentences.index(start)
        ctx.previous = anchors.for_chain(sentence) if cand.rule in _CHAINED else None
        res = resolve(cand, ctx, text)
        if res.warning:
            doc.warn(warning(W_WEEKDAY_MISMATCH, f"{res.warning} (offset {start})"))
        if res.relative and res.start is None and ctx.pub is None:
            unresolved_relative = True
        month_word = cand.fields.get("m1")
        month = lx.months.get(lx.norm(month_word)) if month_word else None
        if cand.rule in ("numeric", "spaced") and res.start is not None:
            month = res.start.month
        anchors.remember(res, sentence, sentences.is_announcement(sentence))
        if month is not None and res.start is not None and res.anchor == "text":
            ctx.known_years[month] = res.start.year
        mentions.append(Mention("date", start, end, text, _attrs(res, cand.rule)))
    if unresolved_relative:
        doc.warn(warning(W_NO_PUB_DATE, "no publication date: relative dates left unresolved"))
    doc.mentions.extend(mentions)
    return doc
