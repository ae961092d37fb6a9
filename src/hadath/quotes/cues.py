"""The speech cues of ``data/cues.yaml`` (``speech``) as dictionary matchers.

Apart from the finder so that :mod:`hadath.actors.scan` can put the categories that
start a quote into the scan it shares with the actors and sources stages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from hadath.lexicon.loader import load_yaml
from hadath.lexicon.matcher import Matcher

# the categories that start a quote, in the order they take a shared span
CUES = ("according", "nominal", "verbs")


@lru_cache(maxsize=1)
def speech() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("cues.yaml")["speech"]
    return data


def matcher(cat: str) -> Matcher[str]:
    return Matcher(((w, cat) for w in speech()[cat]), allow_definite=cat in ("via",))


@lru_cache(maxsize=1)
def cue_matchers() -> dict[str, Matcher[str]]:
    """The matchers of :data:`CUES`, by category."""
    return {cat: matcher(cat) for cat in CUES}
