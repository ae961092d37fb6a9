"""Find time expressions in a normalised text: candidates, not yet resolved.

Each rule is a regex built from ``data/dates.yaml`` (see :mod:`hadath.temporal.lexicon`)
and belongs to a strategy of the cascade: ``absolute`` (a day, month or year named),
``relative`` (counted from the publication date or the previous date), ``hijri``.
``spaced`` ("1 01 2021") is only trusted inside a dateline. Overlapping candidates are
settled longest first, then by the order of the cascade.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hadath.temporal.lexicon import DateLexicon, lexicon
from hadath.temporal.prefilter import Anchor, NotAnalysable, Prefilter

DEFAULT_CASCADE: tuple[str, ...] = ("dateline", "absolute", "relative", "hijri")

# proclitics a time expression may carry (وفي, بأمس, لليوم): kept out of the span
_PRE = r"(?<!\w)(?:[وف]?[بلك]?)"
_END = r"(?!\w)"
# what "the week/month/year" is written as in the rule ``period``
_PERIOD_REFS = ("الاسبوع", "الشهر", "العام", "السنه")
# the words a rule counting from a date starts with ("قبل ثلاثة أيام", "بعد يومين"):
# rarer than the units they count, so they are the rules' anchors for the pre-filter
_AGO_DIRS = ("قبل", "منذ")
_SHIFT_DIRS = ("بعد", "قبل", "عقب")
_AFTER_DIRS = ("بعد",)
_WEEK = "الاسبوع"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A time expression found in the view: ``rule`` names its pattern, ``fields`` the
    normalised parts it was read from (day, month, weekday, modifier, ...)."""

    rule: str
    strategy: str
    start: int
    end: int
    fields: dict[str, str]


def _rules(lx: DateLexicon) -> list[tuple[str, str, str, Anchor]]:
    """(name, strategy, regex, anchor: what every match of the rule contains)."""
    month = rf"(?P<m1>{lx.re_month})(?:\s*[/(\-]\s*(?P<m2>{lx.re_month})\s*\)?)?"
    year = (
        rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d)(?:\s*{lx.re_gmark}{_END})?"
        rf"|\s+من\s+(?:العام|السنه)\s+(?P<ymod>{lx.re_mod}){_END})"
    )
    mod = rf"(?:\s+(?P<mod>{lx.re_mod}){_END})?"
    part = rf"(?:(?P<part>{lx.re_part})\s+)?"
    wd = rf"(?:(?:يوم\s+)?(?P<wd>{lx.re_weekday})\s*[،,(]?\s*)?"
    day = rf"(?:ال\s?)?(?P<day>\d{{1,2}}(?!\d)|{lx.re_ordinal})"
    count = rf"(?P<n>\d{{1,3}}|{lx.re_count})"
    months = Anchor(tuple(lx.months))
    four_digits = Anchor(digits=r"\d{4}")
    weekdays = Anchor(tuple(w for w in lx.weekdays if w.startswith("ال")))
    return [
        (
            "numeric",
            "absolute",
            r"(?<![\d/.\-])(?P<core>(?P<a>\d{1,4})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)"
            r"(?P<c>\d{2,4}))(?![\d/.\-])",
            Anchor(digits=r"\d[/.\-]\d"),
        ),
        (
            "spaced",
            "absolute",
            r"(?<!\d)(?P<core>(?P<a>\d{1,2})\s+(?P<b>\d{1,2})\s+(?P<c>\d{4}))(?!\d)",
            Anchor(digits=r"\d"),  # its digits may stand in several words
        ),
        (
            "day_month",
            "absolute",
            rf"{_PRE}(?P<core>{part}{wd}{day}\s*(?:من\s+)?(?:شهر\s+)?{month}{year}?{mod}){_END}",
            months,
        ),
        (
            "month",
            "absolute",
            rf"{_PRE}(?P<core>(?:(?P<pp>{lx.re_period})\s+)?(?:(?P<sh>شهر)\s+)?{month}{year}?{mod}){_END}",
            months,
        ),
        (
            "year",
            "absolute",
            rf"{_PRE}(?P<core>(?:(?P<pp>{lx.re_period})\s+)?(?:(?P<yw>عام|سنه|العام)\s+)?"
            rf"(?P<y>\d{{4}})(?!\d)(?:\s*{lx.re_gmark}{_END})?)(?!\s*[/.\-]\d)",
            four_digits,
        ),
        (
            "year_after",
            "absolute",
            rf"{_PRE}(?:في|منذ|خلال|حتي|بعد|قبل)\s+(?P<core>(?P<y>\d{{4}}))(?!\d)(?!\s*[/.\-]\d)",
            four_digits,
        ),
        (
            "month_week",
            "absolute",
            rf"{_PRE}(?P<core>{_WEEK}\s+(?P<wk>{lx.re_ordinal})\s+من\s+(?:شهر\s+)?{month}{year}?{mod}){_END}",
            Anchor((_WEEK,)),
        ),
        (
            "the_month",
            "absolute",
            rf"{_PRE}(?P<core>{day}\s*(?:من\s+)?(?:هذا\s+)?الشهر(?:\s+(?P<mod>{lx.re_mod}|{lx.re_same}))?){_END}",
            Anchor(("الشهر",)),
        ),
        (
            "hijri",
            "hijri",
            rf"{_PRE}(?P<core>(?:{day}\s*(?:من\s+)?)?(?:شهر\s+)?(?P<hm>{lx.re_hmonth})"
            rf"(?:\s+(?P<y>\d{{3,4}}))?(?:\s*(?P<hmark>{lx.re_hmark}){_END})?){_END}",
            Anchor(tuple(lx.hijri_months)),
        ),
        (
            "relative_day",
            "relative",
            rf"{_PRE}(?P<core>{part}(?P<rel>{lx.re_rel})(?:\s*[،,]?\s*(?P<wd>{lx.re_weekday}))?){_END}",
            Anchor(tuple(lx.relative_days)),
        ),
        (
            "weekday",
            "relative",
            rf"{_PRE}(?P<core>{part}(?:(?P<yawm>يوم)\s+)?(?P<wd>{lx.re_weekday})"
            rf"(?:\s+(?P<mod>{lx.re_mod}){_END})?(?:\s*(?:-|علي|الي)\s*(?P<wd2>{lx.re_weekday}))?){_END}",
            weekdays,
        ),
        (
            "ago",
            "relative",
            rf"{_PRE}(?P<core>(?P<dir>{'|'.join(_AGO_DIRS)})\s+(?:{lx.re_approx}\s+)*(?:{count}\s+)?"
            rf"(?P<unit>{lx.re_unit})){_END}(?!\s*\d{{4}})",
            Anchor(_AGO_DIRS),
        ),
        (
            "chain_shift",
            "relative",
            rf"{_PRE}(?P<core>(?P<dir>{'|'.join(_SHIFT_DIRS)})\s+(?P<anc>{lx.re_anchor})\s+ب(?:{count}\s+)?"
            rf"(?P<unit>{lx.re_unit})){_END}",
            Anchor(_SHIFT_DIRS),
        ),
        (
            "chain_after",
            "relative",
            rf"{_PRE}(?P<core>(?P<dir>{'|'.join(_AFTER_DIRS)})\s+(?:{count}\s+)?(?P<unit>{lx.re_unit})){_END}"
            r"(?!\s+(?:من|علي)\s+(?!ذلك|هذا))(?!\s*\d{4})",
            Anchor(_AFTER_DIRS),
        ),
        (
            "chain_day",
            "relative",
            rf"{_PRE}(?P<core>(?P<chain>{lx.re_chain})){_END}",
            Anchor(tuple(lx.chain_days)),
        ),
        (
            "period",
            "relative",
            rf"{_PRE}(?P<core>(?:(?P<pp>{lx.re_period})\s+)?(?P<ref>{'|'.join(_PERIOD_REFS)})"
            rf"(?:\s+(?P<mod>{lx.re_mod}|{lx.re_same}))?){_END}(?!\s*\d)",
            Anchor(_PERIOD_REFS),
        ),
        (
            "fixed",
            "relative",
            rf"{_PRE}(?P<core>(?P<fx>{lx.re_fixed})){_END}",
            Anchor(tuple(lx.fixed)),
        ),
    ]


@lru_cache(maxsize=1)
def compiled() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((name, strategy, re.compile(rx)) for name, strategy, rx, _ in _rules(lexicon()))


@lru_cache(maxsize=1)
def prefilter() -> Prefilter | None:
    """Where each rule may match (None when a rule is beyond the pre-filter's analysis:
    then every rule scans the whole text)."""
    anchors = [anchor for *_, anchor in _rules(lexicon())]
    try:
        return Prefilter([rx for _, _, rx in compiled()], anchors)
    except NotAnalysable:
        return None


_LAST_WORD = re.compile(r"(\w+)\W*$")


def _word_before(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text[max(0, pos - 30) : pos])
    return m.group(1) if m else ""


def _acceptable(rule: str, f: dict[str, str], text: str, start: int, end: int) -> bool:
    """Reject matches that are ordinary words rather than dates."""
    lx = lexicon()
    if rule == "month_week":
        return lx.ordinals.get(lx.norm(f["wk"]), 9) <= 5
    if rule == "month":
        if not (f.get("y") or f.get("ymod") or f.get("mod") or f.get("sh") or f.get("pp")):
            return False
        m1 = lx.norm(f["m1"])
        return not (m1 in lx.weak_months and not f.get("y"))
    if rule == "year" and not (f.get("pp") or f.get("yw")):
        return False
    if rule in ("year", "year_after"):
        lo, hi = lx.year_range
        return lo <= int(f["y"]) <= hi
    if rule == "hijri":
        if f.get("y"):
            return 1300 <= int(f["y"]) <= 1600
        return bool(f.get("day")) and lx.norm(f["hm"]) != "صفر"
    if rule == "relative_day":
        if lx.norm(f["rel"]) == "اليوم" and not f.get("part") and not f.get("wd"):
            after = text[end : end + 12].lstrip()
            # "الخابور اليوم" (a name), "اليوم العالمي" (a day of something)
            if after.startswith(('"', "|", "'")) or after.startswith("ال"):
                return False
        return True
    if rule == "weekday":
        return _word_before(text, start) not in lx.weekday_blockers
    if rule in ("ago", "chain_shift", "chain_after"):
        unit, implied = lx.units[lx.norm(f["unit"])]
        if rule == "chain_after" and unit.name not in ("day", "week"):
            return False  # "بعد خمس سنوات" looks ahead; it chains to no date
        return bool(f.get("n")) or implied is not None
    if rule == "period":
        return bool(f.get("pp") or f.get("mod"))
    return True


def find(
    text: str,
    *,
    cascade: Sequence[str] = DEFAULT_CASCADE,
    allow_spaced: bool = False,
) -> list[Candidate]:
    """Candidates in ``text`` (a normalised view), non-overlapping, in text order."""
    order, rules, wanted = _plan(tuple(cascade), allow_spaced)
    found: list[tuple[int, int, Candidate]] = []
    where = prefilter()
    starts = where.starts(text, wanted) if where is not None else None
    for index, name, strategy, rx in rules:
        if starts is not None and not starts[index]:
            continue  # no place a match may start at
        matches = rx.finditer(text) if starts is None else _matches_at(rx, text, starts[index])
        for m in matches:
            start, end = m.span("core")
            fields = {k: v for k, v in m.groupdict().items() if v and k != "core"}
            if not _acceptable(name, fields, text, start, end):
                continue
            cand = Candidate(name, strategy, start, end, fields)
            found.append((order[strategy], index, cand))
    found.sort(key=lambda t: (-(t[2].end - t[2].start), t[0], t[1], t[2].start))
    taken = Intervals()
    kept: list[Candidate] = []
    for _, _, cand in found:
        if taken.add(cand.start, cand.end):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


_Rule = tuple[int, str, str, re.Pattern[str]]


@lru_cache(maxsize=8)
def _plan(
    cascade: tuple[str, ...], allow_spaced: bool
) -> tuple[dict[str, int], tuple[_Rule, ...], int]:
    """For a cascade: the rank of each strategy, the rules tried (index, name, strategy,
    regex) and their bits for the pre-filter (the same for every text)."""
    order = {s: i for i, s in enumerate(cascade)}
    rules = tuple(
        (index, name, strategy, rx)
        for index, (name, strategy, rx) in enumerate(compiled())
        if strategy in order and (name != "spaced" or allow_spaced)
    )
    return order, rules, sum(1 << index for index, *_ in rules)


def _matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` when every match starts at one of ``starts`` (sorted): the
    leftmost match that does not overlap the one before, tried only there."""
    pos = 0
    for start in starts:
        if start < pos:
            continue  # inside the match before
        m = rx.match(text, start)
        if m is not None:
            if m.end() == start:  # no rule matches empty; were one to, scan as before
                yield from rx.finditer(text, start)
                return
            yield m
            pos = m.end()


class Intervals:
    """Non-overlapping [start, end) intervals, sorted; ``add`` is O(log n) to search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return True
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> bool:
        """Add the interval unless it overlaps one already there; True if added."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True
