"""The numbers stage: one-line cases grouped by phenomenon (fixtures written for hadath)."""

from __future__ import annotations

from typing import Any

import pytest

from hadath.api import extract
from hadath.document import Mention
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "dates", "numbers")
CLOSING = "ويأتي ذلك في ظل تصاعد ملحوظ لنشاط الخلايا في المنطقة خلال الأشهر الأخيرة."


@pytest.fixture(scope="session")
def text_settings() -> Settings:
    return Settings.load().replace(stages=STAGES)


def numbers(text: str, settings: Settings) -> list[Mention]:
    # a sentence before keeps a short case from being read as a dateline, one after from
    # being read as the author's signature closing the article
    padded = f"نص.\n{text}\n{CLOSING}"
    return extract(padded, pub_date="2021-03-14", settings=settings).mentions_of("number")


def only_number(text: str, settings: Settings) -> Mention:
    found = numbers(text, settings)
    assert len(found) == 1, [(m.text, m.attrs) for m in found]
    return found[0]


def triple(m: Mention) -> tuple[Any, Any, Any]:
    return m.get("value"), m.get("low"), m.get("high")


# --- figures in digits and words ---------------------------------------------------------
FIGURES = [
    ("قتل 5 عناصر من قوات النظام", 5, "fighters"),
    ("قتل ثمانية عناصر من قوات النظام", 8, "fighters"),
    ("مقتل ثلاث نساء في القصف", 3, "civilians"),
    ("مقتل خمسة عشر مقاتلا", 15, "fighters"),
    ("أصيب ثلاثة وعشرين شخصا", 23, "persons"),
    ("انشق مئة وخمسون عنصرا", 150, "fighters"),
    ("استولوا على ثلاثمئة رأس من الأغنام", 300, "other"),
    ("هاجم ألف مقاتل المدينة", 1000, "fighters"),
    ("يضم الفصيل ألفين عنصر", 2000, "fighters"),
    ("يحتفظ التنظيم بعشرة آلاف شخص", 10000, "persons"),
    ("فقد أحد عشر شخصا", 11, "persons"),
    ("قتل اثنا عشر جنديا", 12, "fighters"),
    ("أصيبت إحدى عشرة امرأة", 11, "civilians"),
    ("اعتقال ٣ أشخاص يشتبه بصلتهم", 3, "persons"),
    ("ارتفع عدد الهجمات إلى ١٣١ هجوماً", 131, "attacks"),
    ("انسحب مئتي عنصر", 200, "fighters"),
    ("شنت عشرين غارة على البادية", 20, "strikes"),
    ("احترقت ثلاث سيارات", 3, "vehicles"),
    ("قتلت الغارات 12 عنصراً من داعش", 12, "fighters"),
    ("مقتل أربعة من عناصره", 4, "fighters"),
    ("سقط تسعة قتلى", 9, "persons"),
    ("قتل ثلاثة مدنيين بينهم طفل", 3, "civilians"),
    ("سقطت ٤٠ قذيفة على الحي", 40, "munitions"),
    ("نصب التنظيم 3 كمائن", 3, "attacks"),
    ("ضبط و٣ عبوات ناسفة", 3, "munitions"),
    ("أصيب 7 آخرون", 7, None),
    ("انفجرت خمس عبوات", 5, "munitions"),
    ("قتل واحد منهم", 1, None),
    ("ما أدى إلى إصابة أحد المقاتلين بجروح", 1, "fighters"),
    ("قتل أحد عناصر الأسايش", 1, "fighters"),
    ("وأصيبت إحدى النساء", 1, "civilians"),
]


@pytest.mark.parametrize(("text", "value", "counts"), FIGURES)
def test_figures(text: str, value: int, counts: str | None, text_settings: Settings) -> None:
    m = only_number(text, text_settings)
    assert (triple(m), m.get("counts"), m.get("approx")) == ((value, value, value), counts, False)


# --- hedges: more than, about, at least, fewer than --------------------------------------
HEDGES = [
    ("قتل أكثر من 30 عنصراً", "أكثر من 30", (30, 30, None)),
    ("شنت نحو 40 غارة", "نحو 40", (40, 40, 40)),
    ("اعتقل حوالي 20 شخصا", "حوالي 20", (20, 20, 20)),
    ("هاجم قرابة مئة مقاتل", "قرابة مئة", (100, 100, 100)),
    ("وجود ما لا يقل عن 10 آلاف مقاتل", "ما لا يقل عن 10 آلاف", (10000, 10000, None)),
    ("مقتل تسعة عناصر على الأقل", "تسعة", (9, 9, None)),
    ("وعددهم ستة على الأقل", "ستة", (6, 6, None)),
    ("قتل أقل من عشرة أشخاص", "أقل من عشرة", (10, None, 10)),
    ("قتل ما يزيد عن 50 عنصرا", "ما يزيد عن 50", (50, 50, None)),
    ("شارك زهاء 200 مقاتل", "زهاء 200", (200, 200, 200)),
    ("وأصيب أكثر من عشرة آخرين", "أكثر من عشرة", (10, 10, None)),
    ("شارك فيه أكثر من مائة عنصر", "أكثر من مائة", (100, 100, None)),
]


@pytest.mark.parametrize(("text", "span", "values"), HEDGES)
def test_hedges(text: str, span: str, values: tuple[Any, ...], text_settings: Settings) -> None:
    m = only_number(text, text_settings)
    assert (m.text, triple(m), m.get("approx")) == (span, values, True)


# --- ranges: the best figure is the lower end --------------------------------------------
RANGES = [
    ("يحتفظ بما يتراوح بين 14 و18 ألف عضو", (14000, 14000, 18000), "fighters"),
    ("قتل ما بين ثلاثة وخمسة من جامعي الكمأة", (3, 3, 5), "civilians"),
    ("تتراوح أعداد المفقودين بين تسعة وأحد عشر شخصاً", (9, 9, 11), "persons"),
    ("قتل من 3 إلى 5 عناصر", (3, 3, 5), "fighters"),
    ("هاجم ثلاثة أو أربعة مسلحين", (3, 3, 4), "fighters"),
    ("شنت بين 20 و30 غارة", (20, 20, 30), "strikes"),
]


@pytest.mark.parametrize(("text", "values", "counts"), RANGES)
def test_ranges(
    text: str, values: tuple[int, int, int], counts: str, text_settings: Settings
) -> None:
    m = only_number(text, text_settings)
    assert (triple(m), m.get("counts"), m.get("approx")) == (values, counts, True)


# --- duals: the noun is the number -------------------------------------------------------
DUALS = [
    ("مقتل عنصرين من قوات النظام", "عنصرين", "fighters"),
    ("استشهد مقاتلان من قسد", "مقاتلان", "fighters"),
    ("استشهاد مقاتلَين من قسد", "مقاتلَين", "fighters"),
    ("أسفر عن تدمير دبابتين", "دبابتين", "vehicles"),
    ("أودى بحياة طفلين", "طفلين", "civilians"),
    ("استشهاد مدنيَّين وإصابة آخرين", "مدنيَّين", "civilians"),
    ("استشهد مدنيان اثنان في السوق", "مدنيان اثنان", "civilians"),
    ("وكان راعيا أغنام قد اختطفا", "راعيا", "civilians"),
    ("أسفر عن إصابة شخصين", "شخصين", "persons"),
    ("شنت الطائرات غارتين على الموقع", "غارتين", "strikes"),
    ("مصطحبين معهم العنصرين الأسيرين", "العنصرين الأسيرين", "fighters"),
    ("ألقوا قنبلتين على البوابة", "قنبلتين", "munitions"),
    ("احتراق سيارتين عسكريتين", "سيارتين", "vehicles"),
    ("قُتل عنصران من الفرقة", "عنصران", "fighters"),
    ("حلقت مروحيتان فوق القرية", "مروحيتان", "vehicles"),
    ("قتيلان بكمين قرب الجبل", "قتيلان", "persons"),
    ("وبالعنصرين قتل", "العنصرين", "fighters"),
]


@pytest.mark.parametrize(("text", "span", "counts"), DUALS)
def test_duals(text: str, span: str, counts: str, text_settings: Settings) -> None:
    m = only_number(text, text_settings)
    assert (m.text, triple(m), m.get("counts"), m.get("dual")) == (span, (2, 2, 2), counts, True)


@pytest.mark.parametrize(
    "text",
    [
        "قتل المقاتلين في الهجوم",  # a plural without the dual's vowel
        "اعتقلت عنصراً مسلحاً",  # an accusative singular
        "شن هجوماً واسعاً",
        "ضبطت حزاما ناسفا",
        "هاجم مسلحون حاجزا لقوات النظام",
        "العاملين في مؤسسات الإدارة",
    ],
)
def test_not_duals(text: str, text_settings: Settings) -> None:
    assert numbers(text, text_settings) == []


# --- vague plurals: no figure ------------------------------------------------------------
VAGUE = [
    ("أرسلت عشرات العناصر", "عشرات", "fighters"),
    ("خلفت مئات القتلى", "مئات", "persons"),
    ("شنت عدة غارات", "عدة", "strikes"),
    ("أسفرت عن إصابة العشرات من المقاتلين", "العشرات", "fighters"),
    ("بينهم آلاف من عائلات العناصر", "آلاف", "other"),
    ("قتل العديد من عناصره", "العديد", "fighters"),
    ("يقيم بضعة آلاف في المخيم", "بضعة آلاف", None),
    ("قصفت بعشرات القذائف", "عشرات", "munitions"),
]


@pytest.mark.parametrize(("text", "span", "counts"), VAGUE)
def test_vague(text: str, span: str, counts: str | None, text_settings: Settings) -> None:
    m = only_number(text, text_settings)
    assert (m.text, triple(m), m.get("vague"), m.get("counts")) == (
        span,
        (None, None, None),
        True,
        counts,
    )


# --- killed and wounded lumped together -------------------------------------------------
COMBINED = [
    "أوقع أكثر من 15 بين قتيل وجريح",
    'زعم أن الانغماسي أوقع "15 قتيلاً وجريحاً" في صفوفها',
    'زاعماً مقتل وإصابة "أكثر من 15 عنصراً" من الميليشيا',
    "سقوط 20 قتيلا وجريحا",
    "أسفر عن 25 ما بين قتيل وجريح",
]


@pytest.mark.parametrize("text", COMBINED)
def test_combined(text: str, text_settings: Settings) -> None:
    assert only_number(text, text_settings).get("combined") is True


def test_separate_killed_and_wounded_are_not_combined(text_settings: Settings) -> None:
    found = numbers("قتل 15 عنصرا وأصيب 20 آخرون", text_settings)
    assert [(m.get("value"), m.get("combined")) for m in found] == [(15, False), (20, False)]


# --- not counts --------------------------------------------------------------------------
NOT_COUNTS = [
    "مجموعة تابعة لـ “الفوج 147” ببادية دير الزور",
    "عناصر من الفرقة 11 في الجيش",
    'الرتل التابع لـ"الفرقة 18"',
    "منذ عام 2019 تنشط الخلايا",
    "انتهى ذلك في 2021",
    "في منطقة تقع غربي السخنة بنحو 20 كم",
    "على بعد 3 كم من البلدة",
    "نحو 40 كيلوغراماً من المتفجرات",
    "ارتفعت بنسبة 30% خلال",
    "تراجعت 30 بالمئة",
    "للتواصل 0933123456",
    "انفجرت قرابة الساعة 9 صباحاً",
    "صدر البيان 21:40",
    "المختار (58 عاماً) ونجله",
    "اختطف قبل 3 أيام",
    "خلال الساعات الـ24 الماضية",
    "اللواء 8 المدعوم روسياً",
    "على طريق M4 الدولي",
    "استمرت 3 ساعات",
    "في 14 آذار 2021 قتل",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text: str, text_settings: Settings) -> None:
    assert numbers(text, text_settings) == []


def test_year_with_counted_noun_is_a_count(text_settings: Settings) -> None:
    m = only_number("بينهم 3000 أجنبي", text_settings)
    assert (m.get("value"), m.get("counts")) == (3000, "fighters")


def test_numbers_in_boilerplate_are_skipped(text_settings: Settings) -> None:
    found = numbers("قتل 5 عناصر.\n\nاقرأ أيضاً:\n- مقتل 7 مدنيين في القصف\n", text_settings)
    assert [m.get("value") for m in found] == [5]


def test_offsets_point_into_the_original_text(text_settings: Settings) -> None:
    text = "نص.\nقُتِلَ ثَمانِيَةُ عناصر، واستشهد مقاتلَين"
    doc = extract(text, pub_date="2021-03-14", settings=text_settings)
    for m in doc.mentions_of("number"):
        assert text[m.start : m.end] == m.text
    assert [m.get("value") for m in doc.mentions_of("number")] == [8, 2]


@pytest.mark.parametrize(
    "text",
    [
        "وعبوة ناسفة تقتل مقاتلاً قرب مركدة",  # tanween after the alef: one fighter
        "هجوم على القريتين في ريف حمص",  # a town, not two villages
    ],
)
def test_singulars_and_names_are_not_duals(text: str, text_settings: Settings) -> None:
    assert numbers(text, text_settings) == []


@pytest.mark.parametrize("text", ["²", "المساحة 5 كم² تقريبا", "①②③", "١٢٣٤٥٦٧٨٩٠١٢"])
def test_odd_digits_do_not_break(text: str, text_settings: Settings) -> None:
    for m in numbers(text, text_settings):
        assert isinstance(m.get("value"), int | None)


def test_others_count_what_the_figure_before_counted(text_settings: Settings) -> None:
    found = numbers("قتل سبعة عناصر وأصيب ثلاثة آخرون بجروح", text_settings)
    assert [(m.get("value"), m.get("counts")) for m in found] == [(7, "fighters"), (3, "fighters")]
