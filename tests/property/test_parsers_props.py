"""Property tests on the date and number parsers: any text, any publication date.

Each generated text mixes the words these parsers care about (weekdays, months of every
calendar, relative expressions, number words, digits in both scripts, ranges) with
arbitrary Unicode. Whatever comes in: no exception, no hang, every mention's offsets
give its text, and its values are well formed.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath import pipeline
from hadath.document import Document
from hadath.settings import Settings

WORDS = [
    "أمس",
    "السبت",
    "يوم",
    "الأربعاء",
    "الخميس",
    "قبل",
    "نحو",
    "أسبوعين",
    "ثلاثة",
    "أيام",
    "أواخر",
    "أوائل",
    "منتصف",
    "تشرين",
    "الثاني",
    "الأول",
    "الماضي",
    "المقبل",
    "كانون",
    "ديسمبر",
    "آذار",
    "مارس",
    "2024",
    "2021",
    "١٧/٠٥/٢٠٢٢",
    "15/3",
    "15",
    "رمضان",
    "1444",
    "هـ",
    "م",
    "وبعد",
    "هذا",
    "بثلاثة",
    "أيام",
    "الشهر",
    "العام",
    "الجاري",
    "فجر",
    "اليوم",
    "ليل",
    "أكثر",
    "من",
    "30",
    "عنصراً",
    "بين",
    "14",
    "و18",
    "ألف",
    "عنصرين",
    "عشرات",
    "قتيلاً",
    "وجريحاً",
    "مقتل",
    "خمسة",
    "عشر",
    "مئة",
    "آلاف",
    "ثمانية",
    "قتلى",
    "جرحى",
    "نحو",
    "حوالي",
    "ما",
    "لا",
    "يقل",
    "عن",
    "إلى",
    "حتى",
    "أو",
    "-",
    "–",
    "/",
    "،",
    ".",
    "(",
    ")",
    ":",
    "\n",
    "١",
    "٢",
    "٣",
    "٤",
    "٥",
    "٠",
    "0",
    "999999999999",
    "كم",
    "%",
    "مليون",
    "اثنين",
    "ثلاث",
]
PIECE = st.one_of(st.sampled_from(WORDS), st.text(max_size=6))
TEXT = st.one_of(
    st.lists(PIECE, max_size=60).map(" ".join),
    st.lists(PIECE, max_size=60).map("".join),
    st.text(max_size=200),
)
PUB = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
VALUE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "week": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
STAGES = ("boilerplate", "normalize", "segment", "dates", "numbers")


def _run(text: str, pub: dt.date | None) -> Document:
    base = Settings.load()
    return pipeline.run(Document(text=text, pub_date=pub), base.replace(stages=STAGES))


@given(TEXT, PUB)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_dates_have_valid_offsets_and_values(text: str, pub: dt.date | None) -> None:
    doc = _run(text, pub)
    for m in doc.mentions_of("date"):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        precision = m.get("precision")
        value = m.get("value")
        if value is not None:
            assert precision in VALUE and VALUE[precision].match(value), (value, precision)
            if precision in ("day", "week"):
                dt.date.fromisoformat(value)
        if m.get("day") is not None:
            dt.date.fromisoformat(m.get("day"))


@given(TEXT, PUB)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_numbers_have_valid_offsets_and_bounds(text: str, pub: dt.date | None) -> None:
    doc = _run(text, pub)
    for m in doc.mentions_of("number"):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        value, low, high = m.get("value"), m.get("low"), m.get("high")
        for bound in (value, low, high):
            assert bound is None or (isinstance(bound, int) and bound >= 0)
        if low is not None and high is not None:
            assert low <= high
