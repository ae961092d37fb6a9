"""The date finder's pre-filter never drops a position a rule matches at.

``Prefilter.starts`` gives, for each rule, the positions its regex is tried at; they must
be a superset of where a scan over the whole text finds matches, or a speed-up would
silently lose dates. Texts are built from the words of the rules (with clitics, glued or
spaced, with digits and punctuation) so that most rules match somewhere.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.temporal.finder import _matches_at, compiled, find, prefilter
from hadath.temporal.lexicon import lexicon
from hadath.temporal.prefilter import (
    Anchor,
    NotAnalysable,
    Prefilter,
    _requires_digit,
    _trie,
    consumable,
)

_LX = lexicon()
_PATTERNS = [rx for _, _, rx in compiled()]
_PHRASES = sorted(
    {
        *_LX.months,
        *_LX.hijri_months,
        *_LX.weekdays,
        *_LX.ordinals,
        *_LX.count_words,
        *_LX.relative_days,
        *_LX.modifiers,
        *_LX.periods,
        *_LX.units,
        *_LX.chain_days,
        *_LX.fixed,
        *_LX.same,
        *consumable(_PATTERNS)[0],
    }
)


def _one(table: object) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(table))  # type: ignore[call-overload]


_DIGITS = st.sampled_from(["1", "7", "12", "31", "05", "2021", "1445", "1999", "24", "123"])
_CLITIC = st.sampled_from(["", "", "", "و", "ف", "ب", "ل", "وب", "ال", "لل"])
_RANDOM = st.text("ابتجدرسعلمنهوي", min_size=1, max_size=5)
# rule-shaped phrases, so that every rule matches in some examples
_SHAPES = [
    "{d}/{d}/{d}",
    "{d} {d} {d}",
    "{d} {month} {d}",
    "{ordinal} من شهر {month}",
    "{period} {month} {mod}",
    "عام {d}",
    "منذ {d}",
    "الاسبوع {ordinal} من {month}",
    "{d} من الشهر {mod}",
    "{hijri} {d} ه",
    "{part} {rel} {weekday}",
    "يوم {weekday} {mod}",
    "قبل {count} {unit}",
    "منذ نحو {unit}",
    "بعد ذلك ب{count} {unit}",
    "عقب هذا ب{unit}",
    "بعد {d} {unit}",
    "{chain}",
    "{period} العام {mod}",
    "{fixed}",
]
_FILL = {
    "d": _DIGITS,
    "month": _one(_LX.months),
    "ordinal": _one(_LX.ordinals),
    "period": _one(_LX.periods),
    "mod": _one(_LX.modifiers),
    "hijri": _one(_LX.hijri_months),
    "part": _one(["صباح", "مساء", "ليله", "فجر"]),
    "rel": _one(_LX.relative_days),
    "weekday": _one(_LX.weekdays),
    "count": _one(_LX.count_words) | _DIGITS,
    "unit": _one(_LX.units),
    "chain": _one(_LX.chain_days),
    "fixed": _one(_LX.fixed),
}


@st.composite
def _shaped(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(_SHAPES))
    words = [
        draw(_FILL[w[1:-1]]) if w.startswith("{") and w.endswith("}") and w[1:-1] in _FILL else w
        for w in re.split(r"(\{\w+\})", shape)
    ]
    return draw(_CLITIC) + "".join(words)


_WORD = _shaped() | (_CLITIC.flatmap(lambda c: _one(_PHRASES).map(lambda w: c + w))) | _RANDOM
_SEP = st.sampled_from(
    [
        " ",
        " ",
        " ",
        " ",
        "",
        "  ",
        "\n",
        "، ",
        " / ",
        "/",
        "-",
        " - ",
        ".",
        ". ",
        "(",
        ")",
        '"',
        ": ",
    ]
)


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, min_size=1, max_size=10))
    return "".join(w + draw(_SEP) for w in words)


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_every_match_starts_at_a_candidate(text: str) -> None:
    starts = prefilter().starts(text)  # type: ignore[union-attr]
    for (name, _, rx), candidates in zip(compiled(), starts, strict=True):
        full = [(m.span(), m.groupdict()) for m in rx.finditer(text)]
        assert {span[0] for span, _ in full} <= set(candidates), name
        assert [(m.span(), m.groupdict()) for m in _matches_at(rx, text, candidates)] == full


@pytest.mark.parametrize(
    "text",
    [
        "وفي 14 آذار/مارس 2021 قتل",
        "أمس الجمعة، وقبل ثلاثة أيام",
        "في 12/3/2020 وفي الساعات الـ24 الماضية",
        "وبعد ذلك بيومين، في اليوم التالي",
        "منتصف شهر رمضان 1445 هـ",
        '"الخامس عشر من الشهر الجاري" (الأسبوع الماضي)',
    ],
)
def test_known_dates_survive_the_filter(text: str) -> None:
    from hadath.text.view import build_view

    view = build_view(text).text
    found = find(view)
    assert found
    starts = prefilter().starts(view)  # type: ignore[union-attr]
    for (_, _, rx), candidates in zip(compiled(), starts, strict=True):
        assert {m.start() for m in rx.finditer(view)} <= set(candidates)


def test_a_filter_narrowed_to_one_anchor_loses_matches() -> None:
    # the check above has teeth: without the weekday anchor the weekday rule is never tried
    rules = compiled()
    anchors = [Anchor(digits=r"\d") for _ in rules]
    narrowed = Prefilter([rx for _, _, rx in rules], anchors)
    weekday = [name for name, _, _ in rules].index("weekday")
    assert not narrowed.starts("يوم الجمعه")[weekday]
    assert prefilter().starts("يوم الجمعه")[weekday] == [0, 4]  # type: ignore[union-attr]


def test_consumable_reads_the_pattern() -> None:
    pieces, others = consumable([re.compile(r"(?<!\w)[وف]?(?:شهر|عام)\s+\d{4}(?:/\d+)?(?!\w)")])
    assert pieces == {"و", "ف", "شهر", "عام"}
    assert others == {"/"}
    with pytest.raises(NotAnalysable):
        consumable([re.compile(r"قبل\s+\w+")])


def _words_read_one_by_one(text: str) -> list[int]:
    """Starts of the words ``Prefilter.read`` gives anchor bits, reading every word (what
    ``anchored_words`` must not miss)."""
    where = prefilter()
    assert where is not None
    begins, offset = [], 0
    for word in text.split(" "):
        if where.read(word)[0]:
            begins.append(offset)
        offset += len(word) + 1
    return begins


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_anchored_words_holds_every_word_with_an_anchor(text: str) -> None:
    where = prefilter()
    assert where is not None
    assert set(_words_read_one_by_one(text)) <= set(where.anchored_words(text))


def test_a_word_without_a_digit_or_anchor_word_is_not_read() -> None:
    where = prefilter()
    assert where is not None
    assert where.anchored_words("قال المتحدث ان الوضع هادئ") == []
    # 2015, مارس; شهر (a unit) anchors no rule: the rules counting units are anchored at
    # the word they start with (قبل, منذ, بعد, عقب), a rarer one
    assert where.anchored_words("قال في 2015 ان شهر مارس") == [7, 19]
    assert where.anchored_words("قال ان ذلك وقع قبل شهر") == [15]


@pytest.mark.parametrize(
    ("pattern", "holds_a_digit"),
    [
        (r"\d", True),
        (r"\d{4}", True),
        (r"\d[/.\-]\d", True),
        (r"a?\d+", True),
        (r"\d*", False),  # may match nothing
        (r"x|\d", False),
        (r"[0-9]", False),  # not analysed: the scanner falls back to the alternation
    ],
)
def test_requires_digit(pattern: str, holds_a_digit: bool) -> None:
    assert _requires_digit(pattern) is holds_a_digit


def test_the_digit_scanner_reaches_a_test_without_a_digit() -> None:
    rules = compiled()
    anchors = [Anchor(digits="[/]") for _ in rules]
    where = Prefilter([rx for _, _, rx in rules], anchors)
    assert where.anchored_words("قال / ثم") == [4]


@settings(max_examples=200, deadline=None)
@given(_texts(), st.integers(0, (1 << len(_PATTERNS)) - 1))
def test_starts_of_the_wanted_rules_only(text: str, wanted: int) -> None:
    where = prefilter()
    assert where is not None
    every = where.starts(text)
    some = where.starts(text, wanted)
    for rule, (all_starts, wanted_starts) in enumerate(zip(every, some, strict=True)):
        assert wanted_starts == (all_starts if wanted >> rule & 1 else [])


@settings(max_examples=300, deadline=None)
@given(_WORD | st.text(min_size=0, max_size=8))
def test_reading_a_word_of_letters_at_once_reads_it_as_its_parts(word: str) -> None:
    where = prefilter()
    assert where is not None
    assert where.read(word) == where.read_parts(word)


_LETTERS = st.text("ابلوفي", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=12), st.lists(st.text("ابلوفي ", max_size=10)))
def test_the_factored_alternation_fits_the_same_texts(words: list[str], texts: list[str]) -> None:
    plain = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    for text in texts:
        for pattern in (f"(?:{plain})+", plain):
            factored = _trie(words) if pattern == plain else f"(?:{_trie(words)})+"
            assert bool(re.fullmatch(pattern, text)) == bool(re.fullmatch(factored, text))
            assert bool(re.search(pattern, text)) == bool(re.search(factored, text))
