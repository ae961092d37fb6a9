"""Cutting a text into highlight segments: nested, overlapping and bad spans."""

from __future__ import annotations

import pytest

from hadath.web.highlight import segments


def test_segments_cover_the_text_exactly() -> None:
    text = "قُتل سبعة عناصر يوم الثلاثاء"
    spans = {"evidence": [0, len(text)], "fatalities": [5, 15], "date": [16, 28]}
    segs = segments(text, spans)
    assert "".join(s.text for s in segs) == text
    assert [(s.start, s.end) for s in segs] == [(0, 5), (5, 15), (15, 16), (16, 28)]
    assert segs[1].fields == ("evidence", "fatalities")
    assert segs[2].fields == ("evidence",)


def test_overlapping_spans_split_at_every_boundary() -> None:
    segs = segments("abcdefgh", {"a": [1, 5], "b": [3, 7]})
    assert [(s.text, s.fields) for s in segs] == [
        ("a", ()),
        ("bc", ("a",)),
        ("de", ("a", "b")),
        ("fg", ("b",)),
        ("h", ()),
    ]


@pytest.mark.parametrize(
    "span",
    [[5, 3], [0, 0], [-1, 2], [2, 99], [1], None],
    ids=["reversed", "empty", "negative", "past-end", "one-number", "none"],
)
def test_bad_spans_are_ignored(span: list[int] | None) -> None:
    segs = segments("abcdef", {"x": span})
    assert [(s.text, s.fields) for s in segs] == [("abcdef", ())]


def test_css_classes_name_fields_and_kinds() -> None:
    segs = segments("abcdef", {"evidence": [0, 6], "date": [2, 4]})
    assert segs[0].css == "f-evidence ev"
    assert segs[1].css == "f-date f-evidence ev fld"


def test_empty_text() -> None:
    assert segments("", {"evidence": [0, 0]}) == []
