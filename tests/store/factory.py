"""Synthetic documents and events for store tests (texts invented for these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hadath.document import Document, Event, Mention, Quote

# Coordinates of real places (approximate), so distances behave like the real thing.
PLACES: dict[str, tuple[str, str, float, float]] = {
    "ghanem": ("غانم العلي", "Raqqa", 35.74, 39.43),
    "maadan": ("بادية معدان", "Raqqa", 35.76, 39.60),
    "busayrah": ("البصيرة", "Deir ez-Zor", 35.15, 40.43),
    "mayadin": ("الميادين", "Deir ez-Zor", 35.02, 40.45),
    "hajin": ("هجين", "Deir ez-Zor", 34.69, 40.83),
    "palmyra": ("تدمر", "Homs", 34.56, 38.28),
}


def make_event(n: int, text: str, evidence: str, place: str = "ghanem", **kw: Any) -> Event:
    name, admin1, lat, lon = PLACES[place]
    start = text.index(evidence)
    fields: dict[str, Any] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": "2023-01-08",
        "date_precision": "day",
        "actor1": "Islamic State (Syria)",
        "actor2": "NDF: National Defence Forces",
        "location_ar": name,
        "admin1": admin1,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": 1,
        "certainty": "reported",
    }
    fields.update(kw)
    return Event(
        id=f"#{n}",
        evidence=evidence,
        evidence_start=start,
        evidence_end=start + len(evidence),
        spans={"location_ar": [start, start + 3]},
        **fields,
    )


def make_doc(
    doc: str,
    text: str,
    events: list[tuple[str, dict[str, Any]]],
    outlet: str = "شبكة الاختبار",
    pub_date: str = "2023-01-09",
    url: str | None = None,
) -> Document:
    """A Document with events: ``events`` is a list of (evidence, fields)."""
    d = Document(
        text=text,
        doc=doc,
        source=f"{doc}.txt",
        outlet=outlet,
        pub_date=dt.date.fromisoformat(pub_date),
        url=url,
    )
    d.events = [make_event(n, text, ev, **fields) for n, (ev, fields) in enumerate(events, 1)]
    for e in d.events:
        e.id = f"{doc}{e.id}"
    d.mentions = [Mention("actor", 0, 3, text[:3], {"actor": "Islamic State (Syria)"})]
    d.quotes = [Quote(speaker="مصدر", quote=text[:5], quote_start=0, quote_end=5)]
    return d


TEXT_A = "قُتل سبعة عناصر من الدفاع الوطني أمس الأحد في هجوم لداعش قرب غانم العلي. وأضاف المراسل أن الجرحى نقلوا."
EVID_A = "قُتل سبعة عناصر من الدفاع الوطني أمس الأحد في هجوم لداعش قرب غانم العلي."
TEXT_B = "شنّ مسلحون من داعش مساء الأحد هجوماً على نقطة للدفاع الوطني ببادية معدان ما أسفر عن مقتل تسعة عناصر."
EVID_B = "شنّ مسلحون من داعش مساء الأحد هجوماً على نقطة للدفاع الوطني ببادية معدان ما أسفر عن مقتل تسعة عناصر."


def pair() -> tuple[Document, Document]:
    """Two outlets reporting the same attack with different figures (7 vs 9, low 6)."""
    a = make_doc("a", TEXT_A, [(EVID_A, {"fatalities": 7, "fatalities_low": 7, "injured": 3})])
    b = make_doc(
        "b",
        TEXT_B,
        [
            (
                EVID_B,
                {"place": "maadan", "fatalities": 9, "fatalities_low": 6, "captured_or_missing": 2},
            )
        ],
        outlet="نبض الرقة",
        pub_date="2023-01-08",
    )
    return a, b
