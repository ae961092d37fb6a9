"""The one-sentence English summary of an event, for ACLED's ``notes`` column.

Built only from the event's fields (never from the text), e.g.
"On 13 March 2021, Islamic State (Syria) clashed with Military Forces of Syria
(2000-2024) near Al-Sukhnah (Homs); 8 killed (up to 9 by SOHR), 10 injured."
Verb phrases per sub-event type and English names of cited sources are data
(``data/acled_codes.yaml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hadath.export import acled_codes
from hadath.export.common import StoredEvent, as_int, parse_date, reports

_FIGURE_KEYS = ("fatalities", "killed", "value", "best")
# English month names, independent of the process locale
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_phrase(date: Any, precision: str | None) -> str:
    day = parse_date(date)
    if day is None:
        return "On an unknown date"
    if precision == "year":
        return f"In {day.year}"
    if precision == "month":
        return f"In {MONTHS[day.month - 1]} {day.year}"
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"Around {text}" if precision == "week" else f"On {text}"


def place_phrase(event: StoredEvent) -> str:
    name = event.get("location_en") or event.get("location_ar")
    admin1 = event.get("admin1")
    if not name:
        return f" in {admin1} governorate" if admin1 else ""
    where = f"{name} ({admin1})" if admin1 and admin1 != name else str(name)
    return f" near {where}" if event.get("geo_precision") == 2 else f" in {where}"


def actor_phrase(event: StoredEvent) -> str:
    actor = event.get("actor1") or "An unidentified actor"
    certainty = event.get("certainty")
    if certainty == "suspected":
        return f"{actor} (suspected)"
    if certainty == "claimed":
        return f"{actor} (claimed)"
    return str(actor)


def verb_phrase(event: StoredEvent) -> str:
    codes = acled_codes.tables()
    sub = str(event.get("sub_event_type") or "")
    actor2 = event.get("actor2")
    if actor2:
        template = codes["notes_verbs"].get(sub, "was involved in an event with {actor2}")
        return str(template).format(actor2=actor2)
    alone = codes["notes_verbs_alone"].get(sub)
    if alone:
        return str(alone)
    template = str(codes["notes_verbs"].get(sub, "was involved in an event"))
    return template.replace(" {actor2}", "").replace("{actor2}", "").strip()


def _figure_value(figure: Mapping[str, Any]) -> int | None:
    for key in _FIGURE_KEYS:
        value = as_int(figure.get(key))
        if value is not None:
            return value
    return None


def _english(name: Any) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return None
    known = acled_codes.source_name_en(name)
    if known:
        return known
    return name.strip() if name.isascii() else None


def source_of(event: StoredEvent, value: int) -> str | None:
    """The English name of the source that gave ``value`` killed, when known."""
    for figure in event.get("figures") or []:
        if isinstance(figure, Mapping) and _figure_value(figure) == value:
            name = _english(figure.get("source") or figure.get("by"))
            if name:
                return name
    for report in reports(event):
        if as_int(report.get("fatalities")) == value:
            name = _english(report.get("outlet"))
            if name:
                return name
    return None


def casualty_phrase(event: StoredEvent) -> str:
    parts: list[str] = []
    best = as_int(event.get("fatalities"))
    low = as_int(event.get("fatalities_low"))
    high = as_int(event.get("fatalities_high"))
    if best is not None:
        spread: list[str] = []
        if low is not None and low < best:
            spread.append(f"at least {low}")
        if high is not None and high > best:
            by = source_of(event, high)
            spread.append(f"up to {high} by {by}" if by else f"up to {high}")
        text = "no fatalities" if best == 0 else f"{best} killed"
        parts.append(f"{text} ({', '.join(spread)})" if spread else text)
    elif high is not None:
        by = source_of(event, high)
        parts.append(f"up to {high} killed by {by}" if by else f"up to {high} killed")
    injured = as_int(event.get("injured"))
    if injured:
        parts.append(f"{injured} injured")
    captured = as_int(event.get("captured_or_missing"))
    if captured:
        words = acled_codes.tables().get("notes_captured") or {}
        verb = words.get(str(event.get("sub_event_type")), "captured or missing")
        parts.append(f"{captured} {verb}")
    return ", ".join(parts)


def summary(event: StoredEvent) -> str:
    """One English sentence describing ``event``."""
    sentence = (
        f"{date_phrase(event.get('date'), event.get('date_precision'))}, "
        f"{actor_phrase(event)} {verb_phrase(event)}{place_phrase(event)}"
    )
    tail = casualty_phrase(event)
    claimed = event.get("claimed_by")
    if claimed:
        tail = f"{tail}; claimed by {claimed}" if tail else f"claimed by {claimed}"
    if tail:
        sentence = f"{sentence}; {tail}"
    return sentence + "."
