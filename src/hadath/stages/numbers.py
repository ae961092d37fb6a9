"""Stage ``numbers``: every quantity, with its hedges, range and what it counts.

Inputs: ``doc.text``, ``doc.view``, ``doc.regions`` (boilerplate is skipped), the date
mentions (a figure inside a date is no count) and the dateline. Outputs:
``Mention(kind="number")`` in ``doc.mentions`` with attrs ``value`` (best figure; the
lower end of a range; None for a vague plural), ``low``, ``high`` (None when open:
"أكثر من 30" has no high), ``counts`` (fighters, persons, civilians, vehicles, strikes,
munitions, attacks, other, or None), ``approx``, ``combined`` ("15 بين قتيل وجريح"),
``vague`` ("عشرات"), ``noun`` (the counted noun as written, normalised), ``dual``.
"""

from __future__ import annotations

import unicodedata

from hadath.document import Document, Mention
from hadath.quantities.finder import find
from hadath.quantities.lexicon import lexicon
from hadath.settings import Settings
from hadath.temporal.finder import Intervals

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize", "dates")


def prepare(settings: Settings) -> None:
    lexicon()


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    view = doc.view
    dates = Intervals()
    for m in doc.mentions_of("date"):
        dates.add(m.start, m.end)
    dateline = doc.meta_spans.get("dateline")

    def original(start: int, end: int) -> str:
        # with the marks after the last letter: the tanween of "مقاتلاً" tells a singular
        s, e = view.to_original(start, end)
        while e < len(doc.text) and unicodedata.category(doc.text[e]) == "Mn":
            e += 1
        return doc.text[s:e]

    for q in find(view.text, original=original):
        start, end = view.to_original(q.start, q.end)
        if doc.in_boilerplate(start, end):
            continue
        if dateline is not None and dateline.overlaps(start, end):
            continue
        if dates.overlaps(start, end):
            continue
        attrs: dict[str, object] = {
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "counts": q.counts,
            "approx": q.approx,
            "combined": q.combined,
            "vague": q.vague,
            "noun": q.noun,
        }
        if q.dual:
            attrs["dual"] = True
        doc.mentions.append(Mention("number", start, end, doc.text[start:end], attrs))
    return doc
