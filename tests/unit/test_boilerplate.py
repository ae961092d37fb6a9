"""Boilerplate regions: marked, never deleted, and never mistaken for the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.stages.boilerplate import find_regions


def labels(text: str) -> dict[str, str]:
    return {text[r.start : r.end]: r.label for r in find_regions(text)}


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("نحن نستخدم ملفات تعريف الارتباط “الكوكيز” لنمنحك أفضل تجربة مستخدم ممكنة.", "cookie"),
        ("أوافق أرفض", "cookie"),
        ("هل أعجبك المحتوى؟ اشترك في نشرتنا البريدية ليصلك كل جديد.", "newsletter"),
        ("اشترك في نشرتنا الشهرية لتصلك أحدث الدراسات.", "newsletter"),
        ("تابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة.", "follow"),
        ("شارك الخبر: فيسبوك | تويتر | واتساب", "follow"),
        ("جميع الحقوق محفوظة © منصة الأخبار", "copyright"),
        ("قد يهمك: 20 ألف برميل نفط تصل من مناطق قسد", "related"),
        ("اقرأ أيضاً: حرب ظل في إدلب", "related"),
        ("بودكاست", "podcast"),
        ("#دير_الزور #الطيانة", "tags"),
    ],
)
def test_cue_lines(line: str, label: str) -> None:
    text = f"عنوان الخبر\n\nقتل عنصران في هجوم على حاجز في البادية أمس.\n\n{line}\n"
    assert labels(text).get(line) == label


def test_article_lines_are_kept() -> None:
    text = (
        "عنوان الخبر\n\n"
        "قتل عنصران من قوات النظام في هجوم لتنظيم داعش على حاجز في بادية الميادين.\n"
        "وقالت مصادر محلية إن الهجوم وقع ليلاً، واشترك فيه نحو عشرة مسلحين.\n"
    )
    assert labels(text) == {}


def test_related_headlines_between_dashes() -> None:
    text = (
        "العنوان\n\nفقرة أولى من المقال تتحدث عن الهجوم.\n-\nمسؤولون يحذرون من عودة داعش\n-\n"
        "ماذا تبقى من داعش في سوريا؟ تحليل\nفقرة ثانية من المقال طويلة بما يكفي لتكون نصاً وتنتهي بنقطة.\n"
    )
    found = labels(text)
    assert found["مسؤولون يحذرون من عودة داعش"] == "related"
    assert found["ماذا تبقى من داعش في سوريا؟ تحليل"] == "related"
    assert "فقرة ثانية من المقال طويلة بما يكفي لتكون نصاً وتنتهي بنقطة." not in found


def test_read_also_list() -> None:
    text = "العنوان\n\nنص الخبر هنا.\n\nاقرأ أيضاً:\n- خبر أول\n- خبر ثان\n"
    found = labels(text)
    assert found["- خبر أول"] == "related" and found["- خبر ثان"] == "related"


def test_list_without_header_is_article() -> None:
    text = "العنوان\n\nوفيما يلي أبرز الهجمات:\n– ٤ آب: انفجرت عبوة ناسفة بدورية.\n– ٥ آب: هاجم مسلحون حاجزاً.\n"
    assert labels(text) == {}


def test_repeated_title_and_signature() -> None:
    text = "عنوان مكرر\n\nعنوان مكرر\n\nنص المقال الطويل الذي ينتهي بنقطة.\nوسيم اليوسف-إعلام مسد\n"
    found = labels(text)
    assert found["عنوان مكرر"] == "repeated_title"
    assert found["وسيم اليوسف-إعلام مسد"] == "signature"


def test_podcast_block() -> None:
    text = "نص المقال الطويل الذي ينتهي بنقطة.\n\nبودكاست\n\nشو الحل؟ - الموسم الثالث\n\nشو الحل؟ - الموسم الثالث\n"
    found = labels(text)
    assert found["شو الحل؟ - الموسم الثالث"] == "promo"


def test_regions_never_change_text() -> None:
    text = "نص.\nجميع الحقوق محفوظة © موقع\n"
    regions = find_regions(text)
    assert all(0 <= r.start < r.end <= len(text) for r in regions)


SEED_BOILERPLATE = {
    "002_19fd01ade1382cd0": ["مسؤولون أمريكيون يحذرون من عودة داعش في سوريا", "-"],
    "003_47dcb7ae15a920ea": [
        "بودكاست",
        "أوافق أرفض",
        'اقرأ أيضاً: "حرب ظل" تستهدف تنظيم جهادي في إدلب',
    ],
    "004_c8db839a9371bcc7": ["وسيم اليوسف-إعلام مسد"],
    "001_86ced10227b96f15": ["انضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية."],
}


@pytest.mark.parametrize("doc", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate(shared_dir: Path, doc: str) -> None:
    text = (shared_dir / "seeds" / f"{doc}.txt").read_text(encoding="utf-8")
    found = labels(text)
    for line in SEED_BOILERPLATE[doc]:
        assert line in found, line


def test_gold_evidence_never_in_boilerplate(shared_dir: Path) -> None:
    import json

    for name in ("seeds.jsonl", "dev.jsonl", "seeds_quotes.jsonl"):
        for line in (shared_dir / "gold" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            start = row.get("evidence_start", row.get("quote_start"))
            if start is None:
                continue
            end = row.get("evidence_end", row.get("quote_end"))
            folder = "seeds" if name.startswith("seeds") else "dev"
            text = (shared_dir / folder / f"{row['doc']}.txt").read_text(encoding="utf-8")
            for region in find_regions(text):
                assert not region.overlaps(start, end), (
                    row["doc"],
                    text[region.start : region.end],
                )


def _cue_cases() -> list[tuple[str, str, int]]:
    from hadath.stages.boilerplate import rules

    return sorted({(kind, cue, max_chars) for cue, kind, max_chars, _ in rules().cues})


@pytest.mark.parametrize(("kind", "cue", "max_chars"), _cue_cases())
def test_cue_line_up_to_its_length_limit(kind: str, cue: str, max_chars: int) -> None:
    """A cue line as long as its kind allows is marked, one character longer is not:
    the search for the cues a document holds reads every line a cue may mark."""
    article = "قتل عنصران في هجوم على حاجز في البادية أمس، وفق مصادر محلية في المنطقة."
    for extra, marked in ((0, True), (1, False)):
        line = cue + " " + "س" * (max_chars + extra - len(cue) - 1)
        found = labels(f"{article}\n\n{line}\n\n{article}\n")
        assert (found.get(line) == kind) is marked, (len(line), found.get(line))
