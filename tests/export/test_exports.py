"""Exports re-read and checked: column order, types, round trips."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from hadath.errors import UsageError
from hadath.export import FORMATS, acled_codes, acled_csv, export, ucdp_csv
from hadath.export.notes import summary
from hadath.export.plover import plover

ACLED_ORDER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_acled_columns_and_values(events: list[dict[str, Any]], tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = export(events, "acled-csv", out, timestamp=1_700_000_000)
    header, rows = _csv(out)
    assert header == ACLED_ORDER
    assert result.written == 5 and result.skipped == {"no date": 1}
    first = rows[0]
    assert first["event_id_cnty"] == "SYR1"
    assert first["event_date"] == "2021-03-13" and first["year"] == "2021"
    assert first["time_precision"] == "1"
    assert first["disorder_type"] == "Political violence"
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("2", "1", "12")
    assert first["civilian_targeting"] == ""
    assert (first["iso"], first["country"], first["region"]) == ("760", "Syria", "Middle East")
    assert first["location"] == "Al-Sukhnah" and first["admin2"] == "Tadmur"
    assert float(first["latitude"]) == pytest.approx(34.8868)
    assert first["geo_precision"] == "2"
    assert first["source"] == "شبكة البادية; موقع الشرق"
    assert first["fatalities"] == "8" and first["timestamp"] == "1700000000"
    assert first["notes"] == (
        "On 13 March 2021, Islamic State (Syria) clashed with Military Forces of Syria "
        "(2000-2024) near Al-Sukhnah (Homs); 8 killed (up to 9 by SOHR), 10 injured."
    )
    by_id = {r["event_id_cnty"]: r for r in rows}
    ied = by_id["SYR3"]
    assert ied["civilian_targeting"] == "Civilian targeting"
    assert ied["interaction"] == "27"
    month = by_id["SYR4"]
    assert month["time_precision"] == "3"
    arrests = by_id["SYR5"]
    assert arrests["disorder_type"] == "Strategic developments"
    assert arrests["time_precision"] == "2" and arrests["fatalities"] == "0"


def test_acled_ids_are_stable_and_unique(events: list[dict[str, Any]]) -> None:
    events[0]["id"] = "abc"
    events[1]["id"] = None
    dated = [e for e in events if e["date"]]
    ids = [acled_csv.row(e, i, 0)["event_id_cnty"] for e, i in zip(dated, ["x"] * 5, strict=True)]
    assert ids == ["x"] * 5
    from hadath.export.common import numbered_ids

    numbered = numbered_ids(dated, "SYR")
    assert len(set(numbered)) == len(numbered)
    assert numbered[2:] == ["SYR3", "SYR4", "SYR5"]


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        ("Islamic State (Syria)", 2),
        ("Military Forces of Syria (2024-)", 1),
        ("Police Forces of Syria (2024-)", 1),
        ("Military Forces of the United States (2021-)", 8),
        ("NDF: National Defence Forces", 3),
        ("Civilians (Syria)", 7),
        ("Protesters (Syria)", 6),
        ("Al Shaitat Tribal Militia (Syria)", 4),
        ("Unidentified Armed Group (Syria)", 3),
        (None, 0),
        ("مجموعة مسلحة غير معروفة", None),
    ],
)
def test_inter_codes(actor: str | None, code: int | None) -> None:
    assert acled_codes.inter_code(actor) == code


def test_interaction_rules() -> None:
    assert acled_codes.interaction(2, 0) == 20
    assert acled_codes.interaction(8, 2) == 28
    assert acled_codes.interaction(2, None) is None


def test_notes_phrases(events: list[dict[str, Any]]) -> None:
    assert summary(events[3]) == (
        "In February 2021, Islamic State (Syria) (claimed) attacked Civilians (Syria) in "
        "Hama desert (Hama); 12 killed; claimed by Islamic State (Syria)."
    )
    assert summary(events[4]).startswith("Around 8 March 2021, QSD: Syrian Democratic Forces")
    assert "4 arrested" in summary(events[4])
    assert summary(events[5]).startswith("On an unknown date, Islamic State (Syria) clashed")
    assert "(suspected)" in summary(events[2])


def test_ucdp_layout(events: list[dict[str, Any]], tmp_path: Path) -> None:
    out = tmp_path / "ged.csv"
    result = export(events, "ucdp-csv", out)
    header, rows = _csv(out)
    assert header == list(ucdp_csv.COLUMNS)
    assert result.written == 5
    first = rows[0]
    assert first["type_of_violence"] == "1"
    assert first["side_a"] == "Government of Syria"
    assert first["side_b"] == "Islamic State (Syria)"
    assert (first["best"], first["low"], first["high"]) == ("8", "8", "9")
    assert first["date_prec"] == "1" and first["where_prec"] == "2"
    assert first["geom_wkt"] == "POINT (38.8741 34.8868)"
    assert first["number_of_sources"] == "2"
    russia = rows[1]
    assert russia["side_a"] == "Government of Russia (Soviet Union)"
    assert russia["best"] == ""
    ied = rows[2]
    assert ied["type_of_violence"] == "3" and ied["deaths_civilians"] == "3"
    assert ied["event_clarity"] == "2"
    month = rows[3]
    assert (month["date_start"], month["date_end"]) == ("2021-02-01", "2021-02-28")
    assert month["date_prec"] == "4" and month["where_prec"] == "4"
    # the sides' deaths add up to best wherever best is known
    for r in rows:
        if r["best"]:
            parts = [r[k] for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")]
            assert sum(int(p) for p in parts if p) == int(r["best"])


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, {"event_type": "FIGHT", "mode": "small-arms"}),
        (1, {"event_type": "FIGHT", "mode": "aerial"}),
        (2, {"event_type": "ASSAULT", "mode": "explosives"}),
        (4, {"event_type": "COERCE", "mode": "arrest"}),
    ],
)
def test_plover(events: list[dict[str, Any]], index: int, expected: dict[str, str]) -> None:
    assert plover(events[index]) == expected


def test_plover_depends_on_target(events: list[dict[str, Any]]) -> None:
    strike = dict(events[1], actor2="Civilians (Syria)")
    assert plover(strike) == {"event_type": "ASSAULT", "mode": "aerial"}
    assert plover({"sub_event_type": "Suicide bomb"})["mode"] == "suicide-attack"
    assert plover({"event_type": "Riots", "sub_event_type": "?"})["event_type"] == "PROTEST"
    assert plover({}) == {"event_type": None, "mode": None}


def test_jsonl_round_trip(events: list[dict[str, Any]], tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(events, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    back = [json.loads(line) for line in lines]
    assert len(back) == len(events)
    for original, read in zip(events, back, strict=True):
        assert "plover" in read
        read.pop("plover")
        assert read == original
    assert back[0]["reports"][1]["evidence"].startswith("مقتل تسعة")


def test_geojson(events: list[dict[str, Any]], tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    export(events, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    features = data["features"]
    assert len(features) == len(events)
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [38.8741, 34.8868]}
    assert features[5]["geometry"] is None
    props = features[0]["properties"]
    assert set(events[0]) <= set(props)
    assert props["plover"]["event_type"] == "FIGHT"


def test_parquet_types(events: list[dict[str, Any]], tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(events, "parquet", out).written == len(events)
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int32()
    assert schema.field("evidence_start").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("reported_by").type == pa.list_(pa.string())
    assert schema.field("reports").type.value_type.field("pub_date").type == pa.date32()
    rows = table.to_pylist()
    assert rows[0]["date"] == dt.date(2021, 3, 13)
    assert rows[0]["fatalities"] == 8 and rows[1]["fatalities"] is None
    assert rows[2]["id"] == "3"
    assert rows[5]["date"] is None and rows[5]["latitude"] is None
    assert rows[0]["reports"][1]["fatalities"] == 9
    assert json.loads(rows[0]["figures"])[1]["fatalities"] == 9
    assert rows[4]["plover_mode"] == "arrest"


def test_empty_and_bad_format(tmp_path: Path) -> None:
    for fmt in FORMATS:
        out = tmp_path / f"empty.{fmt}"
        assert export([], fmt, out).written == 0
        assert out.exists()
    with pytest.raises(UsageError):
        export([], "xlsx", tmp_path / "x")


ACLED_SUB_TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Grenade"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Violence against civilians", "Sexual violence"),
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Looting/property destruction"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Other"),
]


@pytest.mark.parametrize(("event_type", "sub"), ACLED_SUB_TYPES)
def test_every_acled_sub_type_is_coded(event_type: str, sub: str) -> None:
    event = {"event_type": event_type, "sub_event_type": sub, "actor1": "Islamic State (Syria)"}
    assert plover(event)["event_type"] is not None
    assert acled_codes.disorder_type(event_type)
    note = summary(event)
    assert note.startswith("On an unknown date, Islamic State (Syria) ") and note.endswith(".")
    assert "{" not in note
