"""Datelines: where the publication date comes from when no one passed it."""

from __future__ import annotations

import pytest

from hadath.api import extract
from hadath.settings import Settings
from hadath.text.dateline import find_dateline, read_dateline

STAGES = ("boilerplate", "normalize", "segment", "dates", "numbers")

DATELINES = [
    ("حمص – منصة بادية الشام | الأحد 14 آذار 2021", "2021-03-14", "day"),
    ("تقارير | 1 01 2021", "2021-01-01", "day"),
    ("دراسات | مركز الهلال للأبحاث | كانون الأول 2022 | إعداد: ريم الأحمد", "2022-12-01", "month"),
    ("الخميس 14 أيلول/سبتمبر 2023 — صحيفة المشرق السوري", "2023-09-14", "day"),
    ("دير الزور – روج نيوز | ١٧/٠٥/٢٠٢٢", "2022-05-17", "day"),
    ("الرقة – شبكة نبض الرقة | 8 كانون الثاني/يناير 2023 – 21:40", "2023-01-08", "day"),
    ("٦ آذار ٢٠٢٤ | آفاق الشمال | دير الزور", "2024-03-06", "day"),
    ("دير الزور – الأربعاء 6 آذار 2024 – وكالة الأنباء", "2024-03-06", "day"),
    ("تاريخ النشر: 14/03/2021", "2021-03-14", "day"),
    ("بيروت، 14 آذار 2021 (رويترز)", "2021-03-14", "day"),
    ("الأحد 14 مارس 2021 03:52 م", "2021-03-14", "day"),
    ("2021-03-14", "2021-03-14", "day"),
]


@pytest.mark.parametrize(("line", "date", "precision"), DATELINES)
def test_dateline_read(line: str, date: str, precision: str) -> None:
    text = f"عنوان الخبر هنا\n\n{line}\n\nقتل عنصران أمس في هجوم على حاجز.\n"
    found = read_dateline(text)
    assert found is not None
    assert text[found.span.start : found.span.end] == line
    assert found.date is not None
    assert (found.date.isoformat(), found.precision) == (date, precision)


NOT_DATELINES = [
    "قتل عشرة في هجوم يوم 5 آذار 2021 على نقطة عسكرية في البادية.",
    "- مقتل راع في بادية الشولا 5 آذار 2021",
    "الأحد 14 آذار | حمص",
    "تقارير | مالك الحافظ",
    "قتلى في هجوم يوم 14 آذار 2021، وفق المرصد السوري لحقوق الإنسان",
]


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_not_a_dateline(line: str) -> None:
    text = f"عنوان الخبر هنا\n\n{line}\n\nنص الخبر.\n"
    found = read_dateline(text)
    assert found is None or found.date is None


def test_find_dateline_accepts_text_and_document() -> None:
    text = "عنوان\n\nتقارير | 1 01 2021\n\nنص"
    span = find_dateline(text)
    assert span is not None and text[span.start : span.end] == "تقارير | 1 01 2021"
    doc = extract(text, settings=Settings.load().replace(stages=STAGES))
    assert find_dateline(doc) == span


def test_pub_date_from_dateline_anchors_relative_dates() -> None:
    text = "عنوان\n\nحمص – منصة | الأحد 14 آذار 2021\n\nقتل ثمانية عناصر أمس السبت.\n"
    doc = extract(text, settings=Settings.load().replace(stages=STAGES))
    assert doc.pub_date is not None and doc.pub_date.isoformat() == "2021-03-14"
    assert doc.meta_origin["pub_date"] == "dateline"
    assert "dateline" in doc.meta_spans
    rules = {m.get("rule"): m.get("value") for m in doc.mentions_of("date")}
    assert rules == {"dateline": "2021-03-14", "relative_day": "2021-03-13"}


def test_month_dateline_sets_month_precision() -> None:
    text = "عنوان\n\nدراسات | مركز | كانون الأول 2022 | إعداد: س\n\nنص التحليل.\n"
    doc = extract(text, settings=Settings.load().replace(stages=STAGES))
    assert doc.pub_date is not None and doc.pub_date.isoformat() == "2022-12-01"
    assert doc.meta_origin["pub_date_precision"] == "month"


def test_given_pub_date_wins_over_dateline() -> None:
    text = "عنوان\n\nحمص – منصة | الأحد 14 آذار 2021\n\nقتل عنصر أمس.\n"
    doc = extract(text, pub_date="2021-05-01", settings=Settings.load().replace(stages=STAGES))
    assert doc.pub_date is not None and doc.pub_date.isoformat() == "2021-05-01"
    assert doc.meta_origin["pub_date"] == "argument"
    assert [m.get("value") for m in doc.mentions_of("date")][-1] == "2021-04-30"


def test_outlet_word_in_dateline_is_no_date() -> None:
    text = 'عنوان\n\nالرقة – الخابور اليوم | الإثنين 9 كانون الثاني 2023\n\nوذكر مراسل "الخابور اليوم" أن.\n'
    doc = extract(text, settings=Settings.load().replace(stages=STAGES))
    assert [m.get("rule") for m in doc.mentions_of("date")] == ["dateline"]


def test_dateline_weekday_mismatch_warns() -> None:
    text = "عنوان\n\nحمص – منصة | السبت 14 آذار 2021\n\nقتل عنصر أمس.\n"
    doc = extract(text, settings=Settings.load().replace(stages=STAGES))
    assert doc.pub_date is not None and doc.pub_date.isoformat() == "2021-03-14"
    assert any(w.startswith("W_WEEKDAY_MISMATCH: dateline") for w in doc.warnings)
