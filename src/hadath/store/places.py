"""Resolving the ``--near PLACE`` of event queries to coordinates.

``LAT,LON`` is taken as is; a name (Arabic or English) goes to the gazetteer's
context-free :func:`hadath.gazetteer.lookup` (a town before the district of the same
name, the larger town first). Unknown names are a usage error, never a guess.
"""

from __future__ import annotations

from hadath.errors import UsageError


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


def resolve_near(value: str) -> tuple[float, float]:
    """Coordinates of ``LAT,LON`` or of a place name (Arabic or English)."""
    from hadath.gazetteer import lookup

    value = value.strip()
    found = parse_latlon(value)
    if found is not None:
        return found
    place = lookup(value) if value else None
    if place is None:
        raise UsageError(f"--near: unknown place {value!r} (give a gazetteer name or LAT,LON)")
    return place.lat, place.lon
