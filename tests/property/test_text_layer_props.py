"""Property tests: any Unicode string gives valid offsets, no exception, no hang."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hadath
from hadath.document import Token
from hadath.stages.boilerplate import find_regions
from hadath.text import segment
from hadath.text import view as view_module
from hadath.text.view import build_view

# Arabic-heavy text with the characters the folds care about, plus anything at all
ARABIC = st.text(
    alphabet=st.sampled_from(list('داعشتنظيمقوات النظام الرقة#_.١٢٣٤ًٌٍَُِّْـ\u200c\u200fﻻأإآىة\n|–-:«»"')),
    max_size=300,
)
ANY = st.text(max_size=300)
TEXT = st.one_of(ARABIC, ANY)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_view_offsets_are_valid(text: str) -> None:
    view = build_view(text)
    for i in range(len(view.text)):
        start, end = view.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
    if view.origin is not None:
        assert list(view.origin) == sorted(view.origin)


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_segments_are_valid(text: str) -> None:
    for span in segment.sentences(text) + segment.paragraphs(text):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == text[span.start : span.end]
    for token in segment.tokens(build_view(text)):
        assert 0 <= token.start < token.end <= len(text)


def _eager_tokens(text: str) -> list[Token]:
    """Every word of the view made at once: what the lazy Tokens must be equal to."""
    view = build_view(text)
    out = []
    for m in re.finditer(r"\w+", view.text):
        prefix, base = segment.split_proclitics(m.group())
        start, end = view.to_original(m.start(), m.end())
        out.append(Token(start, end, m.group(), base, prefix))
    return out


@given(TEXT, st.integers(-5, 5), st.integers(-5, 5))
@settings(max_examples=200, deadline=None)
def test_lazy_tokens_equal_eager_ones(text: str, i: int, j: int) -> None:
    lazy = segment.tokens(build_view(text))
    eager = _eager_tokens(text)
    assert len(lazy) == len(eager)
    assert lazy.starts == [t.start for t in eager]
    assert lazy[i:j] == eager[i:j]
    if -len(eager) <= i < len(eager):
        assert lazy[i] == eager[i]
    assert list(lazy) == eager


@given(TEXT)
@settings(max_examples=200, deadline=None)
def test_boilerplate_regions_are_valid(text: str) -> None:
    for region in find_regions(text):
        assert 0 <= region.start < region.end <= len(text)


@given(TEXT)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_pipeline_offsets_are_valid(text: str) -> None:
    doc = hadath.extract(text, pub_date="2022-03-14")
    for mention in doc.mentions:
        assert text[mention.start : mention.end] == mention.text
    for event in doc.events:
        assert text[event.evidence_start : event.evidence_end] == event.evidence
    for quote in doc.quotes:
        assert text[quote.quote_start : quote.quote_end] == quote.quote


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_fold_is_the_translate_table(text: str) -> None:
    tables = view_module._tables()
    assert view_module._fold(text, tables) == text.translate(tables.translate)
