"""The normalised view: folds, obfuscations, hashtags, and offsets back to the text."""

from __future__ import annotations

import pytest

from hadath.text.view import build_view, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # harakat and tatweel
        ("مُقَاتِلَيْن", "مقاتلين"),
        ("قُتِلَ", "قتل"),
        ("الشّعيطات", "الشعيطات"),
        ("داعـــش", "داعش"),
        # alef, ya, ta marbuta
        ("أحمد", "احمد"),
        ("إدلب", "ادلب"),
        ("آذار", "اذار"),
        ("مصطفى", "مصطفي"),
        ("الرقة", "الرقه"),
        # digits
        ("٢٠٢٣/٥/١٢", "2023/5/12"),
        ("۱۴۴۴", "1444"),
        # hashtags
        ("#جبل_البشري", " جبل البشري"),
        ("#البادية_السورية", " الباديه السوريه"),
        # obfuscations
        ("د.ا.عش", "داعش"),
        ("دا.عش", "داعش"),
        ("داع_ش", "داعش"),
        ("د١عش", "داعش"),
        ("د.١.ع.ش", "داعش"),
        # presentation-form ligature expands to two letters
        ("ﻻ", "لا"),
        # Persian letters
        ("گ", "ك"),
        # quotes
        ("«داعش»", '"داعش"'),
        # a real sentence break is not joined
        ("سوريا .واستقرارها", "سوريا .واستقرارها"),
        ("سوريا. واستقرارها", "سوريا. واستقرارها"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قال د.ا.عش في بيان",
        "مُقَاتِلَيْن من قسد في #جبل_البشري",
        "ﻻ يوجد ﻻ",
        "plain ascii",
        "",
        "داعـــش ودا.عش وداع_ش",
    ],
)
def test_offsets_map_back(text: str) -> None:
    view = build_view(text)
    for i in range(len(view.text)):
        start, end = view.to_original(i, i + 1)
        assert 0 <= start < end <= len(text)
    start, end = view.to_original(0, len(view.text))
    assert start == 0 or not view.text
    if view.text:
        assert end <= len(text)


def test_obfuscated_word_span() -> None:
    text = "خلايا د.ا.عش في البادية"
    view = build_view(text)
    i = view.text.index("داعش")
    start, end = view.to_original(i, i + 4)
    assert text[start:end] == "د.ا.عش"


def test_view_without_edits_is_identity() -> None:
    view = build_view("الرقة 2021")
    assert view.origin is None
    assert view.to_original(2, 5) == (2, 5)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("هاجمت خلايا تنظيم د.ا.عش حاجزاً. وقتل عنصران.", 2),
        ("قال دا.عش في بيان. ثم انسحب.", 2),
        ("جملة أولى. جملة ثانية؟ جملة ثالثة!", 3),
        ("سطر أول\nسطر ثان", 2),
    ],
)
def test_sentences_on_the_view(text: str, count: int) -> None:
    from hadath.text.segment import sentences

    spans = sentences(text, build_view(text))
    assert len(spans) == count
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)
