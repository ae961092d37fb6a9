"""Persons and organisations: title cues, name boundaries, roles, affiliations.

Sentences written for these tests (not taken from the seeds or the dev set).
"""

from __future__ import annotations

import time

import pytest

from hadath import pipeline
from hadath.document import Document, Mention
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "people")


@pytest.fixture(scope="module")
def people_settings() -> Settings:
    return Settings.load().replace(stages=STAGES)


def _run(text: str, settings: Settings) -> Document:
    return pipeline.run(Document(text=text), settings)


def _persons(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.kind == "person"]


def _orgs(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.kind == "org"]


# (sentence, expected name, expected role)
TITLE_CASES = [
    # title + nationality adjective + name, ended by أن
    (
        "ويرى المحلل السياسي السوري سمير حداد أن الهجمات ستتواصل.",
        "سمير حداد",
        "المحلل السياسي السوري",
    ),
    # two titles joined by و
    ("وقالت الكاتبة والباحثة ليلى منصور إن الخلايا تتحرك ليلاً.", "ليلى منصور", "الكاتبة والباحثة"),
    # role with a field, then a comma, then the name
    (
        "وقال الخبير في شؤون الأمن، فادي الخطيب، إن التنظيم يعيد ترتيب صفوفه.",
        "فادي الخطيب",
        "الخبير في شؤون الأمن",
    ),
    # role with a semicolon before the name
    (
        "الباحث في الحركات الإسلامية؛ مازن العمر قال إن التنظيم ضعيف.",
        "مازن العمر",
        "الباحث في الحركات الإسلامية",
    ),
    # rank and a quoted name
    ('وقتل في الهجوم الرائد "خالد سليمان" من مرتبات الفرقة.', "خالد سليمان", "الرائد"),
    ('وأصيب المساعد أول "نزار يوسف العلي" بجروح.', "نزار يوسف العلي", "المساعد أول"),
    # indefinite title in construct with its complement, then a name cue
    (
        'وكان بين القتلى قائد الكتيبة الثالثة، ويدعى "سامي الحسن".',
        "سامي الحسن",
        "قائد الكتيبة الثالثة",
    ),
    # foreign names after an institute in quotes, without a comma
    (
        'ويقول الباحث في مركز "كارنيغي" جوزيف باهوت إن الوضع هش.',
        "جوزيف باهوت",
        "الباحث في مركز كارنيغي",
    ),
    # an official with an affiliation after باسم
    (
        "وأكد المتحدث باسم وزارة الدفاع، عمر الأحمد، أن القوات تقدمت.",
        "عمر الأحمد",
        "المتحدث باسم وزارة الدفاع",
    ),
    # a victim: the mukhtar and a quoted name
    ('واغتال مسلحون المختار "محمود العيسى" أمام منزله.', "محمود العيسى", "المختار"),
    # kin title
    ('وقتل الرجل ونجله "أحمد" في الهجوم.', "أحمد", "نجله"),
]


@pytest.mark.parametrize(("text", "name", "role"), TITLE_CASES)
def test_title_cue_gives_name_and_role(
    text: str, name: str, role: str, people_settings: Settings
) -> None:
    doc = _run(text, people_settings)
    found = {m.get("name"): m for m in _persons(doc)}
    assert name in found, [m.to_dict() for m in _persons(doc)]
    m = found[name]
    assert m.get("role").replace('"', "") == role
    assert doc.text[m.start : m.end] == m.text


# sentences where a title is followed by no name: nothing is invented
NO_NAME_CASES = [
    "قتل الشاب الذي كان يعمل في الأرض.",
    "وهاجم التنظيم الإرهابي مواقع الجيش.",
    "ونقل الطفل المصاب إلى المشفى الوطني.",
    "واغتال مسلحون مختار القرية أمس.",
    "وزار الوزير المنطقة جنوب المدينة واعتقال عدد من المطلوبين.",
]


@pytest.mark.parametrize("text", NO_NAME_CASES)
def test_no_name_without_one(text: str, people_settings: Settings) -> None:
    doc = _run(text, people_settings)
    assert [m.get("name") for m in _persons(doc) if m.get("name")] == []


def test_unnamed_speaker_keeps_role_and_affiliation(people_settings: Settings) -> None:
    doc = _run("وقال الناطق باسم قوى الأمن العام في المدينة إن الوضع مستقر.", people_settings)
    (m,) = _persons(doc)
    assert m.get("name") is None
    assert m.get("role").startswith("الناطق باسم قوى الأمن العام")
    assert m.get("affiliation") == "قوى الأمن العام"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأعلن التنظيم مقتل أبو عمر الشامي في غارة.", "أبو عمر الشامي"),
        ('واعتقلت القوة المدعو "فراس الجاسم" في المدينة.', "فراس الجاسم"),
        ("بقلم: هالة الدروبي\nوقع الهجوم فجراً.", "هالة الدروبي"),
    ],
)
def test_name_cues_and_kunya(text: str, name: str, people_settings: Settings) -> None:
    doc = _run(text, people_settings)
    assert name in [m.get("name") for m in _persons(doc)]


def test_surname_refers_back(people_settings: Settings) -> None:
    text = "وقال الباحث السوري وليد الخلف إن الهجمات ستزداد.\nوأضاف الخلف أن التنظيم يستغل الفراغ."
    doc = _run(text, people_settings)
    later = [m for m in _persons(doc) if m.text == "الخلف"]
    assert later and later[0].get("name") == "وليد الخلف"
    assert later[0].get("role") == "الباحث السوري"


def test_place_after_name_does_not_join_it(people_settings: Settings) -> None:
    doc = _run("وأضاف الصحفي رامي سعيد من دمشق أن الطريق مغلق.", people_settings)
    assert "رامي سعيد" in [m.get("name") for m in _persons(doc)]


def test_boilerplate_is_skipped(people_settings: Settings) -> None:
    text = "وقع الهجوم صباحاً.\nاقرأ أيضاً: الباحث سعيد ناصر يحذر من عودة التنظيم"
    doc = _run(text, people_settings)
    assert _persons(doc) == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ('وقالت وكالة "رويترز" إن القتلى عشرة.', "رويترز", "agency"),
        (
            "بحسب المرصد السوري لحقوق الإنسان فإن القتلى عشرة.",
            "المرصد السوري لحقوق الإنسان",
            "observatory",
        ),
        ("وأكد المرصد السوري أن الحصيلة ارتفعت.", "المرصد السوري لحقوق الإنسان", "observatory"),
        ('ونشرت صحيفة "الوطن" صور القتلى.', "صحيفة الوطن", "outlet"),
        ("وقال مركز الفرات للدراسات إن الهجمات تضاعفت.", "مركز الفرات للدراسات", "institute"),
        ("وأعلنت وزارة الدفاع التركية مقتل جنديين.", "وزارة الدفاع التركية", "ministry"),
    ],
)
def test_organisations(text: str, name: str, kind: str, people_settings: Settings) -> None:
    doc = _run(text, people_settings)
    orgs = {m.get("name"): m for m in _orgs(doc)}
    assert name in orgs, [m.to_dict() for m in _orgs(doc)]
    assert orgs[name].get("org_kind") == kind
    assert orgs[name].get("from") == "people"


@pytest.mark.parametrize(
    "text",
    [
        "ونقل المعتقلون إلى مركز احتجاز في المدينة.",
        "وتوجهت الدورية إلى موقع الهجوم صباحاً.",
        "وشارك المئات في مجلس العزاء.",
    ],
)
def test_common_nouns_are_not_organisations(text: str, people_settings: Settings) -> None:
    assert _orgs(_run(text, people_settings)) == []


def test_organisation_is_affiliation(people_settings: Settings) -> None:
    doc = _run("وقال الباحث في معهد دراسات الحرب، جون سميث، إن الخلايا نشطة.", people_settings)
    (m,) = [p for p in _persons(doc) if p.get("name") == "جون سميث"]
    assert m.get("affiliation") == "معهد دراسات الحرب"


def test_long_document_stays_linear(people_settings: Settings) -> None:
    paragraph = 'وقال الخبير في شؤون الأمن، سامر النجار، لوكالة "رويترز" إن الخلايا نشطة. وأضاف النجار أن المرصد السوري وثق الهجمات.\n'
    t0 = time.process_time()
    doc = _run(paragraph * 600, people_settings)
    assert time.process_time() - t0 < 20
    assert len(_persons(doc)) > 1100  # a repeated first line may be marked boilerplate


def test_read_role_ignores_empty_group_ranges() -> None:
    from hadath.ner.cues import cues
    from hadath.ner.names import Sentence, read_role
    from hadath.text.view import normalize

    text = normalize("الرئيس السوري في دمشق")
    sent = Sentence.of(text, 0, len(text))
    # an actor span that maps to no token gives an empty range: it must not stall
    assert read_role(sent, 1, cues(), [(2, 2)], False) == 4


def test_role_before_a_kunya_attaches(people_settings: Settings) -> None:
    doc = _run("وقال القيادي في التنظيم أبو عمر الحلبي إن الهجوم فشل.", people_settings)
    (m,) = _persons(doc)
    assert m.get("name") == "أبو عمر الحلبي"
    assert m.get("role") == "القيادي في التنظيم"


def test_folded_preposition_is_no_title_or_name(people_settings: Settings) -> None:
    doc = _run("وأدى ذلك إلى موازنة القوى وإلى تغيير المعادلة على الأرض.", people_settings)
    assert _persons(doc) == []


def test_unnamed_title_closing_a_clause_before_the_next(people_settings: Settings) -> None:
    # the title ends its sentence at "؛" and no name opens the next one: the title's own
    # words are read (this crashed once, indexing the next sentence's tokens)
    text = (
        "بتوجيهات من ولي عهد أبوظبي نائب القائد الأعلى للقوات المسلحة؛ بتقديم مساعدات غذائية عاجلة."
    )
    doc = _run(text, people_settings)
    assert all(m.get("name") is None for m in _persons(doc))
