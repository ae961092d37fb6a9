"""Stage ``events``: the events an article reports, as ACLED-style records.

Inputs: ``doc.sentences``, ``doc.paragraphs``, ``doc.tokens``, ``doc.view``,
``doc.regions`` (boilerplate) and the mentions of the earlier stages (``date``,
``number``, ``actor``, ``place``; each is used when present). Outputs: ``doc.events``
(:class:`~hadath.document.Event`), each with its evidence sentence, a span for every
field it fills and every source's casualty figure in ``figures``.

Steps (see :mod:`hadath.events`): detect candidate sentences, fill their slots, read
claims, sources and casualties, merge later mentions of one event into the first, split
per location, then apply the ACLED rules for type by target, fatalities and certainty.
"""

from __future__ import annotations

from hadath.document import Document, Event, Mention, Span
from hadath.events import attribution, casualties, detect, passage, slots
from hadath.events.lexicon import CueHit, DocCues, find_cues, has_trigger, lexicon
from hadath.events.merge import FAMILIES, Draft, merge, split_places
from hadath.settings import Settings

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize", "segment")
UNIDENTIFIED = "Unidentified Armed Group (Syria)"
# families whose perpetrator, when unnamed, is an unidentified armed group
_VIOLENT = frozenset({"clash", "bomb", "abduction", "looting"})


def prepare(settings: Settings) -> None:
    lexicon()


def _drafts(doc: Document, cues: DocCues) -> list[Draft]:
    cands = detect.detect(doc, cues)
    by_sentence = {c.sentence.start: c for c in cands}
    drafts: list[Draft] = []
    seen_sources: list[attribution.Source] = []
    for sentence in detect.body_sentences(cues):
        sources = attribution.sources_in(cues, sentence, seen_sources)
        seen_sources += sources
        claims = attribution.claims_in(cues, sentence)
        # figures are read against the cited sources; Amaq, named as the channel of a
        # claim, joins reported_by only
        cited = list(sources)
        amaq = attribution.amaq_source(cues, sentence)
        if amaq is not None:
            sources.append(amaq)
        cand = by_sentence.get(sentence.start) or _another(doc, cues, drafts, sentence)
        if cand is None:
            _attach(doc, cues, drafts, sentence, sources, claims, cited)
            continue
        para = doc.paragraph_at(sentence.start)
        s = slots.Slots()
        slots.fill_actors(cues, cand, s)
        slots.fill_place(cues, cand, s, para)
        slots.fill_date(cues, cand, s)
        draft = Draft(cand, s, cues.paragraphs.index_at(sentence.start), sources, claims)
        draft.self_claims = cues.within("self_claim", sentence.start, sentence.end)
        draft.hedged = s.hedged_actor1
        draft.new_event = bool(cues.within("new_event", sentence.start, sentence.end))
        draft.consequence = passage.consequence(cues, cand)
        draft.by_attackers = passage.by_attackers(cues, cand)
        if by_sentence.get(sentence.start) is None:
            # "قيادي آخر": the same attacker as the event before, by inference
            prev = drafts[-1].slots.actor1 if drafts else None
            if s.actor1 is None and prev is not None:
                s.actor1 = prev
                draft.actor1_outside = True
            draft.new_event = True
        draft.casualties.append(casualties.read(cues, sentence, cited, False, lead=True))
        drafts.append(draft)
    return drafts


def _another(
    doc: Document, cues: DocCues, drafts: list[Draft], sentence: Span
) -> detect.Candidate | None:
    """ "وبعد ذلك بثلاثة أيام، قُتل قيادي آخر للتنظيم في دير الزور": no trigger, but
    "another" victim after an event just told is another event of the same kind."""
    if not drafts or cues.paragraphs.index_at(sentence.start) - drafts[-1].paragraph > 1:
        return None
    if doc.in_boilerplate(sentence.start, sentence.end):
        return None
    for cue in cues.within("killed", sentence.start, sentence.end):
        victim = [h for h in cues.within("singular", cue.end, sentence.end) if h.key != "اخر"]
        if not victim or cues.words_between(cue.end, victim[0].start) > 0:
            continue
        other = [h for h in cues.within("singular", victim[0].end, sentence.end) if h.key == "اخر"]
        if not other or cues.words_between(victim[0].end, other[0].start) > 0:
            continue
        prev = drafts[-1].cand
        trigger = CueHit(cue.start, cue.end, "trigger", prev.trigger.value, cue.key, cue.prefix)
        cand = detect.Candidate(sentence, trigger, prev.cls, [trigger])
        cand.anchored = True
        return cand
    return None


def _attach(
    doc: Document,
    cues: DocCues,
    drafts: list[Draft],
    sentence: Span,
    sources: list[attribution.Source],
    claims: list[tuple[CueHit, str | None]],
    cited: list[attribution.Source],
) -> None:
    """A sentence with no event of its own may add a toll, a claim or a perpetrator."""
    if not drafts:
        return
    last = drafts[-1]
    distance = cues.paragraphs.index_at(sentence.start) - last.paragraph
    if distance > 3:
        return
    # a sentence naming the event again ("ولم تتبنَّ أي جهة التفجير") may come later
    if distance > 2 and not any(
        FAMILIES.get(h.value.cls) == last.family
        for h in cues.within("trigger", sentence.start, sentence.end)
    ):
        return
    boast = bool(cues.within("boast", sentence.start, sentence.end))
    cas = casualties.read(cues, sentence, cited, bool(claims) or boast)
    hedges = cues.within("hedge", sentence.start, sentence.end)
    perp = cues.within("perpetrator", sentence.start, sentence.end)
    added = False
    # a cited source's toll ("أفاد المرصد بأن حصيلة القتلى بلغت ستة") may come after a
    # paragraph of detail
    reach = 2 if cited and any(f.kind == "killed" and f.source for f in cas.figures) else 1
    if (cas.figures or cas.unknown) and distance <= reach:
        # a toll belongs to the last event that counted its dead
        counted = next((d for d in reversed(drafts) if _counts_killed(d)), None)
        target = (
            counted if counted is not None and counted.paragraph >= last.paragraph - 2 else last
        )
        target.casualties.append(cas)
        target.sources += sources
        added = target is last
    if claims:
        last.claims += claims
        added = True
    actors = cues.mentions.inside("actor", sentence.start, sentence.end)
    isis = next((m for m in actors if slots.is_isis(m.get("actor"))), None)
    state_act = last.cand.cls.name in ("disrupted", "arrest")
    if isis is not None and (perp or claims or hedges):
        if state_act and last.slots.actor2 is None:
            # "مرجحاً أن تكون خلايا داعش هي المسؤولة": whose plot was foiled
            last.slots.actor2 = isis
            added = True
        elif not state_act and last.slots.actor1 is None and (perp or claims):
            last.slots.actor1 = isis
            last.actor1_outside = True
            last.hedged = bool(hedges)
            added = True
    if hedges and last.actor1_outside and distance <= 1 and not last.hedged:
        # "فيما يُعتقد أنه بتنسيق مع …": the inferred attacker is only suspected
        last.hedged = True
    if added:
        last.sources += sources


def _counts_killed(draft: Draft) -> bool:
    return any(f.kind == "killed" for c in draft.casualties for f in c.figures)


def _type(draft: Draft) -> tuple[str, str]:
    cls, s = draft.cand.cls, draft.slots
    victim = s.actor2_name or (s.actor2.get("actor") if s.actor2 is not None else None)
    civilian = slots.is_civilian(victim)
    names = {t.value.cls for t in draft.cand.triggers}
    if cls.name.startswith("attack") and "looting" in names:
        # an attack that only burned or took property: "هاجمت ... وأحرقت ثلاثة صهاريج"
        killed = [f for c in draft.casualties for f in c.figures if f.kind == "killed" and f.value]
        if not killed:
            looting = lexicon().classes["looting"]
            return looting.event_type, looting.sub_event_type
    if cls.civilian and civilian:
        return cls.civilian
    if cls.armed and (s.armed_target and not civilian):
        return cls.armed
    names = {t.value.cls for t in draft.cand.triggers}
    if cls.name == "attack" and "looting" in names:
        killed = [f for c in draft.casualties for f in c.figures if f.kind == "killed" and f.value]
        if not killed:
            looting = lexicon().classes["looting"]
            return looting.event_type, looting.sub_event_type
    return cls.event_type, cls.sub_event_type


def _date_fields(m: Mention | None) -> tuple[str | None, str | None]:
    if m is None:
        return None, None
    precision = m.get("precision")
    day = m.get("day")
    value = m.get("value")
    if day:
        return str(day), precision or "day"
    if not value:
        return None, None
    value = str(value)
    if len(value) == 7:
        return value + "-01", precision or "month"
    if len(value) == 4:
        return value + "-01-01", precision or "year"
    return value, precision or "day"


def _build(doc: Document, cues: DocCues, draft: Draft, place: Mention | None, n: int) -> Event:
    s = draft.slots
    sent = draft.cand.sentence
    event_type, sub = _type(draft)
    ev = Event(
        id=f"{doc.doc}#{n}",
        event_type=event_type,
        sub_event_type=sub,
        evidence=doc.text[sent.start : sent.end],
        evidence_start=sent.start,
        evidence_end=sent.end,
    )
    ev.spans["event_type"] = [draft.cand.trigger.start, draft.cand.trigger.end]
    claims = [c for c in draft.claims]
    claimer = next((c[1] for c in claims if c[1]), None)
    if s.actor1 is not None:
        ev.actor1 = str(s.actor1.get("actor"))
        ev.unit1 = s.actor1.get("unit")
        ev.spans["actor1"] = [s.actor1.start, s.actor1.end]
    if claimer is not None and (ev.actor1 is None or slots.is_unidentified(ev.actor1)):
        # "مسلحون مجهولون" then "تبنى التنظيم": the claim names the attacker
        ev.actor1 = claimer
        draft.actor1_outside = True
    elif ev.actor1 is None and draft.cand.cls.name == "protest":
        ev.actor1 = "Protesters (Syria)"
    elif ev.actor1 is None and (
        cues.within("unclaimed", sent.start, sent.end) or draft.family in _VIOLENT
    ):
        # ACLED's convention for a perpetrator the text does not name
        ev.actor1 = UNIDENTIFIED
    if draft.cand.cls.name == "protest":
        pass  # a protest has no target
    elif s.actor2 is not None:
        ev.actor2 = str(s.actor2.get("actor"))
        ev.unit2 = s.actor2.get("unit")
        ev.spans["actor2"] = [s.actor2.start, s.actor2.end]
    elif s.actor2_name:
        ev.actor2 = s.actor2_name
    elif (
        draft.cand.cls.name in ("air", "shelling", "disrupted", "arrest")
        and ev.actor1
        and not slots.is_isis(ev.actor1)
    ):
        isis = passage.isis_in_passage(cues, draft)
        if isis is not None:
            ev.actor2 = str(isis.get("actor"))
            ev.spans["actor2"] = [isis.start, isis.end]
        elif draft.cand.cls.name == "arrest":
            ev.actor2 = slots.CIVILIANS
    if ev.actor2 is not None and ev.actor2 == ev.actor1:
        ev.actor2 = None
    if place is not None:
        ev.location_ar = place.get("name_ar") or place.text
        ev.location_en = place.get("name_en")
        ev.admin1 = place.get("admin1")
        ev.admin2 = place.get("admin2")
        ev.latitude = place.get("latitude")
        ev.longitude = place.get("longitude")
        ev.geo_precision = place.get("geo_precision")
        ev.spans["location"] = [place.start, place.end]
        other = next((m for m in s.places if m is not place and m.start > place.start), None)
        if other is not None and draft.cand.sentence.contains(other.start, other.end):
            ev.site_ar = other.get("name_ar") or other.text
    ev.date, ev.date_precision = _date_fields(s.date)
    if s.date is not None:
        ev.date_expr = s.date.text
        ev.spans["date"] = [s.date.start, s.date.end]
    passage.own_claims(cues, draft, ev.actor1)
    counts = casualties.combine(draft.casualties)
    ev.fatalities, ev.fatalities_low, ev.fatalities_high = (
        counts.fatalities,
        counts.fatalities_low,
        counts.fatalities_high,
    )
    ev.injured, ev.captured_or_missing = counts.injured, counts.captured
    if ev.fatalities is None and (
        ev.event_type == "Protests" or sub == "Looting/property destruction"
    ):
        # a peaceful protest or a theft with no victim reported
        ev.fatalities = 0
    ev.spans.update(counts.spans)
    ev.figures = [f.to_dict() for c in draft.casualties for f in c.figures]
    names: list[str] = []
    for src in draft.sources:
        if src.name not in names:
            names.append(src.name)
    ev.reported_by = names
    announced = passage.announces_own(cues, draft)
    self_claim = (
        (bool(draft.self_claims) or announced)
        and ev.actor1 is not None
        and not slots.is_isis(ev.actor1)
    )
    if claimer is not None:
        ev.claimed_by = claimer
    elif self_claim:
        ev.claimed_by = ev.actor1
    lead_claim = any(sent.contains(c[0].start, c[0].end) for c in claims)
    if draft.hedged:
        ev.certainty = "suspected"
    elif (
        claimer is not None and (lead_claim or s.actor1 is None or draft.actor1_outside)
    ) or self_claim:
        ev.certainty = "claimed"
    else:
        ev.certainty = "reported"
    return ev


def run(doc: Document, settings: Settings) -> Document:
    if doc.view is None or not doc.sentences:
        return doc
    if not has_trigger(doc):
        # Every event starts from a trigger: detect() keeps only sentences with a trigger
        # hit, and _another() only follows an event already drafted. Without any trigger
        # there is no draft, so the other cue categories need not be looked for.
        doc.events = []
        return doc
    cues = find_cues(doc)
    drafts = merge(_drafts(doc, cues))
    passage.inherit(doc, cues, drafts)
    events: list[Event] = []
    for draft in drafts:
        for place in split_places(doc.text, draft):
            ev = _build(doc, cues, draft, place, len(events) + 1)
            if doc.in_boilerplate(ev.evidence_start, ev.evidence_end):
                continue
            if ev.location_ar is None and ev.date is None and not ev.date_expr:
                continue  # neither place nor time: a vague reference, not an event
            events.append(ev)
    doc.events = events
    return doc
