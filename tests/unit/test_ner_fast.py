"""The tagger's shortcuts give what the plain ways give.

``tagger.items`` must be ``sentence_features`` less the attributes the model does not
know (crfsuite skips those), in the same order; a window of a sentence's tokens must be
the tokens a fresh tokenisation of that window gives, words cut at its edges included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.ner import tagger
from hadath.ner.cues import SCANNED, cues
from hadath.ner.features import TOKEN_RE, sentence_features
from hadath.ner.names import Sentence, ViewTokens
from hadath.text.view import normalize

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


# with a mark that is neither a word character nor a space (a haraka), Latin and a tab
_TEXT = st.text([*'ابتسعلمنوي _0.،"\n', "ى", "ة", "\u064e", "a", "\t"], max_size=60)


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


class _EagerTags:
    """The tagging of a sentence as it was before stretches were tagged lazily."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.known: dict[int, str] = {}

    def tags(self, lo: int, hi: int) -> list[str]:
        lo, hi = max(0, lo), min(len(self.words), hi)
        if any(k not in self.known for k in range(lo, hi)):
            a, b = max(0, lo - 2), min(len(self.words), hi + 2)
            for k, t in zip(range(a, b), tagger.tag(self.words[a:b]), strict=True):
                if k not in self.known or lo <= k < hi:
                    self.known[k] = t
        return [self.known[k] for k in range(lo, hi)]


_SENTENCE = (
    "وقال المتحدث باسم الجيش العميد يحيى رسول إن القوات بقيادة الفريق عبد الأمير يار الله "
    "تقدمت نحو بلدة الحويجة ، بحسب ما نقلت وكالة رويترز عن مصادر أمنية في كركوك"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-2, 32), st.integers(0, 8), st.sampled_from(["now", "later", "fix"])),
        max_size=8,
    )
)
def test_lazy_stretches_tag_as_eager_ones(calls: list[tuple[int, int, str]]) -> None:
    sent = Sentence.of(_SENTENCE, 0, len(_SENTENCE))
    eager = _EagerTags(sent.toks.words(0, len(sent.toks)))
    later: list[tuple[Callable[[], str], str]] = []
    for lo, width, how in calls:
        if how == "now" or not 0 <= lo < len(sent.toks):
            assert sent.tags(lo, lo + width) == eager.tags(lo, lo + width)
        elif how == "later":  # asked now, read at the end
            later.append((sent.tag_later(lo), eager.tags(lo, lo + 1)[0]))
        else:  # the stretch fixed, the tag read before any other call (as read_name does)
            sent.fix_tag(lo)
            assert sent.tag_at(lo) == eager.tags(lo, lo + 1)[0]
    assert [read() for read, _ in later] == [tag for _, tag in later]


# pieces of kunyas and near misses: heads with and without clitics, names with and
# without the article, nisbas, words glued to a head
_KUNYA_PIECES = st.sampled_from(
    [
        *("ابو", "ابي", "ام", "وابو", "لام", "النظام", "محمد", "الجولاني", "الهاشمي", "القرشي"),
        *("ال", "ي", "ب", " ", "  ", "\n", "،", "x"),
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_KUNYA_PIECES, max_size=12))
def test_the_kunya_prefilter_finds_every_text_with_a_kunya(pieces: list[str]) -> None:
    c = cues()
    text = "".join(pieces)
    if c.kunya.search(text):
        assert c.may_hold_kunya.search(text)


@pytest.mark.parametrize(
    "text",
    ["قال ابو محمد الجولاني", "وابو بكر البغدادي القرشي", "لام الحسن الهاشمي،", "ابي علي الانباري"],
)
def test_the_kunya_prefilter_lets_kunyas_through(text: str) -> None:
    c = cues()
    assert c.kunya.search(text) and c.may_hold_kunya.search(text)


def test_the_scan_finds_what_each_matcher_finds() -> None:
    c = cues()
    text = (
        "وقال المتحدث باسم المرصد السوري لحقوق الإنسان رامي عبد الرحمن لوكالة رويترز إن "
        "الباحث في معهد الشرق الأوسط تشارلز ليستر المدعو أبو محمد الجولاني"
    )
    found = c.scan.find_all(normalize(text))
    for name in SCANNED:
        assert found[name] == getattr(c, name).find(normalize(text)), name
