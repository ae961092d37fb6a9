"""Place expressions: a matched name with the cue words around it.

``find(view_text)`` returns one :class:`Expression` per name the matcher finds, with what
the words around it say: its type (قرية, مدينة), an area (بادية X, ريف X الشرقي), a near
word (قرب, محيط), a bearing and distance (غربي X بنحو 3 كم), a road (طريق X - Y), a
preposition, a hashtag. Roads join two names into one expression. Whether a name is
accepted as a place, and which place it is, is decided later (``hadath.stages.places``,
``hadath.gazetteer.resolve``). All offsets here are view offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from hadath.gazetteer.grammar import Cue, Grammar, grammar, window
from hadath.gazetteer.store import load
from hadath.lexicon.matcher import Hit

_ROAD_JOIN = re.compile(r"\s*-\s*|\s+")
_BETWEEN_JOIN = re.compile(r"\s+و\s*(?:\w+\s+)?")
_LIST_JOIN = re.compile(r"\s*[،,]?\s*و?\s*")
# "X بريف Y", "X في مدينة Y", "X ضمن Y": Y contains X
_CONTAINER_GAP = re.compile(r"\s*،?\s*(?:(?:في|ضمن|داخل)\s+|ب)(?:\w+\s+|ال|لل)?")


@dataclass(slots=True)
class Expression:
    """A candidate place in view offsets. ``start``/``end`` cover the whole expression;
    ``name_start``/``name_end`` the name itself (without clitics)."""

    start: int
    end: int
    name_start: int
    name_end: int
    key: str
    prefix: str
    places: tuple[int, ...]
    type_cue: str | None = None  # village, town, city, area, governorate, ...
    area: str | None = None  # بادية, ريف
    area_bearing: float | None = None
    area_adjective: tuple[int, int] | None = None
    near: bool = False
    bearing: float | None = None
    offset_km: float | None = None
    road: bool = False
    road_to: Expression | None = None
    weak: bool = False
    hashtag: bool = False
    media: bool = False
    in_list: bool = False
    container: Expression | None = None
    article: bool = False  # الباغوز for the entry باغوز: the article was added to the name
    road_between: bool = False  # الطريق بين X و Y
    joined: bool = False  # the other end of a road, held by the road's expression

    @property
    def strong(self) -> bool:
        """A cue that makes even a common word a place."""
        return bool(
            self.type_cue
            or self.area
            or self.near
            or self.bearing is not None
            or self.road
            or self.hashtag
        )


def _left(exp: Expression, view: str, g: Grammar) -> None:
    prefix = exp.prefix
    if prefix and prefix.startswith(("ب", "وب", "فب")):
        exp.weak = True  # بالحسكة: "in"; ل (for, to) says little
    pos = exp.name_start - len(prefix)
    before = window(view, pos)
    cues = g.cue_index.possible(before)  # the cue regexes that may match before the name
    if not cues:
        return  # no cue word ends the text before the name (most names)
    base = pos - len(before)
    if g.org_word.search_among(before, cues):
        exp.media = True  # the name belongs to an organisation: لواء شهداء اليرموك
        return
    if exp.prefix == "ل" and _area_of(exp, before, base, g, cues):
        return
    if exp.prefix:
        # a cue word stands in construct with the bare name (منطقة بعيدة is not منطقة +
        # بـ + عيدة); only a preposition may precede a name with a clitic
        if g.weak_word.search_among(before, cues):
            exp.weak = True
        return
    m = g.type_word.search_among(before, cues)
    if m:
        exp.type_cue = g.types[m.group("w")]
        exp.weak = exp.weak or bool(m.group("cl"))
        pos = base + m.start("cl")
        before = before[: m.start("cl")]
        cues = g.cue_index.possible(before)  # the text before the type word
        if m.group("cl") == "ل" and _area_of(exp, before, base, g, cues):
            return
    m = g.area_word.search_among(before, cues)
    if m:
        exp.area = g.areas[m.group("w")]
        exp.start = base + m.start("cl") + len(m.group("cl"))
        return
    m = g.near_word.search_among(before, cues)
    if m:
        exp.near = True
        return
    m = g.direction.search_among(before, cues)
    if m:
        exp.bearing = g.bearings[m.group("w")]
        exp.start = base + m.start("cl") + len(m.group("cl"))
        if m.group("dist"):
            exp.offset_km = _km(m.group("n"), m.group("u"), g)
            exp.start = base + m.start("dist")
        return
    m = g.road_between.search_among(before, cues) or g.road_word.search_among(before, cues)
    idiom = m is not None and m.group("w") == "طريق" and before[: m.start("cl")].endswith("عن ")
    if m and not idiom:  # عن طريق: "by means of"
        exp.road = True
        exp.road_between = "بين" in m.group("w")
        exp.start = base + m.start("w")
        return
    if g.weak_word.search_among(before, cues):
        exp.weak = True
    if g.media_word.search_among(before, cues):
        exp.media = True


def _area_of(exp: Expression, before: str, base: int, g: Grammar, cues: frozenset[Cue]) -> bool:
    """ "الريف الشرقي لدير الزور", "البادية الغربية لمدينة تدمر": ريف X الشرقي."""
    m = g.area_of.search_among(before, cues)
    if m is None:
        return False
    exp.area = g.areas[m.group("area")]
    exp.area_bearing = g.adjective_bearings[m.group("adj")]
    exp.area_adjective = (base + m.start("adj"), base + m.end("adj"))
    exp.start = base + m.start("area") - 2  # the article belongs to the expression
    return True


def _km(number: str, unit: str, g: Grammar) -> float:
    value = g.numbers.get(number)
    if value is None:
        value = float(number.replace(",", "."))
    return round(value * g.units[unit], 3)


def _right(exp: Expression, view: str, g: Grammar) -> None:
    if exp.area:
        m = g.area_adjective.match(view, exp.name_end)
        if m:
            exp.area_bearing = g.adjective_bearings[m.group("w")]
            exp.area_adjective = (m.start("w"), m.end("w"))
            exp.end = m.end("w")
    elif exp.bearing is not None and exp.offset_km is None:
        m = g.distance_after.match(view, exp.name_end)
        if m:
            exp.offset_km = _km(m.group("n"), m.group("u"), g)
            exp.end = m.end()


def find(view: str, hits: list[Hit[list[int]]] | None = None) -> list[Expression]:
    """Every candidate place expression in a normalised text, in text order (``hits``:
    the gazetteer matcher's, when found already)."""
    gz = load()
    if hits is None:
        hits = gz.matcher.find(view)
    key_places = gz.key_places
    g = grammar()
    out = [
        _expression(hit, places, view, g)
        for hit in hits
        # no places: an organisation or a foreign place that shares the name
        if (places := key_places[hit.key]) is not None
    ]
    _join(out, view)
    return _outermost([e for e in out if not e.joined])


def _outermost(exps: list[Expression]) -> list[Expression]:
    """Drop a name inside a longer expression ("البادية" in "البادية الغربية لمدينة تدمر")."""
    kept: list[Expression] = []
    reach = -1
    for exp in sorted(exps, key=lambda e: (e.start, -(e.end - e.start))):
        if exp.end <= reach:
            continue
        kept.append(exp)
        reach = max(reach, exp.end)
    return kept


def _expression(hit: Hit[list[int]], places: tuple[int, ...], view: str, g: Grammar) -> Expression:
    exp = Expression(hit.start, hit.end, hit.start, hit.end, hit.key, hit.prefix, places)
    if hit.prefix.endswith("ال") and not hit.key.startswith("ال"):
        # الباغوز for the entry باغوز: the article belongs to the name as written
        exp.start = exp.name_start = hit.start - 2
        exp.prefix = hit.prefix[:-2]
        exp.article = True
    _left(exp, view, g)
    if exp.area or exp.bearing is not None:
        _right(exp, view, g)  # only an area or a bearing reads on after the name
    return exp


def _join(exps: list[Expression], view: str) -> None:
    """Roads take the next name as their other end; lists and containers are noted."""
    for exp, nxt in pairwise(exps):
        # the gap tests match in place (pos, endpos) rather than on a copy of the gap;
        # an expression may reach past the next name's start: the gap is then empty
        gap_end = max(exp.end, nxt.name_start - len(nxt.prefix))
        if exp.road and exp.road_to is None and not nxt.road:
            gap = view[exp.end : gap_end]
            joiner = _BETWEEN_JOIN if exp.road_between else _ROAD_JOIN
            glued = nxt.prefix == "و" and exp.road_between and not gap.strip()
            if glued or (joiner.fullmatch(gap) and not nxt.area and nxt.bearing is None):
                exp.road_to = nxt
                exp.end = nxt.end
                nxt.joined = True
                continue
        if _LIST_JOIN.fullmatch(view, exp.end, gap_end) and (
            nxt.prefix.startswith("و") or view.find("و", exp.end, gap_end) >= 0
        ):
            nxt.in_list = True
        if _CONTAINER_GAP.fullmatch(view, exp.end, max(exp.end, nxt.start)):
            exp.container = nxt
