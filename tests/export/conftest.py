"""Stored events written for these tests (gold schema, CONTRACT "Stored events" shape).

The texts are invented for hadath's tests; places and actor names are real ACLED-style
names so the code tables are exercised.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest


def _report(doc: str, outlet: str, pub: str, evidence: str, **kw: Any) -> dict[str, Any]:
    start = kw.pop("start", 0)
    return {
        "doc": doc,
        "source": kw.pop("source", f"https://news.example.org/{doc}"),
        "outlet": outlet,
        "pub_date": pub,
        "fatalities": kw.pop("fatalities", None),
        "injured": kw.pop("injured", None),
        "certainty": kw.pop("certainty", "reported"),
        "evidence": evidence,
        "evidence_start": start,
        "evidence_end": start + len(evidence),
    }


def _event(id_: Any, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": id_,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": None,
        "date_precision": None,
        "actor1": "Islamic State (Syria)",
        "actor2": None,
        "unit1": None,
        "unit2": None,
        "location_ar": None,
        "location_en": None,
        "admin1": None,
        "latitude": None,
        "longitude": None,
        "geo_precision": None,
        "fatalities": None,
        "fatalities_low": None,
        "fatalities_high": None,
        "injured": None,
        "captured_or_missing": None,
        "claimed_by": None,
        "reported_by": [],
        "certainty": "reported",
        "evidence": "",
        "evidence_start": 0,
        "evidence_end": 0,
        "reports": [],
    }
    base.update(kw)
    if base["reports"]:
        first = base["reports"][0]
        base["evidence"] = first["evidence"]
        base["evidence_start"] = first["evidence_start"]
        base["evidence_end"] = first["evidence_end"]
    return base


EVENTS: list[dict[str, Any]] = [
    _event(
        1,
        date="2021-03-13",
        date_precision="day",
        actor2="Military Forces of Syria (2000-2024)",
        unit2="الفرقة 18",
        location_ar="السخنة",
        location_en="Al-Sukhnah",
        admin1="Homs",
        admin2="Tadmur",
        latitude=34.8868,
        longitude=38.8741,
        geo_precision=2,
        fatalities=8,
        fatalities_low=8,
        fatalities_high=9,
        injured=10,
        reported_by=["مصادر ميدانية", "المرصد السوري لحقوق الإنسان"],
        figures=[
            {"source": None, "fatalities": 8},
            {"source": "المرصد السوري لحقوق الإنسان", "fatalities": 9},
        ],
        spans={"location_ar": [140, 145]},
        reports=[
            _report(
                "t-101",
                "شبكة البادية",
                "2021-03-14",
                "قتل ثمانية جنود في كمين نصبه عناصر داعش قرب السخنة",
                fatalities=8,
                injured=10,
                start=112,
            ),
            _report(
                "t-102",
                "موقع الشرق",
                "2021-03-14",
                "مقتل تسعة عناصر من قوات النظام بهجوم للتنظيم في بادية السخنة",
                fatalities=9,
                start=40,
            ),
        ],
    ),
    _event(
        2,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date="2021-03-12",
        date_precision="day",
        actor1="Military Forces of Russia (2000-)",
        actor2="Islamic State (Syria)",
        location_ar="بادية الرصافة",
        location_en="Resafa desert",
        admin1="Raqqa",
        latitude=35.6278,
        longitude=38.7564,
        geo_precision=2,
        reported_by=["مصادر محلية"],
        reports=[
            _report(
                "t-103",
                "شبكة البادية",
                "2021-03-13",
                "شنت طائرات روسية غارات على بادية الرصافة",
            )
        ],
    ),
    _event(
        "3",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date="2021-03-02",
        date_precision="day",
        actor2="Civilians (Syria)",
        location_ar="الميادين",
        location_en="Al-Mayadin",
        admin1="Deir ez-Zor",
        latitude=35.0193,
        longitude=40.4513,
        geo_precision=1,
        fatalities=3,
        fatalities_low=3,
        injured=2,
        certainty="suspected",
        reports=[
            _report(
                "t-104",
                "ديرالزور اليوم",
                "2021-03-03",
                "انفجرت عبوة ناسفة بسيارة مدنية في الميادين ويرجح أن التنظيم زرعها",
                fatalities=3,
                injured=2,
                certainty="suspected",
            )
        ],
    ),
    _event(
        4,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date="2021-02-01",
        date_precision="month",
        actor2="Civilians (Syria)",
        location_ar="بادية حماة",
        location_en="Hama desert",
        admin1="Hama",
        latitude=35.1,
        longitude=37.6,
        geo_precision=3,
        fatalities=12,
        fatalities_low=12,
        fatalities_high=None,
        claimed_by="Islamic State (Syria)",
        certainty="claimed",
        reports=[
            _report(
                "t-105",
                "وكالة أعماق",
                "2021-02-20",
                "قتل 12 من جامعي الكمأة في بادية حماة بحسب ما أعلنه التنظيم",
                fatalities=12,
                certainty="claimed",
                source="t-105.txt",
            ),
            _report(
                "t-106",
                "موقع الشرق",
                "2021-02-21",
                "مقتل أكثر من عشرة من جامعي الكمأة في بادية حماة",
                fatalities=10,
            ),
        ],
    ),
    _event(
        5,
        event_type="Strategic developments",
        sub_event_type="Arrests",
        date="2021-03-08",
        date_precision="week",
        actor1="QSD: Syrian Democratic Forces",
        actor2="Islamic State (Syria)",
        location_ar="الحسكة",
        location_en="Al-Hasakah",
        admin1="Hasakah",
        latitude=36.5,
        longitude=40.75,
        geo_precision=1,
        captured_or_missing=4,
        fatalities=0,
        fatalities_low=0,
        reports=[
            _report(
                "t-107",
                "روج نيوز",
                "2021-03-15",
                "اعتقلت القوات أربعة من مرتزقة داعش في الحسكة",
                fatalities=0,
            )
        ],
    ),
    _event(
        "t-108#1",
        event_type="Battles",
        sub_event_type="Armed clash",
        date=None,
        date_precision=None,
        actor2="Unidentified Armed Group (Syria)",
        location_ar="جبل البشري",
        location_en="Jabal al-Bishri",
        admin1=None,
        geo_precision=2,
        date_expr="الأسبوع الماضي",
        reports=[
            _report(
                "t-108", "شبكة البادية", None, "اشتباكات متقطعة في جبل البشري", certainty="reported"
            )
        ],
    ),
]


@pytest.fixture()
def events() -> list[dict[str, Any]]:
    return copy.deepcopy(EVENTS)
