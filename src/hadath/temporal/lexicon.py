"""``data/dates.yaml`` compiled: word tables (normalised form -> value) and regex pieces.

Every pattern runs over the normalised view (no harakat, folded alef/ya/ta marbuta,
ASCII digits), so the alternations are built from normalised entries, longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.lexicon.loader import load_yaml
from hadath.text.view import normalize


def _norm(word: str) -> str:
    return _norm_text(str(word))  # YAML may give numbers


@lru_cache(maxsize=4096)  # the words of matched dates: a small vocabulary, read again and again
def _norm_text(text: str) -> str:
    return " ".join(normalize(text).split())


def alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of normalised words, longest first; spaces match any run."""
    forms = sorted({_norm(w) for w in words if _norm(w)}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + ")"


def _table(spec: dict[Any, list[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for value, words in spec.items():
        for w in words:
            out[_norm(w)] = int(value)
    return out


@dataclass(frozen=True)
class Period:
    name: str
    month_days: tuple[int, int]
    year_months: tuple[int, int]


@dataclass(frozen=True)
class Unit:
    name: str
    days: int
    precision: str


@dataclass(frozen=True)
class DateLexicon:
    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    count_words: dict[str, int]
    relative_days: dict[str, int]
    modifiers: dict[str, str]  # word -> past|current|next
    periods: dict[str, Period]  # word -> period
    units: dict[str, tuple[Unit, int | None]]  # word -> (unit, count implied or None)
    chain_days: dict[str, int]  # phrase -> offset from the previous date
    fixed: dict[str, str]  # phrase -> last_hours|last_week|...
    same: frozenset[str]
    weak_months: frozenset[str]
    weekday_blockers: frozenset[str]
    year_range: tuple[int, int]
    announcement_cues: tuple[str, ...]
    # regex pieces (normalised alternations)
    re_month: str
    re_hmonth: str
    re_weekday: str
    re_ordinal: str
    re_count: str
    re_part: str
    re_rel: str
    re_mod: str
    re_period: str
    re_unit: str
    re_approx: str
    re_anchor: str
    re_chain: str
    re_fixed: str
    re_same: str
    re_hmark: str
    re_gmark: str

    def norm(self, text: str) -> str:
        return _norm(text)


@lru_cache(maxsize=1)
def lexicon() -> DateLexicon:
    data: dict[str, Any] = load_yaml("dates.yaml")
    modifiers = {_norm(w): kind for kind, words in data["modifiers"].items() for w in words}
    periods: dict[str, Period] = {}
    for name, spec in data["period_parts"].items():
        period = Period(name, tuple(spec["month_days"]), tuple(spec["year_months"]))  # type: ignore[arg-type]
        for w in spec["words"]:
            periods[_norm(w)] = period
    units: dict[str, tuple[Unit, int | None]] = {}
    for name, spec in data["units"].items():
        unit = Unit(name, int(spec["days"]), str(spec["precision"]))
        for w in spec["one"]:
            units[_norm(w)] = (unit, 1)
        for w in spec["two"]:
            units[_norm(w)] = (unit, 2)
        for w in spec["many"]:
            units[_norm(w)] = (unit, None)
    chain = data["chain"]
    chain_days = {_norm(w): 0 for w in chain["same_day"]}
    chain_days.update({_norm(w): 1 for w in chain["next_day"]})
    chain_days.update({_norm(w): -1 for w in chain["previous_day"]})
    fixed: dict[str, str] = {}
    for key in ("last_hours", "last_week", "this_week", "last_month", "this_month"):
        fixed.update({_norm(w): key for w in data[key]})
    for key in ("last_year", "this_year"):
        fixed.update({_norm(w): key for w in data[key]})
    months = _table(data["months"])
    hijri = _table(data["hijri_months"])
    weekdays = _table(data["weekdays"])
    ordinals = _table(data["ordinals"])
    counts = _table(data["count_words"])
    rel = _table(data["relative_days"])
    return DateLexicon(
        months=months,
        hijri_months=hijri,
        weekdays=weekdays,
        ordinals=ordinals,
        count_words=counts,
        relative_days=rel,
        modifiers=modifiers,
        periods=periods,
        units=units,
        chain_days=chain_days,
        fixed=fixed,
        same=frozenset(_norm(w) for w in data["the_month_same"]),
        weak_months=frozenset(_norm(w) for w in data["weak_months"]),
        weekday_blockers=frozenset(_norm(w) for w in data["weekday_blockers"]),
        year_range=(int(data["year_range"][0]), int(data["year_range"][1])),
        announcement_cues=tuple(_norm(w) for w in data.get("announcement_cues", [])),
        re_month=alternation(list(months)),
        re_hmonth=alternation(list(hijri)),
        re_weekday=alternation([w for w in weekdays if w.startswith("ال")]),
        re_ordinal=alternation(list(ordinals)),
        re_count=alternation(list(counts)),
        re_part=alternation(data["day_parts"]),
        re_rel=alternation(list(rel)),
        re_mod=alternation(list(modifiers)),
        re_period=alternation(list(periods)),
        re_unit=alternation(list(units)),
        re_approx=alternation(data["approx"]),
        re_anchor=alternation(chain["anchors"]),
        re_chain=alternation(list(chain_days)),
        re_fixed=alternation(list(fixed)),
        re_same=alternation(data["the_month_same"]),
        re_hmark=alternation(data["hijri_markers"]),
        re_gmark=alternation(data["gregorian_markers"]),
    )
