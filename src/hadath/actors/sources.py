"""The sources table (outlets, agencies, observatories, official bodies) and its matchers.

Loaded once from ``data/sources.yaml`` and compiled into one dictionary matcher over the
normalised view, plus two patterns for sources not listed: an outlet noun before a quoted
name (منصة "بادية الشام") and a quoted name after ل next to a word of reporting
(قالت مصادر محلية لـ"بادية الشام").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.errors import DataError
from hadath.lexicon.loader import load_yaml
from hadath.lexicon.matcher import Matcher
from hadath.text.view import normalize

SOURCES_FILE = "sources.yaml"

# what may close a quoted or bracketed name in the view (quotes are folded to ")
QUOTE_OPEN = "\"'(["
QUOTE_CLOSE = "\"')]"


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: str
    name_en: str | None = None
    affiliation: str | None = None  # an actor id


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """What a dictionary key stands for: a listed source, or an unnamed one (None)."""

    source: Source | None
    rule: str  # alias | strict | context | anonymous | extend | cued | cued_next


@dataclass(frozen=True)
class SourceLexicon:
    matcher: Matcher[SourceEntry]
    nouns: dict[str, str]  # normalised outlet noun -> org kind
    noun_pattern: re.Pattern[str]
    lam_pattern: re.Pattern[str]
    noun_forms: tuple[str, ...]  # the keys of ``nouns``, for str.endswith
    noun_reach: int  # the longest clitics + noun that ``noun_pattern`` reads
    cue_words: frozenset[str]
    cue_window: int
    max_quoted_words: int


def _source(row: dict[str, Any]) -> Source:
    name, kind = row.get("name"), row.get("kind")
    if not isinstance(name, str) or not isinstance(kind, str):
        raise DataError(f"{SOURCES_FILE}: a source needs a name and a kind: {row!r}")
    return Source(name, kind, row.get("name_en"), row.get("affiliation"))


def _quoted(max_chars: int = 60) -> str:
    return rf"[{re.escape(QUOTE_OPEN)}]\s*([^{re.escape(QUOTE_CLOSE)}\n]{{2,{max_chars}}}?)\s*[{re.escape(QUOTE_CLOSE)}]"


@lru_cache(maxsize=1)
def lexicon() -> SourceLexicon:
    data: dict[str, Any] = load_yaml(SOURCES_FILE)
    entries: list[tuple[str, SourceEntry]] = []
    seen: set[str] = set()

    def add(surface: str, entry: SourceEntry) -> None:
        key = " ".join(normalize(surface).split())
        if key and key not in seen:
            seen.add(key)
            entries.append((surface, entry))

    for row in data.get("sources") or ():
        source = _source(row)
        for alias in row.get("aliases") or ():
            add(alias, SourceEntry(source, "alias"))
        for alias in row.get("strict") or ():
            add(alias, SourceEntry(source, "strict"))
        for alias in row.get("context") or ():
            add(alias, SourceEntry(source, "context"))
    extend = {normalize(p) for p in data.get("extend_over_actor") or ()}
    for phrase in data.get("anonymous") or ():
        rule = "extend" if normalize(phrase) in extend else "anonymous"
        add(phrase, SourceEntry(None, rule))
    next_word = {normalize(p) for p in data.get("extend_next_word") or ()}
    for phrase in data.get("cued_anonymous") or ():
        rule = "cued_next" if normalize(phrase) in next_word else "cued"
        add(phrase, SourceEntry(None, rule))
    nouns = {normalize(k): str(v) for k, v in (data.get("outlet_nouns") or {}).items()}
    if any(not n or n != n.strip() for n in nouns):
        # the unlisted-outlet search finds a noun by where it ends: before the spaces
        raise DataError(f"{SOURCES_FILE}: an outlet noun is empty or has outer spaces")
    noun_alt = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    # group 1: clitics, 2: the noun, 3: the quoted name
    noun_pattern = re.compile(rf"(?<!\w)([وفبل]{{0,2}})({noun_alt})\s*{_quoted()}")
    lam_pattern = re.compile(rf"(?<!\w)[وف]?ل\s*{_quoted()}")
    return SourceLexicon(
        matcher=Matcher(entries),
        nouns=nouns,
        noun_pattern=noun_pattern,
        lam_pattern=lam_pattern,
        noun_forms=tuple(nouns),
        noun_reach=2 + max(map(len, nouns), default=0),  # [وفبل]{0,2} and the noun
        cue_words=frozenset(normalize(w) for w in data.get("cue_words") or ()),
        cue_window=int(data.get("cue_window", 4)),
        max_quoted_words=int(data.get("max_quoted_words", 5)),
    )
