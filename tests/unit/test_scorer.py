"""The gold scorer follows gold/README.md's matching rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath.evaluate import evaluate
from hadath.evaluate.matching import actor_family, date_compatible, location_compatible, place_key


def gold_event(n: int, **fields: Any) -> dict[str, Any]:
    base = {
        "doc": "d1",
        "event_id": f"d1#{n}",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": "2021-03-13",
        "date_precision": "day",
        "actor1": "Islamic State (Syria)",
        "actor2": "Military Forces of Syria (2000-2024)",
        "location_ar": "السخنة",
        "location_en": "Al-Sukhnah",
        "admin1": "Homs",
        "geo_precision": 2,
        "fatalities": 8,
        "fatalities_low": 8,
        "fatalities_high": 9,
        "injured": 10,
        "captured_or_missing": None,
        "claimed_by": None,
        "reported_by": ["المرصد السوري لحقوق الإنسان"],
        "certainty": "reported",
        "evidence": "x",
        "evidence_start": 10,
        "evidence_end": 50,
    }
    base.update(fields)
    return base


def run(tmp_path: Path, gold: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[str, Any]:
    g = tmp_path / "gold.jsonl"
    s = tmp_path / "sys.jsonl"
    header = {"doc": "d1", "title": "t", "pub_date": "2021-03-14", "outlet": "منصة", "author": None}
    g.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in [header, *gold]) + "\n",
        encoding="utf-8",
    )
    system = {**header, "events": events, "quotes": [], "warnings": []}
    s.write_text(json.dumps(system, ensure_ascii=False) + "\n", encoding="utf-8")
    return evaluate(g, s)


def test_perfect_match(tmp_path: Path) -> None:
    e = gold_event(1)
    report = run(tmp_path, [e], [dict(e)])
    assert report["events"]["f1"] == 1.0
    assert all(v == 1.0 for v in report["events"]["fields"].values())
    assert report["headers"]["pub_date"] == 1.0


def test_miss_and_spurious(tmp_path: Path) -> None:
    e = gold_event(1)
    wrong = dict(e, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    report = run(tmp_path, [e], [wrong])
    assert (report["events"]["tp"], report["events"]["fp"], report["events"]["fn"]) == (0, 1, 1)


def test_borderline_missed_is_ignored(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        [gold_event(1), gold_event(2, borderline=True, location_ar="تدمر", location_en="Palmyra")],
        [gold_event(1)],
    )
    assert report["events"]["fn"] == 0 and report["events"]["f1"] == 1.0


def test_fatalities_within_range(tmp_path: Path) -> None:
    report = run(tmp_path, [gold_event(1)], [dict(gold_event(1), fatalities=9)])
    assert report["events"]["fields"]["fatalities"] == 1.0
    report = run(tmp_path, [gold_event(1)], [dict(gold_event(1), fatalities=12)])
    assert report["events"]["fields"]["fatalities"] == 0.0


def test_collapse_splits(tmp_path: Path) -> None:
    a = gold_event(1, location_ar="الشولا", location_en="Al-Shoula")
    b = gold_event(2, location_ar="كباجب", location_en="Kabajeb")
    report = run(tmp_path, [a, b], [dict(a)])
    assert report["events"]["fn"] == 1
    assert report["events_collapsed"]["fn"] == 0


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ({"date": "2021-03-13", "date_precision": "day"}, {"date": "2021-03-14"}, True),
        ({"date": "2021-03-13", "date_precision": "day"}, {"date": "2021-03-16"}, False),
        ({"date": "2021-03-13", "date_precision": "week"}, {"date": "2021-03-19"}, True),
        ({"date": "2021-03-01", "date_precision": "month"}, {"date": "2021-03-28"}, True),
        ({"date": "2021-03-01", "date_precision": "month"}, {"date": "2021-04-01"}, False),
        ({"date": None}, {"date": "2021-03-14"}, True),
        (
            {"date": "2021-07-12", "date_precision": "day", "alt": {"date": [None]}},
            {"date": None},
            True,
        ),
        ({"date": "2021-07-12", "date_precision": "day"}, {"date": None}, False),
    ],
)
def test_date_compatible(gold: dict[str, Any], pred: dict[str, Any], ok: bool) -> None:
    assert date_compatible(gold, pred) is ok


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("بادية الرصافة", "رصافه"),
        ("#جبل_البشري", "جبل بشري"),
        ("ريف دير الزور الشرقي", "دير زور شرقي"),
        ("طريق دير الزور - حمص", "دير زور - حمص"),
    ],
)
def test_place_key(raw: str, key: str) -> None:
    assert place_key(raw) == key


def test_location_compatible_region_by_admin1() -> None:
    gold = {"location_ar": "ريف حمص الشرقي", "geo_precision": 3, "admin1": "Homs"}
    assert location_compatible(gold, {"location_ar": "البادية", "admin1": "Homs"})


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Asayish: North and East Syria Internal Security Forces",
            "QSD: Syrian Democratic Forces",
            True,
        ),
        (
            "Military Forces of the United States (2021-)",
            "Military Forces of the United States",
            True,
        ),
        ("Police Forces of Syria (2024-)", "Military Forces of Syria (2024-)", True),
        ("Military Forces of Syria (2000-2024)", "Military Forces of Syria (2024-)", False),
        ("Islamic State (Syria)", "Unidentified Armed Group (Syria)", False),
    ],
)
def test_actor_family(a: str, b: str, same: bool) -> None:
    assert (actor_family(a) == actor_family(b)) is same


def test_quotes_scored_only_on_the_documents_their_file_covers(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "seeds.jsonl").write_text(
        json.dumps({"doc": "s1", "title": None}) + "\n", encoding="utf-8"
    )
    (folder / "dev.jsonl").write_text(
        json.dumps({"doc": "d1", "title": None}) + "\n", encoding="utf-8"
    )
    quote = {"doc": "s1", "speaker": "سعدو", "quote": "x", "quote_start": 5, "quote_end": 25}
    (folder / "seeds_quotes.jsonl").write_text(
        json.dumps(quote, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    found = {"speaker": "سعدو", "quote": "x", "quote_start": 6, "quote_end": 25}
    extra = {"speaker": "مصدر", "quote": "y", "quote_start": 50, "quote_end": 60}
    system = tmp_path / "sys.jsonl"
    rows = [
        {"doc": "s1", "events": [], "quotes": [found]},
        {"doc": "d1", "events": [], "quotes": [extra]},  # dev has no quote gold: not scored
    ]
    system.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8"
    )
    quotes = evaluate(folder, system)["quotes"]
    assert (quotes["tp"], quotes["fp"], quotes["fn"]) == (1, 0, 0)
    assert quotes["speaker_accuracy"] == 1.0
