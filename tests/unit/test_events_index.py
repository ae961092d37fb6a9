"""The range queries of the events stage answer exactly as the scans they replace.

Each test states the original scan (over ``doc.mentions``, the sentences, the cue hits)
and checks the indexed query against it on random inputs: mentions out of text order,
nested and empty ones, hits longer than a word, spans that overlap. A query narrowed
by one mention or one hit fails here.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.document import Document, Mention, Span
from hadath.events.index import EndingBy, MentionIndex, SpanIndex
from hadath.events.lexicon import CueHit, DocCues, find_cues, lexicon
from tests.unit.events_helpers import build

TEXT_LENGTH = 200
offsets = st.integers(0, TEXT_LENGTH)


@st.composite
def mentions(draw: st.DrawFn) -> list[Mention]:
    """Mentions of a few kinds, in any list order (a stage may append out of order)."""
    out = []
    for _ in range(draw(st.integers(0, 30))):
        start = draw(offsets)
        end = draw(st.integers(start, min(TEXT_LENGTH, start + 20)))
        kind = draw(st.sampled_from(["actor", "place", "date"]))
        out.append(Mention(kind, start, end, "x" * (end - start)))
    if draw(st.booleans()):
        out.sort(key=lambda m: m.start)  # the usual case: text order
    return out


@st.composite
def spans(draw: st.DrawFn, disjoint: bool) -> list[Span]:
    if not disjoint:
        out = []
        for _ in range(draw(st.integers(0, 12))):
            start = draw(offsets)
            out.append(Span(start, draw(st.integers(start, TEXT_LENGTH)), "sentence"))
        return out
    cuts = sorted(draw(st.lists(offsets, max_size=24, unique=True)))
    return [Span(a, b, "sentence") for a, b in zip(cuts[::2], cuts[1::2], strict=False)]


@settings(max_examples=300, deadline=None)
@given(mentions(), st.sampled_from(["actor", "place", "date", "org"]), offsets, offsets)
def test_mentions_inside_a_span_as_the_scan(
    found: list[Mention], kind: str, a: int, b: int
) -> None:
    span = Span(min(a, b), max(a, b), "sentence")
    scan = [m for m in found if m.kind == kind and span.contains(m.start, m.end)]
    got = MentionIndex(found).inside(kind, span.start, span.end)
    assert [id(m) for m in got] == [id(m) for m in scan]


@settings(max_examples=300, deadline=None)
@given(mentions(), st.sampled_from(["actor", "place", "date"]), offsets, offsets)
def test_mentions_starting_in_a_range_as_the_scan(
    found: list[Mention], kind: str, start: int, end: int
) -> None:
    scan = [m for m in found if m.kind == kind and start <= m.start < end]
    got = MentionIndex(found).starting(kind, start, end)
    assert [id(m) for m in got] == [id(m) for m in scan]


@settings(max_examples=300, deadline=None)
@given(st.booleans().flatmap(lambda d: spans(d)), offsets)
def test_span_lookups_as_the_scans(found: list[Span], offset: int) -> None:
    index = SpanIndex(found)
    first = next((i for i, p in enumerate(found) if p.start <= offset < p.end), -1)
    assert index.index_at(offset) == first
    ending = [i for i, s in enumerate(found) if s.end <= offset]
    assert index.last_ending_by(offset) == (ending[-1] if ending else -1)
    for span in found:
        assert index.position(span) == found.index(span)


def _cues(token_starts: list[int], hits: list[CueHit]) -> DocCues:
    hits = sorted(hits, key=lambda h: h.start)
    return DocCues(
        Document(text="x" * TEXT_LENGTH),
        lexicon(),
        hits={"cue": hits},
        token_starts=token_starts,
        starts={"cue": [h.start for h in hits]},
        longest={"cue": max((h.end - h.start for h in hits), default=0)},
    )


@st.composite
def cue_hits(draw: st.DrawFn) -> list[CueHit]:
    out = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(offsets)
        # long hits too: a cue of several words
        end = draw(st.integers(start, min(TEXT_LENGTH, start + 60)))
        out.append(CueHit(start, end, "cue", "cue", "cue"))
    return out


token_starts = st.lists(offsets, max_size=60, unique=True).map(sorted)


@settings(max_examples=500, deadline=None)
@given(token_starts, cue_hits(), offsets, offsets, st.integers(0, 6))
def test_near_before_as_the_scan(
    starts: list[int], hits: list[CueHit], a: int, b: int, words: int
) -> None:
    cues = _cues(starts, hits)
    start, offset = min(a, b), max(a, b)
    scan = any(
        cues.words_between(h.end, offset) <= words for h in cues.within("cue", start, offset)
    )
    assert cues.near_before("cue", start, offset, words) == scan


@settings(max_examples=300, deadline=None)
@given(token_starts, offsets, st.integers(0, 4))
def test_reach_bounds_the_word_gap_exactly(starts: list[int], offset: int, words: int) -> None:
    cues = _cues(starts, [])
    reach = cues.reach(offset, words)
    for x in range(offset, TEXT_LENGTH + 1):
        assert (cues.words_between(offset, x) <= words) == (x < reach)
    assert reach > TEXT_LENGTH or cues.words_between(offset, reach) > words


@settings(max_examples=300, deadline=None)
@given(mentions(), offsets)
def test_places_ending_by_an_offset_as_the_scan(found: list[Mention], offset: int) -> None:
    scan = [m for m in found if m.end <= offset]
    got = EndingBy(found).ending_by(offset)
    assert [id(m) for m in got] == [id(m) for m in scan]
    assert len(got) == len(scan) and bool(got) == bool(scan)
    assert [id(got[i]) for i in range(-len(scan), len(scan))] == [id(m) for m in scan + scan]


_CUE_TEXTS = [
    # harakat and tatweel: the view is shorter than the text, offsets go through origin
    "قُتِلَ ثلاثةُ عناصرَ من قوات النظام وأُصيبَ آخرون بانفجار عبوةٍ ناسفة، بحسب مصادر محلية.",
    "أعلن تنظيم الدولة مسؤوليته عن الهجوم. وقال المرصد إن الهجـــوم أسفر عن مقتل جنديين.",
    "لم يتبن أي طرف الهجوم حتى الآن",
]


def test_cues_converted_on_first_use_as_all_at_once() -> None:
    """find_cues leaves the scanner's hits in view offsets until a category is read;
    reading any category, in any order, gives what converting all of them up front gave
    (view.to_original, then sorted by start)."""
    for text in _CUE_TEXTS:
        doc = build(text, [])
        assert doc.view is not None
        found = lexicon().scanner.find_all(doc.view.text)
        cues = find_cues(doc)
        for cat in reversed(list(found)):
            expected = sorted(
                (
                    CueHit(*doc.view.to_original(h.start, h.end), cat, h.value[0], h.key, h.prefix)
                    for h in found[cat]
                ),
                key=lambda h: h.start,
            )
            assert cues.within(cat, 0, len(text) + 1) == expected, cat
            longest = max((h.end - h.start for h in expected), default=0)
            assert cues.longest_hit(cat) == longest
        assert not cues.pending


_NUMBER_WORDS = ["١٢", "12", "٣٠٠", "2٠", "قُتِلَ", "عنصرًا", "الـــجيش", "x²", "،", "في", "١٢٣٤٥٦"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_NUMBER_WORDS), min_size=1, max_size=12).map(" ".join),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_digit_test_keeps_every_number_token(text: str, a: int, b: int) -> None:
    """Without the numbers stage, _numbers reads digit tokens; skipping a span with no
    digit in its view must find exactly what reading every token finds (harakat and
    tatweel make view and text offsets differ)."""
    from hadath.events import casualties

    doc = build(text, [])
    cues = find_cues(doc)
    span = Span(min(a, b, len(text)), min(max(a, b), len(text)), "sentence")
    found = casualties._numbers(cues, span)
    real = casualties._may_hold_digits
    try:
        casualties._may_hold_digits = lambda doc, span: True  # type: ignore[assignment]
        every = casualties._numbers(cues, span)
    finally:
        casualties._may_hold_digits = real
    assert [(m.start, m.end, m.attrs) for m in found] == [(m.start, m.end, m.attrs) for m in every]
