"""``tagger.tag`` gives the tags crfsuite's Viterbi gives for the full features.

The tagger hands crfsuite items built from cached per-word pieces (:func:`tagger.items`);
the reference is the plain way: every feature of ``sentence_features``, unknown ones
included (crfsuite skips them). Both are tagged by the same model, so equal items give
equal tags, ties included; these tests compare the tags on real sentences (the ANERcorp
test split, when ``../shared`` is there, and the golden articles) and on random ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.ner import tagger
from hadath.ner.features import TOKEN_RE, sentence_features
from hadath.text.view import normalize

ROOT = Path(__file__).resolve().parents[2]
ANERCORP = ROOT.parent / "shared" / "data" / "ner" / "anercorp"


def _reference(words: list[str]) -> list[str]:
    return list(tagger._tagger().tag(sentence_features(words)))


def _anercorp_test_sentences() -> list[list[str]]:
    """The words of the test split, normalised as ``scripts/train_ner.py`` reads them."""
    sentences: list[list[str]] = []
    words: list[str] = []
    for path in sorted(ANERCORP.glob("*test.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) != 2:
                if words:
                    sentences.append(words)
                    words = []
                continue
            words.append(normalize(parts[0]) or parts[0])
    if words:
        sentences.append(words)
    return sentences


@pytest.mark.skipif(not ANERCORP.is_dir(), reason="no ../shared/data/ner/anercorp")
def test_anercorp_test_split_tags_as_crfsuite_on_all_features() -> None:
    sentences = _anercorp_test_sentences()
    assert len(sentences) > 500
    known = tagger._model().attributes
    for words in sentences:
        expected_items = [
            [f.encode() for f in item if f in known] for item in sentence_features(words)
        ]
        assert tagger.items(words) == expected_items
        assert tagger.tag(words) == _reference(words), words
        # the stretches the people stage tags are short: windows of the sentence too
        for lo in range(0, len(words), 5):
            window = words[lo : lo + 9]
            assert tagger.tag(window) == _reference(window), window


def _golden_words() -> list[list[str]]:
    """The words of each golden article, one list per line of text."""
    out = []
    for path in sorted((ROOT / "tests" / "golden").glob("*/article.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = TOKEN_RE.findall(normalize(line))
            if words:
                out.append(words)
    return out


def test_golden_articles_tag_as_crfsuite_on_all_features() -> None:
    lines = _golden_words()
    assert lines
    for words in lines:
        assert tagger.tag(words) == _reference(words)
        for lo in range(len(words)):
            for width in (1, 2, 5, 9):
                window = words[lo : lo + width]
                assert tagger.tag(window) == _reference(window), window


# a small pool, so words repeat within a sentence and pairs the model knows come up:
# words and stems the model knows, words it does not, marks ("|" joins pair features)
_KNOWN_WORDS = sorted(a[2:] for a in tagger._model().attributes if a.startswith("w="))
_KNOWN_PAIRS = sorted(
    a[len("-1w|w=") :] for a in tagger._model().attributes if a.startswith("-1w|w=")
)
_POOL = st.sampled_from(
    [
        *_KNOWN_WORDS[::97],
        *(w for pair in _KNOWN_PAIRS[::211] for w in pair.split("|", 1)),
        *("قال", "الرئيس", "محمد", "عبد", "الله", "وزير", "في", "دمشق", "و"),
        *(".", "،", '"', "|", "(", "12", "abc"),
    ]
)
_WORD = _POOL | st.text("ابتثجحخدرسعلمنهوي", min_size=1, max_size=7)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=16))
def test_random_sentences_tag_as_crfsuite_on_all_features(words: list[str]) -> None:
    assert tagger.tag(words) == _reference(words)


@settings(max_examples=100, deadline=None)
@given(_WORD)
def test_one_word_sentences_tag_as_crfsuite(word: str) -> None:
    assert tagger.tag([word]) == _reference([word])


def test_tags_go_through_crfsuites_c_interface_here() -> None:
    # the fast path must be the one measured: pycrfsuite's extension module exposes
    # crfsuite's C functions on the platforms we run on
    assert tagger._c_tagger() is not None


def test_long_sequences_grow_the_buffers() -> None:
    # more tokens and attributes than the buffers first reserved (64 tokens)
    words = [w for line in _golden_words() for w in line] * 3
    assert len(words) > 600
    assert tagger.tag(words) == _reference(words)
    # and shorter ones after a long one still read only their own tokens
    assert tagger.tag(words[:3]) == _reference(words[:3])


def test_without_the_c_interface_pycrfsuite_tags_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = _golden_words()[:40]
    fast = [tagger.tag(words) for words in lines]
    monkeypatch.setattr(tagger, "_c_tagger", lambda: None)
    tagger._tag.cache_clear()
    try:
        assert [tagger.tag(words) for words in lines] == fast
        assert [tagger.tag(words) for words in lines] == [_reference(w) for w in lines]
    finally:
        tagger._tag.cache_clear()


def test_an_extension_without_the_c_interface_falls_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class _NoSymbols:
        def __getattr__(self, name: str) -> object:
            raise AttributeError(name)

    monkeypatch.setattr(tagger.ctypes, "CDLL", lambda path: _NoSymbols())
    tagger._c_tagger.cache_clear()
    try:
        assert tagger._c_tagger() is None
    finally:
        monkeypatch.undo()
        tagger._c_tagger.cache_clear()
    assert tagger._c_tagger() is not None
