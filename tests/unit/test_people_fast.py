"""The people stage's shortcuts give what the plain ways give.

``_coref`` builds its matcher only when a name's form occurs outside the readings kept
before it (``_found_elsewhere``); documents mixing titles, names and later mentions of
them with every proclitic must give the same persons as when it is always built.
"""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath import pipeline
from hadath.document import Document
from hadath.settings import Settings
from hadath.stages import people

STAGES = ("boilerplate", "normalize", "segment", "people")

# a title and a name (the antecedent), and later mentions with and without clitics
_PIECES = st.sampled_from(
    [
        "وقال الباحث السوري وليد الخلف إن",
        "وقال المحلل السياسي سمير حداد إن",
        "الهجمات ستزداد.",
        "\n",
        " ",
        "وأضاف الخلف أن",
        "للخلف",
        "والخلف",
        "بالخلف",
        "خلف",
        "الخلف",
        "حداد",
        "لحداد",
        "سمير حداد",
        "وليد الخلف",
        '"الخلف"',
        "التنظيم يستغل الفراغ.",
    ]
)


@pytest.fixture(scope="module")
def people_settings() -> Settings:
    return Settings.load().replace(stages=STAGES)


def _persons(text: str, s: Settings) -> list[tuple[int, int, str, dict[str, object]]]:
    doc = pipeline.run(Document(text=text), s)
    return [(m.start, m.end, m.text, m.attrs) for m in doc.mentions if m.kind == "person"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=12))
def test_coref_skips_only_documents_it_finds_nothing_in(
    pieces: list[str], people_settings: Settings
) -> None:
    text = " ".join(pieces)
    fast = _persons(text, people_settings)
    with mock.patch.object(people, "_found_elsewhere", lambda *args: True):
        plain = _persons(text, people_settings)
    assert fast == plain


@pytest.mark.parametrize(
    "later",
    ["وأضاف الخلف أن", "وأضاف للخلف أن", "وأضاف والخلف أن", "وأضاف بالخلف أن"],
)
def test_a_later_mention_with_clitics_is_found(later: str, people_settings: Settings) -> None:
    text = f"وقال الباحث السوري وليد الخلف إن الهجمات ستزداد.\n{later} التنظيم ضعيف."
    found = _persons(text, people_settings)
    corefs = [p for p in found if p[3].get("rule") == "coref"]
    assert corefs and corefs[0][3].get("name") == "وليد الخلف"
