"""Which place a name means: cue filters, then a score of prior and context.

1. The cue narrows the candidates: after محافظة only governorates; after مدينة/بلدة/
   قرية, a bearing, a near word or a road only settlements; a bare governorate name is
   the governorate (gold/README.md codes "في دير الزور" at geo_precision 3).
2. A name whose candidates all lie within 30 km of each other is unambiguous (the same
   town listed as locality and sub-district): its best candidate becomes an anchor.
3. Every other name is scored: prior (feature, population, Syria before Iraq) plus
   context (the place that contains it, "X بريف Y"; the distance to the anchors; how
   many anchors share its governorate). Hashtag lines count as context.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from hadath.gazetteer.expressions import Expression
from hadath.gazetteer.geo import distance_km
from hadath.gazetteer.model import SETTLEMENTS, Place
from hadath.gazetteer.store import Gazetteer

_FEATURE_WEIGHT: dict[str, float] = {
    "city": 3.0,
    "town": 2.5,
    "locality": 2.0,
    # a district or sub-district is named after its seat, a town of some size
    "district": 2.2,
    "subdistrict": 2.1,
    "neighbourhood": 0.8,
    "governorate": 0.5,
}
_SAME_PLACE_KM = 30.0
_SEAT_KM = 50.0  # how far a district's centroid may lie from its seat town
_NOTABLE = "en.wikipedia.org/"
_ANCHOR_KM = 50.0


def candidates(exp: Expression, gz: Gazetteer) -> list[int]:
    """The places the cues around ``exp`` allow."""
    idx = list(exp.places)
    places = gz.places
    governorates = [i for i in idx if places[i].feature == "governorate"]
    settlements = [i for i in idx if places[i].is_settlement or places[i].curated]
    if exp.type_cue == "governorate":
        return governorates or idx
    if exp.type_cue in ("city", "town", "village", "camp"):
        return settlements or idx
    if exp.area and governorates:
        return governorates
    if exp.near or exp.bearing is not None or exp.road or exp.type_cue:
        return settlements or idx
    if governorates:
        return governorates
    return idx


def _settle(best: int, idx: Sequence[int], gz: Gazetteer) -> int:
    """A district's point is its centroid: when a settlement of the same name lies near
    it, that settlement is the place meant."""
    chosen = gz.places[best]
    if chosen.feature not in ("district", "subdistrict"):
        return best
    near = [
        i
        for i in idx
        if gz.places[i].feature in SETTLEMENTS
        and distance_km(chosen.lat, chosen.lon, gz.places[i].lat, gz.places[i].lon) <= _SEAT_KM
    ]
    return max(near, key=lambda i: (prior(gz.places[i]), -i)) if near else best


@lru_cache(maxsize=4096)
def _sure(idx: tuple[int, ...], gz: Gazetteer) -> int | None:
    """The place of a name whose candidates ``idx`` all lie within _SAME_PLACE_KM of
    each other (the same town listed twice), or None when they do not. Decided once
    per process for each set of candidates: news names the same places again and
    again."""
    if len(idx) > 1 and _spread(idx, gz) > _SAME_PLACE_KM:
        return None
    return _settle(max(idx, key=lambda i: (prior(gz.places[i]), -i)), idx, gz)


def _spread(idx: Sequence[int], gz: Gazetteer) -> float:
    pts = [gz.places[i] for i in idx]
    return max(
        (distance_km(a.lat, a.lon, b.lat, b.lon) for a in pts for b in pts),
        default=0.0,
    )


def prior(p: Place) -> float:
    weight = 3.0 if p.curated else _FEATURE_WEIGHT.get(p.feature, 1.0)
    if p.id.startswith(_NOTABLE):
        weight += 0.5  # added to the gazetteer because it is well known
    # the population of an administrative unit is not the size of its town
    people = 0 if p.feature in ("subdistrict", "district", "governorate") else p.population
    return weight + 0.35 * math.log10(1 + people) + (0.5 if p.country == "SY" else 0.0)


Anchors = Counter[tuple[str, int]]  # (name, place index) -> how many mentions


def _context(p: Place, key: str, container: Place | None, anchors: Anchors, gz: Gazetteer) -> float:
    score = 0.0
    if container is not None:
        if p.admin1 and p.admin1 == container.admin1:
            score += 3.0
        d = distance_km(p.lat, p.lon, container.lat, container.lon)
        score += 2.0 * max(0.0, 1.0 - d / 60.0)
    # a governorate's point is a centroid: it speaks through its name, a town through
    # its distance
    nearest = math.inf
    same = 0
    for (name, i), count in anchors.items():
        if name == key:
            continue
        a = gz.places[i]
        if a.feature == "governorate":
            same += count if a.admin1 == p.admin1 else 0
        else:
            nearest = min(nearest, distance_km(p.lat, p.lon, a.lat, a.lon))
    if nearest < math.inf:
        score += 3.0 * math.exp(-nearest / _ANCHOR_KM)
    return score + 1.0 * min(2, same)


def resolve(
    exps: Sequence[Expression], context: Sequence[Expression], gz: Gazetteer
) -> dict[int, int]:
    """Map ``id(expression)`` to the index of its place, for ``exps`` and road ends.

    Names with the same candidates and container are decided once, so a long article
    that repeats its places costs no more than a short one.
    """
    slots: list[Expression] = []
    for exp in [*context, *exps]:
        slots.append(exp)
        if exp.road_to is not None:
            slots.append(exp.road_to)
    allowed = {id(e): tuple(candidates(e, gz)) for e in slots}
    chosen: dict[int, int] = {}
    anchors: Anchors = Counter()
    ambiguous: list[Expression] = []
    for exp in slots:
        idx = allowed[id(exp)]
        best = _sure(idx, gz)
        if best is not None:
            chosen[id(exp)] = best
            if gz.places[best].feature not in ("country", "region", "river", "border"):
                anchors[(exp.key, best)] += 1
        else:
            ambiguous.append(exp)
    groups: dict[tuple[str, tuple[int, ...], int], list[Expression]] = {}
    for exp in ambiguous:
        outer = chosen.get(id(exp.container), -1) if exp.container is not None else -1
        groups.setdefault((exp.key, allowed[id(exp)], outer), []).append(exp)
    decided: dict[tuple[str, tuple[int, ...], int], int] = {}
    for _ in range(2):  # a second round lets ambiguous names anchor each other
        for sig, members in groups.items():
            key, idx, outer = sig
            ctx = anchors.copy()
            for other, best in decided.items():
                if other != sig:
                    ctx[(other[0], best)] += len(groups[other])
            container = gz.places[outer] if outer >= 0 else None
            best = max(
                idx,
                key=lambda i: (
                    prior(gz.places[i]) + _context(gz.places[i], key, container, ctx, gz),
                    -i,
                ),
            )
            decided[sig] = _settle(best, idx, gz)
            for exp in members:
                chosen[id(exp)] = decided[sig]
    return chosen
