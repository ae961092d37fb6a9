"""The dictionary matcher: word boundaries, proclitics, longest match."""

from __future__ import annotations

import pytest

from hadath.lexicon.matcher import Matcher
from hadath.text.view import normalize

ENTRIES = [
    ("داعش", "ISIS"),
    ("التنظيم", "ISIS-topic"),
    ("قوات سوريا الديمقراطية", "SDF"),
    ("قوات", "forces"),
    ("جبل البشري", "Jabal al-Bishri"),
    ("الرقة", "Raqqa"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher[str]:
    return Matcher(ENTRIES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هاجم داعش", ["ISIS"]),
        ("وداعش", ["ISIS"]),
        ("لداعش", ["ISIS"]),
        ("بالتنظيم", ["ISIS-topic"]),
        ("للتنظيم", ["ISIS-topic"]),
        ("وللتنظيم", ["ISIS-topic"]),
        ("فالتنظيم", ["ISIS-topic"]),
        ("التنظيمات", []),
        ("الداعشي", []),
        ("قوات سوريا الديمقراطية", ["SDF"]),
        ("وقوات سوريا الديمقراطية", ["SDF"]),
        ("#جبل_البشري", ["Jabal al-Bishri"]),
        ("بالرقة", ["Raqqa"]),
        ("والرقة", ["Raqqa"]),
        ("مرقة", []),
    ],
)
def test_find(matcher: Matcher[str], text: str, expected: list[str]) -> None:
    hits = matcher.find(normalize(text))
    assert [h.value[0] for h in hits] == expected


def test_longest_match_wins(matcher: Matcher[str]) -> None:
    hits = matcher.find(normalize("هاجمت قوات سوريا الديمقراطية"))
    assert len(hits) == 1 and hits[0].value == ["SDF"]


def test_suffixes_are_opt_in() -> None:
    plain = Matcher([("عنصر", 1)])
    dual = Matcher([("عنصر", 1)], suffixes=["ين", "ان"])
    assert plain.find("عنصرين") == []
    assert [h.end for h in dual.find("عنصرين")] == [6]


def test_empty_matcher() -> None:
    assert Matcher([]).find("أي نص") == []
