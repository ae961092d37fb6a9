"""Cut a document's text into segments for highlighting evidence and field spans.

Spans may overlap or nest (the evidence sentence contains the date, the actor, the
place...), so the text is cut at every span boundary and each segment carries the set
of spans covering it. The template renders one ``<span>`` per covered segment with its
text escaped by Jinja's autoescape: no HTML is ever built from article text here.

>>> [(s.text, s.fields) for s in segments("abcdef", {"evidence": (1, 5), "date": (2, 3)})]
[('a', ()), ('b', ('evidence',)), ('c', ('date', 'evidence')), ('de', ('evidence',)), ('f', ())]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` and the names of the spans that cover it (sorted)."""

    start: int
    end: int
    text: str
    fields: tuple[str, ...]

    @property
    def css(self) -> str:
        """CSS classes: ``f-<field>`` per span, ``ev`` inside evidence, ``qt`` inside a
        quote, ``fld`` inside a field's span. Field names are ours (event field names), never article text."""
        names = [f"f-{name}" for name in self.fields]
        if any(n.startswith("evidence") for n in self.fields):
            names.append("ev")
        if any(n.startswith("quote") for n in self.fields):
            names.append("qt")
        if any(not n.startswith(("evidence", "quote")) for n in self.fields):
            names.append("fld")
        return " ".join(names)


def clean_spans(text: str, spans: Mapping[str, Sequence[int] | None]) -> dict[str, tuple[int, int]]:
    """Keep the spans that are well-formed and inside ``text`` (stored data may be stale)."""
    out: dict[str, tuple[int, int]] = {}
    for name, span in spans.items():
        if span is None or len(span) != 2:
            continue
        start, end = int(span[0]), int(span[1])
        if 0 <= start < end <= len(text):
            out[name] = (start, end)
    return out


def segments(text: str, spans: Mapping[str, Sequence[int] | None]) -> list[Segment]:
    """The text cut at every span boundary; empty spans and spans outside it are dropped."""
    good = clean_spans(text, spans)
    cuts = sorted({0, len(text), *(p for span in good.values() for p in span)})
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        if start == end:
            continue
        covering = tuple(sorted(n for n, (s, e) in good.items() if s <= start and end <= e))
        out.append(Segment(start, end, text[start:end], covering))
    return out
