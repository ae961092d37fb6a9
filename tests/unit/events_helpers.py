"""Hand-built documents for the events and quotes tests.

The text layer runs for real (boilerplate, normalise, segment); the mentions of the
upstream stages are written by hand, so these tests pin the events logic alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hadath.document import Document, Mention
from hadath.settings import Settings
from hadath.stages import boilerplate, normalize, segment

ISIS = "Islamic State (Syria)"
SAA = "Military Forces of Syria (2000-2024)"
SDF = "QSD: Syrian Democratic Forces"
RUSSIA = "Military Forces of Russia (2000-)"
CIV = "Civilians (Syria)"

# (kind, surface as written, attrs); the n-th occurrence with "#n" after the surface
MentionSpec = tuple[str, str, dict[str, Any]]


def actor(surface: str, name: str) -> MentionSpec:
    return ("actor", surface, {"actor": name})


def place(surface: str, name: str, admin1: str = "Deir ez-Zor", geo: int = 1) -> MentionSpec:
    return ("place", surface, {"name_ar": name, "admin1": admin1, "geo_precision": geo})


def date(surface: str, value: str | None, precision: str = "day") -> MentionSpec:
    return ("date", surface, {"value": value, "precision": precision, "day": value})


def number(
    surface: str, value: int, low: int | None = None, high: int | None = None
) -> MentionSpec:
    return (
        "number",
        surface,
        {"value": value, "low": low if low is not None else value, "high": high},
    )


def build(text: str, mentions: list[MentionSpec], pub_date: str | None = None) -> Document:
    settings = Settings.load()
    doc = Document(
        text=text, doc="t", pub_date=dt.date.fromisoformat(pub_date) if pub_date else None
    )
    for stage in (boilerplate, normalize, segment):
        doc = stage.run(doc, settings)
    seen: dict[str, int] = {}
    for kind, surface, attrs in mentions:
        key, _, nth = surface.partition("#")
        seen_from = seen.get(key + nth, 0)
        start = text.index(key, seen_from)
        if nth:
            for _ in range(int(nth) - 1):
                start = text.index(key, start + 1)
        seen[key + nth] = start + 1
        doc.mentions.append(Mention(kind, start, start + len(key), key, dict(attrs)))
    return doc


def run_events(doc: Document) -> Document:
    from hadath.stages import events

    return events.run(doc, Settings.load())


def run_quotes(doc: Document) -> Document:
    from hadath.stages import quotes

    return quotes.run(doc, Settings.load())
