"""The trend report: is ISIS activity rising, and where?

Input: stored events (dicts in the CONTRACT's "Stored events" shape) and a period
(``since``/``until``; by default the 12 weeks up to the latest event). Output: the
indicators of :class:`ReportData` — weekly events and fatalities by type and by actor,
counts by governorate against the previous period of the same length, points for the
map, claimed against independently reported figures, and the period's main events with
their evidence — rendered by :func:`render` as a self-contained HTML page (Arabic, RTL,
inline CSS and SVG, no external resource) or as Markdown. Labels, colours, the map
outline and governorate centroids are data (``data/report.yaml``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hadath.errors import DataError, UsageError
from hadath.export.common import as_int, coordinates, outlets, parse_date, report_url, reports
from hadath.lexicon.loader import load_yaml

StoredEvent = Mapping[str, Any]
DEFAULT_DAYS = 84
MAIN_EVENTS = 12
TOP_ACTORS = 5
UNKNOWN, OTHERS = "غير معروف", "أخرى"
# map projection: equirectangular, longitudes shrunk by cos(35°) so Syria keeps its shape
MAP_WEST, MAP_NORTH, MAP_SCALE = 35.4, 37.5, 80.0
MAP_COS = math.cos(math.radians(35.0))


@dataclass(frozen=True, slots=True)
class Window:
    """A period of days, both ends included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def previous(self) -> Window:
        end = self.start - dt.timedelta(days=1)
        return Window(end - dt.timedelta(days=self.days - 1), end)


@dataclass(slots=True)
class ReportData:
    current: Window
    previous: Window
    generated: str
    focus: dict[str, Any]
    totals: list[dict[str, Any]]
    verdict: dict[str, Any]
    by_type: dict[str, Any]
    by_actor: dict[str, Any]
    fatalities: dict[str, Any]
    governorates: list[dict[str, Any]]
    map: dict[str, Any]
    claims: dict[str, Any]
    main_events: list[dict[str, Any]]
    undated: int = 0
    labels: dict[str, Any] = field(default_factory=dict)


def knowledge() -> dict[str, Any]:
    data = load_yaml("report.yaml")
    if not isinstance(data, dict) or "governorates" not in data:
        raise DataError("hadath/data/report.yaml must map governorates, outline, labels")
    return data


def _date_arg(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    day = parse_date(value)
    if day is None or len(value.strip()) != 10:
        raise UsageError(f"{name} must be YYYY-MM-DD, got {value!r}")
    return day


def period(
    events: list[StoredEvent], since: str | dt.date | None, until: str | dt.date | None
) -> Window:
    """The report's period: ``since``..``until``; ``until`` defaults to the latest event
    date (today when there is none), ``since`` to 12 weeks before ``until``."""
    start, end = _date_arg(since, "--since"), _date_arg(until, "--until")
    if end is None:
        dates = [d for d in (parse_date(e.get("date")) for e in events) if d is not None]
        end = max(dates, default=dt.date.today())
        if start is not None and end < start:
            end = dt.date.today()
    if start is None:
        start = end - dt.timedelta(days=DEFAULT_DAYS - 1)
    if end < start:
        raise UsageError(f"--since {start} is after --until {end}")
    return Window(start, end)


def is_focus(actor: Any, prefix: str) -> bool:
    return isinstance(actor, str) and actor.startswith(prefix)


def change(now: int, before: int) -> float | None:
    """Relative change against the previous period; None when there was nothing before."""
    return None if before == 0 else (now - before) / before


def _fatalities(events: Iterable[StoredEvent]) -> int:
    return sum(as_int(e.get("fatalities")) or 0 for e in events)


def _governorate(event: StoredEvent, names: Mapping[str, Any], aliases: Mapping[str, str]) -> str:
    admin1 = event.get("admin1")
    if not admin1:
        return ""
    return aliases.get(admin1, admin1) if admin1 not in names else str(admin1)


def weeks_of(window: Window) -> list[dt.date]:
    """Monday of every week that overlaps the window."""
    first = window.start - dt.timedelta(days=window.start.weekday())
    return [first + dt.timedelta(weeks=i) for i in range((window.end - first).days // 7 + 1)]


def _chart(weeks: list[dt.date], series: list[dict[str, Any]]) -> dict[str, Any]:
    totals = [sum(s["values"][i] for s in series) for i in range(len(weeks))]
    return {
        "labels": [f"{w.day}/{w.month}" for w in weeks],
        "series": [s for s in series if any(s["values"])],
        "totals": totals,
        "max": max(totals, default=0),
    }


def weekly(events: list[StoredEvent], window: Window, know: dict[str, Any]) -> dict[str, Any]:
    """Weekly stacked counts by event type and by actor1, and weekly fatalities."""
    weeks = weeks_of(window)
    index = {w: i for i, w in enumerate(weeks)}

    def series(
        key: Callable[[StoredEvent], str], names: list[str], count: bool = True
    ) -> list[Any]:
        values = {name: [0] * len(weeks) for name in names}
        for event in events:
            day = parse_date(event.get("date"))
            if day is not None and key(event) in values:
                add = 1 if count else as_int(event.get("fatalities")) or 0
                values[key(event)][index[day - dt.timedelta(days=day.weekday())]] += add
        return [values[name] for name in names]

    types = list(know["event_types"])
    by_type = series(lambda e: str(e.get("event_type")), types)
    ranked = Counter(str(e.get("actor1") or UNKNOWN) for e in events).most_common()
    top = [name for name, _ in ranked[:TOP_ACTORS]]
    actors = [*top, OTHERS]
    by_actor = series(
        lambda e: a if (a := str(e.get("actor1") or UNKNOWN)) in top else OTHERS, actors
    )
    deaths = series(lambda e: "all", ["all"], count=False)[0]
    colors = know["actor_colors"]
    labels = know["event_types"]
    return {
        "by_type": _chart(
            weeks,
            [
                {"name": t, "label": labels[t]["ar"], "color": labels[t]["color"], "values": v}
                for t, v in zip(types, by_type, strict=True)
            ],
        ),
        "by_actor": _chart(
            weeks,
            [
                {"name": a, "label": a, "color": colors[i % len(colors)], "values": v}
                for i, (a, v) in enumerate(zip(actors, by_actor, strict=True))
            ],
        ),
        "fatalities": _chart(
            weeks, [{"name": "fatalities", "label": "القتلى", "color": "#7b241c", "values": deaths}]
        ),
    }


def governorates(
    now: list[StoredEvent], before: list[StoredEvent], know: dict[str, Any], prefix: str
) -> list[dict[str, Any]]:
    names, aliases = know["governorates"], know.get("governorate_aliases") or {}
    rows: dict[str, dict[str, Any]] = {}
    for key, events in (("now", now), ("before", before)):
        for event in events:
            gov = _governorate(event, names, aliases)
            counts = ("now", "before", "focus", "focus_before", "fatalities")
            row = rows.setdefault(gov, {"name": gov, **dict.fromkeys(counts, 0)})
            row[key] += 1
            if is_focus(event.get("actor1"), prefix):
                row["focus" if key == "now" else "focus_before"] += 1
            if key == "now":
                row["fatalities"] += as_int(event.get("fatalities")) or 0
    for row in rows.values():
        gov = row["name"]
        row["ar"] = names[gov]["ar"] if gov in names else (gov or "غير محددة")
        row["change"] = change(row["focus"], row["focus_before"])
        row["delta"] = row["focus"] - row["focus_before"]
    return sorted(rows.values(), key=lambda r: (-r["now"], -r["fatalities"], r["name"]))


def project(lat: float, lon: float) -> tuple[float, float]:
    return (
        round((lon - MAP_WEST) * MAP_COS * MAP_SCALE, 1),
        round((MAP_NORTH - lat) * MAP_SCALE, 1),
    )


def map_data(
    events: list[StoredEvent], know: dict[str, Any], linked: set[Any] | None = None
) -> dict[str, Any]:
    """The outline, governorate labels and event points; ``linked`` events have an anchor
    in the report (the main events)."""
    outline = " ".join(f"{x},{y}" for x, y in (project(lat, lon) for lon, lat in know["outline"]))
    labels = []
    for info in know["governorates"].values():
        x, y = project(info["lat"], info["lon"])
        labels.append({"x": x, "y": y, "ar": info["ar"]})
    colors = {k: v["color"] for k, v in know["event_types"].items()}
    points = []
    for event in events:
        coords = coordinates(event)
        if coords is None:
            continue
        x, y = project(*coords)
        killed = as_int(event.get("fatalities")) or 0
        points.append(
            {
                "x": x,
                "y": y,
                "r": round(3 + 2 * math.sqrt(killed), 1),
                "color": colors.get(str(event.get("event_type")), "#555"),
                "title": f"{event.get('date')} {event.get('location_ar') or ''} ({killed})",
                "id": event.get("id"),
                "linked": event.get("id") in (linked or set()),
            }
        )
    width, height = project(32.2, 42.5)
    return {
        "outline": outline,
        "labels": labels,
        "points": points,
        "width": width,
        "height": height,
    }


def claims(events: list[StoredEvent], know: dict[str, Any]) -> dict[str, Any]:
    """Events and fatalities by certainty, and events whose claimed figure differs from
    the independently reported one."""
    rows = []
    for name, label in know["certainty"].items():
        chosen = [e for e in events if e.get("certainty") == name]
        rows.append(
            {"name": name, **label, "events": len(chosen), "fatalities": _fatalities(chosen)}
        )
    compared = []
    for event in events:
        claimed = [
            as_int(r.get("fatalities")) for r in reports(event) if r.get("certainty") == "claimed"
        ]
        other = [
            as_int(r.get("fatalities")) for r in reports(event) if r.get("certainty") != "claimed"
        ]
        claimed_n = [n for n in claimed if n is not None]
        other_n = [n for n in other if n is not None]
        if claimed_n and other_n:
            compared.append(
                {
                    "id": event.get("id"),
                    "date": event.get("date"),
                    "place": event.get("location_ar") or event.get("location_en") or "",
                    "claimed": max(claimed_n),
                    "independent": min(other_n),
                }
            )
    return {
        "rows": rows,
        "compared": compared,
        "claimed_total": sum(c["claimed"] for c in compared),
        "independent_total": sum(c["independent"] for c in compared),
    }


def main_events(events: list[StoredEvent], link: str | None) -> list[dict[str, Any]]:
    ranked = sorted(
        events,
        key=lambda e: (-(as_int(e.get("fatalities")) or 0), str(e.get("date")), str(e.get("id"))),
    )
    out = []
    for event in ranked[:MAIN_EVENTS]:
        out.append(
            {
                "event": event,
                "anchor": f"event-{event.get('id')}",
                "outlets": outlets(event),
                "reports": [dict(r, link=report_url(r)) for r in reports(event)],
                "link": link.format(id=event.get("id")) if link else None,
            }
        )
    return out


def _totals(
    now: list[StoredEvent], before: list[StoredEvent], prefix: str, labels: dict[str, Any]
) -> list[dict[str, Any]]:
    """The key figures of the period and the previous one (labels from report.yaml)."""

    def measures(events: list[StoredEvent]) -> dict[str, int]:
        attacks = [e for e in events if is_focus(e.get("actor1"), prefix)]
        return {
            "focus_events": len(attacks),
            "focus_fatalities": _fatalities(attacks),
            "against_focus": sum(is_focus(e.get("actor2"), prefix) for e in events),
            "all_events": len(events),
            "all_fatalities": _fatalities(events),
        }

    a, b = measures(now), measures(before)
    return [
        {**labels[k], "key": k, "now": a[k], "before": b[k], "change": change(a[k], b[k])}
        for k in a
    ]


def verdict(
    totals: list[dict[str, Any]], govs: list[dict[str, Any]], threshold: float
) -> dict[str, Any]:
    """Rising, falling or stable, by ISIS-initiated events, and where it rose most."""
    attacks = totals[0]
    rate = attacks["change"]
    if attacks["now"] == 0 and attacks["before"] == 0:
        trend = "none"
    elif rate is None or rate > threshold:
        trend = "rising"
    elif rate < -threshold:
        trend = "falling"
    else:
        trend = "stable"
    rising = [g for g in govs if g["delta"] > 0 and g["name"]]
    rising.sort(key=lambda g: -g["delta"])
    return {"trend": trend, "rate": rate, "where": rising[:3]}


def build(
    events: Iterable[StoredEvent],
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    *,
    link: str | None = None,
    generated: str | None = None,
) -> ReportData:
    """The report's indicators over ``events``. ``link`` is a URL template with ``{id}``
    for each main event (e.g. the web UI's event page)."""
    if link is not None:
        try:
            link.format(id=0)
        except (KeyError, IndexError, ValueError) as exc:
            raise UsageError(f"--link must be a URL with {{id}}, got {link!r}") from exc
    know = knowledge()
    prefix = know["focus"]["actor_prefix"]
    stored = list(events)
    current = period(stored, since, until)
    previous = current.previous()
    dated = [(parse_date(e.get("date")), e) for e in stored]
    now = [e for d, e in dated if current.contains(d)]
    before = [e for d, e in dated if previous.contains(d)]
    totals = _totals(now, before, prefix, know["indicators"])
    govs = governorates(now, before, know, prefix)
    charts = weekly(now, current, know)
    main = main_events(now, link)
    return ReportData(
        current=current,
        previous=previous,
        generated=generated or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        focus=know["focus"],
        totals=totals,
        verdict=verdict(totals, govs, float(know.get("trend_threshold", 0.15))),
        by_type=charts["by_type"],
        by_actor=charts["by_actor"],
        fatalities=charts["fatalities"],
        governorates=govs,
        map=map_data(now, know, {m["event"].get("id") for m in main}),
        claims=claims(now, know),
        main_events=main,
        undated=sum(1 for d, _ in dated if d is None),
        labels={"event_types": know["event_types"]},
    )


def render(data: ReportData, fmt: str = "html") -> str:
    """The report as a self-contained HTML page (``html``) or Markdown (``md``)."""
    if fmt not in ("html", "md"):
        raise UsageError(f"report format must be html or md, got {fmt!r}")
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("hadath", "report_templates"),
        autoescape=fmt == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["pct"] = _pct
    return env.get_template(f"report.{fmt}.j2").render(r=data)


def _pct(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:+.0%}".replace("+0%", "0%")
