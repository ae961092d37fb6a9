"""Resolve time-expression candidates to dates with a precision.

A candidate resolves against one of three anchors, never a guess:
- the text itself (a year is written: ``"text"``);
- the publication date (``"pub"``): أمس, يوم الأربعاء, في آب الماضي, قبل أسبوعين;
- the previous date of the passage (``"previous"``): chains (بعد ذلك بثلاثة أيام, في
  اليوم التالي, في 16 من الشهر نفسه), and a month named without year after the same
  month was named with one (``"context"``).
Without the anchor it needs, a candidate keeps its precision and gets ``start=None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from hadath.temporal import calendar as cal
from hadath.temporal.finder import Candidate
from hadath.temporal.lexicon import DateLexicon, lexicon

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Resolved:
    """``start``: first day of the period named (the day itself for precision day);
    ``best``: the best single day (gold rules: first of month/year, mid-window for a
    week part, pub - 7 for "قبل أسبوع")."""

    precision: str
    start: dt.date | None = None
    best: dt.date | None = None
    relative: bool = False
    anchor: str | None = None
    warning: str | None = None

    @property
    def value(self) -> str | None:
        if self.start is None:
            return None
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return self.start.isoformat()


@dataclass(slots=True)
class Context:
    pub: dt.date | None
    previous: Resolved | None = None
    # month -> year, from months written with a year earlier in the document
    known_years: dict[int, int] = field(default_factory=dict)


def _day(p: str, lx: DateLexicon) -> int | None:
    return int(p) if p.isdigit() else lx.ordinals.get(lx.norm(p))


def _count(p: str | None, implied: int | None, lx: DateLexicon) -> int | None:
    if p is None:
        return implied
    return int(p) if p.isdigit() else lx.count_words.get(lx.norm(p))


def _direction(mod: str | None, lx: DateLexicon) -> str | None:
    if not mod:
        return None
    norm = lx.norm(mod)
    return "same" if norm in lx.same else lx.modifiers.get(norm)


def _day_result(date: dt.date | None, relative: bool, anchor: str | None) -> Resolved:
    return Resolved("day", date, date, relative, anchor if date else None)


def _month_result(
    year: int | None, month: int, period: str | None, relative: bool, anchor: str | None
) -> Resolved:
    lx = lexicon()
    if year is None:
        return Resolved("week" if period else "month", relative=relative)
    if period:
        first, last = cal.month_window(year, month, lx.periods[period].month_days)
        return Resolved("week", first, cal.middle(first, last), relative, anchor)
    start = dt.date(year, month, 1)
    return Resolved("month", start, start, relative, anchor)


def _year_result(
    year: int | None, period: str | None, relative: bool, anchor: str | None
) -> Resolved:
    lx = lexicon()
    if year is None:
        return Resolved("month" if period else "year", relative=relative)
    if period:
        start = dt.date(year, lx.periods[period].year_months[0], 1)
        return Resolved("month", start, start, relative, anchor)
    start = dt.date(year, 1, 1)
    return Resolved("year", start, start, relative, anchor)


def _check_weekday(res: Resolved, wd: str | None, text: str, lx: DateLexicon) -> Resolved:
    """ "أمس السبت" that disagrees with the calendar: keep the date, add a warning."""
    if not wd or res.best is None:
        return res
    weekday = lx.weekdays[lx.norm(wd)]
    if res.best.weekday() == weekday:
        return res
    msg = (
        f"'{text}' names a {_WEEKDAY_NAMES[weekday]} but resolves to "
        f"{res.best.isoformat()}, a {_WEEKDAY_NAMES[res.best.weekday()]}"
    )
    return replace(res, warning=msg)


def _numeric(f: dict[str, str], lx: DateLexicon) -> Resolved:
    """12/5/2023 is day first; 2023/5/12 year first; 05/17/2022 can only be month first."""
    a, b, y = f["a"], int(f["b"]), f["c"]
    if len(a) == 4:
        year, month, day = int(a), b, int(y)
    else:
        year, month, day = int(y) + (2000 if len(y) == 2 else 0), b, int(a)
        if month > 12 and day <= 12:
            month, day = day, month
    lo, hi = lx.year_range
    date = cal.safe_date(year, month, day) if lo <= year <= hi else None
    return _day_result(date, False, "text")


def _year_of_month(f: dict[str, str], ctx: Context, month: int, lx: DateLexicon) -> int | None:
    """The year of a named month: written, "من العام الماضي", or seen from pub."""
    if f.get("y"):
        return int(f["y"])
    if ctx.pub is None:
        return ctx.known_years.get(month)
    if f.get("ymod"):
        delta = {"past": -1, "next": 1}.get(_direction(f["ymod"], lx) or "", 0)
        return ctx.pub.year + delta
    direction = _direction(f.get("mod"), lx)
    return cal.month_year(ctx.pub, month, direction if direction != "same" else None)


def _absolute(c: Candidate, ctx: Context, text: str, lx: DateLexicon) -> Resolved:
    f = c.fields
    if c.rule in ("numeric", "spaced"):
        return _numeric(f, lx)
    if c.rule == "day_month":
        day = _day(f["day"], lx) or 0
        month = lx.months[lx.norm(f["m1"])]
        direction = _direction(f.get("mod"), lx)
        if f.get("y"):
            res = _day_result(cal.safe_date(int(f["y"]), month, day), False, "text")
            return _check_weekday(res, f.get("wd"), text, lx)
        year: int | None = None
        anchor = "pub"
        if ctx.pub is not None:
            if f.get("wd") and direction is None:
                weekday = lx.weekdays[lx.norm(f["wd"])]
                year = cal.year_from_weekday(ctx.pub, month, day, weekday)
                anchor = "weekday"
            if year is None:
                year = cal.day_month_year(ctx.pub, month, day, direction)
                anchor = "pub"
        elif month in ctx.known_years:
            year, anchor = ctx.known_years[month], "context"
        date = cal.safe_date(year, month, day) if year is not None else None
        return _check_weekday(_day_result(date, True, anchor), f.get("wd"), text, lx)
    if c.rule == "month_week":  # "الأسبوع الأول من تموز": days 1-7
        month = lx.months[lx.norm(f["m1"])]
        week = lx.ordinals[lx.norm(f["wk"])]
        year = _year_of_month(f, ctx, month, lx)
        start = cal.safe_date(year, month, 1 + 7 * (week - 1)) if year else None
        best = start + dt.timedelta(days=3) if start else None
        return Resolved("week", start, best, not f.get("y"), "text" if f.get("y") else "pub")
    if c.rule == "month":
        month = lx.months[lx.norm(f["m1"])]
        period = lx.norm(f["pp"]) if f.get("pp") else None
        if f.get("y"):
            return _month_result(int(f["y"]), month, period, False, "text")
        if f.get("ymod"):  # "في تموز من العام الماضي"
            year = _year_of_month(f, ctx, month, lx)
            return _month_result(year, month, period, True, "pub")
        direction = _direction(f.get("mod"), lx)
        if ctx.pub is not None:
            dir_ = direction if direction in ("past", "current", "next") else None
            return _month_result(cal.month_year(ctx.pub, month, dir_), month, period, True, "pub")
        return _month_result(ctx.known_years.get(month), month, period, True, "context")
    if c.rule in ("year", "year_after"):
        period = lx.norm(f["pp"]) if f.get("pp") else None
        return _year_result(int(f["y"]), period, False, "text")
    # the_month: "في 11 من الشهر", "في 12 من الشهر الجاري"
    day = _day(f["day"], lx) or 0
    direction = _direction(f.get("mod"), lx)
    base: tuple[int, int] | None = None
    anchor = "pub"
    if direction in (None, "same") and ctx.previous is not None and ctx.previous.start:
        base, anchor = (ctx.previous.start.year, ctx.previous.start.month), "previous"
    elif ctx.pub is not None:
        delta = {"past": -1, "next": 1}.get(direction or "", 0)
        base = cal.shift_month(ctx.pub.year, ctx.pub.month, delta)
    date = cal.safe_date(base[0], base[1], day) if base else None
    return _day_result(date, True, anchor)


def _hijri(c: Candidate, ctx: Context, lx: DateLexicon) -> Resolved:
    f = c.fields
    month = lx.hijri_months[lx.norm(f["hm"])]
    day = _day(f["day"], lx) if f.get("day") else None
    if f.get("y"):
        date = cal.hijri_to_gregorian(int(f["y"]), month, day or 1)
        if day is None:
            return Resolved("month", date.replace(day=1) if date else None, date, False, "text")
        return _day_result(date, False, "text")
    if ctx.pub is None or day is None:
        return Resolved("day", relative=True)
    hyear = cal.gregorian_to_hijri_year(ctx.pub)
    if hyear is None:
        return Resolved("day", relative=True)
    date = cal.hijri_to_gregorian(hyear, month, day)
    if date is not None and date > ctx.pub:
        date = cal.hijri_to_gregorian(hyear - 1, month, day)
    return _day_result(date, True, "pub")


def _shift(prev: Resolved, days: int, unit: str, sign: int) -> Resolved:
    assert prev.best is not None
    if unit == "month":
        y, m = cal.shift_month(prev.best.year, prev.best.month, sign * max(1, days // 30))
        best = cal.safe_date(y, m, min(prev.best.day, cal.last_day(y, m)))
    else:
        best = prev.best + dt.timedelta(days=sign * days)
    precision = max(prev.precision, unit, key=lambda p: _PRECISION_RANK[p])
    return Resolved(precision, best, best, True, "previous")


def _relative(c: Candidate, ctx: Context, text: str, lx: DateLexicon) -> Resolved:
    f, pub, prev = c.fields, ctx.pub, ctx.previous
    if c.rule == "relative_day":
        offset = lx.relative_days[lx.norm(f["rel"])]
        date = pub + dt.timedelta(days=offset) if pub else None
        return _check_weekday(_day_result(date, True, "pub"), f.get("wd"), text, lx)
    if c.rule == "weekday":
        weekday = lx.weekdays[lx.norm(f["wd"])]
        if pub is None:
            return Resolved("day", relative=True)
        direction = _direction(f.get("mod"), lx)
        if direction == "next":
            return _day_result(cal.weekday_after(pub, weekday), True, "pub")
        if f.get("wd2"):  # the night of Tuesday to Wednesday: the night began on Tuesday
            start = cal.weekday_on_or_before(pub - dt.timedelta(days=1), weekday)
            return _day_result(start, True, "pub")
        date = cal.weekday_on_or_before(pub, weekday, strict=direction == "past")
        return _day_result(date, True, "pub")
    if c.rule in ("ago", "chain_shift", "chain_after"):
        unit, implied = lx.units[lx.norm(f["unit"])]
        n = _count(f.get("n"), implied, lx)
        if n is None:
            return Resolved(unit.precision, relative=True)
        if c.rule == "ago":
            if pub is None:
                return Resolved(unit.precision, relative=True)
            return _ago(pub, n, unit.name, unit.days, unit.precision)
        if prev is None or prev.best is None or prev.precision not in ("day", "week"):
            return Resolved(unit.precision, relative=True)
        sign = -1 if f["dir"] == "قبل" else 1
        return _shift(prev, n * unit.days, unit.precision, sign)
    if c.rule == "chain_day":
        offset = lx.chain_days[lx.norm(f["chain"])]
        if prev is None or prev.best is None or prev.precision not in ("day", "week"):
            return Resolved("day", relative=True)
        if offset == 0:
            return replace(prev, relative=True, anchor="previous", warning=None)
        return _shift(prev, abs(offset), "day", 1 if offset > 0 else -1)
    if c.rule == "period":
        return _period(f, ctx, lx)
    return _fixed(lx.fixed[lx.norm(f["fx"])], pub)


def _ago(pub: dt.date, n: int, unit: str, days: int, precision: str) -> Resolved:
    if unit == "month":
        y, m = cal.shift_month(pub.year, pub.month, -n)
        return _month_result(y, m, None, True, "pub")
    if unit == "year":
        return _year_result(pub.year - n, None, True, "pub")
    date = pub - dt.timedelta(days=n * days)
    return Resolved(precision, date, date, True, "pub")


def _period(f: dict[str, str], ctx: Context, lx: DateLexicon) -> Resolved:
    ref = lx.norm(f["ref"])
    direction = _direction(f.get("mod"), lx) or "current"
    period = lx.norm(f["pp"]) if f.get("pp") else None
    delta = {"past": -1, "next": 1}.get(direction, 0)
    prev, pub = ctx.previous, ctx.pub
    anchor_date = prev.best if direction == "same" and prev else pub
    anchor = "previous" if direction == "same" else "pub"
    if ref == "الاسبوع":
        if anchor_date is None:
            return Resolved("week", relative=True)
        date = anchor_date + dt.timedelta(days=7 * delta)
        return Resolved("week", date, date, True, anchor)
    if ref == "الشهر":
        if anchor_date is None:
            return Resolved("week" if period else "month", relative=True)
        y, m = cal.shift_month(anchor_date.year, anchor_date.month, delta)
        return _month_result(y, m, period, True, anchor)
    if anchor_date is None:
        return Resolved("month" if period else "year", relative=True)
    return _year_result(anchor_date.year + delta, period, True, anchor)


def _fixed(kind: str, pub: dt.date | None) -> Resolved:
    precision = {"last_hours": "day", "last_week": "week", "this_week": "week"}.get(kind)
    if kind.endswith("month"):
        precision = "month"
    elif kind.endswith("year"):
        precision = "year"
    assert precision is not None
    if pub is None:
        return Resolved(precision, relative=True)
    if kind == "last_hours":
        return _day_result(pub, True, "pub")
    if kind in ("last_week", "this_week"):
        date = pub - dt.timedelta(days=7 if kind == "last_week" else 0)
        return Resolved("week", date, date, True, "pub")
    if precision == "month":
        y, m = cal.shift_month(pub.year, pub.month, -1 if kind == "last_month" else 0)
        return _month_result(y, m, None, True, "pub")
    return _year_result(pub.year - (1 if kind == "last_year" else 0), None, True, "pub")


def resolve(c: Candidate, ctx: Context, text: str) -> Resolved:
    """Resolve one candidate; ``text`` is its text as written (for warnings)."""
    lx = lexicon()
    if c.strategy == "hijri":
        return _hijri(c, ctx, lx)
    if c.strategy == "relative":
        return _relative(c, ctx, text, lx)
    return _absolute(c, ctx, text, lx)
