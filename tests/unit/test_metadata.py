"""Title, pub_date, outlet and author read from the text itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import hadath


@pytest.mark.parametrize(
    ("dateline", "pub_date", "outlet", "author"),
    [
        (
            "حمص – شبكة أخبار البادية | الإثنين 7 تشرين الثاني 2022",
            "2022-11-07",
            "شبكة أخبار البادية",
            None,
        ),
        ("الخميس 14 أيلول/سبتمبر 2023 — صحيفة الشرق", "2023-09-14", "صحيفة الشرق", None),
        ("٦ آذار ٢٠٢٤ | آفاق نيوز | دير الزور", "2024-03-06", "آفاق نيوز", None),
        (
            "السبت 15 تشرين الأول 2022 | شرق 24 | كتبه: فراس الخلف",
            "2022-10-15",
            "شرق 24",
            "فراس الخلف",
        ),
        (
            "تحليلات | مجلة الرصد | ٣ شباط ٢٠٢٤ | بقلم: سامر العلي",
            "2024-02-03",
            "مجلة الرصد",
            "سامر العلي",
        ),
        (
            "دير الزور – الأربعاء 6 آذار 2024 – وكالة الفرات للأنباء",
            "2024-03-06",
            "وكالة الفرات للأنباء",
            None,
        ),
    ],
)
def test_dateline(dateline: str, pub_date: str, outlet: str, author: str | None) -> None:
    text = (
        f"عنوان الخبر هنا\n\n{dateline}\n\nقتل عنصران من قوات النظام في هجوم على حاجز قرب تدمر.\n"
    )
    doc = hadath.extract(text)
    assert doc.title == "عنوان الخبر هنا"
    assert str(doc.pub_date) == pub_date
    assert doc.outlet == outlet
    assert doc.author == author
    assert doc.meta_origin["pub_date"] == "dateline"


def test_author_line_under_dateline() -> None:
    doc = hadath.extract(
        "عنوان\n\nتقارير | 1 01 2021\n\nمالك الحافظ\n\nمن جديد يعود التنظيم لضرب قوات النظام.\n"
    )
    assert str(doc.pub_date) == "2021-01-01" and doc.author == "مالك الحافظ" and doc.outlet is None


def test_signature_gives_author_and_outlet() -> None:
    doc = hadath.extract(
        "فقرة أولى طويلة من المقال تنتهي بنقطة.\nفقرة ثانية تنتهي بنقطة أيضاً.\nوسيم اليوسف-إعلام مسد\n"
    )
    assert doc.author == "وسيم اليوسف" and doc.outlet == "إعلام مسد"


def test_copyright_gives_outlet() -> None:
    doc = hadath.extract(
        "عنوان\n\nنص الخبر هنا وينتهي بنقطة.\n\nجميع الحقوق محفوظة © منصة المثال الإخبارية\n"
    )
    assert doc.outlet == "منصة المثال الإخبارية"


def test_long_first_line_is_not_a_title() -> None:
    first = "لا يبدو أن روسيا لديها رغبة جدية في محاربة التنظيم في سوريا، " * 5 + "."
    doc = hadath.extract(first + "\nفقرة ثانية.\n")
    assert doc.title is None


def test_argument_wins_over_dateline() -> None:
    doc = hadath.extract(
        "عنوان\n\nحمص – منصة | الأحد 14 آذار 2021\n\nنص.\n", pub_date="2021-03-15", outlet="X"
    )
    assert str(doc.pub_date) == "2021-03-15" and doc.outlet == "X"


def test_seed_headers(shared_dir: Path) -> None:
    gold = {}
    for line in (shared_dir / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "event_id" not in row:
            gold[row["doc"]] = row
    docs = {
        d.doc: d
        for d in hadath.extract_files([shared_dir / "seeds"])
        if isinstance(d, hadath.Document)
    }
    assert len(docs) == 5
    for name in ("001_86ced10227b96f15", "002_19fd01ade1382cd0"):
        assert docs[name].title == gold[name]["title"]
    seed3 = docs["003_47dcb7ae15a920ea"]
    assert str(seed3.pub_date) == "2021-01-01" and seed3.author == "مالك الحافظ"


def test_page_author_that_is_a_place_is_dropped() -> None:
    doc = hadath.extract(
        "قتل عنصران من الأمن العام بتفجير انتحاري عند حاجز في مدينة الميادين أمس.\n",
        author="الميادين",
    )
    # an argument is trusted as given
    assert doc.author == "الميادين"
    doc = hadath.Document(text="قتل عنصران في مدينة الميادين أمس.\n", author="الميادين")
    doc.meta_origin["author"] = "html"
    from hadath import pipeline

    doc = pipeline.run(doc, hadath.Settings.load())
    assert doc.author is None
    assert any("W_AUTHOR_IS_PLACE" in w for w in doc.warnings)
