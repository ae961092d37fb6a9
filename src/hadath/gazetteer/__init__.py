"""The gazetteer: places of Syria (and Iraq's governorates and towns) with Arabic and
English names, coordinates, governorate (admin1), district (admin2) and feature type,
plus the hand-written areas and cue words of ``data/regions.yaml``.

Public: :func:`lookup` (a name without context, e.g. ``hadath events --near تدمر``),
:func:`load`, :class:`Place`, :func:`distance_km`, :func:`destination`. The ``places``
stage (``hadath.stages.places``) uses the rest.
"""

from __future__ import annotations

from functools import lru_cache

from hadath.gazetteer.geo import destination, distance_km
from hadath.gazetteer.model import Place
from hadath.gazetteer.store import load, norm

__all__ = ["Place", "destination", "distance_km", "load", "lookup"]


@lru_cache(maxsize=1)
def _english() -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, place in enumerate(load().places):
        index.setdefault(place.name_en.casefold(), []).append(i)
    return {k: tuple(v) for k, v in index.items()}


def lookup(name: str) -> Place | None:
    """The most likely place for an Arabic or English name, without context: a town
    before a district, the larger town first, Syria before Iraq. None when unknown."""
    gz = load()
    key = norm(name)
    idx = (
        gz.by_name.get(key)
        or gz.by_name.get(key.removeprefix("ال"))
        or _english().get(name.strip().casefold())
    )
    if not idx:
        return None
    from hadath.gazetteer.resolve import prior

    return gz.places[max(idx, key=lambda i: (prior(gz.places[i]), -i))]
