"""Event detection: which sentences state an event, and of which kind.

A sentence states an event when it holds a trigger (``data/triggers.yaml``) that is not
blocked. A trigger is blocked when, in its clause and a few words before it, a cue says
it did not happen or has not happened yet: negation ("لم"), hypothesis ("في حال", "قد"
outside the pluperfect "كان ... قد"), plan ("يعتزم", "يخطط"), threat ("توعد") or
analysis ("يبدو", "يسعى"). A plural trigger ("هجمات") counts only when its sentence
has a place or a date of its own and no aggregate cue ("منذ مطلع العام").

Of the triggers left in a sentence, the class with the highest priority decides the
event type (a "هجوم" carried out "بحزام ناسف" is a suicide bombing).

Title, dateline and boilerplate lines are skipped: the title repeats the body, and
boilerplate may describe events that are never coded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from hadath.document import Document, Span
from hadath.events.lexicon import CueHit, DocCues, TriggerClass

# clause boundaries inside a sentence
_CLAUSE = re.compile(r"[،,:؛;]|\s[-–—]\s")
# a dateline: a short line with a separator and digits ("حمص – منصة | الأحد 14 آذار 2021")
_DATELINE = re.compile(r"[|–—]")
_MAX_TITLE = 220
# attribution cues that are prepositions, not speech verbs
_PREPS = frozenset({"بحسب", "حسب", "وفق", "وفق ما", "بحسب ما", "وفقا ل", "نقلا عن"})


@dataclass
class Candidate:
    """One sentence that states an event, before its slots are filled."""

    sentence: Span
    trigger: CueHit
    cls: TriggerClass
    triggers: list[CueHit] = field(default_factory=list)
    definite: bool = False
    anaphora: bool = False
    anchored: bool = False


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of ``text[start:end]``, split at commas, colons and dashes."""
    out = []
    pos = start
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def clause_of(text: str, sentence: Span, offset: int) -> tuple[int, int]:
    for s, e in clauses(text, sentence.start, sentence.end):
        if s <= offset < e:
            return s, e
    return sentence.start, sentence.end


def clause_at(cues: DocCues, sentence: Span, offset: int) -> tuple[int, int]:
    """``clause_of(cues.doc.text, sentence, offset)``, with the sentence's clauses split
    once per document (a sentence is asked for each of its triggers and actors)."""
    key = ("clauses", (sentence.start, sentence.end))
    bounds = cues.memo.get(key)
    if bounds is None:
        found = clauses(cues.doc.text, sentence.start, sentence.end)
        bounds = cues.memo[key] = ([s for s, _ in found], [e for _, e in found])
    starts, ends = bounds
    # clauses are disjoint and in text order: only the last one starting by ``offset``
    # can hold it
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < ends[i]:
        return starts[i], ends[i]
    return sentence.start, sentence.end


def header_end(doc: Document) -> int:
    """Offset where the article body starts: after the title and dateline lines."""
    if len(doc.paragraphs) < 3:
        return 0
    end = 0
    for para in doc.paragraphs[:3]:
        line = doc.text[para.start : para.end]
        is_title = para is doc.paragraphs[0] and len(line) <= _MAX_TITLE and not line.endswith(".")
        is_dateline = (
            len(line) <= 120 and bool(_DATELINE.search(line)) and any(c.isdigit() for c in line)
        )
        title_span = doc.meta_spans.get("title")
        if title_span is not None and title_span.overlaps(para.start, para.end):
            is_title = True
        if is_title or is_dateline or doc.in_boilerplate(para.start, para.end):
            end = para.end
        else:
            break
    return end


def sentences(doc: Document) -> list[Span]:
    """The document's sentences, rejoined where a full stop broke a word ("د.ا.عش")."""
    out: list[Span] = []
    for sent in doc.sentences:
        if out:
            prev = out[-1]
            gap = doc.text[prev.end : sent.start]
            if not gap and doc.text[prev.end - 1] == "." and sent.start < len(doc.text):
                out[-1] = Span(prev.start, sent.end, "sentence")
                continue
        out.append(sent)
    return out


def body_sentences(cues: DocCues) -> list[Span]:
    """The sentences events are read in: after the title and dateline lines, outside
    boilerplate. Listed once per document: detection and drafting both walk them."""
    found: list[Span] | None = cues.memo.get(("body_sentences", None))
    if found is None:
        doc = cues.doc
        body = header_end(doc)
        found = [
            s for s in sentences(doc) if s.start >= body and not doc.in_boilerplate(s.start, s.end)
        ]
        cues.memo[("body_sentences", None)] = found
    return found


def blocked(cues: DocCues, sentence: Span, trig: CueHit) -> str | None:
    """Why ``trig`` states no event, or None when it does."""
    cs, _ = clause_at(cues, sentence, trig.start)
    window = cues.lex.block_window
    for cue in cues.within("block", sentence.start, trig.start):
        if (
            cue.value in ("threat", "opinion", "hypothetical")
            and cues.words_between(sentence.start, cue.start) < cues.lex.sentence_block_words
        ):
            return str(cue.value)
    # "قال في منتصف 2019 بعد معركة الباغوز، إن ...": inside a statement's header
    verbs = [h for h in cues.within("attrib", sentence.start, trig.start) if h.key not in _PREPS]
    # looked up only after a speech verb (most triggers have none before them)
    comps = cues.within("complementizer", trig.end, sentence.end) if verbs else []
    if (
        verbs
        and comps
        and not cues.within("complementizer", verbs[-1].end, trig.start)
        and cues.words_between(verbs[-1].end, comps[0].start) <= 12
    ):
        return "statement header"
    for cue in cues.within("relative", cs, trig.start):
        if cues.words_between(cue.end, trig.start) == 0:
            return "relative"
    for cue in cues.within("background", cs, trig.start):
        # "بعد معركة الباغوز": an earlier, named event told as background
        if cues.words_between(cue.end, trig.start) == 0 and _names_next(cues, trig):
            return "background"
    for cue in cues.within("block", cs, trig.start):
        if cues.words_between(cue.start, trig.start) <= window:
            return str(cue.value)
    for cue in cues.within("may", cs, trig.start):
        if cues.words_between(cue.start, trig.start) <= 3 and not cues.within(
            "pluperfect", sentence.start, cue.start
        ):
            return "hypothetical"
    return None


def _names_next(cues: DocCues, trig: CueHit) -> bool:
    """The trigger is followed by a place or a date ("معركة الباغوز", "هزيمته في 2019")."""
    # only mentions starting within a word of the trigger can pass the gap test
    reach = cues.reach(trig.end, 1)
    for kind in ("place", "date"):
        for m in cues.mentions.starting(kind, trig.end, reach):
            if cues.words_between(trig.end, m.start) <= 1:
                return True
    return False


def _has_anchor(cues: DocCues, sentence: Span) -> bool:
    """A place or a day of its own: what makes a plural trigger concrete."""
    for m in cues.mentions.inside("date", sentence.start, sentence.end):
        if m.get("value") and m.get("precision") in ("day", "week"):
            return True
    for m in cues.mentions.inside("place", sentence.start, sentence.end):
        if (m.get("geo_precision") or 3) <= 2:
            return True
    return False


def detect(doc: Document, cues: DocCues) -> list[Candidate]:
    """Candidate events, one per sentence that states one, in text order."""
    lex = cues.lex
    out: list[Candidate] = []
    for sentence in body_sentences(cues):
        triggers = cues.within("trigger", sentence.start, sentence.end)
        if not triggers:
            continue
        if cues.within("aggregate_strong", sentence.start, sentence.end):
            continue
        aggregate = bool(cues.within("aggregate", sentence.start, sentence.end))
        anaphora = bool(cues.within("anaphora", sentence.start, sentence.start + 12))
        anchored: bool | None = None
        kept: list[CueHit] = []
        for trig in triggers:
            if blocked(cues, sentence, trig):
                continue
            if trig.value.plural or trig.value.cls == "attack_weak":
                if aggregate or anaphora:
                    continue
                if anchored is None:
                    anchored = _has_anchor(cues, sentence)
                if not anchored:
                    continue
            kept.append(trig)
        if not kept:
            continue
        # a definite trigger ("الهجوم") refers back; what the sentence adds comes first
        fresh = [h for h in kept if not _is_definite(cues, h) and h.value.cls != "attack_weak"]
        pool = fresh or [h for h in kept if _is_definite(cues, h)] or kept
        head = max(pool, key=lambda h: (lex.classes[h.value.cls].priority, -h.start))
        cls = lex.classes[head.value.cls]
        if cls.name == "arrest" and _explosives_seized(cues, sentence):
            cls = lex.classes["disrupted"]  # a foiled plot, not only arrests
        definite = not fresh and any(_is_definite(cues, h) for h in kept)
        if anchored is None:
            anchored = _has_anchor(cues, sentence)
        out.append(Candidate(sentence, head, cls, kept, definite, anaphora, anchored))
    return out


def _explosives_seized(cues: DocCues, sentence: Span) -> bool:
    """ "واعتقال أربعة من أفرادها، وضبط ثلاث عبوات ناسفة": explosives seized."""
    window = cues.lex.explosive_window
    for h in cues.within("block", sentence.start, sentence.end):
        if h.value != "seizure":
            continue
        found = cues.within("explosive", h.end, sentence.end)
        if found and cues.words_between(h.end, found[0].start) <= window:
            return True
    return False


def _is_definite(cues: DocCues, hit: CueHit) -> bool:
    # on the original text: "ألقت" folds to "القت" in the view but is no article
    written_hamza = cues.doc.text.startswith(("أل", "إل", "آل"), hit.start)
    if (hit.key.startswith("ال") and not written_hamza) or hit.prefix.endswith(("ال", "لل")):
        return True
    before = cues.within("demonstrative", max(0, hit.start - 8), hit.start)
    return bool(before) and cues.words_between(before[-1].end, hit.start) == 0
