"""Comparison rules of the gold scorer (gold/README.md, "How to score").

Each rule is a small function so the scorer reads like the README: date compatibility
by precision, location compatibility after Arabic normalisation, actor families.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rapidfuzz import fuzz

from hadath.actors import actor_family
from hadath.text.view import normalize

_PLACE_PREFIXES = tuple(normalize(p) for p in ("بادية", "ريف", "محيط", "قرب", "طريق"))


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_compatible(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = _date(gold.get("date")), _date(pred.get("date"))
    alt_dates = gold.get("alt", {}).get("date", [])
    if g is None:
        return True
    if p is None:
        return None in alt_dates
    if any(_date(a) == p for a in alt_dates if a):
        return True
    precision = gold.get("date_precision") or "day"
    if precision == "day":
        return abs((g - p).days) <= 1
    if precision == "week":
        return abs((g - p).days) <= 7
    if precision == "month":
        return (g.year, g.month) == (p.year, p.month)
    return g.year == p.year


def date_exact(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Field accuracy: the same day (a week within 7 days), or both unknown."""
    g, p = _date(gold.get("date")), _date(pred.get("date"))
    alternatives = gold.get("alt", {}).get("date", [])
    if p is None:
        return g is None or None in alternatives
    if g is None:
        return False
    if any(_date(a) == p for a in alternatives if a):
        return True
    if gold.get("date_precision") == "week":
        return abs((g - p).days) <= 7
    return g == p


def place_key(name: str | None) -> str:
    """Normalise a place name for comparison (gold/README rules)."""
    if not name:
        return ""
    text = normalize(name).replace("_", " ").replace("#", " ")
    words = []
    for word in text.split():
        for prefix in ("وال", "بال", "فال", "لل", "ال"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix) :]
                break
        words.append(word)
    while words and words[0] in _PLACE_PREFIXES:
        words = words[1:]
    return " ".join(w for w in words if w not in _PLACE_PREFIXES)


def _names_match(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return fuzz.ratio(a, b) >= 80


def location_compatible(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    gold_names = [place_key(gold.get("location_ar")), place_key(gold.get("site_ar"))]
    pred_names = [place_key(pred.get("location_ar")), place_key(pred.get("site_ar"))]
    for g in gold_names:
        for p in pred_names:
            if _names_match(g, p):
                return True
    ge, pe = (gold.get("location_en") or "").lower(), (pred.get("location_en") or "").lower()
    if ge and pe and fuzz.ratio(ge, pe) >= 80:
        return True
    if gold.get("geo_precision") == 3:
        return gold.get("admin1") == pred.get("admin1")
    if not gold.get("location_ar") and not gold.get("location_en"):
        return not pred.get("location_ar") and not pred.get("location_en")
    return False


def actor_match(gold: dict[str, Any], pred: dict[str, Any], field: str) -> bool:
    accepted = [gold.get(field), *gold.get("alt", {}).get(field, [])]
    families = {actor_family(a) for a in accepted}
    return actor_family(pred.get(field)) in families


def sub_type_match(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    accepted = [gold.get("sub_event_type"), *gold.get("alt", {}).get("sub_event_type", [])]
    return pred.get("sub_event_type") in accepted


def span_f1(gold: dict[str, Any], pred: dict[str, Any]) -> float:
    values = (
        gold.get("evidence_start"),
        gold.get("evidence_end"),
        pred.get("evidence_start"),
        pred.get("evidence_end"),
    )
    ints = [x for x in values if isinstance(x, int)]
    if len(ints) != 4:
        return 0.0
    gs, ge, ps, pe = ints
    if ge <= gs or pe <= ps:
        return 0.0
    overlap = max(0, min(ge, pe) - max(gs, ps))
    if not overlap:
        return 0.0
    precision = overlap / (pe - ps)
    recall = overlap / (ge - gs)
    return 2 * precision * recall / (precision + recall)
