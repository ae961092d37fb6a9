"""UCDP GED CSV: one row per stored event in the layout of UCDP's Georeferenced Event
Dataset (GED), so tools built for GED read it.

Input: stored events (dicts). Output: a UTF-8 CSV with GED's columns in GED's order.
Filled from our fields: the type of violence from the actors' kinds (state-based when a
government is a side, one-sided against civilians, else non-state), side_a/side_b
(a government is side_a, as in GED), best/low/high deaths, date_prec and where_prec
from our precisions. UCDP's own ids for conflicts, dyads and actors are not derivable
and stay blank. Events without a date are left out and counted.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from hadath.export import acled_codes
from hadath.export.common import (
    ExportResult,
    StoredEvent,
    as_int,
    cell,
    cited_sources,
    coordinates,
    date_range,
    dated_only,
    numbered_ids,
    outlets,
    parse_date,
    report_dates,
    report_urls,
    reports,
)

COLUMNS: tuple[str, ...] = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
)

STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3


def government(actor: str | None) -> dict[str, Any] | None:
    """UCDP's name and country code of a state actor, or None for a non-state actor."""
    if not actor or acled_codes.actor_kind(actor) not in ("state", "external"):
        return None
    for prefix, side in acled_codes.tables()["ucdp_governments"].items():
        if actor.startswith(prefix):
            return dict(side)
    return {"name": actor, "gwno": None}


def sides(event: StoredEvent) -> tuple[int | None, str | None, str | None, Any, Any]:
    """(type_of_violence, side_a, side_b, gwnoa, gwnob)."""
    actor1, actor2 = event.get("actor1"), event.get("actor2")
    gov1, gov2 = government(actor1), government(actor2)
    if gov1 or gov2:
        # GED puts the government first; a second government stays side_b
        if gov1:
            side_b = gov2["name"] if gov2 else actor2
            return STATE_BASED, gov1["name"], side_b, gov1["gwno"], gov2["gwno"] if gov2 else None
        assert gov2 is not None
        return STATE_BASED, gov2["name"], actor1, gov2["gwno"], None
    if acled_codes.inter_code(actor2) == acled_codes.CIVILIANS:
        return ONE_SIDED, actor1, "Civilians", None, None
    if actor1 and actor2:
        return NON_STATE, actor1, actor2, None, None
    return None, actor1, actor2, None, None


def where_prec(event: StoredEvent) -> int:
    """GED where_prec (1 exact place .. 6 country) from our geo_precision."""
    geo = as_int(event.get("geo_precision"))
    if geo in (1, 2):
        return geo
    if event.get("admin2"):
        return 3
    if event.get("admin1"):
        return 4
    return 5 if coordinates(event) else 6


def deaths(event: StoredEvent, violence: int | None) -> dict[str, int | None]:
    """GED's split of ``best``: civilians when every counted death is a victim of a
    one-sided attack (fatalities_low, the victims only, equals best), else unknown."""
    best = as_int(event.get("fatalities"))
    split: dict[str, int | None] = dict.fromkeys(
        ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
    )
    if best is None:
        return split
    low = as_int(event.get("fatalities_low"))
    if violence == ONE_SIDED and (low is None or low == best):
        split["deaths_civilians"] = best
    else:
        split["deaths_unknown"] = best
    return split


def row(event: StoredEvent, event_id: str) -> dict[str, Any]:
    date = parse_date(event.get("date"))
    assert date is not None
    country = acled_codes.country()
    violence, side_a, side_b, gwnoa, gwnob = sides(event)
    start, end = date_range(date, event.get("date_precision"))
    coords = coordinates(event)
    place = event.get("location_en") or event.get("location_ar")
    best = as_int(event.get("fatalities"))
    low, high = as_int(event.get("fatalities_low")), as_int(event.get("fatalities_high"))
    return {
        "id": event_id,
        "relid": event.get("id"),
        "year": date.year,
        "active_year": None,
        "code_status": None,
        "type_of_violence": violence,
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": len(reports(event)) or None,
        "source_article": "; ".join(report_urls(event) or outlets(event)) or None,
        "source_office": "; ".join(outlets(event)) or None,
        "source_date": "; ".join(d.isoformat() for d in report_dates(event)) or None,
        "source_original": "; ".join(cited_sources(event)) or None,
        "where_prec": where_prec(event),
        "where_coordinates": place,
        "where_description": event.get("site_ar") or place,
        "adm_1": event.get("admin1"),
        "adm_2": event.get("admin2"),
        "latitude": round(coords[0], 4) if coords else None,
        "longitude": round(coords[1], 4) if coords else None,
        "geom_wkt": f"POINT ({coords[1]:.4f} {coords[0]:.4f})" if coords else None,
        "country": country["country"],
        "country_id": country["gwno"],
        "region": country["region"],
        "event_clarity": 2 if event.get("certainty") == "suspected" else 1,
        "date_prec": acled_codes.ucdp_date_prec(event.get("date_precision")),
        "date_start": start.isoformat(),
        "date_end": end.isoformat(),
        **deaths(event, violence),
        "best": best,
        "high": high if high is not None else best,
        "low": low if low is not None else best,
        "gwnoa": gwnoa,
        "gwnob": gwnob,
    }


def write(events: Iterable[StoredEvent], out: IO[str]) -> ExportResult:
    """Write ``events`` as UCDP GED CSV to the text stream ``out``."""
    result = ExportResult()
    dated = dated_only(events, result)
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    for event, event_id in zip(dated, numbered_ids(dated, ""), strict=True):
        writer.writerow({k: cell(v) for k, v in row(event, event_id).items()})
        result.written += 1
    return result
