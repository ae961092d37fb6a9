"""Resolving the ``--near PLACE`` of event queries to coordinates.

``LAT,LON`` is taken as is; a name is looked up in the shipped gazetteer
(``data/gazetteer/places.tsv.gz``: Arabic keys and English names); a settlement wins
over a district or region of the same name, then the most populous. Unknown names are a usage error, never a guess.
"""

from __future__ import annotations

import csv
import gzip
import io
from functools import lru_cache

from hadath.errors import UsageError
from hadath.lexicon.loader import data_bytes
from hadath.text.view import normalize


def parse_latlon(value: str) -> tuple[float, float] | None:
    parts = value.replace(" ", "").split(",")
    if len(parts) != 2:
        return None
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise UsageError(f"--near {value!r}: latitude/longitude out of range")
    return lat, lon


# "تدمر" is the city of Palmyra before the district named after it.
SETTLEMENTS = {"city": 0, "town": 1, "village": 2}


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[int, int], float, float]]:
    raw = gzip.decompress(data_bytes("gazetteer/places.tsv.gz")).decode("utf-8")
    index: dict[str, tuple[tuple[int, int], float, float]] = {}
    for row in csv.DictReader(io.StringIO(raw), delimiter="\t"):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        rank = (SETTLEMENTS.get(row.get("feature") or "", 3), -int(row.get("population") or 0))
        names = [normalize(k) for k in (row.get("keys") or "").split("|") if k]
        names += [normalize(row.get("name_ar") or ""), (row.get("name_en") or "").casefold()]
        for name in filter(None, names):
            if name not in index or rank < index[name][0]:
                index[name] = (rank, lat, lon)
    return index


def resolve_near(value: str) -> tuple[float, float]:
    """Coordinates of ``LAT,LON`` or of a place name (Arabic or English)."""
    value = value.strip()
    found = parse_latlon(value)
    if found is not None:
        return found
    index = _index()
    for key in (normalize(value), value.casefold()):
        if key in index:
            _rank, lat, lon = index[key]
            return lat, lon
    raise UsageError(f"--near: unknown place {value!r} (give a gazetteer name or LAT,LON)")
