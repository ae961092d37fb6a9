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
from functools import cached_property, lru_cache
from typing import Any

from hadath.gazetteer.store import load, norm

# proclitics that may be glued to a cue word: و ف ب ل ك, never the article (القرية X,
# الجنوبي X are not cues: a cue stands in construct with the name)
_CLITICS = r"(?P<cl>[وف]?[بلك]?)"


def _forms(words: Iterable[str]) -> list[str]:
    return sorted({norm(w) for w in words if w}, key=len, reverse=True)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(f) for f in _forms(words))


@dataclass(frozen=True)
class CueEnd:
    """A cheap superset test for the cue regexes, which all end at the name.

    Every cue pattern ends with one of ``endings`` (its last cue words, normalised, so
    never ending in whitespace), then ``\\s+$``. A match therefore leaves the text ending
    in whitespace and, once that is stripped (``str.isspace`` is the ``\\s`` of ``re``),
    ending with one of ``endings``. ``free_word``: one more word of any kind may follow
    the cue word ("وكالة X <name>"), so the test is also made with that word removed.
    Most text before a name has no cue at all; the test spares the regex scanning its
    whole window.
    """

    endings: tuple[str, ...]
    free_word: bool = False

    @cached_property
    def _by_last(self) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        """The endings grouped by their last character (a text can only end with those
        sharing its own), and what every text may end with: the empty ending, if any."""
        empty = tuple(e for e in self.endings if not e)
        groups: dict[str, list[str]] = {}
        for e in self.endings:
            if e:
                groups.setdefault(e[-1], []).append(e)
        return {c: (*group, *empty) for c, group in groups.items()}, empty

    def ends(self, text: str) -> bool:
        """``text.endswith(self.endings)``, trying only the endings with its last letter."""
        groups, empty = self._by_last
        return text.endswith(groups.get(text[-1:], empty))

    def may_match(self, before: str) -> bool:
        if not before[-1:].isspace():
            return False
        tail = before.rstrip()
        if self.ends(tail):
            return True
        if not self.free_word:
            return False
        head = tail.rsplit(None, 1)
        return len(head) == 2 and self.ends(head[0])


@dataclass(frozen=True, eq=False)  # hashed by identity: a member of CueIndex's sets
class Cue:
    """A cue regex anchored at the end of the text before a name, behind its test."""

    pattern: re.Pattern[str]
    end: CueEnd

    def search(self, before: str) -> re.Match[str] | None:
        return self.pattern.search(before) if self.end.may_match(before) else None

    def search_among(self, before: str, possible: frozenset[Cue]) -> re.Match[str] | None:
        """:meth:`search`, with ``possible = CueIndex.possible(before)`` known already."""
        return self.pattern.search(before) if self in possible else None


_NO_CUES: frozenset[Cue] = frozenset()


@dataclass(frozen=True)
class _EndingTable:
    """Cue endings grouped by their last character (a text can only end with those
    sharing its own): for each character, all of them (for one ``str.endswith``) and
    each with the cues it belongs to. ``always``: the cues with an empty ending."""

    by_last: dict[str, tuple[tuple[str, ...], tuple[tuple[str, frozenset[Cue]], ...]]]
    always: frozenset[Cue]

    @classmethod
    def of(cls, cues: Iterable[Cue]) -> _EndingTable:
        owners: dict[str, set[Cue]] = {}
        for cue in cues:
            for ending in cue.end.endings:
                owners.setdefault(ending, set()).add(cue)
        groups: dict[str, list[tuple[str, frozenset[Cue]]]] = {}
        for ending, owned in owners.items():
            if ending:
                groups.setdefault(ending[-1], []).append((ending, frozenset(owned)))
        by_last = {c: (tuple(e for e, _ in group), tuple(group)) for c, group in groups.items()}
        return cls(by_last, frozenset(owners.get("", ())))

    def cues(self, text: str) -> frozenset[Cue]:
        """The cues one of whose endings ``text`` ends with."""
        group = self.by_last.get(text[-1:])
        if group is None or not text.endswith(group[0]):
            return self.always
        found = self.always
        for ending, owned in group[1]:
            if text.endswith(ending):
                found = found | owned
        return found


class CueIndex:
    """The tests of several cues (:meth:`CueEnd.may_match`) made at once: which cues
    may match before a name. ``cue in possible(before)`` equals
    ``cue.end.may_match(before)``; the text is stripped and split once for all cues,
    and most text before a name, ending with no cue word, is rejected by two
    ``str.endswith`` (its end, and its end without the last word)."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        cues = tuple(cues)
        # the text before the name ends with the cue word (every cue), or with the cue
        # word and one more word (the cues with a free word: tested without that word)
        self._tail = _EndingTable.of(cues)
        self._head = _EndingTable.of(c for c in cues if c.end.free_word)

    def possible(self, before: str) -> frozenset[Cue]:
        """The cues whose test passes for ``before`` (as :meth:`CueEnd.may_match`)."""
        if not before[-1:].isspace():
            return _NO_CUES
        tail = before.rstrip()
        found = self._tail.cues(tail)
        head = tail.rsplit(None, 1)
        if len(head) == 2:
            found = found | self._head.cues(head[0])
        return found


@dataclass(frozen=True)
class Grammar:
    type_word: Cue  # "... بلدة " at the end of the text before a name
    area_word: Cue
    near_word: Cue
    direction: Cue  # "[20 كم] غربي " before a name
    road_word: Cue
    road_between: Cue
    weak_word: Cue
    media_word: Cue
    org_word: Cue  # "لواء شهداء اليرموك", "مجلس دير الزور العسكري"
    area_adjective: re.Pattern[str]  # " الشرقي" after a name
    area_of: Cue  # "الريف الشرقي لـ" before a name
    distance_after: re.Pattern[str]  # " بنحو 3 كم" after a name
    types: dict[str, str]
    areas: dict[str, str]  # written form -> canonical area word (بادية, ريف)
    area_features: dict[str, str]
    bearings: dict[str, float]
    adjective_bearings: dict[str, float | None]
    units: dict[str, float]
    numbers: dict[str, float]  # number words: ثلاثة -> 3

    @cached_property
    def cue_index(self) -> CueIndex:
        """The tests of every cue before a name, made at once (:class:`CueIndex`)."""
        return CueIndex(
            (
                self.type_word, self.area_word, self.near_word, self.direction, self.road_word,
                self.road_between, self.weak_word, self.media_word, self.org_word, self.area_of,
            )
        )  # fmt: skip


def _before(words: Iterable[str], clitics: bool = True) -> Cue:
    cl = _CLITICS if clitics else r"(?P<cl>)"
    forms = _forms(words)
    alternatives = "|".join(re.escape(f) for f in forms)
    pattern = re.compile(r"(?:^|(?<=[^\w]))" + cl + r"(?P<w>" + alternatives + r")\s+$")
    return Cue(pattern, CueEnd(tuple(forms)))


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
    direction_pattern = re.compile(
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
        type_word=_before(types),
        area_word=_before(areas),
        near_word=_before(rules["near_cues"]),
        direction=Cue(direction_pattern, CueEnd(tuple(_forms(bearings)))),
        road_word=_before(rules["road_words"]),
        road_between=_before(rules["road_between"]),
        weak_word=_before(rules["weak_cues"], clitics=False),
        media_word=Cue(
            re.compile(
                r"(?:^|(?<=[^\w]))[وفبل]?(?:" + _alt(rules["media_words"]) + r")\s+"
                r"(?:(?!(?:"
                + _alt(rules["weak_cues"])
                + r"|"
                + _alt(rules["near_cues"])
                + r")\s)\w+\s+)?$"
            ),
            CueEnd(tuple(_forms(rules["media_words"])), free_word=True),
        ),
        org_word=_before(rules.get("org_words", [])),
        area_adjective=re.compile(r"\s+(?P<w>" + _alt(adjectives) + r")(?!\w)"),
        area_of=Cue(
            re.compile(
                r"(?:^|(?<=[^\w]))[وفب]?ال(?P<area>"
                + _alt(areas)
                + r")\s+(?P<adj>"
                + _alt(adjectives)
                + r")\s+$"
            ),
            CueEnd(tuple(_forms(adjectives))),
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


# how far before a name its cue words are looked for
WINDOW = 48


def window(text: str, end: int, size: int = WINDOW) -> str:
    """The text before ``end``, at most ``size`` characters, not across a line break."""
    chunk = text[max(0, end - size) : end]
    cut = chunk.rfind("\n")
    return chunk[cut + 1 :] if cut >= 0 else chunk
