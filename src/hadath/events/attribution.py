"""Who says so: cited sources (reported_by), claims of responsibility, hedges.

A cited source is the noun phrase after an attribution cue ("بحسب مصادر محلية",
"أفاد المرصد السوري لحقوق الإنسان بأن", "وفق ما أفادت مصادر خاصة للشبكة"), kept as
written when it starts with a source noun (مصادر، مصدر، المرصد، مراسل، وكالة …) and
cut at the first punctuation, complementiser ("أن"), channel ("لوكالتنا") or time word.
"المصادر ذاتها" stands for the last source named before it.

A claim is a claim cue ("تبنى", "أعلن مسؤوليته", "أعماق") not negated ("لم يعلن
التنظيم مسؤوليته", "لم تتبنه أي جهة").
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.document import Span
from hadath.events.lexicon import CueHit, DocCues
from hadath.events.slots import ISIS, is_isis

_PUNCT = set("،,.:؛;!?؟()[]«»“”\"'")
_QUOTES = set("«»“”\"' ")
_MARKS = set("«»“”\"'")


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    start: int
    end: int


def _statement_starts(cues: DocCues, start: int, end: int) -> set[int]:
    """Where a cue or mention that begins the statement itself starts in [start, end)."""
    return {
        h.start
        for cat in ("trigger", "killed", "injured", "captured", "number_word")
        for h in cues.within(cat, start, end)
    } | {
        # the loop below reads only tokens starting before the sentence's end: a number
        # or date starting later can never stop it
        m.start
        for kind in ("number", "date")
        for m in cues.mentions.starting(kind, start, end)
    }


def _source_after(cues: DocCues, cue: CueHit, sentence: Span) -> Source | None:
    doc = cues.doc
    tokens = doc.tokens
    size = len(tokens)
    att = cues.lex.attribution
    i = cues.token_index(cue.end)
    words: list[int] = []
    # looked up once a source noun has been read (most cues are followed by none)
    starts: set[int] | None = None
    last_end = cue.end  # the end of the last word read into the phrase, else the cue's
    while i < size and (tok := tokens[i]).start < sentence.end:
        gap = doc.text[last_end : tok.start]
        # quotation marks around a name ("مراسل “الخابور”") do not end the phrase
        if any(c in _PUNCT and c not in _QUOTES for c in gap):
            break
        if not words and (tok.norm in att["skip"] or tok.base in att["skip"]):
            i += 1
            continue
        if not words:
            if tok.norm not in att["sources"] and tok.base not in att["sources"]:
                return None
        else:
            if starts is None:
                starts = _statement_starts(cues, cue.end, sentence.end)
            if tok.norm in att["stop"] or (tok.norm in ("ل",)) or tok.start in starts:
                break  # the statement itself begins: "أعلنت الوزارة اعتقال أربعة"
        words.append(i)
        last_end = tok.end
        if len(words) >= att["max_words"]:
            break
        i += 1
    if not words:
        return None
    start, end = tokens[words[0]].start, last_end
    name = " ".join("".join(c for c in doc.text[start:end] if c not in _MARKS).split())
    return Source(name, start, end)


def is_same_ref(cues: DocCues, source: Source) -> bool:
    same = cues.lex.attribution["same"]
    return any(
        t.norm in same
        for t in cues.doc.tokens[cues.token_index(source.start) : cues.token_index(source.end)]
    )


def sources_in(cues: DocCues, span: Span, before: list[Source]) -> list[Source]:
    """Cited sources in ``span``; "المصادر ذاتها" resolves to the last of ``before``."""
    out: list[Source] = []
    for cue in cues.within("attrib", span.start, span.end):
        src = _source_after(cues, cue, span)
        if src is None:
            continue
        if is_same_ref(cues, src):
            if before or out:
                prev = (before + out)[-1]
                out.append(Source(prev.name, src.start, src.end))
            continue
        out.append(src)
    return out


def claims_in(cues: DocCues, span: Span) -> list[tuple[CueHit, str | None]]:
    """Claim cues in ``span`` that are not negated, with the claiming actor if named."""
    out: list[tuple[CueHit, str | None]] = []
    for cue in cues.within("claim", span.start, span.end):
        negs = cues.within("claim_neg", span.start, span.end)
        if any(
            abs(cues.words_between(min(n.start, cue.start), max(n.start, cue.start))) <= 4
            for n in negs
        ):
            continue
        claimer: str | None = None
        for m in cues.mentions.inside("actor", span.start, span.end):
            if str(m.get("actor")).startswith(("Civilians", "Protesters")):
                continue  # civilians claim nothing
            gap = cues.words_between(min(m.end, cue.start), max(m.start, cue.end))
            if gap <= 4:
                claimer = str(m.get("actor"))
                break
        if claimer is None and ("عماق" in cue.key or "تنظيم" in cue.key or "معرفات" in cue.key):
            claimer = ISIS
        if claimer is not None and not is_isis(claimer) and "عماق" in cue.key:
            claimer = ISIS
        out.append((cue, claimer))
    return out


def amaq_source(cues: DocCues, span: Span) -> Source | None:
    """The ISIS news agency, when a claim came through it."""
    for cue in cues.within("claim", span.start, span.end):
        if "عماق" in cue.key:
            return Source("وكالة أعماق", cue.start, cue.end)
    return None
