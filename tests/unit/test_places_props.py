"""Properties of the places stage on arbitrary text: no crash, offsets into the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.document import Document
from hadath.pipeline import run
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "places")
SETTINGS = Settings.load().replace(stages=STAGES)

# Arabic words of place expressions mixed with marks, digits, hashtags and punctuation
WORDS = st.sampled_from(
    [
        "في", "بريف", "ريف", "بادية", "دير", "الزور", "الشرقي", "غربي", "تدمر", "بنحو", "3",
        "٣", "كم", "طريق", "-", "–", "حمص", "#جبل_البشري", "قرية", "الطيبة", "بلدة", "حي",
        "الجسر", "بمدينة", "الميادين", "و", "\n", "،", ".", "\u064e", "ـ", "د.ا.عش", "²",
        "قريتي", "معرستي", "وماير", "بريف", "حلب", "سجن", "الصناعة", "«", "»", '"', "لـ",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40), st.text(max_size=20))
def test_offsets_are_valid(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    doc = run(Document(text), SETTINGS)
    for m in doc.mentions_of("place"):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.get("geo_precision") in (1, 2, 3)
        assert m.get("latitude") is not None and m.get("longitude") is not None
