"""``hadath export`` and ``hadath report`` end to end: from a JSONL file and from the store."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hadath.cli import app


@pytest.fixture()
def events_file(events: list[dict[str, Any]], tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text(
        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8"
    )
    return path


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("fmt", ["acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl"])
def test_export_from_jsonl(fmt: str, events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--input", str(events_file), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 0
    assert "wrote" in result.output


def test_export_filters_by_date(events_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "march.csv"
    result = run(
        "export", "--input", str(events_file), "--format", "acled-csv", "--since", "2021-03-01",
        "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        dates = [row["event_date"] for row in csv.DictReader(f)]
    assert dates and all(d >= "2021-03-01" for d in dates)


def test_report_from_jsonl(events_file: Path, tmp_path: Path) -> None:
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    ok = run("report", "--input", str(events_file), "--since", "2021-02-01", "-o", str(html))
    assert ok.exit_code == 0, ok.output
    assert "<svg" in html.read_text(encoding="utf-8")
    ok = run("report", "--input", str(events_file), "--format", "md", "-o", str(md))
    assert ok.exit_code == 0, ok.output
    assert md.read_text(encoding="utf-8").startswith("# ")


def test_bad_inputs(events_file: Path, tmp_path: Path) -> None:
    missing = run("export", "--input", str(tmp_path / "nope.jsonl"), "--format", "jsonl", "-o",
                  str(tmp_path / "x"))  # fmt: skip
    assert missing.exit_code != 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = run("export", "--input", str(bad), "--format", "jsonl", "-o", str(tmp_path / "x"))
    assert result.exit_code != 0
    unknown = run("export", "--input", str(events_file), "--format", "xlsx", "-o", "x")
    assert unknown.exit_code == 2
    since = run("report", "--input", str(events_file), "--since", "yesterday", "-o", "x.html")
    assert since.exit_code != 0


def test_export_from_store(tmp_path: Path) -> None:
    from hadath.document import Document, Event
    from hadath.store import Repository

    text = "قتل ثمانية جنود في كمين نصبه عناصر داعش قرب السخنة أمس السبت."
    evidence = text[:-10]
    event = Event(
        id="s1#1",
        event_type="Battles",
        sub_event_type="Armed clash",
        evidence=evidence,
        evidence_start=0,
        evidence_end=len(evidence),
        date="2021-03-13",
        date_precision="day",
        actor1="Islamic State (Syria)",
        actor2="Military Forces of Syria (2000-2024)",
        location_ar="السخنة",
        location_en="Al-Sukhnah",
        admin1="Homs",
        latitude=34.887,
        longitude=38.874,
        geo_precision=2,
        fatalities=8,
        fatalities_low=8,
        certainty="reported",
    )
    doc = Document(
        text=text,
        doc="s1",
        source="s1.txt",
        outlet="شبكة البادية",
        pub_date=dt.date(2021, 3, 14),
        events=[event],
    )
    db = f"sqlite:///{tmp_path / 'store.db'}"
    with Repository.open(db) as repo:
        repo.add_document(doc)
    out = tmp_path / "acled.csv"
    result = run("export", "--db", db, "--format", "acled-csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 1
    assert rows[0]["event_id_cnty"].startswith("SYR")
    assert rows[0]["interaction"] == "12" and rows[0]["source"] == "شبكة البادية"
    jsonl = tmp_path / "events.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", str(jsonl)).exit_code == 0
    stored = json.loads(jsonl.read_text(encoding="utf-8"))
    assert stored["reports"][0]["evidence"] == evidence
    assert stored["plover"] == {"event_type": "FIGHT", "mode": "small-arms"}
    html = tmp_path / "r.html"
    assert run("report", "--db", db, "-o", str(html)).exit_code == 0
    assert "السخنة" in html.read_text(encoding="utf-8")
