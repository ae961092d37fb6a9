"""Time-aware resolution of actor ids to ACLED names, and the families used in scoring.

``resolve("syria_forces", date(2021, 3, 13))`` is ``Military Forces of Syria (2000-2024)``;
on 2025-07-22 it is ``Military Forces of Syria (2024-)``. A unit resolves to its parent,
a person to the actor of their role on that date. With no date, an actor's ``undated``
name is used (``Military Forces of the United States``); failing that, the period that
contains ``fallback`` (a date guessed from the article's context), else None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hadath.actors.model import Actor, Period, table

# "(2000-2024)", "(2024-)", "(1989-)" at the end of an ACLED name
_PERIOD_SUFFIX = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)\s*$")
_MAX_DEPTH = 6


@dataclass(frozen=True, slots=True)
class Resolved:
    """What an actor id stands for on a date."""

    name: str | None
    actor_id: str  # the id that carries the name (after units, persons, hand-overs)
    kind: str | None
    country: str | None
    role: str | None = None
    candidates: tuple[str, ...] = ()


def _period(actor: Actor, day: dt.date | None) -> Period | None:
    if day is None:
        return None
    for period in actor.periods:
        if period.covers(day):
            return period
    if actor.person and actor.periods:
        # a person outside their roles is still known by the nearest one (a former leader)
        return min(actor.periods, key=lambda p: _distance(p, day))
    return None


def _clamp(day: dt.date | None, period: Period) -> dt.date | None:
    if day is None:
        return None
    if period.start is not None and day < period.start:
        return period.start
    if period.end is not None and day > period.end:
        return period.end
    return day


def _distance(period: Period, day: dt.date) -> int:
    if period.start is not None and day < period.start:
        return (period.start - day).days
    if period.end is not None and day > period.end:
        return (day - period.end).days
    return 0


def names_over_time(actor_id: str) -> tuple[str, ...]:
    """Every ACLED name an actor id can take, in period order."""
    actor = table().get(actor_id)
    if actor.parent and actor.name is None and not actor.periods:
        return names_over_time(actor.parent)
    if actor.name:
        return (actor.name,)
    out: list[str] = []
    for period in actor.periods:
        names = (period.name,) if period.name else names_over_time(period.actor or "")
        out.extend(n for n in names if n and n not in out)
    return tuple(out)


def resolve_full(
    actor_id: str, day: dt.date | None, fallback: dt.date | None = None, _depth: int = 0
) -> Resolved:
    """Resolve with details: the name, who carries it, the role of a person."""
    t = table()
    actor = t.get(actor_id)
    if _depth > _MAX_DEPTH:
        return Resolved(None, actor_id, actor.kind, actor.country)
    if actor.name is not None:
        return Resolved(actor.name, actor.id, actor.kind, actor.country)
    if not actor.periods and actor.parent:
        parent = resolve_full(actor.parent, day, fallback, _depth + 1)
        return parent
    period = _period(actor, day)
    if day is None:
        if actor.undated:
            return Resolved(
                actor.undated, actor.id, actor.kind, actor.country,
                candidates=names_over_time(actor.id),
            )  # fmt: skip
        period = _period(actor, fallback)
    if period is None:
        return Resolved(
            None, actor.id, actor.kind, actor.country, candidates=names_over_time(actor.id)
        )
    if period.actor:
        # the role as it stood within the period (a former president stays the old state's)
        at = _clamp(day or fallback, period)
        inner = resolve_full(period.actor, at, at, _depth + 1)
        return Resolved(
            inner.name, inner.actor_id, inner.kind, inner.country, period.role, inner.candidates
        )
    candidates = names_over_time(actor.id) if day is None else ()
    return Resolved(period.name, actor.id, actor.kind, actor.country, period.role, candidates)


def resolve(actor_id: str, day: dt.date | None, fallback: dt.date | None = None) -> str | None:
    """The ACLED-style name of ``actor_id`` on ``day`` (see the module docstring)."""
    return resolve_full(actor_id, day, fallback).name


def actor_family(name: str | None) -> str | None:
    """The family of an ACLED-style actor name, for scoring (gold/README.md).

    Names in the families table of ``actors.yaml`` map to their family (ISIS, the Syrian
    state before or after 8 Dec 2024, SDF with Asayish, US forces of any period, ...);
    any other name loses its period suffix, so ``Military Forces of Turkey (2016-)`` and
    ``Military Forces of Turkey`` are one family. None stays None.
    """
    if name is None:
        return None
    name = " ".join(name.split())
    if not name:
        return None
    families = table().families
    if name in families:
        return families[name]
    return _PERIOD_SUFFIX.sub("", name)
