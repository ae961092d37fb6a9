"""Parquet: one row per stored event with typed columns (pyarrow).

Input: stored events (dicts). Output: a Parquet file whose columns have real types:
dates as date32, counts as nullable int32, offsets as int64, coordinates as float64,
``reported_by`` as list<string>, ``reports`` as list<struct> (each report's date a
date32), PLOVER as two string columns. Free-form nested fields (``spans``, ``figures``,
``corrections``) are kept as JSON strings, since their inner shape varies.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hadath.export.common import ExportResult, StoredEvent, as_float, as_int, parse_date, reports
from hadath.export.plover import plover

STRINGS = (
    "event_type",
    "sub_event_type",
    "date_precision",
    "actor1",
    "actor2",
    "unit1",
    "unit2",
    "location_ar",
    "location_en",
    "admin1",
    "admin2",
    "claimed_by",
    "certainty",
    "evidence",
    "date_expr",
    "site_ar",
    "notes",
)
COUNTS = (
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "captured_or_missing",
)
OFFSETS = ("evidence_start", "evidence_end")
JSON_FIELDS = ("spans", "figures", "corrections")
REPORT_STRINGS = ("doc", "source", "outlet", "certainty", "evidence")
REPORT_COUNTS = ("fatalities", "injured")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def schema() -> Any:
    import pyarrow as pa

    report = pa.struct(
        [pa.field(k, pa.string()) for k in REPORT_STRINGS]
        + [pa.field("pub_date", pa.date32())]
        + [pa.field(k, pa.int32()) for k in REPORT_COUNTS]
        + [pa.field(k, pa.int64()) for k in OFFSETS]
    )
    fields = (
        [pa.field("id", pa.string()), pa.field("date", pa.date32())]
        + [pa.field(k, pa.string()) for k in STRINGS]
        + [pa.field(k, pa.int32()) for k in COUNTS]
        + [pa.field(k, pa.int64()) for k in OFFSETS]
        + [pa.field("latitude", pa.float64()), pa.field("longitude", pa.float64())]
        + [pa.field("reported_by", pa.list_(pa.string()))]
        + [pa.field("plover_event_type", pa.string()), pa.field("plover_mode", pa.string())]
        + [pa.field("reports", pa.list_(report))]
        + [pa.field(k, pa.string()) for k in JSON_FIELDS]
    )
    return pa.schema(fields)


def _report(report: Any) -> dict[str, Any]:
    out: dict[str, Any] = {k: _text(report.get(k)) for k in REPORT_STRINGS}
    out["pub_date"] = parse_date(report.get("pub_date"))
    out.update({k: as_int(report.get(k)) for k in REPORT_COUNTS + OFFSETS})
    return out


def row(event: StoredEvent) -> dict[str, Any]:
    out: dict[str, Any] = {"id": _text(event.get("id")), "date": parse_date(event.get("date"))}
    out.update({k: _text(event.get(k)) for k in STRINGS})
    out.update({k: as_int(event.get(k)) for k in COUNTS + OFFSETS})
    out["latitude"] = as_float(event.get("latitude"))
    out["longitude"] = as_float(event.get("longitude"))
    out["reported_by"] = [str(s) for s in event.get("reported_by") or []]
    kind = plover(event)
    out["plover_event_type"], out["plover_mode"] = kind["event_type"], kind["mode"]
    out["reports"] = [_report(r) for r in reports(event)]
    for key in JSON_FIELDS:
        value = event.get(key)
        out[key] = None if value in (None, [], {}) else json.dumps(value, ensure_ascii=False)
    return out


def write(events: Iterable[StoredEvent], path: Path) -> ExportResult:
    """Write ``events`` to the Parquet file ``path``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [row(e) for e in events]
    table = pa.Table.from_pylist(rows, schema=schema())
    pq.write_table(table, path)
    return ExportResult(written=len(rows))
