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
from collections.abc import Sequence

from hadath.gazetteer.expressions import Expression
from hadath.gazetteer.geo import distance_km
from hadath.gazetteer.model import Place
from hadath.gazetteer.store import Gazetteer

_FEATURE_WEIGHT: dict[str, float] = {
    "city": 3.0,
    "town": 2.5,
    "locality": 2.0,
    "subdistrict": 1.6,
    "neighbourhood": 0.8,
    "district": 0.6,
    "governorate": 0.5,
}
_SAME_PLACE_KM = 30.0
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


def _context(
    p: Place,
    exp: Expression,
    anchors: list[tuple[str, Place]],
    chosen: dict[int, int],
    gz: Gazetteer,
) -> float:
    score = 0.0
    if exp.container is not None and id(exp.container) in chosen:
        c = gz.places[chosen[id(exp.container)]]
        if p.admin1 and p.admin1 == c.admin1:
            score += 3.0
        d = distance_km(p.lat, p.lon, c.lat, c.lon)
        score += 2.0 * max(0.0, 1.0 - d / 60.0)
    others = [a for key, a in anchors if key != exp.key]
    # a governorate's point is a centroid: it speaks through its name, a town through
    # its distance
    towns = [a for a in others if a.feature != "governorate"]
    if towns:
        nearest = min(distance_km(p.lat, p.lon, a.lat, a.lon) for a in towns)
        score += 3.0 * math.exp(-nearest / _ANCHOR_KM)
    same = sum(1 for a in others if a.feature == "governorate" and a.admin1 == p.admin1)
    score += 1.0 * min(2, same)
    return score


def resolve(
    exps: Sequence[Expression], context: Sequence[Expression], gz: Gazetteer
) -> dict[int, int]:
    """Map ``id(expression)`` to the index of its place, for ``exps`` and road ends."""
    slots: list[Expression] = []
    for exp in [*context, *exps]:
        slots.append(exp)
        if exp.road_to is not None:
            slots.append(exp.road_to)
    allowed = {id(e): candidates(e, gz) for e in slots}
    chosen: dict[int, int] = {}
    anchors: list[tuple[str, Place]] = []
    ambiguous: list[Expression] = []
    for exp in slots:
        idx = allowed[id(exp)]
        if len(idx) == 1 or _spread(idx, gz) <= _SAME_PLACE_KM:
            best = max(idx, key=lambda i: (prior(gz.places[i]), -i))
            chosen[id(exp)] = best
            place = gz.places[best]
            if place.feature not in ("country", "region", "river", "border"):
                anchors.append((exp.key, place))
        else:
            ambiguous.append(exp)
    for _ in range(2):  # a second round lets ambiguous names anchor each other
        for exp in ambiguous:
            ctx = anchors + [
                (e.key, gz.places[chosen[id(e)]])
                for e in ambiguous
                if e is not exp and id(e) in chosen
            ]
            chosen[id(exp)] = max(
                allowed[id(exp)],
                key=lambda i: (
                    prior(gz.places[i]) + _context(gz.places[i], exp, ctx, chosen, gz),
                    -i,
                ),
            )
    return chosen
