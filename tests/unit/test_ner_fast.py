"""The tagger's shortcuts give what the plain ways give.

``tagger.items`` must be ``sentence_features`` less the attributes the model does not
know (crfsuite skips those), in the same order; a window of a sentence's tokens must be
the tokens a fresh tokenisation of that window gives, words cut at its edges included.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.ner import tagger
from hadath.ner.features import TOKEN_RE, sentence_features
from hadath.ner.names import ViewTokens

# words the model knows (attributes "w=..."), unseen words, and marks, "|" included:
# pair features join two words with "|"
_KNOWN = sorted(a[2:] for a in tagger._model().attributes if a.startswith("w="))[:400]
_WORD = (
    st.sampled_from(_KNOWN)
    | st.text("ابتثجحخدرسعلمنهوي", min_size=1, max_size=7)
    | st.sampled_from([*'.،"|:-()', "12", "abc"])
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=14))
def test_items_are_the_known_features_in_order(words: list[str]) -> None:
    known = tagger._model().attributes
    expected = [[f.encode() for f in item if f in known] for item in sentence_features(words)]
    assert tagger.items(words) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=14))
def test_tags_equal_tagging_with_all_features(words: list[str]) -> None:
    plain = tagger._tagger().tag(sentence_features(words))
    assert tagger.tag(words) == plain


_TEXT = st.text([*'ابتسعلمنوي _0.،"\n', "ى", "ة"], max_size=60)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.data())
def test_a_window_is_tokenised_as_a_fresh_stretch(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo = data.draw(st.integers(0, start))
    whole = ViewTokens(text, lo, len(text))
    window = whole.window(start, end)
    fresh = list(TOKEN_RE.finditer(text, start, end))
    assert window.starts == [m.start() for m in fresh]
    assert window.ends == [m.end() for m in fresh]
    assert window.words(0, len(window)) == [m.group() for m in fresh]
    assert [t.text for t in window] == [m.group() for m in fresh]
    assert [(t.start, t.end) for t in window[:]] == [m.span() for m in fresh]


def test_a_cut_word_is_cut_in_the_window() -> None:
    text = "قال abc_def اليوم"
    window = ViewTokens(text, 0, len(text)).window(text.index("_") + 1, len(text))
    assert window.words(0, len(window)) == re.findall(r"\w+|[^\w\s]", "def اليوم")
