"""The cheap pre-filters of the number finder never drop a word the full check accepts.

``_may_start`` picks the tokens a figure may start at, ``_may_be_dual`` the words that may
be a dual noun; both must be supersets of what ``parse_number`` and ``lx.noun`` accept,
or a speed-up would silently lose quantities.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.quantities.finder import (
    _DUAL_ENDINGS,
    _ONE_OF_ENDS,
    _first_words,
    _may_be_dual,
    _may_start,
    _Maybe,
)
from hadath.quantities.lexicon import CLITICS, lexicon
from hadath.quantities.words import _TOKEN, parse_number, tokenize
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
