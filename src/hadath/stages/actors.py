"""Stage ``actors``: find the armed groups, forces, civilians and persons named in the text.

Inputs: ``doc.text``, ``doc.view``, ``doc.regions`` (boilerplate), ``doc.sentences``,
``doc.pub_date``. Outputs: ``Mention(kind="actor")`` in ``doc.mentions`` with attrs
``actor`` (ACLED-style name resolved by the publication date), ``actor_id`` (for
re-resolution by the event date with :func:`hadath.actors.resolve`), ``actor_kind``
(state, rebel, militia, civilians, external, ...: not ``kind``, which the serialised
mention uses for its own kind), ``country``, ``rule`` (alias|context|compose|unit), and where they apply ``unit``,
``parent``, ``role``/``person``, ``candidates`` (when the date is unknown and the name
depends on it), ``date_basis`` and ``attributed_to``/``hedged`` for an unidentified
group followed by its presumed identity ("مسلحين يُرجَّح أنهم من خلايا تنظيم داعش").

Cascade: dictionary aliases and composed phrases (longest match, blocks win), then the
numbered-unit pattern, then context aliases ("التنظيم", "الجيش") kept only when the
article names their referent explicitly elsewhere. Nothing in boilerplate is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from hadath.actors import scan
from hadath.actors.lexicon import UNIT_PREFIX_MAX, Entry, lexicon
from hadath.actors.model import table
from hadath.actors.resolve import resolve_full
from hadath.actors.scan import Found
from hadath.document import Document, Mention
from hadath.lexicon.matcher import Hit
from hadath.settings import Settings
from hadath.text.view import NormalizedView, normalize

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize", "segment")

# the day after which undated Syrian forces are the new state's (see post_2024_cues)
_POST_2024 = dt.date(2025, 1, 1)
_PRE_2024 = dt.date(2024, 1, 1)
# "no digit before" is checked after the four digits (the lookbehind spans them): a
# pattern that starts with its digits lets the regex engine skip to candidates quickly
_YEAR = re.compile(r"(19[89]\d|20[0-4]\d)(?<!\d....)(?!\d)")


class _Found(NamedTuple):
    """An actor found in the view (a named tuple: cheaper to build than a dataclass)."""

    vstart: int
    vend: int
    actor_id: str
    rule: str
    unit: str | None = None


@dataclass(frozen=True)
class _Attribution:
    max_words: int
    links: frozenset[str]
    hedges: frozenset[str]


@lru_cache(maxsize=1)
def _attribution() -> _Attribution:
    raw: dict[str, Any] = table().raw.get("attribution") or {}
    return _Attribution(
        max_words=int(raw.get("max_words", 6)),
        links=frozenset(normalize(w) for w in raw.get("links") or ()),
        hedges=frozenset(normalize(w) for w in raw.get("hedges") or ()),
    )


def _find(view: NormalizedView) -> Found:
    """The hits of the actor lexicon's matchers (and the sources table's) in a view."""
    return scan.hits(view.text)


def prepare(settings: Settings) -> None:
    lexicon()
    scan.scanner()
    _attribution()


def era_date(doc: Document, found: Found | None = None) -> tuple[dt.date | None, str]:
    """The date actors are resolved by, and where it came from.

    The publication date when known; otherwise a date on the right side of 8 Dec 2024
    read from the text: post-2024 cues ("سقوط النظام", "الحكومة السورية الجديدة") or
    the latest year written. An article with neither is taken as written before the
    fall of the Assad government (``no_post_2024_cue``): writing after it names the new
    state, and the words that name Syrian forces here ("قوات النظام") belong to the
    years before. The mention keeps both names in ``candidates``. ``found``: the
    lexicon's hits in the text, when already found.
    """
    if doc.pub_date is not None:
        return doc.pub_date, "pub_date"
    assert doc.view is not None
    if (found or _find(doc.view))["cues"]:
        return _POST_2024, "context"
    years = [int(y) for y in _YEAR.findall(doc.view.text)]
    if years and max(years) >= 2025:
        return _POST_2024, "context"
    if years and max(years) < 2024:
        return _PRE_2024, "context"
    return _PRE_2024, "no_post_2024_cue"


def _in_article(doc: Document, view: NormalizedView, vstart: int, vend: int) -> bool:
    """Whether a view span lies outside the boilerplate (most news has none at all)."""
    return not doc.regions or not doc.in_boilerplate(*view.to_original(vstart, vend))


def doc_country(doc: Document, found: Found | None = None) -> str | None:
    """The country the article is about: the one its words name most (None if none)."""
    assert doc.view is not None
    counts: dict[str, int] = {}
    for hit in (found or _find(doc.view))["countries"]:
        if _in_article(doc, doc.view, hit.start, hit.end):
            counts[hit.value[0]] = counts.get(hit.value[0], 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    # a tie goes to Syria, the country hadath is about
    leaders = sorted(c for c, n in counts.items() if n == best)
    return "Syria" if "Syria" in leaders else leaders[0]


def _matches(view: NormalizedView, hits: Found) -> list[_Found]:
    """The lexicon's hits that name an actor, and the numbered units, in text order."""
    found: list[_Found] = []
    for hit in hits["actors"]:
        entry: Entry = hit.value[0]
        if entry.actor_id is None:
            continue
        definite = hit.prefix.endswith("ال") or hit.key != view.text[hit.start : hit.end]
        if entry.indefinite_only and (definite or hit.prefix.endswith("ل")):
            continue
        found.append(_Found(hit.start, hit.end, entry.actor_id, entry.rule))
    # the scan finds a head word wherever a unit is (lexicon._unit_head_words): most
    # news holds none, and the unit pattern is not tried at all
    units = _units(view.text, hits["actors"]) if hits["unit_heads"] else []
    if units:
        found.extend(units)
        found.sort(key=lambda f: f.vstart)
    # without units, already in text order: the hits come non-overlapping, by start
    return found


def _unit_starts(text: str, heads: tuple[str, ...]) -> list[int]:
    """Every position a unit pattern match may start at: at most UNIT_PREFIX_MAX
    characters before any occurrence of a head word."""
    starts: set[int] = set()
    for head in heads:
        at = text.find(head)
        while at >= 0:
            starts.update(range(max(0, at - UNIT_PREFIX_MAX), at + 1))
            at = text.find(head, at + 1)
    return sorted(starts)


def _unit_matches(text: str) -> Iterator[re.Match[str]]:
    """``unit_pattern.finditer(text)``, tried only where a match may start: from each
    such position in turn the match there, then on from its end."""
    lex = lexicon()
    end = 0
    for start in _unit_starts(text, lex.unit_heads):
        if start < end:
            continue  # inside the match before
        m = lex.unit_pattern.match(text, start)  # the lookbehind still sees text[:start]
        if m is not None:
            yield m
            end = m.end()


def _units(text: str, hits: list[Hit[list[Any]]]) -> list[_Found]:
    """The numbered units ("الفرقة 18") no dictionary hit (a block included) overlaps."""
    lex = lexicon()
    units: list[_Found] = []
    for m in _unit_matches(text):
        prefix = m.group(1)
        if prefix not in lex.unit_prefixes:
            continue
        # the mention starts at the article (or the second lam of لل)
        start = m.start(1) + (len(prefix) - 2 if prefix.endswith("ال") else len(prefix) - 1)
        if any(start < h.end and h.start < m.end() for h in hits):
            continue
        unit = f"ال{m.group(2)} {m.group(3)}"
        units.append(_Found(start, m.end(), lex.unit_parent, "unit", unit))
    return units


def _fits(actor_id: str, country: str | None) -> bool:
    """A generic alias or a unit counts in an article about one of its actor's countries,
    or in one that names no country at all."""
    return country is None or country in table().get(actor_id).countries


def _context_actor(
    actor_id: str, present: set[str], country: str | None, day: dt.date | None
) -> str | None:
    """Who a context alias names here: its actor when the article names a referent (or,
    up to ``context_until``, in an article about its country), else the fallback actor
    when that one's referents are named, else nobody."""
    t = table()
    actor = t.get(actor_id)
    if any(r in present for r in actor.context_of or (actor.id,)):
        return actor.id
    until = actor.context_until
    if until is not None and day is not None and day <= until and _fits(actor.id, country):
        return actor.id
    if actor.context_fallback:
        fallback = t.get(actor.context_fallback)
        if any(r in present for r in fallback.context_of or (fallback.id,)):
            return fallback.id
    return None


def _present(found: list[_Found]) -> set[str]:
    """Actor ids named explicitly (not through a context alias), with their parents."""
    t = table()
    ids: set[str] = set()
    for f in found:
        if f.rule == "context":
            continue
        ids.add(f.actor_id)
        actor = t.get(f.actor_id)
        if actor.parent:
            ids.add(actor.parent)
        ids.update(p.actor for p in actor.periods if p.actor)
    return ids


def _unit_text(doc: Document, start: int, end: int) -> str:
    """A unit as written, with the article restored after لل (للفرقة 18 -> الفرقة 18)."""
    text = doc.text[start:end].strip("\"'“”«»")
    if text.startswith("ل") and not text.startswith("ال"):
        text = "ا" + text
    return " ".join(text.split())


def _attributed(
    doc: Document, view: NormalizedView, f: _Found, after: Iterable[_Found]
) -> dict[str, Any]:
    """For an unidentified group: the named group a few words later, if linked to it."""
    rules = _attribution()
    for nxt in after:  # a few mentions at most: the window is a few words
        if nxt.actor_id in ("unidentified", "civilians") or nxt.rule == "unit":
            continue
        words = re.findall(r"\w+", view.text[f.vend : nxt.vstart])
        if len(words) > rules.max_words:
            return {}
        if any(w in rules.links for w in words) and "." not in view.text[f.vend : nxt.vstart]:
            name = resolve_full(nxt.actor_id, doc.pub_date).name
            out: dict[str, Any] = {"attributed_to": name, "attributed_id": nxt.actor_id}
            if any(w in rules.hedges for w in words):
                out["hedged"] = True
            return out
        return {}
    return {}


def _for_country(actor_id: str, country: str | None) -> str:
    """The actor named instead in an article about ``country`` (Civilians (Iraq)), else
    ``actor_id`` itself."""
    key = country or ""
    for name, ref in table().get(actor_id).by_country:
        if name == key:
            return ref
    return actor_id


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    view = doc.view
    t = table()
    hits = _find(view)
    found = _matches(view, hits)
    if not found:
        return doc  # half the news names no actor: no country or date to read
    country = doc_country(doc, hits)
    kept = [
        f
        for f in found
        if _in_article(doc, view, f.vstart, f.vend)
        and (f.rule not in ("generic", "unit") or _fits(f.actor_id, country))
    ]
    if not kept:
        return doc
    present = _present(kept)
    day, basis = era_date(doc, hits)
    resolve_day = doc.pub_date
    fallback = day if doc.pub_date is None else None
    mentions: list[Mention] = []
    for i, f in enumerate(kept):
        actor = t.get(_for_country(f.actor_id, country))
        if f.rule == "context":
            chosen = _context_actor(actor.id, present, country, resolve_day)
            if chosen is None:
                continue
            actor = t.get(chosen)
        start, end = view.to_original(f.vstart, f.vend)
        res = resolve_full(actor.id, resolve_day, fallback)
        attrs: dict[str, Any] = {
            "actor": res.name,
            "actor_id": actor.id,
            "actor_kind": res.kind if actor.parent is None or actor.kind is None else actor.kind,
            "country": res.country,
            "rule": f.rule,
        }
        unit = f.unit or actor.unit
        if unit is not None:
            attrs["unit"] = _unit_text(doc, start, end) if f.rule == "unit" else unit
        if actor.name_template and country and country not in actor.countries:
            attrs["actor"] = actor.name_template.format(country=country)
            attrs["country"] = country
        if actor.parent:
            attrs["parent"] = resolve_full(actor.parent, resolve_day, fallback).name
        if actor.person:
            attrs["person"] = actor.person
            attrs["role"] = res.role
        if doc.pub_date is None:
            attrs["date_basis"] = basis
            if len(res.candidates) > 1:
                attrs["candidates"] = list(res.candidates)
        if actor.id == "unidentified":
            attrs.update(_attributed(doc, view, f, kept[i + 1 : i + 9]))
        mentions.append(Mention("actor", start, end, doc.text[start:end], attrs))
    doc.mentions.extend(mentions)
    return doc
