"""Exports of stored events: one module per format.

Every exporter reads an iterable of stored events (dicts in the CONTRACT's "Stored
events" shape) and returns an :class:`~hadath.export.common.ExportResult`. ``export``
picks the exporter by format name and opens the output file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from hadath.errors import UsageError
from hadath.export.common import ExportResult, StoredEvent

FORMATS: tuple[str, ...] = ("acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl")

__all__ = ["FORMATS", "ExportResult", "export"]


def export(
    events: Iterable[StoredEvent], fmt: str, path: Path, *, timestamp: int | None = None
) -> ExportResult:
    """Write ``events`` to ``path`` in format ``fmt`` (one of ``FORMATS``).

    ``timestamp`` (unix seconds) fills ACLED's ``timestamp`` column; default now.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        from hadath.export import parquet

        return parquet.write(events, path)
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "acled-csv":
            from hadath.export import acled_csv

            return acled_csv.write(events, out, timestamp=timestamp)
        if fmt == "ucdp-csv":
            from hadath.export import ucdp_csv

            return ucdp_csv.write(events, out)
        if fmt == "geojson":
            from hadath.export import geojson

            return geojson.write(events, out)
        from hadath.export import jsonl

        return jsonl.write(events, out)
