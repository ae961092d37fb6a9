"""Cross-source dedup rules on synthetic reports (no database)."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import dedup
from hadath.dedup import Report, best_cluster, compare, merge

BASE: dict[str, Any] = {
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "date": "2023-01-08",
    "date_precision": "day",
    "actor1": "Islamic State (Syria)",
    "actor2": "NDF: National Defence Forces",
    "location_ar": "غانم العلي",
    "admin1": "Raqqa",
    "latitude": 35.74,
    "longitude": 39.43,
    "geo_precision": 1,
    "certainty": "reported",
    "fatalities": None,
    "fatalities_low": None,
    "fatalities_high": None,
}


def rep(key: int, doc: str = "", **fields: Any) -> Report:
    meta = {"document_id": key, "doc": doc or f"d{key}", "pub_date": fields.pop("pub", None)}
    return Report(key, f"{doc or f'd{key}'}#1", doc or f"d{key}", {**BASE, **fields}, meta)


def test_same_event_from_two_outlets() -> None:
    m = compare(rep(1), rep(2, location_ar="بادية معدان", latitude=35.76, longitude=39.60))
    assert m is not None
    assert any("km apart" in r for r in m.reasons)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"doc": "d1"}, "same document"),
        ({"event_type": "Explosions/Remote violence"}, "another event type"),
        ({"date": "2023-01-11"}, "3 days apart at day precision"),
        ({"date": None}, "unknown date"),
        ({"latitude": 35.15, "longitude": 40.43, "location_ar": "البصيرة"}, "100 km away"),
        ({"actor2": "Military Forces of Turkey"}, "another target"),
        ({"actor1": "Military Forces of Russia (2000-)"}, "another initiator"),
        (
            {"latitude": None, "longitude": None, "location_ar": "الرقة"},
            "no coordinates, other name",
        ),
    ],
)
def test_not_the_same_event(change: dict[str, Any], why: str) -> None:
    doc = change.pop("doc", "")
    assert compare(rep(1, doc="d1"), rep(2, doc=doc, **change)) is None, why


def test_week_precision_widens_the_window() -> None:
    assert compare(rep(1), rep(2, date="2023-01-13", date_precision="week")) is not None
    assert compare(rep(1), rep(2, date="2023-01-13")) is None


def test_same_name_without_coordinates() -> None:
    other = rep(2, location_ar="#غانم_العلي", latitude=None, longitude=None)
    assert compare(rep(1), other) is not None


def test_namesakes_far_apart_are_different_places() -> None:
    other = rep(2, latitude=36.5, longitude=40.7)  # same name, ~120 km away
    assert compare(rep(1), other) is None


def test_regions_match_by_name_only() -> None:
    a = rep(1, location_ar="البادية السورية", geo_precision=3, latitude=34.9, longitude=38.9)
    b = rep(2, location_ar="ريف حمص الشرقي", geo_precision=3, latitude=34.9, longitude=38.9)
    assert compare(a, b) is None
    assert compare(a, rep(3, **{**a.fields})) is not None


def test_compatible_and_wildcard_actors() -> None:
    regime = rep(2, actor2="Military Forces of Syria (2000-2024)")
    assert compare(rep(1), regime) is not None
    unknown = rep(3, actor1="Unidentified Armed Group (Syria)", latitude=35.75, longitude=39.44)
    assert compare(rep(1), unknown) is not None
    # "Gunmen" in one outlet, ISIS in the other, 15 km apart: same sub-type and day only.
    far = rep(
        4,
        actor1="Unidentified Armed Group (Syria)",
        latitude=35.76,
        longitude=39.60,
        location_ar="معدان",
    )
    assert compare(rep(1), far) is not None
    assert compare(rep(1), rep(6, **{**far.fields, "date": "2023-01-10"})) is None
    assert compare(rep(1), rep(7, **{**far.fields, "sub_event_type": "Attack"})) is None
    # Nothing known about either side: never enough.
    assert compare(rep(1, actor1=None, actor2=None), rep(5, actor1=None, actor2=None)) is None


def test_complete_linkage() -> None:
    # b matches a and c, but a and c are 30 km apart: c cannot join a's cluster via b.
    a = rep(1, latitude=35.74, longitude=39.43, location_ar="غانم العلي")
    b = rep(2, latitude=35.74, longitude=39.60, location_ar="معدان")
    c = rep(3, latitude=35.74, longitude=39.76, location_ar="السبخة")
    assert compare(a, b) and compare(b, c) and not compare(a, c)
    assert best_cluster(c, {10: [a, b]}) is None
    found = best_cluster(b, {10: [a], 11: [c]})
    assert found is not None


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # outlet 7 vs network 9 (loyalist pages 6): best 7, low 6, high 9
        ([(7, 7, None), (9, 6, None)], (7, 6, 9)),
        # outlet 8 vs SOHR 9: 8/8/9
        ([(8, 8, None), (9, 9, None)], (8, 8, 9)),
        # unknown vs 3: 3/3/None
        ([(None, None, None), (3, 3, None)], (3, 3, None)),
    ],
)
def test_merge_figures(reports: list[tuple[Any, Any, Any]], expected: tuple[Any, Any, Any]) -> None:
    rs = [
        rep(n, fatalities=f, fatalities_low=lo, fatalities_high=hi)
        for n, (f, lo, hi) in enumerate(reports, 1)
    ]
    merged = merge(rs)
    assert (merged["fatalities"], merged["fatalities_low"], merged["fatalities_high"]) == expected
    assert len(merged["reports"]) == len(reports)


def test_claims_are_not_the_best_figure() -> None:
    claim = rep(1, fatalities=40, certainty="claimed")
    outlet = rep(2, fatalities=30)
    merged = merge([claim, outlet])
    assert (merged["fatalities"], merged["fatalities_high"]) == (30, 40)
    assert merged["certainty"] == "reported"


def test_single_report_is_unchanged() -> None:
    one = rep(1, fatalities=9, fatalities_low=6, injured=2, reported_by=["مصادر محلية"])
    merged = merge([one])
    assert (merged["fatalities"], merged["fatalities_low"], merged["fatalities_high"]) == (
        9,
        6,
        None,
    )
    assert merged["reported_by"] == ["مصادر محلية"]


def test_merged_description_prefers_firm_attribution_and_precise_place() -> None:
    suspected = rep(1, certainty="suspected", geo_precision=1, reported_by=["مصادر محلية"])
    reported = rep(2, certainty="reported", geo_precision=2, reported_by=["الناطق"], injured=7)
    merged = merge([suspected, reported])
    assert merged["certainty"] == "reported"
    assert merged["reported_by"] == ["الناطق", "مصادر محلية"]
    assert merged["injured"] == 7


@pytest.mark.parametrize(
    ("actor", "fam"),
    [
        ("Islamic State (Syria)", "isis"),
        ("Military Forces of Syria (2024-)", "syria-state"),
        ("Police Forces of Syria (2024-)", "syria-state"),
        ("Asayish: North and East Syria Internal Security Forces", "sdf"),
        ("Military Forces of the United States (2021-)", "us"),
        ("لواء مجهول", "لواء مجهول"),
        (None, None),
    ],
)
def test_families(actor: str | None, fam: str | None) -> None:
    assert dedup.family(actor) == fam


def test_family_queries() -> None:
    assert dedup.family_of_query("داعش") == "isis"
    assert dedup.family_of_query("SDF") == "sdf"
    assert dedup.family_of_query("something else") is None
