"""The words around a place name, read on the normalised view.

A name found by the matcher becomes an expression by what stands next to it:

- before it: a type word (قرية, بلدة, مدينة, منطقة, محافظة), then an area word (بادية,
  ريف), a near word (قرب, محيط), a bearing with an optional distance (غربي, "20 كم شمال"),
  a road word (طريق), or a preposition (في, من, عند);
- after it: the bearing adjective of an area (ريف دير الزور الشرقي), or a distance
  (غربي تدمر بنحو 3 كم).

The cue words live in ``data/regions.yaml``; this module compiles them into regexes
anchored at the name (the end of the text before it, or the start of the text after it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.gazetteer.store import load, norm

# proclitics that may be glued to a cue word: و ف ب ل ك, never the article (القرية X,
# الجنوبي X are not cues: a cue stands in construct with the name)
_CLITICS = r"(?P<cl>[وف]?[بلك]?)"


def _alt(words: Iterable[str]) -> str:
    forms = sorted({norm(w) for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


@dataclass(frozen=True)
class Grammar:
    type_word: re.Pattern[str]  # "... بلدة " at the end of the text before a name
    area_word: re.Pattern[str]
    near_word: re.Pattern[str]
    direction: re.Pattern[str]  # "[20 كم] غربي " before a name
    road_word: re.Pattern[str]
    road_between: re.Pattern[str]
    weak_word: re.Pattern[str]
    media_word: re.Pattern[str]
    org_word: re.Pattern[str]  # "لواء شهداء اليرموك", "مجلس دير الزور العسكري"
    area_adjective: re.Pattern[str]  # " الشرقي" after a name
    area_of: re.Pattern[str]  # "الريف الشرقي لـ" before a name
    distance_after: re.Pattern[str]  # " بنحو 3 كم" after a name
    types: dict[str, str]
    areas: dict[str, str]  # written form -> canonical area word (بادية, ريف)
    area_features: dict[str, str]
    bearings: dict[str, float]
    adjective_bearings: dict[str, float | None]
    units: dict[str, float]
    numbers: dict[str, float]  # number words: ثلاثة -> 3


def _before(alternatives: str, clitics: bool = True) -> re.Pattern[str]:
    cl = _CLITICS if clitics else r"(?P<cl>)"
    return re.compile(r"(?:^|(?<=[^\w]))" + cl + r"(?P<w>" + alternatives + r")\s+$")


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    rules: dict[str, Any] = load().rules
    types = {norm(k): v for k, v in rules["type_cues"].items()}
    areas: dict[str, str] = {}
    area_features: dict[str, str] = {}
    for word, spec in rules["area_words"].items():
        area_features[word] = spec["feature"]
        for form in spec["forms"]:
            areas[norm(form)] = word
    bearings = {norm(k): float(v) for k, v in rules["directions"].items()}
    adjectives = {
        norm(k): (None if v is None else float(v)) for k, v in rules["area_directions"].items()
    }
    units = {norm(k): float(v) for k, v in rules["distance_units"].items()}
    numbers = {norm(k): float(v) for k, v in rules.get("number_words", {}).items()}
    number = r"(?P<n>\d+(?:[.,]\d+)?" + ("|" + _alt(numbers) if numbers else "") + ")"
    unit_alt = _alt(units)
    dist_words = _alt(rules["distance_words"])
    direction = re.compile(
        r"(?:^|(?<=[^\w]))(?P<dist>(?:(?:" + dist_words + r")\s*)?" + number + r"\s*"
        r"(?P<u>"
        + unit_alt
        + r")\s+(?:الى\s+|إلى\s+)?)?"
        + _CLITICS
        + r"(?P<w>"
        + _alt(bearings)
        + r")\s+$"
    )
    return Grammar(
        type_word=_before(_alt(types)),
        area_word=_before(_alt(areas)),
        near_word=_before(_alt(rules["near_cues"])),
        direction=direction,
        road_word=_before(_alt(rules["road_words"])),
        road_between=_before(_alt(rules["road_between"])),
        weak_word=_before(_alt(rules["weak_cues"]), clitics=False),
        media_word=re.compile(
            r"(?:^|(?<=[^\w]))[وفبل]?(?:" + _alt(rules["media_words"]) + r")\s+"
            r"(?:(?!(?:"
            + _alt(rules["weak_cues"])
            + r"|"
            + _alt(rules["near_cues"])
            + r")\s)\w+\s+)?$"
        ),
        org_word=_before(_alt(rules.get("org_words", []))),
        area_adjective=re.compile(r"\s+(?P<w>" + _alt(adjectives) + r")(?!\w)"),
        area_of=re.compile(
            r"(?:^|(?<=[^\w]))[وفب]?ال(?P<area>"
            + _alt(areas)
            + r")\s+(?P<adj>"
            + _alt(adjectives)
            + r")\s+$"
        ),
        distance_after=re.compile(
            r"\s*،?\s*(?:" + dist_words + r")?\s*" + number + r"\s*(?P<u>" + unit_alt + r")(?!\w)"
        ),
        types=types,
        areas=areas,
        area_features=area_features,
        bearings=bearings,
        adjective_bearings=adjectives,
        units=units,
        numbers=numbers,
    )


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f]")


def clean(raw: str) -> str:
    """A name as written, without harakat, tatweel or hashtag signs."""
    return " ".join(_MARKS.sub("", raw).replace("#", " ").replace("_", " ").split())


def window(text: str, end: int, size: int = 48) -> str:
    """The text before ``end``, at most ``size`` characters, not across a line break."""
    chunk = text[max(0, end - size) : end]
    cut = chunk.rfind("\n")
    return chunk[cut + 1 :] if cut >= 0 else chunk
