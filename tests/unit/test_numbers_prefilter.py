"""The cheap pre-filters of the number finder never drop a word the full check accepts.

``_may_start`` picks the tokens a figure may start at, ``_may_be_dual`` the words that may
be a dual noun; both must be supersets of what ``parse_number`` and ``lx.noun`` accept,
or a speed-up would silently lose quantities.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.quantities import finder
from hadath.quantities.finder import (
    _DUAL_ENDINGS,
    _ONE_OF_ENDS,
    _first_words,
    _may_be_dual,
    _may_start,
    _Maybe,
    _seed_tokens,
    _seeds,
    _spans,
    find,
)
from hadath.quantities.lexicon import CLITICS, lexicon
from hadath.quantities.words import _TOKEN, Tokens, parse_number, tokenize, tokenize_spans
from hadath.text.view import build_view

_LX = lexicon()
_PIECES = (
    sorted(_LX.words)
    + sorted(_LX.dual_forms)[:200]
    + sorted(w for v in _LX.vague for w in v.split())
    + ["و", "ال", "لل", "12", "3,000", "احد", "احدي", "-", "%", "12,0001"]
)
_WORD = st.builds(
    lambda c, w: c + w,
    st.sampled_from(["", *CLITICS, "وب", "ال", "وال", "لل"]),
    st.sampled_from(_PIECES) | st.text("ابتثجحخدرسعلمنهوي", min_size=1, max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=12))
def test_every_figure_start_is_a_candidate(words: list[str]) -> None:
    toks = tokenize(" ".join(words))
    starts = set(_may_start(toks, _LX))
    for i in range(len(toks)):
        if parse_number(toks, i, _LX) is not None:
            assert i in starts, toks[i].text


@settings(max_examples=300, deadline=None)
@given(_WORD)
def test_every_dual_noun_passes_the_ending_filter(word: str) -> None:
    noun = _LX.noun(word)
    if noun is not None and noun.form in ("dual", "dual_ambiguous", "construct"):
        assert _may_be_dual(word, _LX.dual_forms)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=12), st.sampled_from([" ", "  ", "\n", "، ", ".", ""]))
def test_tokens_and_the_words_each_search_looks_at(words: list[str], sep: str) -> None:
    text = sep.join(words)
    toks = tokenize(text)
    assert [(t.start, t.end, t.text) for t in toks[:]] == [
        (m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)
    ]
    # the word kinds select exactly the words each search used to test one by one
    texts = toks.words
    firsts = _first_words(_LX.vague)
    maybe = _Maybe.of(toks)
    assert maybe.one_of == [i for i, w in enumerate(texts) if w[-3:] in _ONE_OF_ENDS]
    assert maybe.vague == [i for i, w in enumerate(texts) if w in firsts or w[1:] in firsts]
    assert maybe.dual == [
        i
        for i, w in enumerate(texts)
        if w.endswith(_DUAL_ENDINGS) and _may_be_dual(w, _LX.dual_forms)
    ]
    assert maybe.two == [i for i, w in enumerate(texts) if w in _LX.twos]


def test_known_words() -> None:
    toks = tokenize(build_view("قتل وثلاثة عشر عنصرا و 12 مدنيا ومقاتلين").text)
    assert [toks[i].text for i in _may_start(toks, _LX)] == ["وثلاثه", "عشر", "12"]
    assert _may_be_dual("والمقاتلين", _LX.dual_forms)
    assert not _may_be_dual("قتل", _LX.dual_forms)


_FILLER = st.sampled_from(
    ["قال", "المتحدث", "في", "من", "مدينه", "الجيش", "قتيلا", "مدنيين", "اخرون", "بين", "الي"]
)
_FIGURE = st.sampled_from(["12", "3,000", "2014", "45", "7", "و7", "ب200", "الـ24", "1.5"])
_SEPS = st.sampled_from([" ", " ", " ", "  ", "\n", "، ", ". ", "-", " - ", "%", ":"])


@st.composite
def _long_texts(draw: st.DrawFn) -> str:
    """Figures, cues and nouns far apart among ordinary words, so that the text is
    tokenised in several spans."""
    words = draw(st.lists(_WORD | _FIGURE | _FILLER | _FILLER, min_size=1, max_size=90))
    return "".join(w + draw(_SEPS) for w in words)


@contextmanager
def _tokens_from(tokens: Callable[[str], tuple[Tokens, _Maybe]]) -> Iterator[None]:
    """Run the finder with another way to get its tokens."""
    saved = finder._tokens
    finder._tokens = tokens
    try:
        yield
    finally:
        finder._tokens = saved


def _whole(text: str) -> tuple[Tokens, _Maybe]:
    toks = tokenize(text)
    return toks, _Maybe.of(toks)


@settings(max_examples=300, deadline=None)
@given(_long_texts())
def test_every_token_with_bits_holds_a_seed(text: str) -> None:
    toks, maybe = _whole(text)
    seeds = _seeds(text)
    for i in maybe.some:
        assert bisect.bisect_left(seeds, toks.starts[i]) < len(seeds), toks.words[i]
        assert seeds[bisect.bisect_left(seeds, toks.starts[i])] < toks.ends[i], toks.words[i]


@settings(max_examples=300, deadline=None)
@given(_long_texts())
def test_spans_find_what_the_whole_text_finds(text: str) -> None:
    found = find(text)
    with _tokens_from(_whole):
        assert find(text) == found


@settings(max_examples=200, deadline=None)
@given(_long_texts(), st.integers(0, 40), st.integers(0, 40))
def test_a_span_cut_at_spaces_holds_the_texts_tokens(text: str, a: int, b: int) -> None:
    spans = _spans(text, sorted({min(a, len(text)), min(a + b, len(text))}), 5)
    toks, firsts = tokenize_spans(text, spans)
    whole = [(t.start, t.end, t.text) for t in tokenize(text)[:]]
    for start, end in spans:
        assert text[start - 1 : start] in ("", " ") and text[end : end + 1] in ("", " ")
        inside = [t for t in whole if start <= t[0] < end]
        assert [t for t in toks[:] if start <= t.start < end] == inside
    assert len(firsts) == len(spans)


def test_too_narrow_spans_would_lose_a_hedge() -> None:
    # the checks above have teeth: spans without the reach miss "ما لا يقل عن" before 30
    text = "قال المتحدث ان ما لا يقل عن 30 مسلحا قتلوا في المدينه اليوم"
    (q,) = find(text)
    assert q.high is None and text[q.start : q.start + 2] == "ما"

    def narrow(text: str) -> tuple[Tokens, _Maybe]:
        spans = _spans(text, _seeds(text), 1)
        toks, _ = tokenize_spans(text, spans)
        return toks, _Maybe.of(toks)

    with _tokens_from(narrow):
        (q,) = find(text)
    assert q.high == 30


def test_seed_words_are_letters() -> None:
    # _seeds drops a word hit followed by a letter: right only when the hit ends in a
    # letter; the other keys are the ten ASCII digits
    from hadath.quantities.finder import _DIGIT, _WORD_END, _key_automaton

    items = list(_key_automaton().items())
    assert all(key.isalpha() for key, kind in items if kind is _WORD_END)
    assert sorted(key for key, kind in items if kind is _DIGIT) == list("0123456789")


@settings(max_examples=300, deadline=None)
@given(_long_texts() | st.text("0123456789٣²،. اب", max_size=30))
def test_every_digit_run_start_is_a_seed(text: str) -> None:
    seeds = set(_seeds(text))
    assert {m.start() for m in re.finditer("[0-9]+", text)} <= seeds


@settings(max_examples=300, deadline=None)
@given(_long_texts())
def test_the_seed_tokens_give_the_words_every_search_looks_at(text: str) -> None:
    toks = tokenize(text)
    assert _Maybe.of(toks, _seed_tokens(toks, _seeds(text))) == _Maybe.of(toks)


def _cue_before_unfiltered(toks: Tokens, i: int, table: dict[str, str]) -> object:
    """:func:`finder._cue_before` without its test of the last word."""
    for n in (4, 3, 2, 1):
        if i - n < 0:
            continue
        phrase = " ".join(toks.words[i - n : i])
        if phrase in table:
            return table[phrase], i - n, 0
        if phrase[:1] in CLITICS and phrase[1:] in table:
            return table[phrase[1:]], i - n, 1
    return None


_CUE_WORD = st.builds(
    lambda c, w: c + w,
    st.sampled_from(["", "", *CLITICS]),
    st.sampled_from(sorted({w for cue in _LX.cues_before for w in cue.split()})),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CUE_WORD | _CUE_WORD | _WORD | st.sampled_from(["و", "ب", "12"]), max_size=10))
def test_the_last_word_test_drops_no_cue_before(words: list[str]) -> None:
    toks = tokenize(" ".join(words))
    for i in range(len(toks) + 1):
        assert finder._cue_before(toks, i, _LX) == _cue_before_unfiltered(toks, i, _LX.cues_before)


def test_every_cue_before_is_found() -> None:
    # the test above has teeth: each cue, with or without a proclitic, is found
    for cue in _LX.cues_before:
        for clitic in ("", "و"):
            toks = tokenize(f"قال {clitic}{cue} 12")
            assert finder._cue_before(toks, len(toks) - 1, _LX) is not None, cue


def test_every_combined_phrase_passes_the_opening_test() -> None:
    for phrase in _LX.combined_after:
        for after in (phrase, "و" + phrase, phrase + " في"):
            assert after.startswith(_LX.combined_openings)


_DIGITS_FIRST = re.compile(r"[0-9]+(?:,[0-9]{3})+(?![0-9])|[0-9]+|[^\W0-9_]+|%|-")


@settings(max_examples=300, deadline=None)
@given(_long_texts() | st.text("0123456789,٣²_%-ابت .\n", max_size=40))
def test_the_order_of_the_token_alternatives_changes_no_token(text: str) -> None:
    assert [m.span() for m in _TOKEN.finditer(text)] == [
        m.span() for m in _DIGITS_FIRST.finditer(text)
    ]
