"""The actor model: actors with validity periods, loaded from ``data/actors.yaml``.

An :class:`Actor` is an entity that keeps its identity across time (the Syrian state's
army); its ACLED name depends on the date (``Military Forces of Syria (2000-2024)`` until
7 December 2024, ``(2024-)`` after). A :class:`Period` either names the actor for a range
of dates or points to another actor (a person's role, a service that changed hands).
Units have a ``parent`` and no name of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from hadath.errors import DataError
from hadath.lexicon.loader import load_yaml

ACTORS_FILE = "actors.yaml"


@dataclass(frozen=True, slots=True)
class Period:
    """``name`` (or ``actor``, another actor's id) from ``start`` to ``end``, inclusive."""

    name: str | None = None
    actor: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    role: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    kind: str | None = None
    country: str | None = None
    name: str | None = None
    periods: tuple[Period, ...] = ()
    undated: str | None = None
    parent: str | None = None
    unit: str | None = None
    person: str | None = None
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    context_of: tuple[str, ...] = ()
    indefinite_only: tuple[str, ...] = ()
    # aliases that name this actor only in an article about one of ``countries``
    generic: tuple[str, ...] = ()
    countries: tuple[str, ...] = ("Syria",)
    # the actor to use instead in an article about another country (Civilians (Iraq))
    by_country: tuple[tuple[str, str], ...] = ()
    # context aliases also hold, in an article about the actor's countries, up to this
    # date; failing both, they name ``context_fallback`` if its own referents are named
    context_until: dt.date | None = None
    context_fallback: str | None = None
    # the name in an article about a country with no actor of its own ("Civilians ({country})")
    name_template: str | None = None


@dataclass(frozen=True)
class ActorTable:
    """Everything in ``actors.yaml``, validated."""

    actors: dict[str, Actor]
    families: dict[str, str]  # ACLED name -> family
    blocks: tuple[str, ...]
    post_2024_cues: tuple[str, ...]
    country_cues: dict[str, tuple[str, ...]]
    compose: dict[str, Any]
    units: dict[str, Any]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def get(self, actor_id: str) -> Actor:
        try:
            return self.actors[actor_id]
        except KeyError:
            raise DataError(f"unknown actor id {actor_id!r}") from None


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{ACTORS_FILE}: {where}: bad date {value!r}") from None


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{ACTORS_FILE}: {where} must be a list of strings")
    return tuple(value)


def _actor(row: dict[str, Any]) -> Actor:
    actor_id = row.get("id")
    if not isinstance(actor_id, str):
        raise DataError(f"{ACTORS_FILE}: an actor has no id: {row!r}")
    periods = tuple(
        Period(
            name=p.get("name"),
            actor=p.get("actor"),
            start=_date(p.get("from"), actor_id),
            end=_date(p.get("until"), actor_id),
            role=p.get("role"),
        )
        for p in row.get("periods") or ()
    )
    return Actor(
        id=actor_id,
        kind=row.get("kind"),
        country=row.get("country"),
        name=row.get("name"),
        periods=periods,
        undated=row.get("undated"),
        parent=row.get("parent"),
        unit=row.get("unit"),
        person=row.get("person"),
        aliases=_strings(row.get("aliases"), f"{actor_id}.aliases"),
        context=_strings(row.get("context"), f"{actor_id}.context"),
        context_of=_strings(row.get("context_of"), f"{actor_id}.context_of"),
        indefinite_only=_strings(row.get("indefinite_only"), f"{actor_id}.indefinite_only"),
        generic=_strings(row.get("generic"), f"{actor_id}.generic"),
        countries=_strings(row.get("countries"), f"{actor_id}.countries") or ("Syria",),
        by_country=tuple(sorted((row.get("by_country") or {}).items())),
        name_template=row.get("name_template"),
        context_until=_date(row.get("context_until"), actor_id),
        context_fallback=row.get("context_fallback"),
    )


def _check(actors: dict[str, Actor]) -> None:
    for actor in actors.values():
        refs = [p.actor for p in actor.periods if p.actor] + list(actor.context_of)
        refs += [ref for _, ref in actor.by_country]
        if actor.context_fallback:
            refs.append(actor.context_fallback)
        if actor.parent:
            refs.append(actor.parent)
        for ref in refs:
            if ref not in actors:
                raise DataError(f"{ACTORS_FILE}: {actor.id} refers to unknown actor {ref!r}")
        if actor.name is None and not actor.periods and actor.parent is None:
            raise DataError(f"{ACTORS_FILE}: {actor.id} has no name, periods or parent")
        for p in actor.periods:
            if (p.name is None) == (p.actor is None):
                raise DataError(f"{ACTORS_FILE}: {actor.id}: a period needs a name or an actor")


@lru_cache(maxsize=1)
def table() -> ActorTable:
    """The actor table, loaded and checked once per process."""
    data: dict[str, Any] = load_yaml(ACTORS_FILE)
    actors: dict[str, Actor] = {}
    for row in data.get("actors") or ():
        actor = _actor(row)
        if actor.id in actors:
            raise DataError(f"{ACTORS_FILE}: duplicate actor id {actor.id!r}")
        actors[actor.id] = actor
    _check(actors)
    families: dict[str, str] = {}
    for family, names in (data.get("families") or {}).items():
        for name in names:
            families[name] = family
    return ActorTable(
        actors=actors,
        families=families,
        blocks=_strings(data.get("blocks"), "blocks"),
        post_2024_cues=_strings(data.get("post_2024_cues"), "post_2024_cues"),
        country_cues={
            str(k): _strings(v, f"countries.{k}") for k, v in (data.get("countries") or {}).items()
        },
        compose=dict(data.get("compose") or {}),
        units=dict(data.get("units") or {}),
        raw=data,
    )
