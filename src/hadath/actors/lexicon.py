"""The actor lexicon compiled for matching: aliases, composed phrases, blocks, units.

Compiled once per process from ``data/actors.yaml``:

- explicit ``aliases`` and ``context`` aliases of every actor;
- composed phrases, head x nationality adjective ("الطائرات الحربية الروسية",
  "غارات روسية"), in both the definite and the indefinite form;
- ``blocks``: phrases that contain an alias but are no actor ("النظام العالمي");
- a regex for numbered and ordinal units ("الفرقة 18", "الفيلق الخامس").

An explicit alias wins over a composed phrase with the same key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.actors.model import ActorTable, table
from hadath.lexicon.matcher import PROCLITICS, Matcher
from hadath.text.view import normalize


@dataclass(frozen=True, slots=True)
class Entry:
    """What an alias stands for. ``actor_id`` None is a block."""

    actor_id: str | None
    rule: str  # alias | context | generic | compose | block
    indefinite_only: bool = False


@dataclass(frozen=True)
class ActorLexicon:
    matcher: Matcher[Entry]
    cues: Matcher[bool]  # post-2024 cues
    countries: Matcher[str]  # words that show which country an article is about
    unit_pattern: re.Pattern[str]
    unit_heads: tuple[str, ...]  # every unit_pattern match holds one of these
    # the unit heads as whole words after the unit prefixes: the shared scan's pre-filter
    unit_head_words: Matcher[bool]
    unit_parent: str
    unit_prefixes: frozenset[str]


def _strip_article(phrase: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in phrase.split())


def composed(data: dict[str, Any]) -> Iterator[tuple[str, Entry]]:
    """Head x adjective phrases, definite and indefinite, with their actor (or a block)."""
    construct = set(data.get("construct") or ())
    for adjective in (data.get("adjectives") or {}).values():
        for cls, by_gender in (data.get("heads") or {}).items():
            target = adjective.get(cls)
            entry = Entry(target, "compose") if target else Entry(None, "block")
            for gender, heads in by_gender.items():
                for head in heads:
                    for adj in adjective.get(gender) or ():
                        yield f"{head} ال{adj}", entry
                        if head not in construct:
                            yield f"{_strip_article(head)} {adj}", entry


def _entries(t: ActorTable) -> list[tuple[str, Entry]]:
    seen: set[str] = set()
    out: list[tuple[str, Entry]] = []

    def add(surface: str, entry: Entry) -> None:
        key = " ".join(normalize(surface).split())
        if key and key not in seen:
            seen.add(key)
            out.append((surface, entry))

    for block in t.blocks:
        add(block, Entry(None, "block"))
    for actor in t.actors.values():
        for alias in actor.aliases:
            add(alias, Entry(actor.id, "alias"))
        for alias in actor.indefinite_only:
            add(alias, Entry(actor.id, "alias", indefinite_only=True))
        for alias in actor.context:
            add(alias, Entry(actor.id, "context"))
        for alias in actor.generic:
            add(alias, Entry(actor.id, "generic"))
    for surface, entry in composed(t.compose):
        add(surface, entry)
    return out


def _unit_pattern(units: dict[str, Any]) -> re.Pattern[str]:
    heads = "|".join(
        sorted((re.escape(normalize(h)) for h in units["heads"]), key=len, reverse=True)
    )
    ordinals = "|".join(
        sorted((re.escape(normalize(o)) for o in units["ordinals"]), key=len, reverse=True)
    )
    # group 1: clitics + article, 2: head, 3: number or ordinal
    return re.compile(
        rf"(?<!\w)(\w{{0,{UNIT_PREFIX_MAX}}}?)({heads})\s+(\d{{1,4}}|{ordinals})(?!\w)"
    )


# what may stand before a unit head: the article, after proclitics (الفرقة, للفرقة, بالفوج)
_UNIT_PREFIXES = frozenset(
    {"ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل", "وبال", "فبال", "وكال"}
)
# the most word characters the unit pattern reads before a head
UNIT_PREFIX_MAX = 4


def _unit_head_words(heads: tuple[str, ...]) -> Matcher[bool]:
    """A matcher that finds a head wherever the unit pattern reads one after a prefix of
    ``_UNIT_PREFIXES``: the pattern's head is a whole word (a space follows), its prefix
    the whole run of word characters before it, and the matcher accepts every
    proclitic run (PROCLITICS) before a word. Checked here, not assumed."""
    if not _UNIT_PREFIXES <= PROCLITICS or any(len(p) > UNIT_PREFIX_MAX for p in _UNIT_PREFIXES):
        raise ValueError("actors: a unit prefix is no proclitic run of the matcher")
    if any(len(h.split()) != 1 for h in heads):
        raise ValueError("actors.yaml: a unit head is not one word")
    return Matcher((h, True) for h in heads)


@lru_cache(maxsize=1)
def lexicon() -> ActorLexicon:
    t = table()
    matcher = Matcher(_entries(t))
    cues = Matcher((cue, True) for cue in t.post_2024_cues)
    countries = Matcher((cue, country) for country, cues in t.country_cues.items() for cue in cues)
    unit_heads = tuple(normalize(h) for h in t.units["heads"])
    return ActorLexicon(
        matcher=matcher,
        cues=cues,
        countries=countries,
        unit_pattern=_unit_pattern(t.units),
        unit_heads=unit_heads,
        unit_head_words=_unit_head_words(unit_heads),
        unit_parent=str(t.units["parent"]),
        unit_prefixes=_UNIT_PREFIXES,
    )
