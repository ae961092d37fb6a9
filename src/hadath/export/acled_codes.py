"""ACLED codes derived from an event's fields: inter codes, interaction, disorder type,
civilian targeting, time precision.

Inputs: ACLED-style actor names and the code tables in ``data/acled_codes.yaml``.
An actor's kind comes from the actor data (``data/actors.yaml``, each actor with a
``kind``) when it knows the actor, else from the name patterns in the code tables.
Unknown stays unknown: an actor matching nothing has no inter code (``None``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from hadath.errors import DataError
from hadath.lexicon.loader import load_yaml

CIVILIANS = 7


def tables() -> dict[str, Any]:
    data = load_yaml("acled_codes.yaml")
    if not isinstance(data, dict):
        raise DataError("hadath/data/acled_codes.yaml must be a mapping")
    return data


@lru_cache(maxsize=1)
def _actor_kinds() -> dict[str, str]:
    """ACLED name -> kind from the actor data, if that data is shipped."""
    try:
        data = load_yaml("actors.yaml")
    except DataError:
        return {}
    entries: Any = data.get("actors", data) if isinstance(data, dict) else data
    kinds: dict[str, str] = {}
    if isinstance(entries, dict):
        entries = [{"name": k, **v} for k, v in entries.items() if isinstance(v, dict)]
    if not isinstance(entries, list):
        return kinds
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("kind"), str):
            continue
        # an actor's name, its per-period names and its undated name share its kind
        periods = entry.get("periods") or []
        names = [entry.get("name"), entry.get("undated")]
        names += [p.get("name") for p in periods if isinstance(p, dict)]
        for name in names:
            if isinstance(name, str):
                kinds.setdefault(name, entry["kind"])
    return kinds


def actor_kind(actor: str | None) -> str | None:
    """The kind of an ACLED-style actor (state, rebel, civilians, ...), or None."""
    if not actor:
        return None
    known = _actor_kinds().get(actor)
    if known:
        return known
    for rule in tables()["actor_patterns"]:
        if rule["pattern"] in actor:
            return str(rule["kind"])
    return None


def inter_code(actor: str | None) -> int | None:
    """ACLED inter code (1..8) of an actor; 0 for no actor; None when the kind is unknown."""
    if not actor:
        return 0
    for rule in tables().get("inter_overrides") or []:
        if rule["pattern"] in actor:
            return int(rule["inter"])
    kind = actor_kind(actor)
    if kind is None:
        return None
    code = tables()["inter_codes"].get(kind)
    return int(code) if code is not None else None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, lower first (``12``); ``N0`` for one actor."""
    if inter1 is None or inter2 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def inter_label(code: int | None) -> str:
    if code is None:
        return ""
    return str(tables()["inter_labels"].get(code, ""))


def disorder_type(event_type: str | None) -> str:
    if not event_type:
        return ""
    return str(tables()["disorder_types"].get(event_type, ""))


def civilian_targeting(actor2: str | None) -> str:
    return "Civilian targeting" if inter_code(actor2) == CIVILIANS else ""


def time_precision(date_precision: str | None) -> int | None:
    value = tables()["time_precision"].get(date_precision or "")
    return int(value) if value is not None else None


def ucdp_date_prec(date_precision: str | None) -> int | None:
    value = tables()["ucdp_date_prec"].get(date_precision or "")
    return int(value) if value is not None else None


def country() -> dict[str, Any]:
    return dict(tables()["country"])


def source_name_en(name: str) -> str | None:
    """A short English name of a cited source ("SOHR"), or None when not known."""
    names: dict[str, str] = tables().get("source_names_en") or {}
    return names.get(name.strip())


def source_scale(outlet: str | None) -> str:
    """ACLED source_scale of an outlet from the outlet data, else the code tables, else ""."""
    if not outlet:
        return ""
    scale = _outlet_scales().get(outlet)
    if scale:
        return scale
    return str((tables().get("source_scales") or {}).get(outlet, ""))


@lru_cache(maxsize=1)
def _outlet_scales() -> dict[str, str]:
    try:
        data = load_yaml("outlets.yaml")
    except DataError:
        return {}
    entries: Any = data.get("outlets", data) if isinstance(data, dict) else data
    scales: dict[str, str] = {}
    if isinstance(entries, list):
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            scale = entry.get("scale") or entry.get("source_scale")
            if not isinstance(scale, str):
                continue
            for key in ("name", "name_ar", "name_en"):
                if isinstance(entry.get(key), str):
                    scales[entry[key]] = scale
    return scales
