"""ACLED CSV: one row per stored event, ACLED's columns in ACLED's order.

Input: stored events (dicts). Output: a UTF-8 CSV that tools built for ACLED data read
as they read ACLED's own export: ISO dates, numeric inter/interaction codes, Syria's
country codes, notes as a one-sentence English summary, source as the outlets.
Events without a date are left out (ACLED has no row without ``event_date``) and
counted in the result.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable
from typing import IO, Any

from hadath.export import acled_codes
from hadath.export.common import (
    ExportResult,
    StoredEvent,
    as_int,
    cell,
    coordinates,
    dated_only,
    numbered_ids,
    outlets,
    parse_date,
)
from hadath.export.notes import summary

COLUMNS: tuple[str, ...] = (
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
)


def source_scale(names: list[str]) -> str:
    """ACLED joins the scales of several sources with '-' ("National-International")."""
    scales: list[str] = []
    for name in names:
        scale = acled_codes.source_scale(name)
        if not scale:
            return ""  # one unknown outlet makes the combination unknown
        if scale not in scales:
            scales.append(scale)
    return "-".join(scales)


def row(event: StoredEvent, event_id: str, timestamp: int) -> dict[str, Any]:
    """The ACLED row of one dated event."""
    date = parse_date(event.get("date"))
    assert date is not None
    country = acled_codes.country()
    actor1, actor2 = event.get("actor1"), event.get("actor2")
    inter1, inter2 = acled_codes.inter_code(actor1), acled_codes.inter_code(actor2)
    coords = coordinates(event)
    names = outlets(event)
    return {
        "event_id_cnty": event_id,
        "event_date": date.isoformat(),
        "year": date.year,
        "time_precision": acled_codes.time_precision(event.get("date_precision")),
        "disorder_type": acled_codes.disorder_type(event.get("event_type")),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": actor1,
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": acled_codes.interaction(inter1, inter2),
        "civilian_targeting": acled_codes.civilian_targeting(actor2),
        "iso": country["iso"],
        "region": country["region"],
        "country": country["country"],
        "admin1": event.get("admin1"),
        "admin2": event.get("admin2"),
        "admin3": None,
        "location": event.get("location_en") or event.get("location_ar"),
        "latitude": round(coords[0], 4) if coords else None,
        "longitude": round(coords[1], 4) if coords else None,
        "geo_precision": as_int(event.get("geo_precision")),
        "source": "; ".join(names) or None,
        "source_scale": source_scale(names) or None,
        "notes": summary(event),
        "fatalities": as_int(event.get("fatalities")),
        "tags": None,
        "timestamp": timestamp,
    }


def write(
    events: Iterable[StoredEvent], out: IO[str], *, timestamp: int | None = None
) -> ExportResult:
    """Write ``events`` as ACLED CSV to the text stream ``out`` (opened with newline="")."""
    stamp = int(time.time()) if timestamp is None else timestamp
    result = ExportResult()
    dated = dated_only(events, result)
    prefix = str(acled_codes.country()["iso3"])
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event, event_id in zip(dated, numbered_ids(dated, prefix), strict=True):
        writer.writerow({k: cell(v) for k, v in row(event, event_id, stamp).items()})
        result.written += 1
    return result
