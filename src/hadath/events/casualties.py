"""Casualty figures and the ACLED rule that turns them into low/best/high.

A figure is a count read next to a casualty word: killed ("قُتل ثمانية", "تسعة قتلى"),
injured ("وأصيب ثلاثة آخرون"), captured, arrested or missing ("أسر عنصرين", "اعتقلت
سائقها"). The count is a number mention of the numbers stage, a dual noun ("عنصران"),
a singular victim noun ("قُتل راعي أغنام", "أصيب آخر" = 1), or a number word.
Lumped counts ("15 قتيلاً وجريحاً") are not used; "دون وقوع إصابات" is 0;
"دون ورود معلومات" is unknown.

Every figure keeps its source. The best estimate is the outlet's own figure, else the
most conservative reported one; low and high span the reports. A perpetrator's claim
only raises ``high``. Perpetrators killed count in ``fatalities`` ("مع الانتحاري"),
with ``fatalities_low`` the victims only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hadath.document import Document, Mention, Span
from hadath.events.attribution import Source
from hadath.events.lexicon import CueHit, DocCues


@dataclass
class Figure:
    kind: str  # killed | injured | captured
    value: int
    low: int | None
    high: int | None
    start: int
    end: int
    source: str | None = None
    claim: bool = False
    perpetrator: bool = False
    total: bool = False
    lead: bool = False  # read in the sentence that tells the event: the outlet's account
    source_span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            self.kind: self.value,
            "span": [self.start, self.end],
        }
        if self.claim:
            out["claim"] = True
        if self.perpetrator:
            out["perpetrators"] = True
        if self.total:
            out["total"] = True
        return out


@dataclass
class Casualties:
    figures: list[Figure] = field(default_factory=list)
    zero: tuple[int, int] | None = None
    unknown: bool = False


def _numbers(cues: DocCues, span: Span) -> list[Mention]:
    found = cues.mentions.inside("number", span.start, span.end)
    if found or "numbers" in cues.doc.stages_run:
        return found
    # without the numbers stage, digits still count
    doc = cues.doc
    if not _may_hold_digits(doc, span):
        return found
    i = cues.token_index(span.start)
    while i < len(doc.tokens) and doc.tokens[i].end <= span.end:
        tok = doc.tokens[i]
        if tok.norm.isdigit() and len(tok.norm) <= 5:
            n = int(tok.norm)
            found.append(
                Mention(
                    "number",
                    tok.start,
                    tok.end,
                    doc.text[tok.start : tok.end],
                    {"value": n, "low": n},
                )
            )
        i += 1
    return found


def _may_hold_digits(doc: Document, span: Span) -> bool:
    """False when no token read by ``_numbers`` in ``span`` can be all digits. Those
    tokens start at or after ``span.start`` and end by ``span.end`` in the original, so
    their view characters lie in the view between the first positions at or after the
    two ends (``to_view``); with no digit there, none of them is a number. A superset
    test: it saves making a Token for every word of a sentence without digits."""
    view = doc.view
    if view is None:
        return True
    a, b = view.to_view(span.start), view.to_view(span.end)
    return any(map(str.isdigit, view.text[a:b]))


def _is_person_count(cues: DocCues, start: int, end: int, sentence: Span) -> bool:
    after = cues.within("not_persons", end, min(sentence.end, end + 25))
    return not (after and cues.words_between(end, after[0].start) == 0)


def _cue_between(cues: DocCues, start: int, end: int) -> bool:
    return any(cues.within(kind, start, end) for kind in ("killed", "injured", "captured"))


def _count(
    cues: DocCues, cue: CueHit, sentence: Span
) -> tuple[int, int | None, int | None, int, int] | None:
    """(value, low, high, start, end) of the count belonging to a casualty cue."""
    window = cues.lex.casualty_window + (4 if cue.cat == "captured" else 0)
    if cue.cat == "dual_verb":
        return (2, 2, None, cue.start, cue.end)
    dates = cues.mentions.inside("date", sentence.start, sentence.end)
    best: tuple[int, tuple[int, int | None, int | None, int, int]] | None = None

    def offer(dist: int, item: tuple[int, int | None, int | None, int, int]) -> None:
        nonlocal best
        # "لقي ستة جنود حتفهم وجُرح اثنان": a count after another casualty cue is that cue's
        if item[3] >= cue.end and _cue_between(cues, cue.end, item[3]):
            return
        if best is None or dist < best[0]:
            best = (dist, item)

    for m in _numbers(cues, sentence):
        value = m.get("value")
        if value is None or not _is_person_count(cues, m.start, m.end, sentence):
            continue
        if any(d.start <= m.start < d.end for d in dates):
            continue
        if m.start >= cue.end:
            dist = cues.words_between(cue.end, m.start)
            if dist <= window:
                offer(dist, (int(value), m.get("low"), m.get("high"), m.start, m.end))
        elif m.end <= cue.start and cues.words_between(m.end, cue.start) == 0:
            offer(0, (int(value), m.get("low"), m.get("high"), m.start, m.end))

    def in_date(h: CueHit) -> bool:
        return any(d.start <= h.start < d.end for d in dates)

    for cat, value in (("dual", 2), ("singular", 1)):
        # "اغتال مسلحون مجهولون، ليل الأربعاء، مختار البلدة": the victim after the agent
        limit = window if cat == "dual" else (6 if "غتال" in cue.key else 2)
        for h in [h for h in cues.within(cat, cue.end, sentence.end) if not in_date(h)]:
            dist = cues.words_between(cue.end, h.start)
            if dist <= limit:
                offer(dist + (1 if cat == "singular" else 0), (value, value, None, h.start, h.end))
            break
    if best is None:
        for h in cues.within("number_word", cue.end, sentence.end):
            dist = cues.words_between(cue.end, h.start)
            if in_date(h):
                continue
            if dist <= window and _is_person_count(cues, h.start, h.end, sentence):
                offer(dist, (int(h.value), int(h.value), None, h.start, h.end))
            break
    if cue.key.endswith(("قتيلان", "قتيلين")) and best is None:
        offer(0, (2, 2, None, cue.start, cue.end))
    if best is None and cue.key.endswith(("وا", "ا")):
        # "ثلاثة عناصر من قوات النظام قتلوا": the count before a plural verb
        for m in reversed(_numbers(cues, Span(sentence.start, cue.start, "sentence"))):
            if m.get("value") is not None and cues.words_between(m.end, cue.start) <= 5:
                if "،" not in cues.doc.text[m.end : cue.start]:
                    offer(8, (int(m.get("value")), m.get("low"), m.get("high"), m.start, m.end))
                break
    if best is None:
        # "وكان عنصر من قسد قد قُتل": the count stands before "قد"
        may = cues.within("may", max(sentence.start, cue.start - 8), cue.start)
        if may and cues.words_between(may[-1].end, cue.start) == 0:
            for cat, value in (("dual", 2), ("singular", 1)):
                before = [
                    h
                    for h in cues.within(cat, sentence.start, may[-1].start)
                    if not in_date(h) and cues.words_between(h.end, may[-1].start) <= 4
                ]
                if before:
                    offer(9, (value, value, None, before[-1].start, before[-1].end))
                    break
    return best[1] if best else None


# the kinds of figure, each read from its own cues, in this order
_KINDS = ("killed", "injured", "captured")


def read(
    cues: DocCues, sentence: Span, sources: list[Source], claimed: bool, lead: bool = False
) -> Casualties:
    """The casualty figures stated in one sentence."""
    out = Casualties()
    zero = cues.within("zero", sentence.start, sentence.end)
    if zero:
        out.zero = (zero[0].start, zero[0].end)
    out.unknown = bool(cues.within("unknown", sentence.start, sentence.end))
    by_kind = {kind: cues.within(kind, sentence.start, sentence.end) for kind in _KINDS}
    if not any(by_kind.values()):
        # every figure is read from a casualty cue of the sentence (a dual verb only
        # stands in for one, and the attackers killed follow a killed cue or figure)
        return out
    combined = cues.within("combined", sentence.start, sentence.end)
    claim_cues = cues.within("claim", sentence.start, sentence.end)
    totals = cues.within("total", sentence.start, sentence.end)
    used: set[tuple[int, int]] = set()
    for kind, kind_cues in by_kind.items():
        for dv in cues.within("dual_verb", sentence.start, sentence.end):
            if any(c.start <= dv.start < c.end for c in kind_cues):
                kind_cues = [c for c in kind_cues if not c.start <= dv.start < c.end] + [
                    CueHit(dv.start, dv.end, "dual_verb", dv.value, dv.key, dv.prefix)
                ]
        for cue in sorted(kind_cues, key=lambda c: c.start):
            if any(c.start <= cue.end and cue.start <= c.end for c in combined):
                continue
            if any(z.start <= cue.start < z.end for z in zero):
                continue
            count = _count(cues, cue, sentence)
            if count is None:
                continue
            value, low, high, s, e = count
            if (s, e) in used:
                continue
            if any(c.start <= e + 12 and s <= c.end for c in combined):
                continue
            used.add((s, e))
            src_of: Source | None = None
            before = [src for src in sources if src.start < s]
            if before:
                src_of = before[-1]
            elif sources and sources[0].start < sentence.end:
                src_of = sources[0]
            source = src_of.name if src_of else None
            perp = bool(cues.within("perpetrators", e, min(sentence.end, e + 40))) and any(
                cues.words_between(e, h.start) <= 3
                for h in cues.within("perpetrators", e, min(sentence.end, e + 40))
            )
            # a figure is the claimant's when it follows the claim or boast closely
            boasts = claim_cues + cues.within("boast", sentence.start, sentence.end)
            is_claim = claimed or any(
                c.end <= s and cues.words_between(c.end, s) <= 6 for c in boasts
            )
            if src_of is not None and cues.within("claim", src_of.start, src_of.end):
                is_claim = True  # "بحسب ما نشرته وكالة أعماق": the claimant's own toll
            is_total = any(t.end <= s and cues.words_between(t.end, s) <= 1 for t in totals)
            out.figures.append(
                Figure(kind, value, low, high, s, e, source, is_claim, perp and not is_total)
            )
            out.figures[-1].total, out.figures[-1].lead = is_total, lead
            if src_of is not None:
                out.figures[-1].source_span = (src_of.start, src_of.end)
    _attackers_killed(cues, sentence, out, used)
    return out


def _attackers_killed(
    cues: DocCues, sentence: Span, out: Casualties, used: set[tuple[int, int]]
) -> None:
    """Attackers killed told without a cue of their own: "ما أدى إلى مقتل المهاجم"
    (one), "مقتل ثلاثة من الحراس واثنين من المهاجمين" (a count joined by و)."""
    doc = cues.doc

    def add(value: int, s: int, e: int, like: Figure | None) -> None:
        used.add((s, e))
        fig = Figure("killed", value, value, None, s, e, perpetrator=True)
        if like is not None:
            fig.source, fig.claim, fig.lead = like.source, like.claim, like.lead
            fig.source_span = like.source_span
        out.figures.append(fig)

    victims = [f for f in out.figures if f.kind == "killed" and not f.perpetrator]
    for cue in cues.within("killed", sentence.start, sentence.end):
        one = cues.within("perpetrator_one", cue.end, sentence.end)
        near = one and cues.words_between(cue.end, one[0].start) == 0
        if near and (one[0].start, one[0].end) not in used:
            add(1, one[0].start, one[0].end, victims[0] if victims else None)
    for f in victims:
        counts = [
            (int(m.get("value")), m.start, m.end)
            for m in _numbers(cues, Span(f.end, sentence.end, "sentence"))
            if m.get("value") is not None
        ]
        counts += [(2, h.start, h.end) for h in cues.within("dual", f.end, sentence.end)]
        counts += [
            (int(h.value), h.start, h.end) for h in cues.within("number_word", f.end, sentence.end)
        ]
        for value, s, e in sorted(counts, key=lambda c: c[1]):
            if (s, e) in used or cues.words_between(f.end, s) > 5:
                continue
            if not doc.text[doc.tokens[cues.token_at(s)].start :].startswith("و"):
                continue
            if _cue_between(cues, f.end, s):
                break
            after = cues.within("perpetrators", e, min(sentence.end, e + 40))
            if after and cues.words_between(e, after[0].start) <= 2:
                add(value, s, e, f)
                break


@dataclass
class Counts:
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    captured: int | None = None
    spans: dict[str, list[int]] = field(default_factory=dict)


def _best(figs: list[Figure]) -> Figure | None:
    own = [f for f in figs if f.lead and not f.claim] or [
        f for f in figs if f.source is None and not f.claim
    ]
    reported = [f for f in figs if not f.claim]
    if own:
        return own[0]
    if reported:
        return min(reported, key=lambda f: f.value)
    return None


def combine(all_cas: list[Casualties]) -> Counts:
    """Apply the ACLED rule to every figure of one event."""
    out = Counts()
    figures = [f for c in all_cas for f in c.figures]
    killed = [f for f in figures if f.kind == "killed" and not f.perpetrator and not f.total]
    perps = [f for f in figures if f.kind == "killed" and f.perpetrator]
    totals = [f for f in figures if f.kind == "killed" and f.total and not f.claim]
    best_src = _best(killed)
    totals = [f for f in totals if best_src is None or f.source == best_src.source]
    best = _best(killed)
    if best is not None:
        reported = [f.value for f in killed if not f.claim]
        lows = [f.low if f.low is not None else f.value for f in killed if not f.claim]
        highs = [f.high for f in killed if f.high is not None] + [f.value for f in killed]
        out.fatalities = best.value
        out.fatalities_low = min([*lows, best.value]) if reported else best.value
        high = max(highs) if highs else None
        out.fatalities_high = high if high is not None and high > best.value else None
        out.spans["fatalities"] = [best.start, best.end]
        if totals:
            out.fatalities = max(best.value, totals[0].value)
            out.spans["fatalities"] = [totals[0].start, totals[0].end]
        elif perps:
            out.fatalities = best.value + sum(f.value for f in perps)
    elif totals:
        out.fatalities = out.fatalities_low = totals[0].value
    else:
        claims = [f for f in figures if f.kind == "killed" and f.claim]
        contested = any(c.unknown for c in all_cas)
        if claims and not contested:
            # a claim nobody contests is the only account there is
            out.fatalities = out.fatalities_low = min(f.value for f in claims)
            high = max(f.value for f in claims)
            out.fatalities_high = high if high > out.fatalities else None
            out.spans["fatalities"] = [claims[0].start, claims[0].end]
        elif claims:
            out.fatalities_high = max(f.value for f in claims)
            out.spans["fatalities_high"] = [claims[0].start, claims[0].end]
        zero = next((c.zero for c in all_cas if c.zero), None)
        unknown = any(c.unknown for c in all_cas)
        only_hurt = any(f.kind == "injured" for f in figures)
        if zero is not None or (only_hurt and not unknown):
            out.fatalities = 0
            if zero is not None:
                out.spans["fatalities"] = list(zero)
    for kind, attr in (("injured", "injured"), ("captured", "captured")):
        fig = _best([f for f in figures if f.kind == kind])
        if fig is not None:
            setattr(out, attr, fig.value)
            out.spans["injured" if kind == "injured" else "captured_or_missing"] = [
                fig.start,
                fig.end,
            ]
    return out
