"""Organisations in the view: known names, and a head noun followed by a name.

"وكالة "رويترز"", "المرصد السوري لحقوق الإنسان", "معهد الشرق الأوسط", "صحيفة "الشرق
الأوسط"". Returns view spans; the stage maps them to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hadath.lexicon.matcher import Hit
from hadath.ner.cues import Cues, OrgEntry
from hadath.text.segment import split_proclitics

# a quoted name right after a head noun: up to six words inside the marks
_QUOTED = re.compile(r'\s*"([^"\n]{1,60})"')
_WORD = re.compile(r"\s*(\w+)")
MAX_NAME_WORDS = 5
# words with the article that cannot be part of a name (times, relatives)
_NOT_NAME = frozenset({"الذي", "التي", "الذين", "اليوم", "الماضي", "الجاري", "الحالي", "الان"})


@dataclass(frozen=True, slots=True)
class OrgSpan:
    start: int  # view offsets
    end: int
    name: str | None  # the canonical name of a known organisation, else None
    kind: str
    # set when the name is the head as written + the canonical name (معهد "نيولاينز")
    head_end: int | None = None


def _quoted(view_text: str, pos: int) -> int | None:
    m = _QUOTED.match(view_text, pos)
    if m and len(m.group(1).split()) <= 6:
        return m.end()
    return None


def _words_name(view_text: str, pos: int, cues: Cues, strict: bool) -> int | None:
    """End of a name of words after a head: المرصد [السوري لحقوق الإنسان]."""
    end = None
    field_word = False
    count = 0
    while count < MAX_NAME_WORDS:
        m = _WORD.match(view_text, pos)
        if not m:
            break
        word = m.group(1)
        prefix, base = split_proclitics(word)
        definite = base.startswith("ال") or prefix.endswith("ال")
        if word in cues.field_words:
            field_word = True
        elif not definite or word in _NOT_NAME or word in cues.stops:
            # لحقوق الإنسان: a word with ل before a word with the article
            nxt = _WORD.match(view_text, m.end())
            if not (prefix == "ل" and nxt and nxt.group(1).startswith("ال")):
                break
        pos = end = m.end()
        count += 1
    if end is None or (strict and not field_word):
        return None
    return end


def find_orgs(
    view_text: str,
    cues: Cues,
    known: list[Hit[list[OrgEntry]]] | None = None,
    heads: list[Hit[list[str]]] | None = None,
) -> list[OrgSpan]:
    """Non-overlapping organisations, longest first. ``known`` and ``heads``: the hits
    of ``cues.orgs`` and ``cues.org_heads`` in ``view_text``, when already found."""
    found: list[OrgSpan] = []
    if known is None:
        known = cues.orgs.find(view_text)
    if heads is None:
        heads = cues.org_heads.find(view_text)
    known_at = {h.start: h for h in known}
    for k in known:
        entry = k.value[0]
        quoted = k.start > 0 and view_text[k.start - 1] == '"'
        if entry.bare or quoted:
            found.append(OrgSpan(k.start, k.end, entry.name, entry.kind))
    for hit in heads:
        kind = hit.value[0]
        strict = hit.key in cues.strict_heads
        end = _quoted(view_text, hit.end)
        name = None
        head: int | None = None
        inside = known_at.get(view_text.find('"', hit.end) + 1) if end is not None else None
        if inside is not None and end is not None and inside.end == end - 1:
            # وكالة "رويترز" is رويترز; معهد "نيولاينز" keeps its head (the name alone is no org)
            entry = inside.value[0]
            name = entry.name
            head = None if entry.bare else hit.end
        if end is None:
            m = _WORD.match(view_text, hit.end)
            nxt = known_at.get(m.start(1)) if m else None
            if nxt is not None:
                end, name, kind = nxt.end, nxt.value[0].name, nxt.value[0].kind
            else:
                end = _words_name(view_text, hit.end, cues, strict)
        if end is not None:
            found.append(OrgSpan(hit.start, end, name, kind, head))
    found.sort(key=lambda o: (-(o.end - o.start), o.start))
    taken: list[OrgSpan] = []
    used = bytearray(len(view_text) + 1)  # linear overlap tests, for very long texts
    for org in found:
        if used.find(1, org.start, org.end) == -1:
            taken.append(org)
            used[org.start : org.end] = b"\x01" * (org.end - org.start)
    taken.sort(key=lambda o: o.start)
    return taken
