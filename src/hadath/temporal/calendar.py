"""Date arithmetic for resolution: weekdays, months without a year, periods, Hijri.

All functions are pure; ``None`` means "cannot be resolved", never a guess.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

# how many years back from the publication a weekday may move a day and month named
# without a year ("الاثنين 12 تموز"): further back, a wrong weekday is likelier than an
# old date, and the date stays in the latest year with a weekday warning
_WEEKDAY_YEARS_BACK = 2


def last_day(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_on_or_before(pub: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The latest ``weekday`` on or before ``pub`` (strictly before when ``strict``)."""
    back = (pub.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def weekday_after(pub: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - pub.weekday()) % 7 or 7
    return pub + dt.timedelta(days=ahead)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_year(pub: dt.date, month: int, direction: str | None) -> int:
    """The year of a month named without one, seen from ``pub``.

    ``direction``: None or "past" = the latest such month on or before ``pub`` ("past"
    excludes the publication month itself: "آب الماضي" in August is last year's);
    "current" = the publication year; "next" = the next such month after ``pub``.
    """
    if direction == "current":
        return pub.year
    if direction == "next":
        return pub.year if month > pub.month else pub.year + 1
    if direction == "past":
        return pub.year if month < pub.month else pub.year - 1
    return pub.year if month <= pub.month else pub.year - 1


def day_month_year(pub: dt.date, month: int, day: int, direction: str | None) -> int | None:
    """The year of a day and month named without one: the latest on or before ``pub``."""
    if direction == "current":
        return pub.year
    if direction == "next":
        candidate = safe_date(pub.year, month, day)
        return pub.year if candidate and candidate > pub else pub.year + 1
    candidate = safe_date(pub.year, month, day)
    if candidate is not None and candidate <= pub:
        return pub.year
    if month == 2 and day == 29:
        for year in range(pub.year - 1, pub.year - 8, -1):
            if _cal.isleap(year):
                return year
    return pub.year - 1


def year_from_weekday(pub: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year, on or before ``pub``, in which day/month falls on ``weekday``."""
    for year in range(pub.year, pub.year - _WEEKDAY_YEARS_BACK, -1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= pub and candidate.weekday() == weekday:
            return year
    return None


def month_window(year: int, month: int, days: tuple[int, int]) -> tuple[dt.date, dt.date]:
    """The days of a part of a month ("أواخر تشرين الثاني": the last days)."""
    end_day = last_day(year, month)
    first = min(days[0], end_day)
    last = end_day if days[1] < 0 else min(days[1], end_day)
    return dt.date(year, month, first), dt.date(year, month, last)


def middle(a: dt.date, b: dt.date) -> dt.date:
    return a + (b - a) // 2


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """A Hijri (Umm al-Qura) date as a Gregorian date, or None out of range."""
    from hijridate import Hijri  # imported here: only Hijri dates need it

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def gregorian_to_hijri_year(date: dt.date) -> int | None:
    from hijridate import Gregorian

    try:
        return int(Gregorian(date.year, date.month, date.day).to_hijri().year)
    except (ValueError, OverflowError):
        return None
