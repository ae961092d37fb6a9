"""Property tests: the boilerplate stage reads its lines from the document's view.

``normalized_slice`` must give ``normalize`` of a stripped line, and the document-level
cue search must keep every cue a line holds (it may only skip work, never a label)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.stages import boilerplate
from hadath.text.view import build_view, normalize, normalized_slice

# the folds, deletions, ligatures, obfuscated words and case changes the view handles,
# line breaks and spaces around them, and letters that lowercase by context or to two
LINES = st.text(
    alphabet=st.sampled_from(
        [
            *'داعشتنظيمقوات ال#_.*/·١13ًٌّْـ\u200c\u200f\ufeffﻻﻹأإآىة\n\r\t |–-«»"©',
            "Σ",
            "İ",
            "ß",
            "C",
            "o",
            "k",
            "i",
            "e",
            "s",
        ]
    ),
    max_size=200,
)


def _stripped_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        start = pos + len(body) - len(body.lstrip())
        spans.append((start, start + len(body.strip())))
        pos += len(raw)
    return spans


@given(LINES)
@settings(max_examples=400, deadline=None)
def test_slice_of_the_view_is_the_normalised_line(text: str) -> None:
    view = build_view(text)
    for start, end in _stripped_spans(text):
        assert normalized_slice(view, start, end) == normalize(text[start:end])


CUE_LINES = st.lists(
    st.one_of(
        st.sampled_from(
            ["أوافق أرفض", "بودكاست", "PODCAST", "Cookies", "© منصة", "اقرأ أيضاً:", "-", "#الرقة"]
        ),
        LINES,
    ),
    max_size=8,
).map("\n".join)


@given(CUE_LINES)
@settings(max_examples=300, deadline=None)
def test_cue_search_keeps_every_label(text: str) -> None:
    found = boilerplate.find_regions(text)
    with pytest.MonkeyPatch.context() as m:
        # every cue read on every line, as before the document-level search
        m.setattr(boilerplate, "_present_cues", lambda view, lines, r: r.cues)
        assert boilerplate.find_regions(text) == found
