"""Slot filling: who acted, against whom, where and when, from the earlier stages' mentions.

Actors (``actor`` mentions) get a role from the words around them: the subject right
after an agent verb ("شنّت الطائرات الروسية"), a perpetrator cue ("نصبته", "على يد",
"تتبع لـ") or a hedge makes the actor who acted; a casualty word before it ("قُتل
عناصر من"), a target word ("هجوم على", "ضد", "مواقع") makes the target. When the
words say nothing, the trigger class decides: ISIS is the attacker in attacks and
bombings and the target of air strikes, shelling and arrests.

The place is the first place of the sentence that is not a governorate or a region,
skipping places where someone came from or was taken ("المتمركزة في", "نُقل إلى"); a
region counts only when there is nothing more precise. The date is the date mention
nearest the trigger, preferring one that is not the date of a claim or announcement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hadath.document import Mention, Span
from hadath.events.detect import Candidate, clause_at
from hadath.events.index import EndingBy
from hadath.events.lexicon import DocCues

ISIS = "Islamic State (Syria)"
CIVILIANS = "Civilians (Syria)"
# classes in which ISIS, when named, is the target rather than the attacker
_STATE_ACTS = frozenset({"air", "shelling", "arrest", "disrupted", "sweep"})
_ISIS_NEVER_ACTS = frozenset({"air", "arrest", "disrupted", "sweep"})


def is_isis(name: str | None) -> bool:
    return bool(name) and "Islamic State" in str(name)


def is_unidentified(name: str | None) -> bool:
    return bool(name) and str(name).startswith("Unidentified")


def _same_side(a: Mention | None, b: Mention) -> bool:
    if a is None:
        return False
    x, y = str(a.get("actor")), str(b.get("actor"))
    return x == y or ("of Syria (2024-)" in x and "of Syria (2024-)" in y)


def is_civilian(name: str | None) -> bool:
    return bool(name) and str(name).startswith(("Civilians", "Protesters"))


@dataclass
class Slots:
    """What one candidate says, with the span each value came from."""

    actor1: Mention | None = None
    actor2: Mention | None = None
    actor2_name: str | None = None
    place: Mention | None = None
    places: Sequence[Mention] = field(default_factory=list)
    own_place: bool = False
    date: Mention | None = None
    hedged_actor1: bool = False
    civilian_target: bool = False
    armed_target: bool = False


def _mentions(cues: DocCues, kind: str, span: Span) -> list[Mention]:
    doc = cues.doc
    out = [
        m
        for m in cues.mentions.inside(kind, span.start, span.end)
        if not doc.in_boilerplate(m.start, m.end)
    ]
    if kind == "actor":
        # "الخاضعة لسيطرة قسد", "بدعم جوي من التحالف": context, not a party
        out = [m for m in out if not _near_before(cues, "context", span.start, m.start, 1)]
    return out


def _near_before(cues: DocCues, cat: str, clause_start: int, offset: int, words: int) -> bool:
    return cues.near_before(cat, clause_start, offset, words)


def _role(cues: DocCues, cand: Candidate, m: Mention) -> str | None:
    """``agent``, ``target`` or None (the words around say nothing)."""
    text = cues.doc.text
    cs, _ = clause_at(cues, cand.sentence, m.start)
    start = cand.sentence.start
    if _near_before(cues, "hedge", start, m.start, cues.lex.hedge_window):
        return "agent" if cand.cls.name not in _STATE_ACTS else "target"
    if _near_before(cues, "perpetrator", cs, m.start, 3):
        return "agent"
    if _near_before(cues, "agent", cs, m.start, 3):
        return "agent"
    # subject before its verb: "دورية من قوى الأمن الداخلي ألقت القبض"
    _, ce = clause_at(cues, cand.sentence, m.start)
    after = cues.within("agent", m.end, ce)
    if after and cues.words_between(m.end, after[0].start) == 0:
        return "agent"
    for cat in ("killed", "injured", "captured"):
        for h in cues.within(cat, cs, m.start):
            gap = cues.words_between(h.end, m.start)
            # "قُتل ثمانية عناصر من قوات النظام": the victims' side
            if gap <= 2 or (gap <= 6 and " من " in f" {text[h.end : m.start]} "):
                return "target"
    if _near_before(cues, "target", cs, m.start, 3):
        return "target"
    # subject before its verb: "عناصر التنظيم استهدفوا"
    _, ce = clause_at(cues, cand.sentence, m.start)
    after = cues.within("agent", m.end, ce)
    if after and cues.words_between(m.end, after[0].start) == 0:
        return "agent"
    return None


def fill_actors(cues: DocCues, cand: Candidate, slots: Slots) -> None:
    actors = _mentions(cues, "actor", cand.sentence)
    agents: list[Mention] = []
    targets: list[Mention] = []
    unknown: list[Mention] = []
    for m in actors:
        role = _role(cues, cand, m)
        (agents if role == "agent" else targets if role == "target" else unknown).append(m)
    state_act = cand.cls.name in _STATE_ACTS
    for m in unknown:
        # the domain prior: ISIS attacks, and is struck by air strikes and arrests
        if is_isis(m.get("actor")):
            (targets if state_act else agents).append(m)
        else:
            (agents if state_act else targets).append(m)
    # unknown gunmen are never the target, civilians never the attacker, and a named
    # group beats unknown gunmen as attacker
    targets = [m for m in targets if not is_unidentified(m.get("actor"))]
    if cand.cls.name != "protest":
        targets += [m for m in agents if is_civilian(m.get("actor"))]
        agents = [m for m in agents if not is_civilian(m.get("actor"))]
    agents.sort(key=lambda m: is_unidentified(m.get("actor")))
    if cand.cls.name in _ISIS_NEVER_ACTS:
        # ISIS arrests nobody and flies no jets: named there, it is the target
        targets += [m for m in agents if is_isis(m.get("actor"))]
        agents = [m for m in agents if not is_isis(m.get("actor"))]
    a1 = agents[0] if agents else None
    if a1 is None and any(is_isis(m.get("actor")) for m in targets):
        # ISIS fighters killed or arrested: the other party acted
        a1 = next((m for m in targets if not is_isis(m.get("actor"))), None)
    a2 = next((m for m in targets if m is not a1 and not _same_side(a1, m)), None)
    slots.actor1, slots.actor2 = a1, a2
    start = cand.sentence.start
    if a1 is not None:
        slots.hedged_actor1 = _near_before(cues, "hedge", start, a1.start, cues.lex.hedge_window)
    civ = cues.within("civilian", cand.sentence.start, cand.sentence.end)
    armed = cues.within("armed", cand.sentence.start, cand.sentence.end)
    slots.civilian_target = bool(civ) and not armed
    slots.armed_target = bool(armed)
    victims = slots.civilian_target or cand.cls.name == "abduction"
    if slots.actor2 is None and cand.cls.name != "protest" and victims:
        slots.actor2_name = CIVILIANS


def _geo(m: Mention) -> int:
    value = m.get("geo_precision")
    return int(value) if value else 3


def _is_precise(m: Mention) -> bool:
    return _geo(m) <= 2 and m.get("feature") != "country"


def _usable_places(cues: DocCues, span: Span) -> list[Mention]:
    """The places of ``span``, less those where someone came from or was taken."""
    return [
        m
        for m in _mentions(cues, "place", span)
        if not _near_before(cues, "origin", span.start, m.start, 4)
    ]


class _PassagePlaces:
    """The usable places of one paragraph, and the precise ones among them.

    Whether a place is usable or precise depends on the paragraph only, not on the
    sentence that asks: computed once per paragraph, each sentence takes the ones
    ending before it.
    """

    def __init__(self, usable: list[Mention]) -> None:
        self.usable = EndingBy(usable)
        self.precise = EndingBy([m for m in usable if _is_precise(m)])

    def before(self, offset: int) -> tuple[Sequence[Mention], Sequence[Mention]]:
        """(usable, precise) places ending at or before ``offset``, in order: the
        precise ones among the usable ones ending by the offset."""
        return self.usable.ending_by(offset), self.precise.ending_by(offset)


def _passage_places(cues: DocCues, paragraph: Span) -> _PassagePlaces:
    found = cues.memo.get(("passage_places", paragraph))
    if not isinstance(found, _PassagePlaces):
        found = _PassagePlaces(_usable_places(cues, paragraph))
        cues.memo[("passage_places", paragraph)] = found
    return found


def fill_place(cues: DocCues, cand: Candidate, slots: Slots, paragraph: Span | None) -> None:
    places: Sequence[Mention] = _usable_places(cues, cand.sentence)
    precise: Sequence[Mention]
    slots.own_place = bool(places)
    if not places:
        # where someone came from beats nothing ("المتمركزة في محيط مدينة معدان")
        places = _mentions(cues, "place", cand.sentence)
    if not places and paragraph is not None:
        # the passage before the sentence, not what the paragraph tells after it
        places, precise = _passage_places(cues, paragraph).before(cand.sentence.start)
    else:
        precise = [m for m in places if _is_precise(m)]
    if not precise and places:
        # a region only ("في عمق البادية"): the base the fire came from is nearer
        # the event than the whole region ("المتمركزة في محيط مدينة معدان")
        precise = [
            m
            for m in _mentions(cues, "place", cand.sentence)
            if _geo(m) <= 2 and _near_before(cues, "base", cand.sentence.start, m.start, 4)
        ]
    slots.places = precise
    if precise:
        slots.place = precise[0]
    elif places:
        slots.place = places[0]


def fill_date(cues: DocCues, cand: Candidate, slots: Slots) -> None:
    dates = _mentions(cues, "date", cand.sentence)
    if not dates:
        # "ففي 11 من الشهر. ومباشرة بعد ...": a date stranded in a fragment before
        i = cues.sentences.last_ending_by(cand.sentence.start)
        prev = cues.doc.sentences[i] if i >= 0 else None
        if prev is not None and cues.words_between(prev.start, prev.end) <= 6:
            before = _mentions(cues, "date", prev)
            if before and before[-1].get("value"):
                slots.date = before[-1]
        return
    anchor = cand.trigger.start
    claims = cues.within("claim", cand.sentence.start, cand.sentence.end)
    announce = [
        h for h in cues.within("attrib", cand.sentence.start, cand.sentence.end) if "علن" in h.key
    ]

    def score(m: Mention) -> tuple[int, int, int]:
        near_claim = any(
            h.end <= m.start and cues.words_between(h.end, m.start) <= 4 for h in claims + announce
        )
        unresolved = 0 if m.get("value") else 1
        return (
            int(near_claim),
            unresolved,
            abs(cues.words_between(min(anchor, m.start), max(anchor, m.start))),
        )

    slots.date = min(dates, key=score)
