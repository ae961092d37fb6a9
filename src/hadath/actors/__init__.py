"""Actors: the model, time-aware resolution to ACLED names, and scoring families.

- :func:`resolve` (``actor_id``, date) -> ACLED-style name, for the events stage;
- :func:`actor_family` (name) -> family, for the scorer;
- :func:`table` the validated contents of ``data/actors.yaml``.
"""

from __future__ import annotations

from hadath.actors.model import Actor, ActorTable, Period, table
from hadath.actors.resolve import Resolved, actor_family, names_over_time, resolve, resolve_full

__all__ = [
    "Actor",
    "ActorTable",
    "Period",
    "Resolved",
    "actor_family",
    "names_over_time",
    "resolve",
    "resolve_full",
    "table",
]
