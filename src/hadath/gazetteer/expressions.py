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
from dataclasses import dataclass, field

from hadath.gazetteer.grammar import Grammar, grammar, window
from hadath.gazetteer.store import EXCLUDE, load
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
    extra: dict[str, object] = field(default_factory=dict)

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
    pos = exp.name_start - len(exp.prefix)
    before = window(view, pos)
    base = pos - len(before)
    if exp.prefix.startswith(("ب", "وب", "فب")):
        exp.weak = True  # بالحسكة: "in"; ل (for, to) says little
    if not g.any_cue.may_match(before):
        return  # no cue word ends the text before the name (most names)
    if g.org_word.search(before):
        exp.media = True  # the name belongs to an organisation: لواء شهداء اليرموك
        return
    if exp.prefix == "ل" and _area_of(exp, before, base, g):
        return
    if exp.prefix:
        # a cue word stands in construct with the bare name (منطقة بعيدة is not منطقة +
        # بـ + عيدة); only a preposition may precede a name with a clitic
        if g.weak_word.search(before):
            exp.weak = True
        return
    m = g.type_word.search(before)
    if m:
        exp.type_cue = g.types[m.group("w")]
        exp.weak = exp.weak or bool(m.group("cl"))
        pos = base + m.start("cl")
        before = before[: m.start("cl")]
        if m.group("cl") == "ل" and _area_of(exp, before, base, g):
            return
    m = g.area_word.search(before)
    if m:
        exp.area = g.areas[m.group("w")]
        exp.start = base + m.start("cl") + len(m.group("cl"))
        return
    m = g.near_word.search(before)
    if m:
        exp.near = True
        return
    m = g.direction.search(before)
    if m:
        exp.bearing = g.bearings[m.group("w")]
        exp.start = base + m.start("cl") + len(m.group("cl"))
        if m.group("dist"):
            exp.offset_km = _km(m.group("n"), m.group("u"), g)
            exp.start = base + m.start("dist")
        return
    m = g.road_between.search(before) or g.road_word.search(before)
    idiom = m is not None and m.group("w") == "طريق" and before[: m.start("cl")].endswith("عن ")
    if m and not idiom:  # عن طريق: "by means of"
        exp.road = True
        exp.extra["road_between"] = "بين" in m.group("w")
        exp.start = base + m.start("w")
        return
    if g.weak_word.search(before):
        exp.weak = True
    if g.media_word.search(before):
        exp.media = True


def _area_of(exp: Expression, before: str, base: int, g: Grammar) -> bool:
    """ "الريف الشرقي لدير الزور", "البادية الغربية لمدينة تدمر": ريف X الشرقي."""
    m = g.area_of.search(before)
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


def find(view: str) -> list[Expression]:
    """Every candidate place expression in a normalised text, in text order."""
    gz = load()
    g = grammar()
    out: list[Expression] = []
    for hit in gz.matcher.find(view):
        if EXCLUDE in hit.value:
            continue  # an organisation or a foreign place that shares the name
        values = list(hit.value)
        out.append(_expression(hit, values, view, g))
    _join(out, view)
    return _outermost([e for e in out if not e.extra.get("joined")])


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


def _expression(hit: Hit[list[int]], values: list[int], view: str, g: Grammar) -> Expression:
    exp = Expression(
        start=hit.start,
        end=hit.end,
        name_start=hit.start,
        name_end=hit.end,
        key=hit.key,
        prefix=hit.prefix,
        places=tuple(dict.fromkeys(values)),
    )
    if hit.prefix.endswith("ال") and not hit.key.startswith("ال"):
        # الباغوز for the entry باغوز: the article belongs to the name as written
        exp.start = exp.name_start = hit.start - 2
        exp.prefix = hit.prefix[:-2]
        exp.extra["article"] = True
    _left(exp, view, g)
    _right(exp, view, g)
    return exp


def _join(exps: list[Expression], view: str) -> None:
    """Roads take the next name as their other end; lists and containers are noted."""
    for i, exp in enumerate(exps):
        nxt = exps[i + 1] if i + 1 < len(exps) else None
        if nxt is None:
            break
        gap = view[exp.end : nxt.name_start - len(nxt.prefix)]
        if exp.road and exp.road_to is None and not nxt.road:
            joiner = _BETWEEN_JOIN if exp.extra.get("road_between") else _ROAD_JOIN
            glued = nxt.prefix == "و" and exp.extra.get("road_between") and not gap.strip()
            if glued or (joiner.fullmatch(gap) and not nxt.area and nxt.bearing is None):
                exp.road_to = nxt
                exp.end = nxt.end
                nxt.extra["joined"] = True
                continue
        if (nxt.prefix.startswith("و") or "و" in gap) and _LIST_JOIN.fullmatch(gap):
            nxt.in_list = True
        if _CONTAINER_GAP.fullmatch(view[exp.end : nxt.start]):
            exp.container = nxt
