"""Cross-source dedup: which reports describe the same real event, and the merged event.

Inputs are :class:`Report` objects (one machine event of one document, with that
document's metadata); no database here — :mod:`hadath.store.repository` loads and saves.

Two reports are the same event when all of these hold (thresholds in
``data/dedup.yaml``):

- they come from different documents (an event mentioned twice in one article was
  already coded once by the events stage; two events of one article are two events);
- the same ``event_type``;
- dates known and within the window (±2 days for day precision, wider for week/month);
- places that agree: coordinates within ~25 km, or the same location name (unless the
  coordinates put the two namesakes far apart); a bare region or governorate
  (geo_precision 3) agrees only by name;
- actors of compatible families on each side (ISIS with ISIS, NDF with regime forces),
  at least one side known on both; when the initiator is unknown or unidentified in
  one report the match is weak: the dates must be nearer, and the places closer unless
  the sub-event types agree.

So two different events on the same day in the same province stay apart unless their
places and actors agree. :func:`compare` returns the reasons, which the store keeps on
the cluster. :func:`merge` applies ACLED's rule to the figures: ``fatalities`` is the most
conservative credible figure (the lowest among the reports that are not bare claims),
``fatalities_low``/``fatalities_high`` span every figure reported.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hadath.lexicon.loader import load_yaml
from hadath.text.view import normalize


@dataclass(frozen=True, slots=True)
class Rules:
    windows: dict[str, int]
    max_km: float
    weak_km: float
    weak_days: int
    name_km: float
    prefixes: tuple[str, ...]
    families: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    compatible: frozenset[frozenset[str]]
    wildcards: frozenset[str]
    certainty_rank: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_yaml("dedup.yaml")
    families = tuple(
        (
            name,
            tuple(p.lower() for p in spec.get("patterns", ())),
            tuple(a.lower() for a in spec.get("aliases", ())),
        )
        for name, spec in data["families"].items()
    )
    return Rules(
        windows={k: int(v) for k, v in data["date_window_days"].items()},
        max_km=float(data["max_km"]),
        weak_km=float(data["weak_actor_km"]),
        weak_days=int(data["weak_actor_days"]),
        name_km=float(data["namesake_km"]),
        prefixes=tuple(normalize(p) for p in data["place_prefixes"]),
        families=families,
        compatible=frozenset(frozenset(pair) for pair in data.get("compatible", ())),
        wildcards=frozenset(data.get("wildcards", ())),
        certainty_rank=tuple(data["certainty_rank"]),
    )


def family(actor: str | None) -> str | None:
    """The family of an ACLED-style actor name; an unlisted name is its own family."""
    if not actor:
        return None
    low = actor.lower()
    for name, patterns, _aliases in rules().families:
        if any(p in low for p in patterns):
            return name
    return low.strip()


def family_of_query(query: str) -> str | None:
    """The family a user's ``--actor`` query names ("داعش", "ISIS"), if any."""
    q = query.strip().lower()
    for name, _patterns, aliases in rules().families:
        if q == name or q in aliases:
            return name
    return None


@dataclass(slots=True)
class Report:
    """One machine event of one document, as the dedup sees it.

    ``fields`` holds the event fields (names as in CONTRACT.md); ``doc_key`` identifies
    the article across versions (two reports with the same key never merge).
    """

    key: int
    label: str
    doc_key: str
    fields: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.fields.get(name)

    @property
    def day(self) -> dt.date | None:
        value = self.fields.get("date")
        if not value:
            return None
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    reasons: tuple[str, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def place_key(name: str | None) -> str | None:
    """A location name reduced for comparison: normalised, prefixes and ال removed."""
    if not name:
        return None
    words = normalize(name).replace("-", " ").split()
    words = [w for w in words if w not in rules().prefixes]
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
    return " ".join(words) or None


def _same_name(a: Report, b: Report) -> bool:
    ka, kb = place_key(a.get("location_ar")), place_key(b.get("location_ar"))
    if ka and kb and ka == kb:
        return True
    ea, eb = a.get("location_en"), b.get("location_en")
    return bool(ea and eb and str(ea).strip().lower() == str(eb).strip().lower())


def _distance(a: Report, b: Report) -> float | None:
    coords = [a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")]
    if any(c is None for c in coords):
        return None
    lat1, lon1, lat2, lon2 = (float(c) for c in coords)
    return haversine_km(lat1, lon1, lat2, lon2)


def _actors(a: Report, b: Report) -> tuple[bool, bool, list[str]]:
    """(compatible, strong, reasons). Every known side must agree and at least one side
    concretely; the match is strong when the initiators (actor1) agree concretely."""
    r = rules()
    agreed: list[str] = []
    reasons: list[str] = []
    for side in ("actor1", "actor2"):
        fa, fb = family(a.get(side)), family(b.get(side))
        if fa is None or fb is None or fa in r.wildcards or fb in r.wildcards:
            reasons.append(f"{side}: {fa or 'unknown'} ~ {fb or 'unknown'} (not both known)")
            continue
        if fa == fb:
            reasons.append(f"{side}: same family {fa}")
        elif frozenset((fa, fb)) in r.compatible:
            reasons.append(f"{side}: compatible families {fa} ~ {fb}")
        else:
            return False, False, [f"{side}: {fa} vs {fb}"]
        agreed.append(side)
    return bool(agreed), "actor1" in agreed, reasons


def compare(a: Report, b: Report) -> Match | None:
    """The reasons ``a`` and ``b`` are the same event, or None when they are not."""
    r = rules()
    if a.doc_key == b.doc_key:
        return None
    if a.get("event_type") != b.get("event_type"):
        return None
    da, db = a.day, b.day
    if da is None or db is None:
        return None
    precisions = [a.get("date_precision") or "day", b.get("date_precision") or "day"]
    window = max(r.windows.get(p, r.windows["day"]) for p in precisions)
    gap = abs((da - db).days)
    if gap > window:
        return None
    ok, strong, actor_reasons = _actors(a, b)
    if not ok:
        return None
    same_name = _same_name(a, b)
    km = _distance(a, b)
    vague = 3 in (a.get("geo_precision"), b.get("geo_precision"))
    if vague:
        # A governorate or region centroid says little: only the same name counts.
        km = None
    same_sub = a.get("sub_event_type") == b.get("sub_event_type")
    # An unnamed initiator in one report ("مسلحون", "مجهولون") is the usual difference
    # between outlets, but it says less: same sub-type and nearly the same day, or closer.
    limit_km = r.max_km if strong or same_sub else r.weak_km
    near = km is not None and km <= limit_km
    if same_name and km is not None and km > r.name_km:
        # Namesakes: the gazetteer put them far apart, so the name is not the same place.
        same_name = False
    if not (same_name or near):
        return None
    if not strong and gap > r.weak_days:
        return None
    reasons = [f"same event type {a.get('event_type')}"]
    reasons.append(f"dates {da} and {db}: {gap} day(s) apart (window ±{window})")
    if same_name:
        reasons.append(f"same place name {a.get('location_ar') or a.get('location_en')}")
    if km is not None:
        reasons.append(f"places {km:.1f} km apart (limit {limit_km:g})")
    reasons.extend(actor_reasons)
    score = 1.0 - gap / (window + 1)
    score += 1.0 if same_name else 0.0
    score += 1.0 - km / r.max_km if km is not None and km <= r.max_km else 0.0
    score += 1.0 if strong else 0.0
    if same_sub:
        score += 0.5
        reasons.append(f"same sub-event type {a.get('sub_event_type')}")
    return Match(score, tuple(reasons))


def best_cluster(report: Report, clusters: dict[int, list[Report]]) -> tuple[int, Match] | None:
    """The cluster ``report`` joins: every member must match it (complete linkage, so
    chains of near-matches never glue different events together). Best mean score wins."""
    best: tuple[float, int, Match] | None = None
    for cluster_id, members in clusters.items():
        if not members:
            continue
        matches = [compare(report, m) for m in members]
        if any(m is None for m in matches):
            continue
        found = [m for m in matches if m is not None]
        mean = sum(m.score for m in found) / len(found)
        if best is None or mean > best[0]:
            best = (mean, cluster_id, found[0])
    return None if best is None else (best[1], best[2])


# -- merging -------------------------------------------------------------------------

REPORT_FIELDS = ("fatalities", "injured", "certainty", "evidence", "evidence_start", "evidence_end")


def _rank(report: Report) -> tuple[Any, ...]:
    """Sort key of the lead report: firmest attribution, most precise place and date,
    then the earliest published."""
    order = rules().certainty_rank
    certainty = report.get("certainty")
    precision_rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    return (
        order.index(certainty) if certainty in order else len(order),
        report.get("geo_precision") or 9,
        precision_rank.get(report.get("date_precision") or "", 9),
        report.meta.get("pub_date") or "9999",
        report.key,
    )


def _conservative(values: list[int]) -> int | None:
    return min(values) if values else None


def merge(reports: list[Report]) -> dict[str, Any]:
    """The stored event of a cluster: merged fields plus its ``reports``.

    One report: its own values unchanged. Several: the lead report's description
    (actors, place, date, evidence), figures by the ACLED rule across all of them.
    """
    if not reports:
        raise ValueError("a cluster needs at least one report")
    ordered = sorted(reports, key=_rank)
    lead = ordered[0]
    out = dict(lead.fields)
    out["reported_by"] = list(lead.get("reported_by") or [])
    if len(ordered) > 1:
        _merge_fields(out, ordered)
    out["evidence_doc"] = lead.meta.get("document_id")
    out["reports"] = [_report_entry(r) for r in sorted(reports, key=_published)]
    return out


def _published(report: Report) -> tuple[str, int]:
    return (report.meta.get("pub_date") or "9999", report.key)


def _merge_fields(out: dict[str, Any], ordered: list[Report]) -> None:
    lead = ordered[0]
    types = Counter(r.get("sub_event_type") for r in ordered)
    top = max(types.values())
    if types[lead.get("sub_event_type")] < top:
        out["sub_event_type"] = types.most_common(1)[0][0]
    for side in ("actor1", "actor2"):
        wild = rules().wildcards
        if out.get(side) is None or family(out.get(side)) in wild:
            for r in ordered:
                if r.get(side) and family(r.get(side)) not in wild:
                    out[side] = r.get(side)
                    break
    for name in ("unit1", "unit2", "claimed_by", "admin1", "admin2", "location_en"):
        if out.get(name) is None:
            out[name] = next((r.get(name) for r in ordered if r.get(name) is not None), None)
    sources: list[str] = []
    for r in ordered:
        for s in r.get("reported_by") or []:
            if s not in sources:
                sources.append(s)
    out["reported_by"] = sources
    # Figures: claims by the perpetrator are the least credible; use them only alone.
    credible = [r for r in ordered if r.get("certainty") != "claimed"] or ordered
    best = _conservative([r.get("fatalities") for r in credible if r.get("fatalities") is not None])
    figures = [
        v
        for r in ordered
        for v in (r.get("fatalities"), r.get("fatalities_low"), r.get("fatalities_high"))
        if v is not None
    ]
    out["fatalities"] = best
    out["fatalities_low"] = min(figures) if figures else None
    high = max(figures) if figures else None
    out["fatalities_high"] = high if high is not None and best is not None and high > best else None
    if best is None and figures:
        out["fatalities_high"] = high
    for name in ("injured", "captured_or_missing"):
        out[name] = _conservative([r.get(name) for r in credible if r.get(name) is not None])


def _report_entry(report: Report) -> dict[str, Any]:
    entry = {
        "event_id": report.key,
        "event_key": report.label,
        "document_id": report.meta.get("document_id"),
        "doc": report.meta.get("doc"),
        "source": report.meta.get("source"),
        "outlet": report.meta.get("outlet"),
        "pub_date": report.meta.get("pub_date"),
        "url": report.meta.get("url"),
    }
    entry.update({name: report.get(name) for name in REPORT_FIELDS})
    entry["fatalities_low"] = report.get("fatalities_low")
    entry["fatalities_high"] = report.get("fatalities_high")
    entry["captured_or_missing"] = report.get("captured_or_missing")
    # Where each field was read, in this report's document (for highlighting).
    entry["spans"] = report.get("spans") or {}
    return entry
