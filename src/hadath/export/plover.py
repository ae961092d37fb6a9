"""PLOVER event type and mode of an ACLED-coded event.

Input: an event's ``sub_event_type``, ``event_type`` and ``actor2``. Output:
``{"event_type": ..., "mode": ...}`` from the table in ``data/plover.yaml``, so users of
either ontology can use one record. A sub-type whose PLOVER reading depends on the
target (an air strike on fighters is FIGHT/aerial, on civilians ASSAULT/aerial) has a
``civilians`` variant in the table.
"""

from __future__ import annotations

from typing import Any

from hadath.errors import DataError
from hadath.export import acled_codes
from hadath.export.common import StoredEvent
from hadath.lexicon.loader import load_yaml


def _table() -> dict[str, Any]:
    data = load_yaml("plover.yaml")
    if not isinstance(data, dict) or "sub_event_types" not in data:
        raise DataError("hadath/data/plover.yaml must map sub_event_types and event_types")
    return data


def plover(event: StoredEvent) -> dict[str, str | None]:
    """The PLOVER ``event_type`` and ``mode`` of ``event`` (both None when unknown)."""
    table = _table()
    entry: Any = table["sub_event_types"].get(event.get("sub_event_type") or "")
    if isinstance(entry, dict) and "default" in entry:
        civilians = acled_codes.inter_code(event.get("actor2")) == acled_codes.CIVILIANS
        entry = entry.get("civilians") if civilians and "civilians" in entry else entry["default"]
    if not isinstance(entry, dict):
        entry = table["event_types"].get(event.get("event_type") or "")
    if not isinstance(entry, dict):
        return {"event_type": None, "mode": None}
    return {"event_type": entry.get("event_type"), "mode": entry.get("mode")}
