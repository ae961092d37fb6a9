"""Reading an event against its passage: what the sentences around it settle.

- :func:`inherit`: an event told "عقب"/"بالتزامن" with the last one, with no date of
  its own, happens on its day ("في اليوم ذاته" always does); one with no place of its
  own happens where the passage is;
- :func:`isis_in_passage`: ISIS named in the paragraph (or the one before) is the
  target of strikes and arrests told there;
- :func:`own_claims`: a toll given by the attacker itself is a claim;
- :func:`announces_own`: an attacker announcing its own strike claims it;
- :func:`consequence`: "العملية أسفرت عن ... إلقاء القبض" tells what an event led to.
"""

from __future__ import annotations

from hadath.document import Document, Mention
from hadath.events import detect, slots
from hadath.events.lexicon import DocCues
from hadath.events.merge import Draft


def isis_in_passage(cues: DocCues, draft: Draft) -> Mention | None:
    """ISIS named in the event's paragraph or the one before: the target of strikes
    and arrests there."""
    doc = cues.doc
    para = doc.paragraph_at(draft.cand.sentence.start)
    if para is None:
        return None
    i = cues.paragraphs.position(para)
    start = doc.paragraphs[i - 1].start if i > 0 else para.start
    near = cues.mentions.starting("actor", start, para.end)
    isis = [m for m in near if slots.is_isis(m.get("actor"))]
    own = [m for m in isis if para.contains(m.start, m.end)]
    found = own or isis
    return found[0] if found else None


def own_claims(cues: DocCues, draft: Draft, actor1: str | None) -> None:
    """A toll given by the attacker itself ("وزارة الدفاع الروسية" on its own strikes)
    is a claim: it may raise ``high`` but is no report."""
    if actor1 is None or draft.family in ("arrest", "sweep"):
        return
    for cas in draft.casualties:
        for f in cas.figures:
            if f.source_span is None or f.kind != "killed":
                continue
            s, e = f.source_span
            for m in cues.mentions.starting("actor", s, e):
                if m.get("actor") == actor1:
                    f.claim = True


def announces_own(cues: DocCues, draft: Draft) -> bool:
    """ "أعلنت القيادة المركزية الأمريكية مقتل قيادي بغارة": the attacker announces
    its own strike."""
    a1 = draft.slots.actor1
    if a1 is None or draft.family in ("arrest", "sweep"):
        return False  # a ministry announcing its arrests reports them
    for h in cues.within("attrib", draft.cand.sentence.start, a1.start):
        if "علن" in h.key and cues.words_between(h.end, a1.start) <= 3:
            return True
    return False


def consequence(cues: DocCues, cand: detect.Candidate) -> bool:
    """ "العملية أسفرت عن ... إلقاء القبض": the trigger tells what an event led to."""
    for h in cues.within("consequence", cand.sentence.start, cand.trigger.start):
        if cues.words_between(h.end, cand.trigger.start) <= 6:
            return True
    return False


def by_attackers(cues: DocCues, cand: detect.Candidate) -> bool:
    """ "وأن المهاجمين استولوا على أسلحة وذخائر": looting by the attackers of an event
    told before (named as "المهاجمين", or with "الهجوم" in the sentence)."""
    if cand.cls.name != "looting":
        return False
    trig = cand.trigger
    for h in cues.within("perpetrators", cand.sentence.start, cand.sentence.end):
        gap = cues.words_between(min(h.end, trig.start), max(h.start, trig.end))
        if gap <= 2:
            return True
    return cand.definite or any(
        t is not trig and t.value.cls.startswith("attack") for t in cand.triggers
    )


def inherit(doc: Document, cues: DocCues, drafts: list[Draft]) -> None:
    """Events told "عقب"/"بالتزامن" with the last one happen on its day; an event
    with no place of its own happens where the passage is."""
    prev: Draft | None = None
    for d in drafts:
        sent = d.cand.sentence
        same_day = bool(cues.within("same_day", sent.start, sent.end))
        follows = d.slots.date is None and bool(cues.within("sequence", sent.start, sent.end))
        if prev is not None and prev.slots.date is not None and (same_day or follows):
            d.slots.date = prev.slots.date
        linked = follows or bool(cues.within("sequence", sent.start, sent.end))
        if (
            prev is not None
            and d.slots.place is None
            and (linked or d.paragraph - prev.paragraph <= 1)
        ):
            d.slots.place, d.slots.places = prev.slots.place, prev.slots.places
        prev = d
