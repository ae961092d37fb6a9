"""Loading the gazetteer: the built places, the hand-written areas, and one matcher.

``load()`` reads ``data/gazetteer/places.tsv.gz`` (built by ``scripts/build_gazetteer.py``
with its keys already normalised), ``data/regions.yaml`` and
``data/gazetteer/common_words.txt``, and compiles every name into one
:class:`~hadath.lexicon.matcher.Matcher`. It is cached: a process loads it once.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from hadath.errors import DataError
from hadath.gazetteer.model import PRECISION, Place
from hadath.lexicon.loader import data_bytes, data_text
from hadath.lexicon.matcher import Matcher
from hadath.text.view import normalize

COLUMNS = (
    "id", "name_ar", "name_en", "keys", "lat", "lon",
    "feature", "admin1", "admin2", "population", "country",
)  # fmt: skip
EXCLUDE = -1  # matcher value of an organisation name that contains a place name


def norm(text: str) -> str:
    return " ".join(normalize(text).split())


@dataclass(frozen=True, eq=False)  # hashed by identity: a key of per-process caches
class Gazetteer:
    places: tuple[Place, ...]
    matcher: Matcher[int]  # values: index into ``places``, or EXCLUDE
    stoplist: frozenset[str]  # normalised names that need a strong cue
    always: frozenset[str]  # normalised names never treated as common words
    stop_keys: frozenset[str]  # the matcher's entry keys that are common words
    curated_keys: frozenset[str]  # the matcher's entry keys naming a hand-written place
    # the matcher's entry key -> its places (without repeats), None for an excluded name
    key_places: dict[str, tuple[int, ...] | None]
    by_name: dict[str, tuple[int, ...]]  # normalised name -> place indexes
    rules: dict[str, Any]  # the cue tables of regions.yaml, as written


def _read_places() -> tuple[list[Place], list[list[str]]]:
    try:
        raw = gzip.decompress(data_bytes("gazetteer/places.tsv.gz")).decode("utf-8")
    except OSError as exc:
        raise DataError(f"hadath/data/gazetteer/places.tsv.gz is unreadable: {exc}") from exc
    places: list[Place] = []
    keys: list[list[str]] = []
    reader = csv.reader(io.StringIO(raw), delimiter="\t")
    if next(reader, None) != list(COLUMNS):
        raise DataError("hadath/data/gazetteer/places.tsv.gz has unexpected columns")
    for pid, name_ar, name_en, key_list, lat, lon, feature, admin1, admin2, pop, country in reader:
        places.append(
            Place(
                id=pid,
                name_ar=name_ar,
                name_en=name_en,
                lat=float(lat),
                lon=float(lon),
                feature=feature,
                admin1=admin1 or None,
                admin2=admin2 or None,
                population=int(pop or 0),
                country=country,
                precision=PRECISION.get(feature, 1),
            )
        )
        keys.append(key_list.split("|"))
    return places, keys


def _curated(spec: dict[str, Any], default_feature: str, n: int) -> Place:
    feature = str(spec.get("feature", default_feature))
    return Place(
        id=f"hadath:{n}",
        name_ar=str(spec["ar"]),
        name_en=str(spec["en"]),
        lat=float(spec["lat"]),
        lon=float(spec["lon"]),
        feature=feature,
        admin1=spec.get("admin1"),
        admin2=spec.get("admin2"),
        population=0,
        country=str(spec.get("country", "SY")),
        precision=int(spec.get("precision", PRECISION.get(feature, 1))),
        site_in=spec.get("in"),
        approx=bool(spec.get("approx", False)),
        curated=True,
    )


def _read_rules() -> dict[str, Any]:
    # the C loader when present: regions.yaml is read at every start-up
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        rules = yaml.load(data_text("regions.yaml"), Loader=loader)
    except yaml.YAMLError as exc:
        raise DataError(f"hadath/data/regions.yaml is not valid YAML: {exc}") from exc
    if not isinstance(rules, dict):
        raise DataError("hadath/data/regions.yaml must be a mapping")
    return rules


def _cue_words(rules: dict[str, Any]) -> frozenset[str]:
    """Words that say what a place is (قرية, مدينة, ريف, غربي) are never names themselves:
    the gazetteer has villages called مدينة or قرى."""
    words: set[str] = set()
    for section in ("type_cues", "directions", "area_directions", "distance_units"):
        words.update(rules.get(section, {}))
    for section in (
        "near_cues", "weak_cues", "distance_words", "road_words", "media_words", "never_names",
    ):  # fmt: skip
        words.update(rules.get(section, []))
    for spec in rules.get("area_words", {}).values():
        words.update(spec["forms"])
    return frozenset(norm(w) for w in words)


def is_common_word(key: str, stoplist: frozenset[str], always: frozenset[str]) -> bool:
    """A name that needs a strong cue: on the stoplist with or without its article."""
    if key in always:
        return False
    return key in stoplist or ("ال" + key) in stoplist or key.removeprefix("ال") in stoplist


def _stop_keys(
    matcher: Matcher[int], stoplist: frozenset[str], always: frozenset[str]
) -> frozenset[str]:
    """Every entry key a hit can carry that is a common word, decided once here rather
    than for every hit."""
    keys = {key for forms in matcher.forms.values() for _, key, _ in forms}
    return frozenset(k for k in keys if is_common_word(k, stoplist, always))


def _curated_keys(matcher: Matcher[int], places: list[Place]) -> frozenset[str]:
    """Every entry key among whose places one is hand-written (an entry key carries the
    same values in every form of the matcher)."""
    return frozenset(
        key
        for forms in matcher.forms.values()
        for _, key, values in forms
        if any(places[v].curated for v in values if v != EXCLUDE)
    )


def _key_places(matcher: Matcher[int]) -> dict[str, tuple[int, ...] | None]:
    """What a hit of each entry key says, decided once here rather than for every hit:
    its places in order without repeats, or None when one of its values is EXCLUDE (an
    organisation or a foreign place sharing the name). An entry key carries the same
    values in every form of the matcher (the لل form is the entry itself after lam)."""
    return {
        key: None if EXCLUDE in values else tuple(dict.fromkeys(values))
        for forms in matcher.forms.values()
        for _, key, values in forms
    }


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    rules = _read_rules()
    places, keys = _read_places()
    for feature_default, section in (("region", "areas"), ("locality", "towns")):
        for spec in rules.get(section, []):
            places.append(_curated(spec, feature_default, len(places)))
            keys.append([norm(n) for n in [spec["ar"], *spec.get("aliases", [])]])
    cue_words = _cue_words(rules)
    by_name: dict[str, list[int]] = {}
    for i, names in enumerate(keys):
        for key in names:
            cue = key in cue_words or key.removeprefix("ال") in cue_words
            if not cue or places[i].curated:  # البادية is the Badia; a village called قرى is not
                by_name.setdefault(key, []).append(i)
    for alias, (target, admin1) in rules.get("aliases", {}).items():
        same = [i for i in by_name.get(norm(target), []) if places[i].admin1 == admin1]
        by_name.setdefault(norm(alias), []).extend(same)
    entries: list[tuple[str, int]] = [(k, i) for k, idx in by_name.items() for i in idx]
    for section in ("not_places", "foreign_places"):
        entries.extend((name, EXCLUDE) for name in rules.get(section, []))
    common = {
        line.strip()
        for line in data_text("gazetteer/common_words.txt").splitlines()
        if line.strip() and not line.startswith("#")
    }
    always = frozenset(norm(n) for n in rules.get("always_places", []))
    stoplist = frozenset(({norm(n) for n in rules.get("stoplist", [])} | common) - always)
    matcher = Matcher(entries)
    return Gazetteer(
        places=tuple(places),
        matcher=matcher,
        stoplist=stoplist,
        always=always,
        stop_keys=_stop_keys(matcher, stoplist, always),
        curated_keys=_curated_keys(matcher, places),
        key_places=_key_places(matcher),
        by_name={k: tuple(v) for k, v in by_name.items()},
        rules=rules,
    )
