"""Fixture articles for the web tests, written for these tests (short, invented wording,
real place names). Events are built by hand with the spans of their fields, so the UI
tests do not depend on how well the extraction stages do."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hadath.document import Document, Event, Quote

# The write token of the test app.
TOKEN = "test-token"

AMBUSH_A = (
    "كمين في بادية السخنة\n"
    "قُتل سبعة عناصر من قوات النظام يوم الثلاثاء في كمين نصبه عناصر تنظيم داعش "
    "قرب مدينة السخنة في ريف حمص الشرقي، بحسب المرصد السوري لحقوق الإنسان.\n"
    "وقال المرصد إن الهجوم استمر نحو ساعة.\n"
)
AMBUSH_B = (
    "هجوم على رتل عسكري قرب السخنة\n"
    "أفادت مصادر محلية بمقتل تسعة جنود من الجيش السوري الثلاثاء إثر هجوم لخلايا داعش "
    "على رتل عسكري في محيط السخنة، كما أُسر جنديان.\n"
)
# Article text and title that look like markup: they must show as text, never run.
SCRIPTED = (
    "<script>window.__pwned = 1</script> عبوة ناسفة\n"
    "انفجرت عبوة ناسفة يوم الأحد بسيارة مدنية على طريق الرقة - دير الزور "
    "ما أدى إلى مقتل مدنيين اثنين <b>بحسب</b> ناشطين.\n"
)


def _span(text: str, part: str, after: int = 0) -> list[int]:
    start = text.index(part, after)
    return [start, start + len(part)]


def _event(text: str, evidence: str, spans: dict[str, str], **fields: Any) -> Event:
    start, end = _span(text, evidence)
    return Event(
        id=fields.pop("id"),
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        # Field spans lie inside the evidence (the title line may repeat a word).
        spans={name: _span(text, part, start) for name, part in spans.items()},
        **fields,
    )


def documents() -> list[Document]:
    """Three documents: two reports of one ambush (7 vs 9 killed), one IED on a road."""
    ambush = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date_precision": "day",
        "actor1": "Islamic State (Syria)",
        "actor2": "Military Forces of Syria (2000-2024)",
        "location_ar": "السخنة",
        "location_en": "Al-Sukhnah",
        "admin1": "Homs",
        "latitude": 34.887,
        "longitude": 38.872,
        "geo_precision": 2,
    }
    a_evidence = AMBUSH_A.splitlines()[1]
    doc_a = Document(
        text=AMBUSH_A,
        doc="ambush-a",
        source="fixtures/ambush-a.txt",
        title="كمين في بادية السخنة",
        pub_date=dt.date(2022, 11, 9),
        outlet="شبكة الشرق",
    )
    doc_a.events.append(
        _event(
            AMBUSH_A,
            a_evidence,
            {
                "fatalities": "سبعة عناصر",
                "date": "يوم الثلاثاء",
                "actor1": "تنظيم داعش",
                "actor2": "قوات النظام",
                "location": "مدينة السخنة",
                "event_type": "كمين",
            },
            id="ambush-a#1",
            date="2022-11-08",
            fatalities=7,
            fatalities_low=7,
            certainty="reported",
            reported_by=["المرصد السوري لحقوق الإنسان"],
            **ambush,
        )
    )
    said = "الهجوم استمر نحو ساعة"
    start = AMBUSH_A.index(said)
    doc_a.quotes.append(
        Quote(
            speaker="<em>المرصد</em> السوري",
            quote=said,
            quote_start=start,
            quote_end=start + len(said),
            type="indirect",
        )
    )
    b_evidence = AMBUSH_B.splitlines()[1]
    doc_b = Document(
        text=AMBUSH_B,
        doc="ambush-b",
        source="fixtures/ambush-b.txt",
        title="هجوم على رتل عسكري قرب السخنة",
        pub_date=dt.date(2022, 11, 9),
        outlet="وكالة البادية",
    )
    doc_b.events.append(
        _event(
            AMBUSH_B,
            b_evidence,
            {
                "fatalities": "تسعة جنود",
                "date": "الثلاثاء",
                "actor1": "خلايا داعش",
                "actor2": "الجيش السوري",
                "location": "السخنة",
                "captured_or_missing": "جنديان",
            },
            id="ambush-b#1",
            date="2022-11-08",
            fatalities=9,
            fatalities_low=9,
            captured_or_missing=2,
            certainty="reported",
            **ambush,
        )
    )
    ied_evidence = SCRIPTED.splitlines()[1]
    doc_c = Document(
        text=SCRIPTED,
        doc="road-ied",
        source="fixtures/road-ied.txt",
        title="<script>window.__pwned = 2</script> عبوة",
        pub_date=dt.date(2023, 3, 6),
        outlet="<b>Outlet</b>",
    )
    doc_c.events.append(
        _event(
            SCRIPTED,
            ied_evidence,
            {
                "date": "يوم الأحد",
                "fatalities": "مدنيين اثنين",
                "location": "طريق الرقة - دير الزور",
            },
            id="road-ied#1",
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            date="2023-03-05",
            date_precision="day",
            actor1=None,
            actor2="Civilians (Syria)",
            location_ar="طريق الرقة - دير الزور",
            admin1="Deir ez-Zor",
            latitude=35.5,
            longitude=39.6,
            geo_precision=2,
            fatalities=2,
            certainty="reported",
        )
    )
    return [doc_a, doc_b, doc_c]
