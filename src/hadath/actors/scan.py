"""One dictionary pass over a document's view for the actors, sources and quotes stages.

The three stages read every view with their dictionaries: the actor lexicon's four
matchers (actors, post-2024 cues, country words, unit heads), the sources table's
matcher, and the speech cues that start a quote (according, nominal, verbs). One
:class:`~hadath.lexicon.matcher.MatcherSet` holds them all, so a text is scanned once
(raw hits of keys several tables hold are checked once too): ``hits(text)[name]`` equals
that matcher's own ``find(text)``. The hits of the documents of the current batch are
kept (:func:`hadath.batch.per_document`), so the stages after the first read them
without a scan.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from hadath.actors.lexicon import lexicon
from hadath.actors.sources import lexicon as sources_lexicon
from hadath.batch import per_document
from hadath.lexicon.matcher import Hit, MatcherSet
from hadath.quotes.cues import cue_matchers

# the hits of each matcher in a view, by name; shared between stages: read, never change
Found = Mapping[str, list[Hit[list[Any]]]]


@lru_cache(maxsize=1)
def scanner() -> MatcherSet[Any]:
    actors = lexicon()
    return MatcherSet(
        {
            "actors": actors.matcher,
            "cues": actors.cues,
            "countries": actors.countries,
            "unit_heads": actors.unit_head_words,
            "sources": sources_lexicon().matcher,
            **cue_matchers(),  # "according", "nominal", "verbs"
        }
    )


@per_document
def hits(text: str) -> Found:
    """The non-overlapping hits of each matcher in the view ``text``, by name."""
    return scanner().find_all(text)
