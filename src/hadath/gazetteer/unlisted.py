"""Places the gazetteer does not list, located by the place that contains them.

- Named parts of a town: "حي الجسر القديم بمدينة الميادين", "سوق الهال وسط البوكمال"
  become a site of the town (the location is the town, ``site`` the part).
- Villages: "بلدة الصبحة بريف دير الزور الشرقي" names a village and its countryside.
  When the gazetteer lacks the village, or knows only a namesake in another governorate,
  the text is trusted: the place takes the container's governorate and point, at
  geo_precision 2, with ``unlisted`` set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from hadath.document import Document, Mention
from hadath.gazetteer.expressions import Expression
from hadath.gazetteer.geo import distance_km
from hadath.gazetteer.grammar import clean, window
from hadath.gazetteer.model import Place
from hadath.gazetteer.store import load, norm
from hadath.text.view import NormalizedView

_TOWNS = frozenset({"city", "town", "locality", "subdistrict", "governorate"})
_CONTAINERS = frozenset(
    {"countryside", "desert", "governorate", "district", "subdistrict", "city", "town"}
)
_WORD = r"[^\s،.:\"()\-]+"
_SIZE = 64
_NAMESAKE_KM = 75.0


@lru_cache(maxsize=1)
def _site_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(norm(w)) for w in load().rules.get("site_words", {}))
    return re.compile(
        r"(?:^|(?<=[^\w]))[وفبل]?(?P<site>(?P<w>" + words + r")\s+" + _WORD
        + r"(?:\s+" + _WORD + r"){0,2}?)"
        r"\s+(?:في\s+|وسط\s+|ب)(?:مدينه\s+|بلده\s+|قريه\s+)?$"
    )  # fmt: skip


@lru_cache(maxsize=1)
def _village_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|(?<=[^\w]))[وفبل]?(?:قريه|بلده|قريتي|بلدتي)\s+(?P<name>" + _WORD
        + r"(?:\s+" + _WORD + r"){0,2})\s+(?:في\s+|ب)$"
    )  # fmt: skip


def site_before(view: NormalizedView, exp: Expression) -> re.Match[str] | None:
    """The named part of a town written just before the town's name, if any."""
    pos = exp.name_start - len(exp.prefix)
    return _site_pattern().search(window(view.text, pos, _SIZE))


def named_site(
    doc: Document, view: NormalizedView, exp: Expression, attrs: dict[str, Any]
) -> Mention | None:
    """ "حي الجسر القديم بمدينة الميادين": a site mention for the part of the town."""
    if exp.start != exp.name_start or attrs.get("site") or attrs["feature"] not in _TOWNS:
        return None
    m = site_before(view, exp)
    if m is None:
        return None
    pos = exp.name_start - len(exp.prefix)
    base = pos - len(window(view.text, pos, _SIZE))
    start, end = view.to_original(base + m.start("site"), base + m.end("site"))
    if doc.in_boilerplate(start, end):
        return None
    feature = load().rules["site_words"].get(m.group("w"), "site")
    extra = {
        "site": clean(doc.text[start:end]),
        "feature": feature,
        "geo_precision": 1,
        "site_of": attrs["place_id"],
    }
    return Mention("place", start, end, doc.text[start:end], {**attrs, **extra})


def contained_elsewhere(attrs: dict[str, Any], container: Place) -> None:
    """ "الصبحة بريف دير الزور" resolved to a namesake in Aleppo: trust the text."""
    own, outer = attrs.get("admin1"), container.admin1
    if not own or not outer or own == outer or attrs.get("site"):
        return
    far = distance_km(attrs["latitude"], attrs["longitude"], container.lat, container.lon)
    if far < _NAMESAKE_KM:
        return  # near a boundary (جوبر في دمشق): the gazetteer's governorate may be right
    attrs.update(
        admin1=outer,
        admin2=None,
        latitude=container.lat,
        longitude=container.lon,
        geo_precision=max(2, int(attrs["geo_precision"])),
        unlisted=True,
        place_id=None,
    )


def unlisted_villages(
    doc: Document, view: NormalizedView, found: list[tuple[Expression, Mention]]
) -> list[Mention]:
    """Villages named before a container ("بلدة X بريف Y") that the gazetteer lacks."""
    out: list[Mention] = []
    for exp, container in found:
        if container.get("feature") not in _CONTAINERS or container.get("admin1") is None:
            continue
        before = window(view.text, exp.start, _SIZE)
        m = _village_pattern().search(before)
        if m is None:
            continue
        base = exp.start - len(before)
        # قريتي معرستي وماير: two villages
        offset = m.start("name")
        for part in re.split(r"(\s+و)", m.group("name")):
            start_v, offset = offset, offset + len(part)
            if part.strip() == "و" or not part.strip():
                continue
            mention = _village(doc, view, base + start_v, base + start_v + len(part), container)
            if mention is not None:
                out.append(mention)
    return out


def _village(
    doc: Document, view: NormalizedView, vstart: int, vend: int, container: Mention
) -> Mention | None:
    gz = load()
    key = view.text[vstart:vend]
    if key in gz.stoplist or key.removeprefix("ال") in gz.stoplist or key in gz.by_name:
        return None
    if " في " in f" {key} " or (not key.startswith("ال") and key.endswith("ه")):
        return None  # بلدة صغيرة: an adjective; "كفرموس في شحشبو": a second container
    start, end = view.to_original(vstart, vend)
    if doc.in_boilerplate(start, end):
        return None
    attrs = {
        "name_ar": clean(doc.text[start:end]),
        "name_en": None,
        "admin1": container.get("admin1"),
        "admin2": None,
        "latitude": container.get("latitude"),
        "longitude": container.get("longitude"),
        "geo_precision": 2,
        "feature": "locality",
        "unlisted": True,
        "container": container.get("name_ar"),
        "place_id": None,
    }
    return Mention("place", start, end, doc.text[start:end], attrs)
