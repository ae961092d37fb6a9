"""Which fields of a stored event a reviewer may correct, and what values they take."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hadath.document import EVENT_FIELDS
from hadath.errors import UsageError

# Fields of an event a reviewer may correct: every event field but its id and evidence
# (the evidence is the text a report quotes, not a value to correct).
CORRECTABLE = frozenset(EVENT_FIELDS) - {"id", "evidence", "evidence_start", "evidence_end"}

_INT_FIELDS = frozenset(
    {"fatalities", "fatalities_low", "fatalities_high", "injured", "captured_or_missing"}
)
_CHOICES: dict[str, frozenset[Any]] = {
    "date_precision": frozenset({"day", "week", "month", "year"}),
    "certainty": frozenset({"reported", "claimed", "suspected"}),
    "geo_precision": frozenset({1, 2, 3}),
}


def check_value(name: str, value: Any) -> None:
    """A corrected value must have the field's type (null is always allowed)."""
    if value is None:
        return
    ok: bool
    if name in _INT_FIELDS:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    elif name in _CHOICES:
        ok = value in _CHOICES[name] and not isinstance(value, bool)
    elif name in ("latitude", "longitude"):
        limit = 90 if name == "latitude" else 180
        ok = (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and -limit <= value <= limit
        )
    elif name == "reported_by":
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif name == "date":
        ok = isinstance(value, str) and _is_iso_date(value)
    else:
        ok = isinstance(value, str) and bool(value.strip())
    if not ok:
        raise UsageError(f"{value!r} is not a valid value for {name}")


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
