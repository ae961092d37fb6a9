"""The person and organisation cues of ``data/titles.yaml``, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.errors import DataError
from hadath.lexicon.loader import data_text, load_yaml
from hadath.lexicon.matcher import Matcher, MatcherSet
from hadath.text.view import normalize

FILE = "titles.yaml"
COMMON = "ner/common_words.txt"


@dataclass(frozen=True)
class OrgEntry:
    name: str
    kind: str
    bare: bool


@dataclass(frozen=True)
class Cues:
    titles: Matcher[str]  # -> title kind (analyst, official, military, ...)
    title_words: frozenset[str]  # one-word titles, with and without the article
    modifiers: frozenset[str]
    prepositions: frozenset[str]
    name_cues: Matcher[str]  # -> named | byline
    stops: frozenset[str]
    speech: Matcher[str]
    victim: Matcher[str]
    org_heads: Matcher[str]  # -> org kind
    strict_heads: frozenset[str]
    field_words: frozenset[str]
    orgs: Matcher[OrgEntry]
    persons: Matcher[str]  # -> the canonical name
    kunya: re.Pattern[str]
    # a superset of kunya: the same without the word boundary before it and with one
    # nisba; a text it finds nothing in holds no kunya (and it scans much faster)
    may_hold_kunya: re.Pattern[str]
    common: frozenset[str]  # words never part of a name in ANERcorp (ner/common_words.txt)
    # the matchers read over every document, in one pass: SCANNED names them
    scan: MatcherSet[Any]


SCANNED = ("titles", "name_cues", "speech", "org_heads", "orgs", "persons")


def _words(values: Any, key: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataError(f"hadath/data/{FILE}: {key} must be a list of strings")
    return values


def _grouped(data: dict[str, Any], key: str) -> list[tuple[str, str]]:
    groups = data.get(key)
    if not isinstance(groups, dict):
        raise DataError(f"hadath/data/{FILE}: {key} must map kinds to lists")
    return [(w, kind) for kind, words in groups.items() for w in _words(words, f"{key}.{kind}")]


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w).strip() for w in words)


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml(FILE)
    if not isinstance(data, dict):
        raise DataError(f"hadath/data/{FILE} must be a mapping")
    orgs: list[tuple[str, OrgEntry]] = []
    for row in data.get("orgs", []):
        entry = OrgEntry(row["name"], row.get("kind", "org"), bool(row.get("bare", True)))
        for form in (row["name"], *row.get("aliases", [])):
            orgs.append((form, entry))
    persons: list[tuple[str, str]] = []
    for row in data.get("persons", []):
        for form in (row["name"], *row.get("aliases", [])):
            persons.append((form, row["name"]))
    heads = sorted({normalize(h) for h in _words(data["kunya_heads"], "kunya_heads")})
    # أبو + a name (maybe with the article) + one or two nisbas: الجولاني, الهاشمي القرشي
    kunya = re.compile(
        r"(?<!\w)(?:[وفبل])?(" + "|".join(heads) + r")\s+(?:ال)?\w{2,}(?:\s+ال\w{2,}ي){1,2}(?!\w)"
    )
    # every kunya match, up to its first nisba, is a match of this one
    may_hold_kunya = re.compile(r"(?:" + "|".join(heads) + r")\s+(?:ال)?\w{2,}\s+ال\w{2,}ي(?!\w)")
    stops = set(_words(data["name_stops"], "name_stops"))
    speech = _words(data["speech_verbs"], "speech_verbs")
    titles = _grouped(data, "person_titles")
    one_word = {normalize(t) for t, _ in titles if " " not in t.strip()}
    one_word |= {t[2:] for t in one_word if t.startswith("ال")}
    scanned: dict[str, Matcher[Any]] = {
        "titles": Matcher(titles),
        "name_cues": Matcher(_grouped(data, "name_cues")),
        "speech": Matcher([(w, "speech") for w in speech]),
        "org_heads": Matcher(_grouped(data, "org_heads")),
        "orgs": Matcher(orgs),
        "persons": Matcher(persons),
    }
    return Cues(
        titles=scanned["titles"],
        title_words=frozenset(one_word),
        modifiers=_norm_set(_words(data["title_modifiers"], "title_modifiers")),
        prepositions=_norm_set(_words(data["role_prepositions"], "role_prepositions")),
        name_cues=scanned["name_cues"],
        stops=_norm_set([*stops, *speech]),
        speech=scanned["speech"],
        victim=Matcher([(w, "victim") for w in _words(data["victim_cues"], "victim_cues")]),
        org_heads=scanned["org_heads"],
        strict_heads=_norm_set(_words(data["strict_heads"], "strict_heads")),
        field_words=_norm_set(_words(data["org_field_words"], "org_field_words")),
        orgs=scanned["orgs"],
        persons=scanned["persons"],
        kunya=kunya,
        may_hold_kunya=may_hold_kunya,
        common=frozenset(w for w in data_text(COMMON).splitlines() if w and not w.startswith("#")),
        scan=MatcherSet({name: scanned[name] for name in SCANNED}),
    )
