"""Helpers every exporter shares: reading fields of a stored event dict.

A stored event is a dict in the CONTRACT's "Stored events" shape: the event fields,
``id`` and ``reports`` (each with doc, source, outlet, pub_date, fatalities, injured,
certainty, evidence, evidence_start, evidence_end), optionally ``admin2``, ``spans``,
``notes``, ``figures`` and ``corrections``. Exporters read these dicts and never change
them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

StoredEvent = Mapping[str, Any]

_DIGITS = re.compile(r"^\d+$")


@dataclass(slots=True)
class ExportResult:
    """What an exporter wrote: the number of rows and why any event was left out."""

    written: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def parse_date(value: Any) -> dt.date | None:
    """A ``YYYY-MM-DD`` string or a date as a date; anything else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def dated_only(events: Iterable[StoredEvent], result: ExportResult) -> list[StoredEvent]:
    """The events that have a date; each undated one is counted as skipped in ``result``."""
    dated: list[StoredEvent] = []
    for event in events:
        if parse_date(event.get("date")) is None:
            result.skip("no date")
        else:
            dated.append(event)
    return dated


def date_range(day: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date of this precision stands for (a week: ±3 days
    around its best single day)."""
    if precision == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    if precision == "month":
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day, day


def reports(event: StoredEvent) -> list[Mapping[str, Any]]:
    value = event.get("reports") or []
    return [r for r in value if isinstance(r, Mapping)]


def _unique(values: Iterable[Any]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if isinstance(value, str) and value.strip() and value.strip() not in seen:
            seen.append(value.strip())
    return seen


def outlets(event: StoredEvent) -> list[str]:
    """The outlets that reported the event, in report order, without repeats."""
    return _unique(r.get("outlet") for r in reports(event))


def cited_sources(event: StoredEvent) -> list[str]:
    value = event.get("reported_by") or []
    return _unique(value if isinstance(value, list) else [value])


def report_url(report: Mapping[str, Any]) -> str | None:
    """The web address of a report: its ``url``, or its ``source`` when that is one."""
    for key in ("url", "source"):
        value = report.get(key)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def report_urls(event: StoredEvent) -> list[str]:
    """The reports' web addresses."""
    return _unique(report_url(r) for r in reports(event))


def report_dates(event: StoredEvent) -> list[dt.date]:
    dates = (parse_date(r.get("pub_date")) for r in reports(event))
    return sorted({d for d in dates if d is not None})


def as_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        return int(value.strip())
    return None


def as_float(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def coordinates(event: StoredEvent) -> tuple[float, float] | None:
    """(latitude, longitude) when both are known."""
    lat, lon = as_float(event.get("latitude")), as_float(event.get("longitude"))
    if lat is None or lon is None:
        return None
    return lat, lon


def numbered_ids(events: list[StoredEvent], prefix: str) -> list[str]:
    """Country-prefixed ids: the stored id when it is a number (stable across exports),
    else the next free number in export order."""
    numeric = [as_int(e.get("id")) for e in events]
    taken = {n for n in numeric if n is not None}
    next_free = max(taken, default=0) + 1
    out: list[str] = []
    for n in numeric:
        if n is None:
            n = next_free
            next_free += 1
        out.append(f"{prefix}{n}")
    return out


def cell(value: Any) -> str:
    """A CSV cell: None is empty, floats without trailing noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.5f}".rstrip("0").rstrip(".")
    return str(value)
