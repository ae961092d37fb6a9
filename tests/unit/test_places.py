"""The places stage, one Arabic phenomenon per group. Sentences are written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from hadath.document import Document, Mention
from hadath.gazetteer.geo import destination, distance_km
from hadath.pipeline import run
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "places")


@pytest.fixture(scope="module")
def stage_settings() -> Settings:
    return Settings.load().replace(stages=STAGES)


def places(text: str, settings: Settings) -> list[Mention]:
    return run(Document(text), settings).mentions_of("place")


def one(text: str, name: str, settings: Settings) -> Mention:
    found = [m for m in places(text, settings) if m.get("name_ar") == name]
    assert found, f"{name!r} not in {[m.get('name_ar') for m in places(text, settings)]}"
    return found[0]


def check(mention: Mention, expected: dict[str, Any]) -> None:
    for key, value in expected.items():
        assert mention.get(key) == value, (key, mention.attrs)


# --- areas: بادية X, ريف X, named regions ------------------------------------------------
AREAS = [
    (
        "تنشط الخلايا في البادية السورية منذ سنوات.",
        "البادية السورية",
        {"geo_precision": 3, "admin1": None},
    ),
    (
        "هاجم مسلحون نقطة في بادية تدمر فجراً.",
        "بادية تدمر",
        {"geo_precision": 2, "admin1": "Homs", "feature": "desert"},
    ),
    (
        "غارات روسية على مواقع في بادية الرصافة.",
        "بادية الرصافة",
        {"geo_precision": 2, "admin1": "Raqqa"},
    ),
    ("انفجار لغم ببادية البوكمال أمس.", "بادية البوكمال", {"admin1": "Deir ez-Zor"}),
    (
        "اشتباكات في ريف دير الزور الشرقي ليلاً.",
        "ريف دير الزور الشرقي",
        {"geo_precision": 2, "admin1": "Deir ez-Zor", "bearing": 90.0},
    ),
    (
        "قصف مدفعي على قرى ريف حلب الشمالي.",
        "ريف حلب الشمالي",
        {"admin1": "Aleppo", "feature": "countryside"},
    ),
    (
        "حملة تمشيط في بادية حمص الشرقية.",
        "بادية حمص الشرقية",
        {"geo_precision": 3, "admin1": "Homs"},
    ),
    ("تتواصل الهجمات في شمال شرق سوريا.", "شمال شرق سوريا", {"geo_precision": 3, "admin1": None}),
    ("دوريات مشتركة في منطقة شرق الفرات.", "شرق الفرات", {"geo_precision": 3}),
    ("كمين قرب جبل العمور شمال تدمر.", "جبل العمور", {"geo_precision": 2, "admin1": "Homs"}),
    (
        "هجوم في الريف الشرقي لدير الزور.",
        "ريف دير الزور الشرقي",
        {"admin1": "Deir ez-Zor", "bearing": 90.0},
    ),
    (
        "كمين في البادية الغربية لمدينة تدمر.",
        "بادية تدمر الغربية",
        {"admin1": "Homs", "bearing": 270.0},
    ),
    ("قصف بالريف الشمالي للرقة.", "ريف الرقة الشمالي", {"admin1": "Raqqa"}),
    ("تنشط الخلايا في عمق البادية.", "البادية السورية", {"geo_precision": 3, "admin1": None}),
    (
        "هجوم على حاجز قرب حقل العمر النفطي.",
        "حقل العمر",
        {"admin1": "Deir ez-Zor", "feature": "oilfield"},
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), AREAS)
def test_areas(text: str, name: str, expected: dict[str, Any], stage_settings: Settings) -> None:
    check(one(text, name, stage_settings), expected)


def test_area_span_covers_the_expression(stage_settings: Settings) -> None:
    text = "اشتباكات في ريف دير الزور الشرقي ليلاً."
    m = one(text, "ريف دير الزور الشرقي", stage_settings)
    assert m.text == "ريف دير الزور الشرقي"
    assert text[m.start : m.end] == m.text


# --- offsets: a bearing and a distance from a town ----------------------------------------
def test_offset_with_distance(stage_settings: Settings) -> None:
    m = one("قتل جنديان في منطقة تقع غربي تدمر بنحو 3 كم.", "تدمر", stage_settings)
    check(m, {"anchor": "تدمر", "offset_km": 3.0, "bearing": 270.0, "geo_precision": 2})
    assert m.text == "غربي تدمر بنحو 3 كم"
    palmyra = one("وصل الرتل إلى مدينة تدمر.", "تدمر", stage_settings)
    d = distance_km(
        m.get("latitude"), m.get("longitude"), palmyra.get("latitude"), palmyra.get("longitude")
    )
    assert 2.9 < d < 3.1
    assert m.get("longitude") < palmyra.get("longitude")


def test_distance_before_the_bearing(stage_settings: Settings) -> None:
    m = one("سقطت قذيفة على بعد 10 كم شمال السخنة.", "السخنة", stage_settings)
    check(m, {"offset_km": 10.0, "bearing": 0.0, "admin1": "Homs"})


@pytest.mark.parametrize(
    ("text", "bearing"),
    [
        ("مواقع جنوب غربي الرقة.", 225.0),
        ("قرية شمال شرقي حلب.", 45.0),
        ("منطقة شرقي دير الزور.", 90.0),
    ],
)
def test_bearing_without_distance(text: str, bearing: float, stage_settings: Settings) -> None:
    ms = [m for m in places(text, stage_settings) if m.get("bearing") is not None]
    assert ms and ms[0].get("bearing") == bearing and ms[0].get("offset_km") is None


def test_destination_point() -> None:
    lat, lon = destination(34.56, 38.28, 90.0, 10.0)
    assert abs(distance_km(34.56, 38.28, lat, lon) - 10.0) < 0.01
    assert lon > 38.28


# --- roads -------------------------------------------------------------------------------
ROADS = [
    ("كمين على طريق دير الزور - دمشق الدولي.", "طريق دير الزور - دمشق", "Deir ez-Zor"),
    ("استهدف الرتل على الطريق الواصل بين مدينتي تدمر والسخنة.", "طريق تدمر - السخنة", "Homs"),
    ("أحرقت صهاريج على طريق الرصافة – أثريا.", "طريق الرصافة - أثريا", "Raqqa"),
    ("هجوم على الطريق الدولي حلب – الرقة.", "طريق حلب - الرقة", "Aleppo"),
]


@pytest.mark.parametrize(("text", "name", "admin1"), ROADS)
def test_roads(text: str, name: str, admin1: str, stage_settings: Settings) -> None:
    check(
        one(text, name, stage_settings), {"feature": "road", "geo_precision": 2, "admin1": admin1}
    )


# --- homonyms: resolved by the other places of the text ------------------------------------
HOMONYMS = [
    ("هجوم قرب السخنة في بادية حمص الشرقية.", "السخنة", "Homs"),
    ("قصف على قرية السخنة بريف منبج شرقي حلب.", "السخنة", "Aleppo"),
    ("سرقة أغنام من قرية الطيبة في بادية الكوم شمال تدمر.", "الطيبة", "Homs"),
    ("اعتقالات في بلدة الطيبة بريف درعا الشرقي.", "الطيبة", "Dar'a"),
    ("مداهمة في قرية الكرامة بريف الرقة الشرقي.", "الكرامة", "Raqqa"),
    ("انفجار في مدينة دوما بريف دمشق.", "دوما", "Rural Damascus"),
]


@pytest.mark.parametrize(("text", "name", "admin1"), HOMONYMS)
def test_homonyms(text: str, name: str, admin1: str, stage_settings: Settings) -> None:
    check(one(text, name, stage_settings), {"admin1": admin1})


# --- common words are not places -----------------------------------------------------------
NOT_PLACES = [
    "أكد الجيش أن الأمن مستتب وأن النصر قريب.",
    "طالب المحتجون بالحرية والكرامة والعدالة.",
    "قالت وزارة الداخلية إن الوضع تحت السيطرة.",
    "وصلت الأموال عن طريق وسطاء في دول الجوار.",
    "تتعاون قوات سوريا الديمقراطية مع التحالف الدولي.",
    "زار الوفد القاهرة والرياض ثم عاد إلى بيروت.",
    "فتح الباب أمام حلول جديدة في مدينة جديدة.",
    "قال الخبير إن عين المراقب لا تخطئ.",
    "صدرت القرارات عن الإدارة الذاتية لشمال وشرق سوريا.",
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_common_words_are_not_places(text: str, stage_settings: Settings) -> None:
    assert [m.text for m in places(text, stage_settings)] == []


def test_adjective_is_not_the_country(stage_settings: Settings) -> None:
    names = [m.get("name_ar") for m in places("تقدمت القوات السورية نحو الحدود.", stage_settings)]
    assert "سورية" not in names and "السورية" not in names


# --- clitics, hashtags, articles --------------------------------------------------------
def test_hashtag_span(stage_settings: Settings) -> None:
    m = one("غارات على مواقع قرب #جبل_البشري اليوم.", "جبل البشري", stage_settings)
    assert m.text == "#جبل_البشري"


def test_article_is_part_of_the_name(stage_settings: Settings) -> None:
    m = one("قتل عنصران في الباغوز على الحدود.", "الباغوز", stage_settings)
    assert m.text == "الباغوز" and m.get("admin1") == "Deir ez-Zor"


def test_clitic_is_not_part_of_the_name(stage_settings: Settings) -> None:
    m = one("وقع الانفجار بمدينة الميادين صباحاً.", "الميادين", stage_settings)
    assert m.text == "الميادين"


def test_name_as_written_without_harakat(stage_settings: Settings) -> None:
    m = one("اشتباكات في مناطق #الشولا و#كُباجب مساءً.", "كباجب", stage_settings)
    assert m.text == "#كُباجب" and m.get("admin1") == "Deir ez-Zor"


# --- sites inside towns ------------------------------------------------------------------
def test_prison_is_a_site_of_its_town(stage_settings: Settings) -> None:
    m = one("هاجم التنظيم سجن الصناعة في مدينة الحسكة.", "الحسكة", stage_settings)
    check(m, {"site": "سجن الصناعة", "geo_precision": 1, "admin1": "Hasakah"})


def test_camp_is_a_site(stage_settings: Settings) -> None:
    check(one("حوادث عنف داخل مخيم الهول.", "الهول", stage_settings), {"site": "مخيم الهول"})


# --- governorate, city, country -----------------------------------------------------------
def test_bare_governorate_name_is_the_governorate(stage_settings: Settings) -> None:
    check(
        one("قتل قيادي في دير الزور.", "دير الزور", stage_settings),
        {"geo_precision": 3, "feature": "governorate"},
    )


def test_city_cue_gives_the_city(stage_settings: Settings) -> None:
    check(one("انفجار في مدينة دير الزور.", "دير الزور", stage_settings), {"geo_precision": 1})


def test_country(stage_settings: Settings) -> None:
    check(
        one("عودة التنظيم إلى سوريا.", "سوريا", stage_settings),
        {"geo_precision": 3, "admin1": None},
    )


# --- boilerplate and datelines -------------------------------------------------------------
def test_related_headlines_are_skipped(stage_settings: Settings) -> None:
    text = "هجوم على حاجز في بلدة ذيبان.\n\nاقرأ أيضاً:\n- انفجار لغم في بادية البوكمال\n"
    names = [m.get("name_ar") for m in places(text, stage_settings)]
    assert names == ["ذيبان"]


def test_outlet_name_in_dateline_is_skipped(stage_settings: Settings) -> None:
    text = "عنوان الخبر\n\nحمص – شبكة أخبار تدمر | 3 آذار 2022\n\nقتل راع قرب بلدة أراك."
    names = [m.get("name_ar") for m in places(text, stage_settings)]
    assert "تدمر" not in names and "حمص" in names and "أراك" in names


def test_every_mention_has_offsets_into_the_text(stage_settings: Settings) -> None:
    text = "قُتل عنصران بكمين غربيَّ السخنة بنحو 20 كم وفي ريف دير الزور الشرقي."
    for m in places(text, stage_settings):
        assert text[m.start : m.end] == m.text
        assert m.get("latitude") is not None and m.get("longitude") is not None


# --- named parts of a town ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "site", "town", "admin1"),
    [
        (
            "اعتقال شخصين في حي الجسر القديم بمدينة الميادين.",
            "حي الجسر القديم",
            "الميادين",
            "Deir ez-Zor",
        ),
        ("انفجار في سوق الهال وسط مدينة البوكمال.", "سوق الهال", "البوكمال", "Deir ez-Zor"),
        ("مداهمة في حي الحميدية في دير الزور.", "حي الحميدية", "دير الزور", "Deir ez-Zor"),
    ],
)
def test_named_part_of_a_town(
    text: str, site: str, town: str, admin1: str, stage_settings: Settings
) -> None:
    found = [m for m in places(text, stage_settings) if m.get("site") == site]
    assert found and found[0].text == site
    check(found[0], {"name_ar": town, "admin1": admin1, "geo_precision": 1})
    # the town itself is then the city, not the governorate
    assert one(text, town, stage_settings).get("geo_precision") == 1


@pytest.mark.parametrize(
    ("text", "km"),
    [("هجوم شرقي تدمر بنحو ثلاثة كيلومترات.", 3.0), ("على بعد خمسة كيلومترات جنوب السخنة.", 5.0)],
)
def test_distance_in_words(text: str, km: float, stage_settings: Settings) -> None:
    assert [m.get("offset_km") for m in places(text, stage_settings)] == [km]


# --- villages the gazetteer lacks or knows elsewhere: the container decides ---------------
@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("انفجرت عبوة في بلدة الصبحة بريف دير الزور الشرقي.", "الصبحة", "Deir ez-Zor"),
        ("هجوم على قرية المعيزلة في ريف الرقة الغربي.", "المعيزلة", "Raqqa"),
    ],
)
def test_village_located_by_its_countryside(
    text: str, name: str, admin1: str, stage_settings: Settings
) -> None:
    m = one(text, name, stage_settings)
    check(m, {"admin1": admin1, "geo_precision": 2, "unlisted": True})
    assert m.get("latitude") is not None


def test_adjective_after_village_word_is_not_a_village(stage_settings: Settings) -> None:
    names = [
        m.get("name_ar") for m in places("تعيش العائلة في بلدة صغيرة بريف حلب.", stage_settings)
    ]
    assert names == ["ريف حلب"]


@pytest.mark.timeout(120)
def test_long_article_stays_linear(stage_settings: Settings) -> None:
    # a long article repeating its places: resolution is shared, boilerplate looked up
    paragraph = "قُتل عنصران في هجوم قرب السخنة وفي بلدة الطيبة بريف درعا.\n-\nعنوان آخر\n"
    found = places(paragraph * 3_000, stage_settings)
    assert len(found) >= 6_000


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("استهدف مقراً للواء شهداء اليرموك في درعا.", ["درعا"]),
        ("أعلن مجلس دير الزور العسكري بدء الحملة.", []),
        ("استهدف القصف موقعاً في دير الزور.", ["دير الزور"]),
        ("سقط شهداء في دوما.", ["دوما"]),
    ],
)
def test_place_in_an_organisation_name(
    text: str, names: list[str], stage_settings: Settings
) -> None:
    assert [m.get("name_ar") for m in places(text, stage_settings)] == names
