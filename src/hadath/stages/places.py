"""Stage ``places``: place mentions, resolved to coordinates and governorates.

Inputs: ``doc.text``, ``doc.view``, ``doc.regions``. Outputs: ``Mention(kind="place")``
in ``doc.mentions``, with attrs ``name_ar`` (as written, without clitics or hashtag
signs), ``name_en``, ``admin1``, ``admin2``, ``latitude``, ``longitude``,
``geo_precision`` (1|2|3), ``feature``; for offsets ``anchor``, ``bearing``,
``offset_km``; for sub-locations ``site``; for roads ``road_from``/``road_to``.

Cascade (``hadath.gazetteer``): names (gazetteer, hand-written areas, aliases) →
expressions (type, area, near, bearing, distance, road cues around the name) →
acceptance (a common-word name needs a strong cue) → resolution (cue filter, then
prior and context: container, nearby places, hashtag lines) → mentions.
Boilerplate is skipped, except hashtag lines, which only serve as context.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any

from hadath.document import Document, Mention, Span
from hadath.gazetteer.expressions import Expression, find
from hadath.gazetteer.geo import destination
from hadath.gazetteer.grammar import WINDOW, clean, grammar
from hadath.gazetteer.model import Place
from hadath.gazetteer.resolve import resolve
from hadath.gazetteer.store import Gazetteer, load, norm
from hadath.gazetteer.unlisted import (
    contained_elsewhere,
    named_site,
    site_before,
    unlisted_villages,
)
from hadath.lexicon.matcher import Hit, resolve_overlaps
from hadath.settings import Settings
from hadath.text.view import NormalizedView

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize")

# accepted without any cue: governorates and towns of 10,000 people or more
_KNOWN = frozenset({"governorate", "city", "town", "mountain"})
_SEPARATORS = re.compile(r"\s*(?:\||–|—|\s-\s)\s*")
_DATE_DIGITS = re.compile(r"[0-9٠-٩]")
_META_MAX = 160


def prepare(settings: Settings) -> None:
    """Load the gazetteer and compile its matcher and cue grammar now."""
    del settings
    load()
    grammar()


def _original(view: NormalizedView, start: int, end: int) -> tuple[int, int]:
    return view.to_original(start, end)


def _written(doc: Document, view: NormalizedView, exp: Expression) -> str:
    s, e = _original(view, exp.name_start, exp.name_end)
    name = clean(doc.text[s:e])
    if exp.article:
        return name
    if exp.key.startswith("ال") and not norm(name).startswith("ال"):
        name = (
            "ا" + name if exp.prefix.endswith("ل") and norm(name).startswith("ل") else "ال" + name
        )
    elif exp.prefix.endswith(("ال", "لل")):
        name = "ال" + name
    return name


def _metadata_outlet(text: str, start: int, end: int) -> bool:
    """True inside the outlet or author part of a dateline ("حمص – منصة بادية الشام | ...")."""
    # a line longer than _META_MAX is no dateline: look for its ends only that far (a
    # line break not found within _META_MAX of the name leaves a longer line)
    low, high = max(0, start - _META_MAX), min(len(text), end + _META_MAX)
    ls = text.rfind("\n", low, start) + 1
    le = text.find("\n", end, high)
    if (ls == 0 and low > 0) or (le < 0 and high < len(text)):
        return False
    if le < 0:
        le = len(text)
    if le - ls > _META_MAX:
        return False
    line = text[ls:le]
    if not _DATE_DIGITS.search(line) or line.rstrip().endswith("."):
        return False
    if "|" not in line and len(re.findall(r"\s[–—-]\s", line)) < 2:
        return False
    pos = 0
    for part in _SEPARATORS.split(line):
        at = line.find(part, pos)
        if at <= start - ls < at + len(part):
            return clean(part).strip(' "') != clean(text[start:end])
        pos = at + len(part)
    return False


def _quoted_outlet(view: str, exp: Expression) -> bool:
    """لـ"بادية الشام": a quoted name after لـ is the outlet, not the place."""
    s = exp.name_start - len(exp.prefix)
    return (
        s >= 2 and view[s - 1] == '"' and view[s - 2] == "ل" and view[exp.end : exp.end + 1] == '"'
    )


def _mark(
    doc: Document, view: NormalizedView, exps: list[Expression], gz: Gazetteer
) -> tuple[list[Expression], list[Expression]]:
    """Split into body expressions and context (hashtag lines); drop other boilerplate."""
    body: list[Expression] = []
    context: list[Expression] = []
    regions = sorted(doc.regions, key=lambda r: r.start)
    starts = [r.start for r in regions]
    text = doc.text
    if "#" in text:  # exp.hashtag stays False in a text without any
        for exp in exps:
            ns, _ = _original(view, exp.name_start - len(exp.prefix), exp.name_end)
            exp.hashtag = ns > 0 and text[ns - 1] == "#"
    rejected = _rejected_keys(exps, gz)
    for exp in exps:
        if regions:
            s, e = _original(view, exp.start, exp.end)
            touching = _touching(regions, starts, s, e)
            if touching:
                if any(r.label == "tags" and r.contains(s, e) for r in touching):
                    context.append(exp)
                continue
        # the outlet checks only matter for an expression _accept may take
        if exp.key not in rejected:
            s, e = _original(view, exp.start, exp.end)
            if _metadata_outlet(text, s, e) or _quoted_outlet(view.text, exp):
                exp.media = True
        body.append(exp)
    return body, context


def _touching(regions: list[Span], starts: list[int], start: int, end: int) -> list[Span]:
    """The boilerplate regions (sorted, with their ``starts``) overlapping a span."""
    # the regions are lines, so only the ones starting before the end can touch it
    i = bisect.bisect_left(starts, end)
    return [r for r in regions[max(0, i - 3) : i] if r.overlaps(start, end)]


def _is_stop(exp: Expression, gz: Gazetteer) -> bool:
    return exp.key in gz.stop_keys


def _curated(exp: Expression, gz: Gazetteer) -> bool:
    """A hand-written area or town among the places of the name."""
    return exp.key in gz.curated_keys


# cue words that make even a common word a place name (قرية الكرامة, بلدة الصور)
_SOLID_TYPES = frozenset({"village", "town", "city", "subdistrict", "governorate", "camp"})


def _solid(exp: Expression) -> bool:
    """A cue strong enough for a common word: not قرب/منطقة/a bearing/طريق, which also
    stand before ordinary nouns (قرب المسجد, مناطق واسعة, شمال البلاد, طريق طويل)."""
    return bool(exp.area or exp.hashtag or exp.type_cue in _SOLID_TYPES)


def _adjective_like(exp: Expression) -> bool:
    """مدينة جديدة, بلدة صغيرة: an indefinite feminine word after a type word is an adjective."""
    return bool(exp.type_cue) and not exp.key.startswith("ال") and exp.key.endswith("ه")


def _solid_keys(exps: list[Expression], outlets: bool) -> set[str]:
    """The names a solid cue makes places wherever they stand in the document: those of
    the expressions (and road ends) with a solid cue, not an adjective, and not an
    outlet's name unless ``outlets`` (a superset, known before the outlet checks)."""
    every = [*exps, *(e.road_to for e in exps if e.road_to is not None)]
    return {
        e.key for e in every if _solid(e) and (outlets or not e.media) and not _adjective_like(e)
    }


def _rejected_keys(exps: list[Expression], gz: Gazetteer) -> frozenset[str]:
    """The names :func:`_accept` rejects whether or not they are an outlet's name: a
    common word, not hand-written, and no expression of the document (itself included)
    may give the name a strong cue (``solid_keys`` without the outlet test, a superset);
    ``hashtag`` must be set already."""
    maybe_solid = _solid_keys(exps, outlets=True)
    return frozenset(
        key
        for key in {e.key for e in exps}
        if key in gz.stop_keys and key not in maybe_solid and key not in gz.curated_keys
    )


def _may_accept(
    doc: Document, view: NormalizedView, hits: list[Hit[list[int]]], gz: Gazetteer
) -> bool:
    """False when :func:`_accept` surely rejects every expression of the document, so
    that none need be built (most news names no place: its names are common words).

    When every name is :func:`_inert`, _accept takes one only with a cue of its own or
    of another expression of the same name (``solid_keys``, ``strong_keys``), and the
    only such cues an inert name may get are a hashtag (a "#" in the text) or, in the
    window before it that _left reads, a type word of a solid type, an area word or an
    "area of" phrase (ريف X الشرقي) — a word :func:`_solid_cue_before` finds. Every
    expression (road ends too) comes from one of ``hits`` (the matcher's candidates,
    among which it keeps those that do not overlap); nothing between the matcher and
    _accept changes a key or sets another solid or strong cue."""
    if "#" in doc.text or not all(_inert(hit, gz) for hit in hits):
        return True
    return _solid_cue_before(view.text, hits, gz)


def _inert(hit: Hit[list[int]], gz: Gazetteer) -> bool:
    """A name _accept takes only with a cue (its own or another expression's): a common
    word, not hand-written (only with a solid cue); or a name glued to a clitic, not a
    known town, with no article added (only with a strong cue, and a name with a clitic
    gets none from _left but an "area of" phrase)."""
    key = hit.key
    if gz.key_places[key] is None:
        return True  # an organisation or a foreign place: no expression at all
    if key in gz.curated_keys:
        return False
    if key in gz.stop_keys:
        return True
    if not hit.prefix or hit.prefix.endswith("ال"):  # ال: maybe an added article
        return False
    return _glued_stem(key) and not _known_town(key, gz.key_places[key] or (), gz)


@lru_cache(maxsize=1)
def _solid_cue() -> re.Pattern[str]:
    """A cue word that may make a common word a place, near the end of a line (the
    end of the window before a name, which holds no line break): a type word of a
    solid type or an area word, then whitespace, and at most ``after`` more words.

    The cue regexes (grammar.py) that set a solid cue match at the window's end: a
    type word then whitespace (no word after it); an area word then whitespace, before
    the name or before a type word with its clitic (one word after it); an "area of"
    phrase, ال + area word, whitespace, an adjective of up to ``adjective`` words,
    whitespace, before the name or before a type word (at most adjective + 1 words)."""
    g = grammar()
    words = [w for w, kind in g.types.items() if kind in _SOLID_TYPES] + list(g.areas)
    adjective = max((len(a.split()) for a in g.adjective_bearings), default=0)
    space, after = r"[^\S\n]+", adjective + 1
    cue = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{cue}){space}(?:\S+{space}){{0,{after}}}(?:\n|\Z)")


def _solid_cue_before(view: str, hits: list[Hit[list[int]]], gz: Gazetteer) -> bool:
    """Whether a solid cue word ends the window before a name (the text _left reads,
    which ends before the name's clitics), as :func:`_solid_cue` says."""
    # one search over the windows joined by line breaks: what matches at a window's end
    # matches there too (a match before a line break inside a slice only lets a
    # document through: _left's window starts after it)
    windows = "\n".join(
        view[max(0, at - WINDOW) : at]
        for at in (hit.start - len(hit.prefix) for hit in hits if gz.key_places[hit.key])
    )
    return _solid_cue().search(windows) is not None


def _known_town(key: str, places: tuple[int, ...], gz: Gazetteer) -> bool:
    """A name always taken as a place, or of a Syrian governorate or sizeable town."""
    return key in gz.always or any(
        gz.places[i].feature in _KNOWN and gz.places[i].country == "SY" for i in places
    )


def _glued_stem(key: str) -> bool:
    """وزارة = و + زارة, والدي = و + الدي: a clitic glued to a bare or very short
    village name is most often another word."""
    stem = key.removeprefix("ال")
    return stem == key or len(stem) <= 3


def _accept(exps: list[Expression], gz: Gazetteer) -> list[Expression]:
    every = [*exps, *(e.road_to for e in exps if e.road_to is not None)]
    stop_keys = gz.stop_keys
    strong_keys = {e.key for e in every if e.key not in stop_keys and e.strong and not e.media}
    solid_keys = _solid_keys(exps, outlets=False)
    # a common word without a solid cue anywhere (most names found): never taken below
    # (a solid cue of its own would have put its key in solid_keys)
    rejected = {e.key for e in exps if e.key in stop_keys and e.key not in solid_keys}
    rejected -= gz.curated_keys
    out: list[Expression] = []
    for n, exp in enumerate(exps):
        if exp.media or exp.key in rejected:
            continue  # an outlet's name, or a common word
        previous = exps[n - 1] if n else None
        article = exp.article
        curated = _curated(exp, gz)
        if article and (curated and all(gz.places[i].curated for i in exp.places)):
            continue  # السورية is an adjective, not the country سورية
        if article and exp.key.endswith(("يه", "ي")) and not _solid(exp):
            continue  # التركية, الشرقي: an adjective with the article, not a village
        if curated:
            ok = True  # hand-written areas and towns are never common words
        elif _is_stop(exp, gz):
            ok = (_solid(exp) and not _adjective_like(exp)) or exp.key in solid_keys
        elif exp.strong or exp.key in strong_keys:
            ok = True
        else:
            # الهجين for هجين: with an added article a town name may be an adjective
            known = not article and _known_town(exp.key, exp.places, gz)
            glued = bool(exp.prefix) and not article and _glued_stem(exp.key)
            listed = exp.in_list and bool(out) and out[-1] is previous
            ok = known or (not glued and (exp.weak or listed))
        if ok:
            out.append(exp)
    return out


def _town_of_site(place: Place, gz: Gazetteer) -> Place | None:
    idx = gz.by_name.get(norm(place.site_in or ""), ())
    towns = [gz.places[i] for i in idx if gz.places[i].is_settlement]
    return max(towns, key=lambda p: p.population, default=None)


def _attrs(
    doc: Document,
    view: NormalizedView,
    exp: Expression,
    place: Place,
    chosen: dict[int, int],
    gz: Gazetteer,
) -> dict[str, Any]:
    name = _written(doc, view, exp)
    attrs: dict[str, Any] = {
        "name_ar": name,
        "name_en": place.name_en,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": place.precision,
        "feature": place.feature,
    }
    if place.curated and place.precision == 3:
        attrs["name_ar"] = place.name_ar  # البادية, البادية السوري: the region's own name
    if place.country != "SY":
        attrs["country"] = place.country
    if place.approx:
        attrs["approx"] = True
    if place.site_in:
        town = _town_of_site(place, gz)
        attrs.update(name_ar=place.site_in, site=name)
        if town is not None:
            attrs.update(name_en=town.name_en, admin2=town.admin2)
        attrs["admin1"] = attrs["admin1"] or (town.admin1 if town else None)
    g = grammar()
    if exp.area:
        word = exp.area
        adjective = ""
        if exp.area_adjective:
            s, e = _original(view, *exp.area_adjective)
            adjective = " " + clean(doc.text[s:e])
        attrs["name_ar"] = f"{word} {name}{adjective}"
        attrs["name_en"] = f"{place.name_en} {'desert' if word == 'بادية' else 'countryside'}"
        attrs["feature"] = g.area_features[word]
        attrs["geo_precision"] = 3 if place.feature == "governorate" and word == "بادية" else 2
        if exp.area_bearing is not None:
            attrs["bearing"] = exp.area_bearing
    elif exp.bearing is not None:
        s, e = _original(view, exp.start, exp.end)
        attrs.update(
            site=clean(doc.text[s:e]), anchor=name, bearing=exp.bearing, offset_km=exp.offset_km
        )
        attrs["geo_precision"] = max(2, place.precision)
        if exp.offset_km:
            attrs["latitude"], attrs["longitude"] = destination(
                place.lat, place.lon, exp.bearing, exp.offset_km
            )
    elif exp.road:
        attrs["feature"] = "road"
        attrs["geo_precision"] = max(2, min(place.precision, 2))
        attrs["road_from"] = name
        attrs["name_ar"] = f"طريق {name}"
        attrs["name_en"] = f"{place.name_en} road"
        if exp.road_to is not None and id(exp.road_to) in chosen:
            other = gz.places[chosen[id(exp.road_to)]]
            to_name = _written(doc, view, exp.road_to)
            attrs["road_to"] = to_name
            attrs["name_ar"] = f"طريق {name} - {to_name}"
            attrs["name_en"] = f"{place.name_en} - {other.name_en} road"
    elif exp.near:
        attrs["near"] = True
        attrs["geo_precision"] = max(2, place.precision)
    attrs["place_id"] = place.id
    return attrs


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    gz = load()
    view = doc.view
    # the matcher's find() in two steps: most documents are left after the first
    candidates = list(gz.matcher.candidates(view.text))
    if not _may_accept(doc, view, candidates, gz):
        return doc  # only common words, and no solid cue in the text: nothing to accept
    hits = resolve_overlaps(candidates, len(view.text))
    body, context = _mark(doc, view, find(view.text, hits), gz)
    accepted = _accept(body, gz)
    if not accepted:
        return doc
    for exp in accepted:
        # "سجن الصناعة في الحسكة": the town that contains a site is the town itself
        is_site = any(gz.places[i].site_in for i in exp.places)
        if is_site and exp.container is not None and exp.container.type_cue is None:
            exp.container.type_cue = "city"
        if exp.type_cue is None and exp.start == exp.name_start and site_before(view, exp):
            exp.type_cue = "city"  # حي الحميدية في دير الزور: the city, not the governorate
    chosen = resolve(accepted, context, gz)
    by_exp: dict[int, Mention] = {}
    new: list[Mention] = []
    for exp in accepted:
        place = gz.places[chosen[id(exp)]]
        start, end = _original(view, exp.start, exp.end)
        if exp.hashtag and exp.start == exp.name_start:
            start -= 1
        attrs = _attrs(doc, view, exp, place, chosen, gz)
        if exp.container is not None and id(exp.container) in chosen:
            contained_elsewhere(attrs, gz.places[chosen[id(exp.container)]])
        mention = Mention("place", start, end, doc.text[start:end], attrs)
        by_exp[id(exp)] = mention
        site = named_site(doc, view, exp, attrs)
        if site is not None and not _overlaps(site, new[-3:]):
            new.append(site)
        new.append(mention)
    spans = sorted((m.start, m.end) for m in new)
    for extra in unlisted_villages(doc, view, [(e, by_exp[id(e)]) for e in accepted]):
        i = bisect.bisect_left(spans, (extra.start, extra.end))
        near = [s for s in spans[max(0, i - 2) : i + 2] if s[0] < extra.end and extra.start < s[1]]
        if not near:
            new.append(extra)
    doc.mentions.extend(new)
    return doc


def _overlaps(mention: Mention, others: list[Mention]) -> bool:
    return any(m.start < mention.end and mention.start < m.end for m in others)
