"""One event per real event within an article.

Articles tell an event in the lead and come back to it: "تعرّض الرتل لهجوم" in the next
paragraph, "الهجوم على سجن غويران" after "الهجوم على سجن الصناعة", the Amaq claim, a
second source's toll. A later candidate merges into an earlier one of the same family
when nothing tells them apart: no conflicting date, no conflicting actor, no "new event"
cue ("في حادثة أخرى", "يعاود"), and either a definite reference ("الهجوم"), the same
place, or no more than one paragraph between them. The first mention keeps its values;
later ones fill what it lacks and add their sources, claims and figures.

Sentences with no trigger of their own that give a toll ("حصيلة القتلى بلغت تسعة"),
a claim or a hedged perpetrator ("رجّحت وقوف خلايا التنظيم وراءه") attach to the
event told just before them.

When a sentence lists several places for one event ("في مناطق الشولا وكباجب"), the
event is split into one per place, as ACLED does; the split events share the evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hadath.document import Mention
from hadath.events.attribution import Source
from hadath.events.casualties import Casualties
from hadath.events.detect import Candidate
from hadath.events.lexicon import CueHit
from hadath.events.slots import Slots
from hadath.text.view import normalize

FAMILIES: dict[str, str] = {
    "attack": "clash",
    "attack_weak": "clash",
    "killing": "clash",
    "territory": "clash",
    "ied": "bomb",
    "suicide": "bomb",
    "air": "air",
    "shelling": "shelling",
    "abduction": "abduction",
    "arrest": "arrest",
    "disrupted": "arrest",
    "looting": "looting",
    "protest": "protest",
    "sweep": "sweep",
}


@dataclass
class Draft:
    """An event being assembled from one or more candidates."""

    cand: Candidate
    slots: Slots
    paragraph: int
    sources: list[Source] = field(default_factory=list)
    claims: list[tuple[CueHit, str | None]] = field(default_factory=list)
    self_claims: list[CueHit] = field(default_factory=list)
    casualties: list[Casualties] = field(default_factory=list)
    merged: list[Candidate] = field(default_factory=list)
    new_event: bool = False
    hedged: bool = False
    actor1_outside: bool = False  # actor1 came from another sentence than the lead one
    consequence: bool = False  # "العملية أسفرت عن ...": what the last event led to
    by_attackers: bool = False  # "وأن المهاجمين استولوا على أسلحة": the attack's own act

    @property
    def family(self) -> str:
        return FAMILIES.get(self.cand.cls.name, self.cand.cls.name)


def date_of(m: Mention | None) -> dt.date | None:
    if m is None:
        return None
    value = m.get("day") or m.get("value")
    if not value or len(str(value)) != 10:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def place_key(m: Mention | None) -> str:
    if m is None:
        return ""
    name = str(m.get("name_ar") or m.text)
    norm = normalize(name)
    norm = re.sub(r"\b(ال|بادية|ريف|محيط|قرب|طريق)", " ", norm)
    return " ".join(norm.replace("ال", "").split())


def _own(d: Draft) -> Mention | None:
    """The draft's own place, when precise enough to tell two events apart."""
    m = d.slots.place
    if m is None or not d.slots.own_place or int(m.get("geo_precision") or 3) > 2:
        return None
    return m


def _places_compatible(a: Mention | None, b: Mention | None) -> bool:
    ka, kb = place_key(a), place_key(b)
    if not ka or not kb:
        return True
    return ka in kb or kb in ka


def _actor(m: Mention | None) -> str | None:
    return str(m.get("actor")) if m is not None else None


# "الهجوم" may name any violent event told before: a bombing, an ambush, a killing
_GENERIC = frozenset({"attack", "attack_weak"})
_VIOLENT = frozenset({"clash", "bomb"})


def can_merge(first: Draft, later: Draft) -> bool:
    generic = later.cand.definite and later.cand.cls.name in _GENERIC
    same = first.family == later.family or (generic and first.family in _VIOLENT)
    # what the attackers took or burned during an attack is part of it, not a Looting event
    same = same or (later.by_attackers and first.family in _VIOLENT)
    if not same or later.new_event:
        return False
    da, db = date_of(first.slots.date), date_of(later.slots.date)
    if da and db and abs((da - db).days) > 1:
        return False
    a1, b1 = _actor(first.slots.actor1), _actor(later.slots.actor1)
    # "مجهولون" first, the claimant later: no conflict
    if (
        a1
        and b1
        and a1 != b1
        and not (a1.startswith("Unidentified") or b1.startswith("Unidentified"))
    ):
        return False
    near = later.paragraph - first.paragraph <= 1
    same_place = _places_compatible(_own(first), _own(later))
    if da and db and same_place:
        return True
    if later.cand.definite:
        return same_place or near
    return near and (same_place or later.slots.date is None)


def absorb(first: Draft, later: Draft) -> None:
    """Fill ``first`` with what ``later`` adds about the same event."""
    s, o = first.slots, later.slots
    if s.actor1 is None and o.actor1 is not None:
        s.actor1 = o.actor1
        first.actor1_outside = True
        first.hedged = first.hedged or later.hedged
    if s.actor2 is None and s.actor2_name is None:
        s.actor2, s.actor2_name = o.actor2, o.actor2_name
    if s.place is None:
        s.place, s.places = o.place, o.places
    if s.date is None:
        s.date = o.date
    first.sources += later.sources
    first.claims += later.claims
    first.self_claims += later.self_claims
    first.casualties += later.casualties
    first.merged.append(later.cand)


def merge(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        if draft.consequence and out and draft.paragraph - out[-1].paragraph <= 1:
            absorb(out[-1], draft)
            continue
        target = next((d for d in reversed(out) if can_merge(d, draft)), None)
        if target is not None:
            absorb(target, draft)
        elif not draft.cand.definite or (draft.cand.anchored and not draft.cand.anaphora):
            out.append(draft)
    return out


def split_places(text: str, draft: Draft) -> list[Mention | None]:
    """The places of a draft's lead sentence listed together ("الشولا وكباجب")."""
    places = [m for m in draft.slots.places if m.start >= draft.cand.trigger.start]
    if len(places) < 2:
        return [draft.slots.place]
    run = [places[0]]
    for m in places[1:]:
        gap = text[run[-1].end : m.start]
        if re.fullmatch(r"[\s#،,]*(و|او|أو)?[\s#]*", gap) and re.search(
            r"[،,]|(^|\s|#)(و|او|أو)", gap
        ):
            run.append(m)
        else:
            break
    if len(run) < 2 or draft.slots.place is not run[0]:
        return [draft.slots.place]
    return list(run)
