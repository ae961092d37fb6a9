"""Quotes: direct and reported statements, speakers, roles, channels."""

from __future__ import annotations

import pytest

from hadath.document import Quote
from tests.unit.events_helpers import build, run_quotes


def quotes_of(text: str, mentions: list | None = None) -> list[Quote]:
    return run_quotes(build(text, mentions or [])).quotes


@pytest.mark.parametrize(
    ("text", "quote", "kind", "speaker"),
    [
        # verb + speaker + colon + quotation
        (
            "ويقول سعدو في حديثه: “الروس كان همهم الأساسي بقاءهم في سوريا”.",
            "الروس كان همهم الأساسي بقاءهم في سوريا",
            "direct",
            "سعدو",
        ),
        # verb + speaker + أن: reported, to the end of the sentence
        (
            "وقالت مصادر محلية إن الرتل تعرّض لهجوم بالأسلحة الرشاشة غربي السخنة.",
            "إن الرتل تعرّض لهجوم بالأسلحة الرشاشة غربي السخنة",
            "indirect",
            "مصادر محلية",
        ),
        # a quoted outlet name in the header is not the quote
        (
            "وقال الباحث تشارلز ليستر لوكالة “رويترز”: “هذا تنظيم يحتفظ بقوة بشرية كبيرة”.",
            "هذا تنظيم يحتفظ بقوة بشرية كبيرة",
            "direct",
            "الباحث تشارلز ليستر",
        ),
        # بحسب + source + quotation
        (
            "ما سبق يجعل التنظيم بحسب مختصين في شؤون الجماعات “متخبّطا ليتحول إلى عصابات منفلتة“.",
            "متخبّطا ليتحول إلى عصابات منفلتة",
            "direct",
            "مختصين في شؤون الجماعات",
        ),
        # a statement as a noun phrase
        (
            "وأشارت تقارير صدرت عن الأمم المتحدة إلى وجود ما لا يقل عن 10 آلاف مقاتل في سوريا والعراق.",
            "وجود ما لا يقل عن 10 آلاف مقاتل في سوريا والعراق",
            "indirect",
            "تقارير",
        ),
    ],
)
def test_quote(text: str, quote: str, kind: str, speaker: str) -> None:
    (q,) = quotes_of(text)
    assert q.quote == quote
    assert text[q.quote_start : q.quote_end] == quote
    assert q.type == kind
    assert q.speaker is not None and speaker in q.speaker


def test_speaker_role_and_channel() -> None:
    text = (
        "وأكدت المتحدثة الإقليمية للخارجية الأميركية، جيرالدين غريفث، في مقابلة لها على "
        "قناة “الحرة”، إن الهجمات الأخيرة دليل على أهمية مواصلة الجهود الدولية."
    )
    (q,) = quotes_of(text, [("person", "جيرالدين غريفث", {"name": "جيرالدين غريفث"})])
    assert q.speaker == "جيرالدين غريفث"
    assert q.speaker_role == "المتحدثة الإقليمية للخارجية الأميركية"
    assert q.reported_via is not None and q.reported_via.startswith("في مقابلة")
    assert q.quote.startswith("إن الهجمات الأخيرة")


def test_continuation_keeps_the_speaker() -> None:
    text = (
        "وقال الباحث حسن أبوهنية إن التنظيم بات يعتمد على حرب العصابات في البادية.\n"
        "وأضاف: “التنظيم يتبع تكتيكات تعتمد على العبوات الناسفة والكمائن”."
    )
    first, second = quotes_of(text)
    assert second.speaker == first.speaker
    assert second.type == "direct"


def test_two_statements_in_one_sentence() -> None:
    text = (
        "ويرى الباحث نيكولاس هيراس أن هجوم التنظيم على السجن يمثّل خطوة كبيرة، وتوقع في "
        "تصريح لفرانس برس “المزيد من هذا النوع من العمليات مستقبلاً”."
    )
    first, second = quotes_of(text)
    assert first.quote.endswith("خطوة كبيرة")
    assert second.quote.startswith("المزيد")
    assert second.reported_via == "في تصريح لفرانس برس"


@pytest.mark.parametrize(
    "text",
    [
        # a claim of responsibility is no statement
        "وأعلن التنظيم مسؤوليته عن الكمين الذي استهدف ثلاث حافلات على طريق دير الزور.",
        # a quoted fragment with nobody saying it
        "ويعيش الأهالي ما يسمونه “المأساة” منذ أشهر.",
        # a quoted name after بحسب is no quote
        "وبحسب مصادر محلية، فإن المختار “عبد الكريم الهزاع” قتل أمام منزله.",
    ],
)
def test_no_quote(text: str) -> None:
    assert quotes_of(text) == []


def test_boilerplate_holds_no_quote() -> None:
    text = "خبر.\nاقرأ أيضاً:\n- وقال المرصد إن الهجوم أسفر عن مقتل خمسة عناصر\n"
    assert quotes_of(text) == []
