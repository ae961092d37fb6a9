"""GeoJSON: a FeatureCollection with one Point feature per stored event.

Input: stored events (dicts). Output: RFC 7946 GeoJSON; the geometry is
``[longitude, latitude]``, null for an event without coordinates (kept, not dropped);
every field of the event is a property, with ``plover`` added.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from hadath.export.common import ExportResult, StoredEvent, coordinates
from hadath.export.jsonl import record


def feature(event: StoredEvent) -> dict[str, Any]:
    coords = coordinates(event)
    geometry = {"type": "Point", "coordinates": [coords[1], coords[0]]} if coords else None
    return {
        "type": "Feature",
        "id": event.get("id"),
        "geometry": geometry,
        "properties": record(event),
    }


def write(events: Iterable[StoredEvent], out: IO[str]) -> ExportResult:
    features = [feature(e) for e in events]
    collection = {"type": "FeatureCollection", "features": features}
    json.dump(collection, out, ensure_ascii=False, default=str, indent=1)
    out.write("\n")
    return ExportResult(written=len(features))
