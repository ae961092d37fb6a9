"""Quotes: direct and reported statements, speakers, roles, channels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.document import Document, Quote
from hadath.lexicon.loader import load_yaml
from hadath.quotes.finder import _ON_DEMAND, _Finder, _Hit, _lex, _OnDemand
from hadath.text.view import build_view
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


# -- the on-demand search of complementisers and channels ------------------------------

_SPEECH = load_yaml("cues.yaml")["speech"]
_PIECES = sorted(
    {w for cat in ("complementizers", "via", "verbs") for w in _SPEECH[cat]}
    | {"ل", "و", "ال", "في", "خلال", "إلى", "للى", "حديثه", "قال", "X", "3", "ـ", "\u064e"}
)
_GLUE = st.sampled_from([" ", " ", "  ", "", "،", ".", "\n", ":", "“", "”", "(", "-", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), _GLUE), min_size=1, max_size=30),
    st.data(),
)
def test_on_demand_finds_what_the_whole_text_has(
    parts: list[tuple[str, str]], data: st.DataObject
) -> None:
    """Hits found stretch by stretch are the hits of the whole text in the span asked;
    with ``upto``, the first of them, with all those starting before ``upto``."""
    text = "".join(w + g for w, g in parts)
    doc = Document(text, view=build_view(text))
    lex = _lex()
    stretches = _OnDemand(doc, lex.on_demand, lex.cuts)
    everything = lex.on_demand.find_all(doc.view.text)  # type: ignore[union-attr]
    # several spans in turn: the later ones reuse the stretches the earlier searched,
    # often from the same start (a header asked for complementisers, then channels)
    starts = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=2))
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.sampled_from(starts))
        end = data.draw(st.integers(start, len(text)))
        upto = data.draw(st.none() | st.integers(0, len(text)))
        for cat in _ON_DEMAND:
            spans = [doc.view.to_original(h.start, h.end) for h in everything[cat]]  # type: ignore[union-attr]
            full = [(s, e) for s, e in spans if start <= s and e <= end]
            got = [(h.start, h.end) for h in stretches.within(cat, start, end, upto)]
            # the same as a search that reuses nothing
            fresh = _OnDemand(doc, lex.on_demand, lex.cuts).within(cat, start, end, upto)
            assert got == [(h.start, h.end) for h in fresh]
            if upto is None:
                assert got == full
            else:
                assert got == full[: len(got)]
                assert all(s in got or s[0] >= upto for s in full)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \n\u00a0ab،", max_size=80), st.integers(0, 80))
def test_a_header_cannot_reach_past_reach(text: str, at: int) -> None:
    at = min(at, len(text))
    doc = Document(text, view=build_view(text))
    f = _Finder(doc)
    verb = _Hit(at, at, "")
    reach = f._reach(verb)
    for x in range(at, len(text) + 1):
        assert (f.words(at, x) > f.max_header) == (x >= reach), (x, reach)


@pytest.mark.parametrize(
    "text",
    ["قال للى أن الأمر", "وقال في حديث لـ“رويترز” إن", "وأكد خلال حديثه إلى أنه", "ف في حديثها"],
)
def test_on_demand_every_span_of_multiword_entries(text: str) -> None:
    """Every span of texts where entries hold a space: asked first, alone, it finds
    what the whole text has in it (fails if a space were always a cut)."""
    doc = Document(text, view=build_view(text))
    lex = _lex()
    everything = lex.on_demand.find_all(doc.view.text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            fresh = _OnDemand(doc, lex.on_demand, lex.cuts)
            for cat in _ON_DEMAND:
                spans = [doc.view.to_original(h.start, h.end) for h in everything[cat]]
                full = [(s, e) for s, e in spans if start <= s and e <= end]
                assert [(h.start, h.end) for h in fresh.within(cat, start, end)] == full
