"""Actors: aliases, clitics, obfuscation, context, units, time-aware names, negatives.

Each case is one line: a sentence written for these tests, a publication date or None,
and the ACLED-style names expected among the actor mentions (or none at all).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath import pipeline
from hadath.actors import actor_family, resolve, scan, table
from hadath.actors.lexicon import lexicon
from hadath.document import Document, Mention
from hadath.lexicon.matcher import PROCLITICS
from hadath.settings import Settings
from hadath.stages import actors as actors_stage
from hadath.stages.actors import _YEAR
from hadath.text.view import normalize

STAGES = ("boilerplate", "normalize", "segment", "actors")
D2021 = dt.date(2021, 6, 1)
D2025 = dt.date(2025, 6, 1)

ISIS = "Islamic State (Syria)"
SYR_OLD = "Military Forces of Syria (2000-2024)"
SYR_NEW = "Military Forces of Syria (2024-)"
POL_NEW = "Police Forces of Syria (2024-)"
RUS = "Military Forces of Russia (2000-)"
SDF = "QSD: Syrian Democratic Forces"
ASAYISH = "Asayish: North and East Syria Internal Security Forces"
CIV = "Civilians (Syria)"
UNID = "Unidentified Armed Group (Syria)"


@pytest.fixture(scope="module")
def actor_settings() -> Settings:
    lexicon()  # compile once for the module
    return Settings.load().replace(stages=STAGES)


def actors_in(text: str, settings: Settings, pub: dt.date | None = D2021) -> list[Mention]:
    doc = pipeline.run(Document(text, pub_date=pub), settings)
    return doc.mentions_of("actor")


def names(text: str, settings: Settings, pub: dt.date | None = D2021) -> list[str]:
    return [m.attrs["actor"] for m in actors_in(text, settings, pub)]


# --- aliases ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هاجم عناصر من داعش نقطة عسكرية", ISIS),
        ("أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم", ISIS),
        ("نفذ تنظيم الدولة هجوماً في البادية", ISIS),
        ("زرعها مرتزقة داعش على الطريق", ISIS),
        ("هجوم نفذته خلايا المرتزقة على حاجز", ISIS),
        ("قصفت الطائرات الحربية الروسية مواقع في البادية", RUS),
        ("شنت طائرات حربية روسية غارات على الجبال", RUS),
        ("نفذت القوات الحكومية حملة تمشيط", SYR_OLD),
        ("قتل جنديان من قوات حكومة دمشق", SYR_OLD),
        ("اشتبكت قوات سوريا الديمقراطية مع مسلحين", SDF),
        ("اعتقلت قسد ثلاثة أشخاص", SDF),
        ("داهمت قوى الأمن الداخلي (الأسايش) منزلاً", ASAYISH),
        ("قتل عنصران من ميليشيا الدفاع الوطني", "NDF: National Defence Forces"),
        ("استهدف هجوم حاجزاً للواء القدس", "Liwa al-Quds"),
        ("تنتشر الميليشيات الإيرانية في البادية", "Iran-backed militias"),
        ("قصفت المدفعية التركية قرى في الريف", "Military Forces of Turkey"),
        ("أعلنت القوات العراقية مقتل قيادي", "Military Forces of Iraq"),
        ("قصف الجيش الوطني السوري مواقع", "SNA: Syrian National Army"),
        ("اشتبكت هيئة تحرير الشام مع فصيل آخر", "HTS: Hayat Tahrir al-Sham"),
        ("قتل راعي أغنام بانفجار لغم", CIV),
        ("فقد تسعة من جامعي الكمأة في البادية", CIV),
        ("اغتال مسلحون مختار القرية", CIV),
        ("قتل مدني برصاص قناص", CIV),
        ("نظم العشرات وقفة احتجاجية أمام المجلس", "Protesters (Syria)"),
        ("أطلق مسلحون مجهولون النار على سيارة", UNID),
    ],
)
def test_alias(text: str, expected: str, actor_settings: Settings) -> None:
    assert expected in names(text, actor_settings)


# --- clitics and spelling ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في هجوم لداعش على نقطة عسكرية", ISIS),
        ("وأعلنت قسد حظر التجوال", SDF),
        ("نقطة تابعة لقوات النظام في البادية", SYR_OLD),
        ("بمساندة من التحالف الدولي وقسد", "Military Forces of the United States (2021-)"),
        ("ضربة جديدة للتحالف الدولي في الريف", "Military Forces of the United States (2021-)"),
        ("بيان لوزارة الدفاع الروسية حول الغارات", RUS),
        ("حاجز للأسايش عند المدخل", ASAYISH),
        ("ضد تنظيم الدولة الإسلامية في العراق والشام", ISIS),
        ("مقتل عنصر من داعـــش في الريف", ISIS),
        ("مقتل عنصر من دَاعِش في الريف", ISIS),
        ("هجوم لـ«داعش» على الحاجز", ISIS),
        ("مقتل عنصر من #داعش في الريف", ISIS),
    ],
)
def test_clitics_and_spelling(text: str, expected: str, actor_settings: Settings) -> None:
    assert expected in names(text, actor_settings)


# --- obfuscation --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "هاجم تنظيم د.ا.عش نقطة عسكرية",
        "زرعها مرتزقة داع.ش على الطريق",
        "تبنى تنظيم د١عش العملية",
        "هجمات خلايا داع_ش في الريف",
    ],
)
def test_obfuscated_isis(text: str, actor_settings: Settings) -> None:
    found = actors_in(text, actor_settings)
    assert [m.attrs["actor"] for m in found] == [ISIS] or ISIS in [m.attrs["actor"] for m in found]
    assert all("ع" in m.text or "3" in m.text for m in found if m.attrs["actor"] == ISIS)


# --- context: words that are an actor only when the article names it ---------------------
@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("أعلن داعش مسؤوليته. وقال التنظيم إن عناصره قتلوا خمسة جنود.", [ISIS, ISIS], None),
        ("عقد التنظيم النقابي مؤتمره السنوي في دمشق.", [], ISIS),
        ("قتل عنصران من الجيش السوري. وقال الجيش إنه رد على الهجوم.", [SYR_NEW, SYR_NEW], None),
        ("قال الجيش الأردني إنه أسقط طائرة مسيرة. ونفى الجيش وجود إصابات.", None, SYR_NEW),
        ("أعلن التحالف الدولي تنفيذ غارة. وقال التحالف إن الغارة قتلت قيادياً.", None, None),
    ],
)
def test_context(
    text: str, expected: list[str] | None, absent: str | None, actor_settings: Settings
) -> None:
    found = names(text, actor_settings, D2025 if "الجيش السوري" in text else D2021)
    if expected is not None:
        assert found == expected
    if absent is not None:
        assert absent not in found


def test_coalition_short_form_follows_full_name(actor_settings: Settings) -> None:
    found = actors_in(
        "أعلن التحالف الدولي تنفيذ غارة. وقال التحالف إنها قتلت قيادياً.", actor_settings
    )
    assert [m.attrs["rule"] for m in found] == ["alias", "context"]
    assert {actor_family(m.attrs["actor"]) for m in found} == {"United States"}


# --- units and their parent ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "unit", "actor", "pub"),
    [
        ("فقدان الاتصال بمجموعة تابعة للفرقة الرابعة", "الفرقة الرابعة", SYR_OLD, D2021),
        ("وأخرى تتبع لـ“الفوج 147” في البادية", "الفوج 147", SYR_OLD, D2021),
        ('تعرض رتل تابع لـ"الفرقة 18" لهجوم', "الفرقة 18", SYR_OLD, D2021),
        ("قتل عنصران من الفرقة 86 التابعة لوزارة الدفاع", "الفرقة 86", SYR_NEW, D2025),
        ("قصفت مدفعية الفيلق الخامس مواقع في الجبل", "الفيلق الخامس", SYR_OLD, D2021),
        ("وصلت تعزيزات من اللواء 47 إلى المنطقة", "اللواء 47", SYR_OLD, D2021),
        ("نفذت وحدات مكافحة الإرهاب عملية نوعية", "وحدات مكافحة الإرهاب", SDF, D2021),
    ],
)
def test_units(text: str, unit: str, actor: str, pub: dt.date, actor_settings: Settings) -> None:
    found = [m for m in actors_in(text, actor_settings, pub) if "unit" in m.attrs]
    assert len(found) == 1
    assert found[0].attrs["unit"] == unit
    assert found[0].attrs["actor"] == actor


def test_militia_keeps_its_name_and_parent(actor_settings: Settings) -> None:
    (m,) = actors_in("هجوم على نقطة للدفاع الوطني", actor_settings)
    assert m.attrs["actor"] == "NDF: National Defence Forces"
    assert m.attrs["parent"] == SYR_OLD


# --- time-aware resolution -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("actor_id", "day", "expected"),
    [
        ("syria_forces", dt.date(2021, 3, 13), SYR_OLD),
        ("syria_forces", dt.date(2024, 12, 7), SYR_OLD),
        ("syria_forces", dt.date(2024, 12, 8), SYR_NEW),
        ("syria_forces", dt.date(2025, 7, 22), SYR_NEW),
        ("syria_police", dt.date(2025, 4, 11), POL_NEW),
        ("general_security", dt.date(2025, 4, 11), POL_NEW),
        ("general_security", dt.date(2022, 1, 1), "HTS: Hayat Tahrir al-Sham"),
        ("us_forces", dt.date(2019, 3, 23), "Military Forces of the United States (2017-2021)"),
        ("us_forces", dt.date(2023, 9, 13), "Military Forces of the United States (2021-)"),
        ("us_forces", dt.date(2025, 1, 19), "Military Forces of the United States (2021-)"),
        ("us_forces", dt.date(2025, 8, 1), "Military Forces of the United States (2025-)"),
        ("us_forces", None, "Military Forces of the United States"),
        ("nusra", dt.date(2015, 5, 1), "Jabhat al-Nusra"),
        ("nusra", dt.date(2020, 5, 1), "HTS: Hayat Tahrir al-Sham"),
        ("syria_4th_division", dt.date(2021, 1, 1), SYR_OLD),
        ("person_ahmad_al_sharaa", dt.date(2023, 1, 1), "HTS: Hayat Tahrir al-Sham"),
        ("person_ahmad_al_sharaa", dt.date(2025, 5, 1), "Government of Syria (2024-)"),
        ("isis", None, ISIS),
        ("syria_forces", None, None),
    ],
)
def test_resolve(actor_id: str, day: dt.date | None, expected: str | None) -> None:
    assert resolve(actor_id, day) == expected


@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        ("هاجم داعش قوات النظام في البادية", dt.date(2021, 1, 1), SYR_OLD),
        ("قتل عنصر من الجيش السوري بهجوم في البادية", dt.date(2025, 7, 22), SYR_NEW),
        ("اعتقل الأمن العام خلية في دوما", dt.date(2025, 4, 11), POL_NEW),
        # undated: the text decides the era
        ("بعد سقوط نظام الأسد هاجم التنظيم قوات الحكومة السورية الجديدة", None, SYR_NEW),
        ("هاجم داعش قوات النظام في البادية عام 2019", None, SYR_OLD),
    ],
)
def test_syrian_forces_by_date(
    text: str, pub: dt.date | None, expected: str, actor_settings: Settings
) -> None:
    found = actors_in(text, actor_settings, pub)
    syrian = [m for m in found if m.attrs["actor_id"] in ("syria_forces", "general_security")]
    assert syrian and all(m.attrs["actor"] == expected for m in syrian)


def test_undated_keeps_candidates(actor_settings: Settings) -> None:
    (m,) = [m for m in actors_in("هاجمت قوات النظام القرية", actor_settings, None)]
    assert set(m.attrs["candidates"]) == {SYR_OLD, SYR_NEW}
    assert m.attrs["date_basis"] == "no_post_2024_cue"
    assert m.attrs["actor"] == SYR_OLD


def test_old_regime_by_name_after_2024(actor_settings: Settings) -> None:
    found = actors_in("منذ سقوط نظام الأسد في كانون الأول", actor_settings, D2025)
    assert [m.attrs["actor"] for m in found] == [SYR_OLD]


def test_person_alias_points_to_role(actor_settings: Settings) -> None:
    (m,) = actors_in("هدد البيان الرئيس أحمد الشرع", actor_settings, D2025)
    assert m.attrs["actor"] == "Government of Syria (2024-)"
    assert m.attrs["person"] == "أحمد الشرع"
    assert m.attrs["role"]
    (m,) = actors_in("بقيادة أبو محمد الجولاني", actor_settings, dt.date(2020, 1, 1))
    assert m.attrs["actor"] == "HTS: Hayat Tahrir al-Sham"


# --- unidentified groups and their presumed identity ----------------------------------------
@pytest.mark.parametrize(
    ("text", "attributed", "hedged"),
    [
        ("اختطفهم مسلحون يُرجَّح أنهم من خلايا تنظيم داعش", ISIS, True),
        ("شن مسلحون من تنظيم داعش هجوماً", ISIS, None),
        ("قتل برصاص مسلحين مجهولين كانوا يستقلون دراجة", None, None),
    ],
)
def test_unidentified_attribution(
    text: str, attributed: str | None, hedged: bool | None, actor_settings: Settings
) -> None:
    unid = [m for m in actors_in(text, actor_settings) if m.attrs["actor"] == UNID]
    assert len(unid) == 1
    assert unid[0].attrs.get("attributed_to") == attributed
    assert unid[0].attrs.get("hedged") == hedged


# --- negatives: common words that are no actor -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "تسعى الدولة إلى تحسين الخدمات",
        "أعلنت قوات كبيرة الانتشار في المدينة",
        "وصل الجيش إلى حدود المدينة في القرن الماضي",
        "عاد إلى نظام الخلايا النائمة",
        "يؤثر النظام العالمي على المنطقة",
        "انتشل عناصر الدفاع المدني الجثث",
        "ناقش المجتمع المدني القضية",
        "انتهى التنظيم الإداري للمؤسسة",
        "أدى الهجوم المسلح إلى أضرار",
        "بقي مصيرهم مجهولاً حتى الآن",
        "تعد التنظيمات الإرهابية خطراً على المنطقة",
        "وصلت الطائرة المدنية إلى المطار",
        "انطلقت القافلة من القاعدة العسكرية",
        "يبقى هذا الحل هو الأفضل للجميع",
    ],
)
def test_no_actor(text: str, actor_settings: Settings) -> None:
    assert names(text, actor_settings) == []


def test_boilerplate_is_skipped(actor_settings: Settings) -> None:
    text = "قتل عنصران من قسد بهجوم.\n\nاقرأ أيضاً:\n- داعش يهاجم نقطة للنظام في البادية\n"
    found = actors_in(text, actor_settings)
    assert [m.attrs["actor"] for m in found] == [SDF]


def test_offsets_point_into_the_original(actor_settings: Settings) -> None:
    text = "هجوم لـ د.ا.عش على حاجز لـ“الفوج 147” في #البادية"
    for m in actors_in(text, actor_settings):
        assert text[m.start : m.end] == m.text


# --- actor families for scoring ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (SDF, ASAYISH, True),
        (
            "Military Forces of the United States (2021-)",
            "Military Forces of the United States",
            True,
        ),
        (SYR_OLD, SYR_NEW, False),
        (POL_NEW, SYR_NEW, True),
        ("NDF: National Defence Forces", "Liwa al-Quds", False),
        ("Military Forces of Turkey (2016-)", "Military Forces of Turkey", True),
        (ISIS, UNID, False),
        (CIV, "Civilians (Iraq)", False),
    ],
)
def test_actor_family(a: str, b: str, same: bool) -> None:
    assert (actor_family(a) == actor_family(b)) is same


def test_actor_family_none() -> None:
    assert actor_family(None) is None
    assert actor_family("  ") is None


# --- the data itself -----------------------------------------------------------------------
def test_every_name_over_time_is_known() -> None:
    t = table()
    for actor in t.actors.values():
        for period in actor.periods:
            if period.name:
                assert actor_family(period.name)


def test_no_alias_names_two_actors() -> None:
    owner: dict[str, str] = {}
    for actor in table().actors.values():
        for alias in actor.aliases + actor.context + actor.indefinite_only + actor.generic:
            key = " ".join(normalize(alias).split())
            assert owner.setdefault(key, actor.id) == actor.id, alias


# --- the country an article is about -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أطلق مسلحون النار على دورية الأمن العام شرق مدينة الرياض في السعودية",
            ["Unidentified Armed Group (Saudi Arabia)"],
        ),
        ("اعتقل الأمن العام خلية لداعش في دمشق", ["Police Forces of Syria (2024-)", ISIS]),
        ("قتل ثلاثة مدنيين بانفجار عبوة في الموصل شمال العراق", ["Civilians (Iraq)"]),
        ("قتل ثلاثة مدنيين بانفجار عبوة في دير الزور", [CIV]),
        ("شن طيران التحالف غارات على صنعاء في اليمن", []),
        (
            "شن طيران التحالف غارات على مواقع داعش في الرقة",
            ["Military Forces of the United States (2025-)", ISIS],
        ),
        ("قصف التحالف العربي مواقع الحوثيين في اليمن", ["Military Forces of Saudi Arabia (2015-)"]),
        ("تقدمت القوات الحكومية في لوغانسك بأوكرانيا", []),
        ("تتقدم باتجاه مقر قيادة الفرقة الرابعة في عدن باليمن", []),
    ],
)
def test_country_of_the_article(text: str, expected: list[str], actor_settings: Settings) -> None:
    assert names(text, actor_settings, D2025) == expected


def test_god_protect_him_is_no_shepherd(actor_settings: Settings) -> None:
    assert names("معايدة وتهنئة من الأمير رعاه الله للجنود", actor_settings) == []
    assert names("قتل راعي أغنام بانفجار لغم", actor_settings) == [CIV]


@pytest.mark.parametrize(
    "text",
    [
        "اعترف عن زملائه في الجيش المصري بدمشق",
        "أعلن الجيش اللبناني توقيف مطلوبين قرب الحدود السورية",
        "تجولوا بين المزارع في ريف دمشق",
    ],
)
def test_other_nationalities_leave_no_bare_word(text: str, actor_settings: Settings) -> None:
    assert names(text, actor_settings) == []


@pytest.mark.parametrize(
    ("text", "pub", "expected"),
    [
        ("انفجرت عبوة بدورية لقوى الأمن الداخلي في الحسكة", D2021, [ASAYISH]),
        ("اعتقلت قوى الأمن الداخلي وقسد خلية لداعش في الرقة", D2025, [ASAYISH, SDF, ISIS]),
        ("اعتقلت قوى الأمن الداخلي بالتعاون مع الأمن العام خلية في حمص", D2025, [POL_NEW, POL_NEW]),
        ("انتشرت قوى الأمن الداخلي في شوارع بيروت في لبنان", D2021, []),
    ],
)
def test_internal_security_by_context(
    text: str, pub: dt.date, expected: list[str], actor_settings: Settings
) -> None:
    assert names(text, actor_settings, pub) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نفذ سلاح الجو الروسي غارات على البادية", RUS),
        ("استهدفت القاذفات الروسية مواقع في جبل البشري", RUS),
        ("سيرت الشرطة العسكرية الروسية دورية في الريف", RUS),
        ("قتل مواطن برصاص قناص في الريف", CIV),
        ("حلقت مروحيات التحالف الدولي فوق القرية", "Military Forces of the United States (2021-)"),
    ],
)
def test_more_aliases(text: str, expected: str, actor_settings: Settings) -> None:
    assert expected in names(text, actor_settings, dt.date(2022, 1, 1))


def test_sleeper_cells_in_an_isis_article(actor_settings: Settings) -> None:
    found = names("هاجم داعش حاجزاً. وتنشط الخلايا النائمة في الريف.", actor_settings)
    assert found == [ISIS, ISIS]
    assert names("تنشط الخلايا النائمة في الريف.", actor_settings) == []


def test_long_text_stays_fast() -> None:
    """Dense mentions on every line: both stages must stay linear (seconds, not minutes)."""
    import time

    settings = Settings.load().replace(stages=(*STAGES, "sources"))
    line = "وقال مصدر في الأسايش إن مسلحين من داعش هاجموا حاجزاً لقسد بحسب المرصد السوري.\n"
    t0 = time.perf_counter()
    doc = pipeline.run(Document(line * 5_000, pub_date=D2021), settings)
    assert len(doc.mentions_of("actor")) > 19_000  # a few lines may be taken as boilerplate
    assert time.perf_counter() - t0 < 60


def test_the_regime_by_name_is_the_old_state(actor_settings: Settings) -> None:
    found = names("ومع سقوط النظام السوري في كانون الأول 2024 تغير كل شيء", actor_settings, D2025)
    assert found == [SYR_OLD]
    (m,) = actors_in("كان بشار الأسد يحكم البلاد", actor_settings, D2025)
    assert m.attrs["actor"] == "Government of Syria (2000-2024)"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789١٢ 19820-x", max_size=30))
def test_year_pattern_reads_what_a_leading_lookbehind_reads(text: str) -> None:
    """The year regex checks "no digit before" after its digits, for speed; it finds
    exactly what the plain form finds."""
    plain = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
    assert _YEAR.findall(text) == plain.findall(text)


@pytest.mark.parametrize(
    "text", ["الفرقة 18", "وللفوج الخامس", "بالفيلق الأول", "كتيبة 3", "وبالكتيبة 3"]
)
def test_unit_heads_prefilter_passes_units(text: str) -> None:
    """Every unit the pattern reads holds one of the head words the scan looks for."""
    lex = lexicon()
    view = normalize(text)
    assert lex.unit_pattern.search(view)
    assert scan.hits(view)["unit_heads"]


# unit phrases (a head after any clitic run, or after runs no unit takes; a number or an
# ordinal after it) and pieces of them, glued in any order with what may stand between
_UNIT_HEADS = [normalize(h) for h in ("فرقة", "فوج", "لواء", "فيلق", "كتيبة")]
_UNIT_RUNS = [*sorted(PROCLITICS), "ببال", "وبالل", "x", "ه", "١", "_"]
_UNIT_AFTER = ["18", "3", "12345", normalize("الخامسة"), normalize("الأول"), "الاول"]
_UNIT_GLUE = [" ", "  ", "\n", "_", ".", "-", "قوات", "في"]
_UNIT_PHRASE = st.tuples(
    st.sampled_from(_UNIT_RUNS),
    st.sampled_from(_UNIT_HEADS),
    st.sampled_from([" ", "  ", "\n", ""]),
    st.sampled_from(_UNIT_AFTER),
).map("".join)
_UNIT_PIECES = st.lists(
    st.one_of(_UNIT_PHRASE, st.sampled_from(_UNIT_HEADS + _UNIT_RUNS + _UNIT_AFTER + _UNIT_GLUE)),
    max_size=10,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_UNIT_PIECES)
def test_unit_search_finds_what_finditer_finds(text: str) -> None:
    """The unit pattern, tried only a few characters before a head word, finds exactly
    what finditer finds; and the scan finds a head word wherever it finds a unit."""
    lex = lexicon()
    everywhere = list(lex.unit_pattern.finditer(text))
    found = list(actors_stage._unit_matches(text))
    assert [(m.span(), m.groups()) for m in found] == [(m.span(), m.groups()) for m in everywhere]
    if any(m.group(1) in lex.unit_prefixes for m in everywhere):
        assert scan.hits(text)["unit_heads"]
