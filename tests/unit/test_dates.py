"""The dates stage: one-line cases grouped by phenomenon (fixtures written for hadath)."""

from __future__ import annotations

import pytest

from hadath.api import extract
from hadath.document import Document, Mention
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "dates", "numbers")


@pytest.fixture(scope="session")
def text_settings() -> Settings:
    return Settings.load().replace(stages=STAGES)


def annotate(text: str, pub: str | None, settings: Settings) -> Document:
    return extract(text, pub_date=pub, settings=settings)


def only_date(text: str, pub: str | None, settings: Settings) -> Mention:
    dates = annotate(text, pub, settings).mentions_of("date")
    assert len(dates) == 1, [(m.text, m.attrs) for m in dates]
    return dates[0]


# --- relative days: against the publication date --------------------------------------
RELATIVE_DAYS = [
    ("قتل عنصر أمس السبت في هجوم", "2021-03-14", "أمس السبت", "2021-03-13"),
    ("وقع الانفجار صباح اليوم قرب الحاجز", "2021-03-14", "صباح اليوم", "2021-03-14"),
    ("شنت الطائرات غارات مساء أمس على المنطقة", "2021-03-14", "مساء أمس", "2021-03-13"),
    ("قتل راع أول أمس في البادية", "2021-03-14", "أول أمس", "2021-03-12"),
    ("عثر على الجثة أول من أمس", "2021-03-14", "أول من أمس", "2021-03-12"),
    ("هاجمت خلية فجر اليوم الأحد نقطة", "2021-03-14", "فجر اليوم الأحد", "2021-03-14"),
    ("اشتباكات ليلة أمس الثلاثاء في القرية", "2024-06-19", "ليلة أمس الثلاثاء", "2024-06-18"),
    ("نظم الأهالي وقفة بعد ظهر اليوم", "2024-03-06", "بعد ظهر اليوم", "2024-03-06"),
    ("قُتل شخصان، مساء أمس الأربعاء، بغارة", "2023-09-14", "مساء أمس الأربعاء", "2023-09-13"),
    ("انفجرت عبوة يوم أمس بسيارة", "2021-03-14", "يوم أمس", "2021-03-13"),
    ("قصفت المدفعية ليل أمس مواقع التنظيم", "2022-02-08", "ليل أمس", "2022-02-07"),
    (
        "وأعلنت القيادة، ظهر اليوم السبت، إحباط محاولة",
        "2021-11-27",
        "ظهر اليوم السبت",
        "2021-11-27",
    ),
]


@pytest.mark.parametrize(("text", "pub", "expr", "value"), RELATIVE_DAYS)
def test_relative_days(text: str, pub: str, expr: str, value: str, text_settings: Settings) -> None:
    m = only_date(text, pub, text_settings)
    assert (m.text, m.get("value"), m.get("precision"), m.get("relative")) == (
        expr,
        value,
        "day",
        True,
    )


def test_weekday_disagreeing_with_yesterday_keeps_yesterday(text_settings: Settings) -> None:
    doc = annotate("قتل عنصران أمس الجمعة في هجوم", "2021-03-14", text_settings)
    (m,) = doc.mentions_of("date")
    assert m.get("value") == "2021-03-13"
    assert any(w.startswith("W_WEEKDAY_MISMATCH") for w in doc.warnings)


# --- weekdays: the latest such day on or before publication ---------------------------
WEEKDAYS = [
    ("وشهد يوم الأربعاء مقتل عناصر", "2021-01-01", "2020-12-30"),
    ("هاجم التنظيم الأربعاء الماضي نقطة", "2021-01-01", "2020-12-30"),
    ("قتل مختار السبت المنصرم", "2021-01-01", "2020-12-26"),
    ("انفجر لغم يوم الجمعة قرب البلدة", "2021-01-01", "2021-01-01"),
    ("قتل شاب الجمعة الماضية", "2021-01-01", "2020-12-25"),
    ("قتلا مساء الخميس برصاص مجهولين", "2021-01-01", "2020-12-31"),
    ("وقع الهجوم الخميس الفائت", "2021-01-01", "2020-12-31"),
    ("دارت اشتباكات ليل الثلاثاء - الأربعاء", "2021-01-01", "2020-12-29"),
    ("أصيب مقاتل يوم الأحد الفائت بهجوم", "2022-05-17", "2022-05-15"),
    ("هاجمت خلايا التنظيم يوم الإثنين الماضي قافلة", "2021-09-09", "2021-09-06"),
    ("استولت خلية السبت الماضي على أغنام", "2022-02-08", "2022-02-05"),
    ("ستنطلق الحملة الأحد المقبل", "2021-01-01", "2021-01-03"),
]


@pytest.mark.parametrize(("text", "pub", "value"), WEEKDAYS)
def test_weekdays(text: str, pub: str, value: str, text_settings: Settings) -> None:
    m = only_date(text, pub, text_settings)
    assert (m.get("value"), m.get("precision")) == (value, "day")


def test_friday_prayer_is_no_date(text_settings: Settings) -> None:
    doc = annotate("كانوا يعتزمون تفجيراً خلال صلاة الجمعة في المسجد", "2025-04-12", text_settings)
    assert doc.mentions_of("date") == []


# --- counted back from publication: precision follows the unit ------------------------
AGO = [
    ("قتل قبل يومين في البادية", "2022-10-13", "day"),
    ("عثروا قبل أسبوع على جثة", "2022-10-08", "week"),
    ("الهجوم على السجن قبل نحو أسبوعين", "2022-10-01", "week"),
    ("اختطف قبل ثلاثة أيام", "2022-10-12", "day"),
    ("اعتقل قبل 5 أيام", "2022-10-10", "day"),
    ("منذ شهرين لم تسجل هجمات", "2022-08", "month"),
    ("أعلنت قبل عامين هزيمة التنظيم", "2020", "year"),
    ("بدأت الحملة قبل شهر", "2022-09", "month"),
    ("قتل قبل قرابة ثلاثة أسابيع", "2022-09-24", "week"),
]


@pytest.mark.parametrize(("text", "value", "precision"), AGO)
def test_ago(text: str, value: str, precision: str, text_settings: Settings) -> None:
    m = only_date(text, "2022-10-15", text_settings)
    assert (m.get("value"), m.get("precision")) == (value, precision)


def test_vague_weeks_are_no_date(text_settings: Settings) -> None:
    assert (
        annotate("تتكرر الهجمات منذ أسابيع", "2022-10-15", text_settings).mentions_of("date") == []
    )


# --- named periods: last week, this month, the start of the year ----------------------
PERIODS = [
    ("أعلنت الأسبوع الماضي إطلاق حملة", "2024-09-27", "week", "2024-09-27"),
    ("قتل الشهر الماضي عشرة عناصر", "2024-09", "month", "2024-09-01"),
    ("نفذ العام الماضي هجمات", "2023", "year", "2023-01-01"),
    ("الهجوم الثالث منذ مطلع الشهر الجاري", "2024-10-01", "week", "2024-10-04"),
    ("وقع في أواخر الشهر الماضي", "2024-09-22", "week", "2024-09-26"),
    ("تصاعدت الهجمات منذ مطلع العام الجاري", "2024-01", "month", "2024-01-01"),
    ("شنت أكثر من 60 غارة خلال الساعات الماضية", "2024-10-04", "day", "2024-10-04"),
    ("شنت 40 غارة خلال الساعات الـ24 الماضية", "2024-10-04", "day", "2024-10-04"),
    ("سجلت خلال الشهر الجاري هجمات", "2024-10", "month", "2024-10-01"),
    ("قتل هذا العام أكثر من", "2024", "year", "2024-01-01"),
]


@pytest.mark.parametrize(("text", "value", "precision", "day"), PERIODS)
def test_periods(text: str, value: str, precision: str, day: str, text_settings: Settings) -> None:
    m = only_date(text, "2024-10-04", text_settings)
    assert (m.get("value"), m.get("precision"), m.get("day")) == (value, precision, day)


# --- months without a year: the latest such month on or before publication ------------
MONTHS = [
    ("نفذت في آب الماضي عملية إنزال", "2023-08", "month"),
    ("قتل في أيلول الماضي", "2022-09", "month"),
    ("في شهر أيار قتل", "2023-05", "month"),
    ("منذ كانون الأول الماضي", "2022-12", "month"),
    ("أطلقت أواخر شهر تشرين الثاني الماضي عملية", "2022-11-22", "week"),
    ("وقعت في منتصف آذار اشتباكات", "2023-03-11", "week"),
    ("منذ مطلع نيسان تصاعدت", "2023-04-01", "week"),
    ("منذ شهر شباط/فبراير الماضي زادت الهجمات", "2023-02", "month"),
    ("تموز المقبل", "2024-07", "month"),
]


@pytest.mark.parametrize(("text", "value", "precision"), MONTHS)
def test_months_without_year(
    text: str, value: str, precision: str, text_settings: Settings
) -> None:
    m = only_date(text, "2023-09-14", text_settings)
    assert (m.get("value"), m.get("precision")) == (value, precision)


@pytest.mark.parametrize(
    "text", ["قتل في تموز عنصران", "اشترى سيارة نيسان بيضاء", "اجتمع الأب مع أبنائه", "رمضان كريم"]
)
def test_bare_month_names_are_no_date(text: str, text_settings: Settings) -> None:
    assert annotate(text, "2023-09-14", text_settings).mentions_of("date") == []


# --- absolute dates: Levantine and Gregorian names, ordinals, digits -------------------
ABSOLUTE = [
    ("قتل في 14 آذار 2021 عنصران", "14 آذار 2021", "2021-03-14", "day"),
    (
        "مع سقوط النظام في كانون الأول (ديسمبر) 2024 كان",
        "كانون الأول (ديسمبر) 2024",
        "2024-12",
        "month",
    ),
    ("تقارير صدرت في فبراير/ شباط 2021 إلى", "فبراير/ شباط 2021", "2021-02", "month"),
    ("في الباغوز في مارس (آذار) 2019 ظل", "مارس (آذار) 2019", "2019-03", "month"),
    ("في الثالث من كانون الثاني 2020 قتل", "الثالث من كانون الثاني 2020", "2020-01-03", "day"),
    ("في الحادي والعشرين من أيلول 2019", "الحادي والعشرين من أيلول 2019", "2019-09-21", "day"),
    ("بتاريخ 8 كانون الثاني/يناير 2023 هاجم", "8 كانون الثاني/يناير 2023", "2023-01-08", "day"),
    ("بتاريخ ١٧/٠٥/٢٠٢٢ انفجرت", "١٧/٠٥/٢٠٢٢", "2022-05-17", "day"),
    ("في ٢٠٢٣/٥/١٢ قتل", "٢٠٢٣/٥/١٢", "2023-05-12", "day"),
    ("يوم 12-05-2023 هاجم", "12-05-2023", "2023-05-12", "day"),
    ("يوم 05/17/2022 هاجم", "05/17/2022", "2022-05-17", "day"),
    ("في 2021-03-14 هاجم", "2021-03-14", "2021-03-14", "day"),
    ("منذ عام 2019 تنشط الخلايا", "عام 2019", "2019", "year"),
    ("الهجوم على السجن مطلع عام 2022 خلف", "مطلع عام 2022", "2022-01", "month"),
    ("قال في منتصف 2019 إن التنظيم", "منتصف 2019", "2019-06", "month"),
    ("تراجع نشاطه أواخر 2018 في", "أواخر 2018", "2018-12", "month"),
    ("انتهت المعارك في 2017 وبدأت", "2017", "2017", "year"),
    ("الخميس 14 أيلول/سبتمبر 2023 صدر", "الخميس 14 أيلول/سبتمبر 2023", "2023-09-14", "day"),
    ("في 15 أيار 2021م وقع", "15 أيار 2021م", "2021-05-15", "day"),
    (
        "منذ سقوط نظام الأسد في الثامن من كانون الأول ٢٠٢٤، أعلنت",
        "الثامن من كانون الأول ٢٠٢٤",
        "2024-12-08",
        "day",
    ),
]


@pytest.mark.parametrize(("text", "expr", "value", "precision"), ABSOLUTE)
def test_absolute(
    text: str, expr: str, value: str, precision: str, text_settings: Settings
) -> None:
    m = only_date(text, None, text_settings)
    assert (m.text, m.get("value"), m.get("precision"), m.get("relative")) == (
        expr,
        value,
        precision,
        False,
    )


def test_impossible_numeric_date_has_no_value(text_settings: Settings) -> None:
    assert only_date("يوم 31/02/2021 هاجم", None, text_settings).get("value") is None


def test_weekday_disagreeing_with_full_date_warns(text_settings: Settings) -> None:
    doc = annotate("قال إن الهجوم وقع الأحد 15 أيار 2021 على النقطة.", None, text_settings)
    assert doc.mentions_of("date")[0].get("value") == "2021-05-15"
    assert any(w.startswith("W_WEEKDAY_MISMATCH") for w in doc.warnings)


# --- a day and month without a year; the year from a weekday ---------------------------
DAY_MONTH = [
    ("– ٤ آب: انفجرت عبوة", "2025-08-10", "2025-08-04"),
    ("في 20 آب قتل", "2025-08-10", "2024-08-20"),
    ("اختطفا في الخامس من شباط الجاري", "2023-02-21", "2023-02-05"),
    ("وفي 14 من كانون الأول الماضي، قتل", "2021-01-01", "2020-12-14"),
    ("في 3 من كانون الأول عقب هجوم", "2021-01-01", "2020-12-03"),
    ("قالت رويترز، مساء الخميس، 31 من كانون الأول، إن", "2021-01-01", "2020-12-31"),
    ("قتل الاثنين 12 تموز/يوليو في", "2021-08-01", "2021-07-12"),
    ("وقع الثلاثاء 18 آب في", "2021-01-01", "2020-08-18"),
    ("هاجم الأربعاء 6 أكتوبر نقطة", "2022-01-01", "2021-10-06"),
]


@pytest.mark.parametrize(("text", "pub", "value"), DAY_MONTH)
def test_day_and_month(text: str, pub: str, value: str, text_settings: Settings) -> None:
    m = only_date(text, pub, text_settings)
    assert (m.get("value"), m.get("precision")) == (value, "day")


# --- "the month" and chains: against the previous date of the passage ------------------
CHAINS = [
    ("ضبطت السيارة في 12 من الشهر الجاري", "2024-06-19", "2024-06-12"),
    ("أصيبا في الحادي والعشرين من الشهر الجاري", "2021-11-27", "2021-11-21"),
    ("قتل في 3 آذار 2020 عنصر. وفي 16 من الشهر نفسه قتل آخر", None, "2020-03-16"),
    ("قتل في 5 آذار 2020 قيادي. وبعد ذلك بثلاثة أيام قتل آخر", None, "2020-03-08"),
    ("قتل في 5 آذار 2020 قيادي. وبعد هذا بيومين قتل آخر", None, "2020-03-07"),
    ("قتل في 5 آذار 2020 قيادي، وتبنى التنظيم العملية في اليوم التالي", None, "2020-03-06"),
    ("أعلن في 5 آذار 2020 مسؤوليته عن هجوم في اليوم السابق", None, "2020-03-04"),
    ("قتل في 5 آذار 2020 قيادي، وفي اليوم ذاته قصفت", None, "2020-03-05"),
    ("قتل في 5 آذار 2020 قيادي، وقبل ذلك بيومين قصفت", None, "2020-03-03"),
]


@pytest.mark.parametrize(("text", "pub", "value"), CHAINS)
def test_chains_and_the_month(
    text: str, pub: str | None, value: str, text_settings: Settings
) -> None:
    last = annotate(text, pub, text_settings).mentions_of("date")[-1]
    assert (last.get("value"), last.get("relative")) == (value, True)


def test_month_from_context_without_pub_date(text_settings: Settings) -> None:
    text = (
        "مع سقوط النظام في كانون الأول (ديسمبر) 2024 تغير الوضع. ومنذ كانون الأول / ديسمبر "
        "الماضي تلقى التنظيم ضربات؛ ففي 11 من الشهر أحبطت الحكومة مخططاً."
    )
    values = [m.get("value") for m in annotate(text, None, text_settings).mentions_of("date")]
    assert values == ["2024-12", "2024-12", "2024-12-11"]


@pytest.mark.parametrize(
    "text", ["عثر على جثته بعد يومين من اختطافه", "قد يعود التنظيم بعد خمس سنوات إلى المدن"]
)
def test_offsets_from_events_or_now_are_no_chain(text: str, text_settings: Settings) -> None:
    assert annotate(text, "2022-10-15", text_settings).mentions_of("date") == []


# --- no publication date: relative expressions stay unresolved -------------------------
UNRESOLVED = [
    ("شن التنظيم أمس السبت هجوماً", "day"),
    ("الهجوم قبل نحو نحو أسبوعين", "week"),
    ("منذ شهر شباط/فبراير الماضي", "month"),
    ("يوم الأربعاء قتل", "day"),
    ("العام الماضي", "year"),
    ("في اليوم التالي", "day"),
]


@pytest.mark.parametrize(("text", "precision"), UNRESOLVED)
def test_no_pub_date_no_guess(text: str, precision: str, text_settings: Settings) -> None:
    doc = annotate(text, None, text_settings)
    (m,) = doc.mentions_of("date")
    assert (m.get("value"), m.get("day"), m.get("precision")) == (None, None, precision)


# --- Hijri dates -------------------------------------------------------------------------
HIJRI = [
    ("في 15 رمضان 1444 هـ قتل", "2023-04-06", "day"),
    ("في 1 محرم 1445 أعلن", "2023-07-19", "day"),
    ("يوم 10 ذو الحجة 1443 هـ", "2022-07-09", "day"),
    ("خلال شهر رمضان 1444 هـ", "2023-03", "month"),
]


@pytest.mark.parametrize(("text", "value", "precision"), HIJRI)
def test_hijri(text: str, value: str, precision: str, text_settings: Settings) -> None:
    m = only_date(text, None, text_settings)
    assert (m.get("value"), m.get("precision"), m.get("rule")) == (value, precision, "hijri")


def test_hijri_day_month_against_pub(text_settings: Settings) -> None:
    assert only_date("قتل في 15 رمضان", "2023-05-01", text_settings).get("value") == "2023-04-06"


# --- boilerplate is skipped ------------------------------------------------------------
def test_dates_in_boilerplate_are_skipped(text_settings: Settings) -> None:
    text = "قتل عنصران أمس.\n\nاقرأ أيضاً:\n- مقتل راع في 5 آذار 2021\n"
    values = [
        m.get("value") for m in annotate(text, "2021-03-14", text_settings).mentions_of("date")
    ]
    assert values == ["2021-03-13"]


# --- forms seen in real reporting --------------------------------------------------------
MORE_FORMS = [
    ("وقع الهجوم في الـ14 من الشهر الجاري", "2021-07-14", "day"),
    ("قتل الأحد (18 تموز) في البادية", "2021-07-18", "day"),
    ("في الأسبوع الأول من تموز تصاعدت الهجمات", "2021-07-01", "week"),
    ("قتل في تموز من العام الماضي", "2020-07", "month"),
    ("دخلت القرية في شهر آذار من عام 2019", "2019-03", "month"),
    ("عثر عليه يوم أمس الأول", "2021-07-18", "day"),
    ("قتل في العاشر من الشهر الماضي", "2021-06-10", "day"),
    ("منذ بداية العام الحالي سجلت", "2021-01", "month"),
    ("قتل يوم السبت 17 تموز الجاري", "2021-07-17", "day"),
    ("في ساعة متأخرة من ليل الأحد قتل", "2021-07-18", "day"),
    ("أكدت في أيلول/سبتمبر الماضي", "2020-09", "month"),
    ("قصفت الطائرات الليلة الماضية مواقع", "2021-07-19", "day"),
    ("قتل مساء البارحة راع", "2021-07-19", "day"),
    ("هاجموا فجر يوم الجمعة حاجزاً", "2021-07-16", "day"),
    ("قتل في 12 آب/أغسطس الماضي", "2020-08-12", "day"),
]


@pytest.mark.parametrize(("text", "value", "precision"), MORE_FORMS)
def test_more_forms(text: str, value: str, precision: str, text_settings: Settings) -> None:
    m = only_date(text, "2021-07-20", text_settings)
    assert (m.get("value"), m.get("precision")) == (value, precision)


def test_wrong_weekday_does_not_move_a_date_years_back(text_settings: Settings) -> None:
    doc = annotate("قتل صباح الأحد 13 آذار عنصران", "2021-07-20", text_settings)
    assert [m.get("value") for m in doc.mentions_of("date")] == ["2021-03-13"]
    assert any(w.startswith("W_WEEKDAY_MISMATCH") for w in doc.warnings)


def test_cascade_is_configuration(text_settings: Settings) -> None:
    only_absolute = text_settings.replace(extra={"dates": {"cascade": ["absolute"]}})
    text = "عنوان\n\nحمص – منصة | الأحد 14 آذار 2021\n\nقتل في 3 آذار 2021 عنصر، وقتل أمس آخر.\n"
    doc = extract(text, settings=only_absolute)
    assert doc.pub_date is None
    assert [m.get("rule") for m in doc.mentions_of("date")] == ["day_month", "day_month"]
