"""The trend report: indicators, self-contained HTML, Markdown, and a browser render."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from hadath import report
from hadath.errors import UsageError

from .conftest import _event, _report

PLACES = [
    ("السخنة", "Al-Sukhnah", "Homs", 34.887, 38.874),
    ("الميادين", "Al-Mayadin", "Deir ez-Zor", 35.019, 40.451),
    ("البوكمال", "Abu Kamal", "Deir ez-Zor", 34.452, 40.918),
    ("الرصافة", "Resafa", "Raqqa", 35.628, 38.756),
    ("الشدادي", "Ash-Shaddadi", "Hasakah", 36.05, 40.73),
    ("أثريا", "Ithriya", "Hama", 35.34, 37.45),
]
KINDS = [
    ("Battles", "Armed clash", "Military Forces of Syria (2000-2024)"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Civilians (Syria)"),
    ("Violence against civilians", "Attack", "Civilians (Syria)"),
    ("Battles", "Armed clash", "QSD: Syrian Democratic Forces"),
]


def many_events(n: int = 90, seed: int = 7) -> list[dict[str, Any]]:
    """A half-year of invented events, rising in the second half and in Deir ez-Zor."""
    rng = random.Random(seed)
    start = dt.date(2021, 1, 4)
    events: list[dict[str, Any]] = []
    for i in range(n):
        day = start + dt.timedelta(days=int(rng.triangular(0, 167, 150)))
        ar, en, gov, lat, lon = rng.choice(PLACES)
        etype, sub, target = rng.choice(KINDS)
        isis = rng.random() < 0.8
        actor1, actor2 = ("Islamic State (Syria)", target) if isis else (target, None)
        if not isis and target.startswith("Civilians"):
            actor1, actor2 = "Military Forces of Russia (2000-)", "Islamic State (Syria)"
            etype, sub = "Explosions/Remote violence", "Air/drone strike"
        killed = rng.choice([None, 0, 1, 2, 3, 5, 8])
        claimed = isis and rng.random() < 0.2
        reports = [
            _report(
                f"r-{i}",
                "شبكة البادية",
                (day + dt.timedelta(days=1)).isoformat(),
                f"نص الدليل رقم {i} عن حدث في {ar}",
                fatalities=killed,
                certainty="reported",
            )
        ]
        if claimed and killed:
            reports.append(
                _report(
                    f"c-{i}",
                    "وكالة أعماق",
                    day.isoformat(),
                    f"أعلن التنظيم مقتل {killed * 2} في {ar}",
                    fatalities=killed * 2,
                    certainty="claimed",
                )
            )
        events.append(
            _event(
                100 + i,
                event_type=etype,
                sub_event_type=sub,
                date=day.isoformat(),
                date_precision="day",
                actor1=actor1,
                actor2=actor2,
                location_ar=ar,
                location_en=en,
                admin1=gov,
                latitude=lat + rng.uniform(-0.2, 0.2),
                longitude=lon + rng.uniform(-0.2, 0.2),
                geo_precision=1,
                fatalities=killed,
                fatalities_low=killed,
                fatalities_high=killed * 2 if claimed and killed else None,
                certainty="reported",
                reports=reports,
            )
        )
    return events


def test_period_defaults_and_previous(events: list[dict[str, Any]]) -> None:
    window = report.period(events, None, None)
    assert window.end == dt.date(2021, 3, 13)
    assert window.days == report.DEFAULT_DAYS
    previous = window.previous()
    assert previous.end == window.start - dt.timedelta(days=1)
    assert previous.days == window.days
    assert report.period(events, "2021-03-01", None).start == dt.date(2021, 3, 1)
    with pytest.raises(UsageError):
        report.period(events, "13/03/2021", None)
    with pytest.raises(UsageError):
        report.period(events, "2021-03-10", "2021-03-01")


def test_indicators(events: list[dict[str, Any]]) -> None:
    data = report.build(events, "2021-02-01", "2021-03-15", generated="test")
    totals = {t["en"]: t for t in data.totals}
    assert totals["ISIS-initiated events"]["now"] == 3
    assert totals["Fatalities in ISIS events"]["now"] == 8 + 3 + 12
    assert totals["Operations against ISIS"]["now"] == 2
    assert totals["All events"]["before"] == 0
    assert data.undated == 1
    assert data.verdict["trend"] == "rising"
    assert {g["name"] for g in data.governorates} == {
        "Homs",
        "Raqqa",
        "Deir ez-Zor",
        "Hama",
        "Hasakah",
    }
    assert len(data.by_type["labels"]) == len(report.weeks_of(data.current))
    assert sum(data.by_type["totals"]) == 5
    assert sum(data.fatalities["totals"]) == 23
    assert [m["event"]["id"] for m in data.main_events][:2] == [4, 1]
    compared = data.claims["compared"]
    assert compared == [
        {"id": 4, "date": "2021-02-01", "place": "بادية حماة", "claimed": 12, "independent": 10}
    ]
    assert len(data.map["points"]) == 5
    assert all(0 <= p["x"] <= data.map["width"] for p in data.map["points"])


def test_trend_falling_and_where() -> None:
    events = many_events()
    early = report.build(events, "2021-01-04", "2021-03-28")
    late = report.build(events, "2021-03-29", "2021-06-20")
    assert late.totals[0]["now"] > early.totals[0]["now"]
    assert late.verdict["trend"] == "rising"
    assert late.verdict["where"]
    reversed_ = report.verdict([{"now": 5, "before": 10, "change": -0.5}], [], threshold=0.15)
    assert reversed_["trend"] == "falling"


def test_html_is_self_contained(events: list[dict[str, Any]]) -> None:
    events[0]["reports"][0]["evidence"] = "<script>alert(1)</script> نص"
    html = report.render(report.build(events, "2021-02-01", "2021-03-15"))
    assert html.startswith("<!DOCTYPE html>")
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<link" not in html and "url(" not in html and " src=" not in html
    assert html.count("<svg") == 5
    # only anchors to the reports' own pages point outside the document
    external = re.findall(r'href="(http[^"]*)"', html)
    assert external and all(u.startswith("https://news.example.org/") for u in external)
    assert 'id="event-4"' in html and 'href="#event-4"' in html


def test_markdown(events: list[dict[str, Any]]) -> None:
    md = report.render(report.build(events, "2021-02-01", "2021-03-15", generated="x"), "md")
    assert md.startswith("# ")
    assert "| هجمات التنظيم / ISIS-initiated events | 3 | 0 | — |" in md
    assert "## حسب المحافظة / By governorate" in md
    assert "> قتل 12 من جامعي الكمأة" in md
    with pytest.raises(UsageError):
        report.render(report.build(events), "pdf")


def test_empty_report() -> None:
    data = report.build([], "2021-01-01", "2021-01-31")
    assert data.verdict["trend"] == "none"
    assert "لا أحداث في هذه الفترة" in report.render(data)


def test_bad_link_template(events: list[dict[str, Any]]) -> None:
    with pytest.raises(UsageError):
        report.build(events, link="http://x/{event}")
    data = report.build(events, link="http://127.0.0.1:8000/events/{id}")
    assert data.main_events[0]["link"].startswith("http://127.0.0.1:8000/events/")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.browser
def test_report_renders_in_chromium(tmp_path: Path, artifacts_dir: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (make test installs it)")
    page = tmp_path / "report.html"
    page.write_text(report.render(report.build(many_events(), "2021-03-29", "2021-06-20")))
    shot = artifacts_dir / "report.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1100,3600",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
