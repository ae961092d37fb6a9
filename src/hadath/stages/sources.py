"""Stage ``sources``: the outlets and reporting bodies an article cites.

Inputs: ``doc.text``, ``doc.view``, ``doc.regions``, actor mentions (from ``actors``).
Outputs: ``Mention(kind="org")`` with attrs ``name`` (canonical name, or as written for
a source not listed), ``as_written`` (the citation as printed, quotes dropped: "وكالة
رويترز", "مصدر في الأسايش"), ``org_kind`` (outlet, agency, observatory, ministry,
military, official, international, institute, armed_group_media, anonymous),
``from="sources"`` (the ``people`` stage emits other ``org`` mentions), ``cited`` (a
word of reporting stands just before it, or it is an unnamed source), and where known
``name_en`` and ``affiliation`` (ACLED name of the actor it speaks for: Amaq -> ISIS).

Cascade: listed sources (names that are also common words only in quotes or after an
outlet noun; short forms only after the full name), unnamed sources ("مصادر محلية",
"مصدر في" + an actor, "أحد المربين" after a word of reporting), then unlisted
outlets: an outlet noun before a quoted name, and a quoted name after ل next to a word
of reporting. Nothing in boilerplate is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

from hadath.actors import scan
from hadath.actors.resolve import resolve
from hadath.actors.sources import QUOTE_CLOSE, QUOTE_OPEN, SourceEntry, SourceLexicon, lexicon
from hadath.document import Document, Mention
from hadath.settings import Settings
from hadath.text.view import NormalizedView

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize", "segment", "actors")

_WORD = re.compile(r"\w+")
_OPEN_QUOTE = re.compile("[" + re.escape(QUOTE_OPEN) + "]")


def prepare(settings: Settings) -> None:
    lexicon()
    scan.scanner()


def _clean(text: str) -> str:
    """A citation as printed, without quotes, brackets, tatweel or extra spaces."""
    for c in QUOTE_OPEN + QUOTE_CLOSE + "“”«»ـ":
        text = text.replace(c, " ")
    return " ".join(text.split())


def _noun_before(view: NormalizedView, start: int, lex: SourceLexicon) -> tuple[int, str] | None:
    """An outlet noun just before ``start`` (quotes and spaces between): its start and kind."""
    i = start
    while i > 0 and (view.text[i - 1].isspace() or view.text[i - 1] in QUOTE_OPEN):
        i -= 1
    words = list(_WORD.finditer(view.text, max(0, i - 40), i))
    for n in (2, 1):  # "وكاله انباء" before "وكاله"
        if len(words) < n or words[-1].end() != i:
            continue
        first = words[-n]
        phrase = " ".join(w.group() for w in words[-n:])
        for clitic in ("", "و", "ف", "ب", "ل", "وب", "ول"):
            if clitic and not phrase.startswith(clitic):
                continue
            noun = phrase[len(clitic) :]
            if noun in lex.nouns:
                return first.start() + len(clitic), lex.nouns[noun]
    return None


def _quoted_at(view: NormalizedView, start: int, end: int) -> bool:
    # a bounded look around: slicing to the ends of a long text would be quadratic
    before = view.text[max(0, start - 20) : start].rstrip()
    after = view.text[end : end + 20].lstrip()
    return bool(before) and before[-1] in QUOTE_OPEN and bool(after) and after[0] in QUOTE_CLOSE


def _near_cue(view: NormalizedView, start: int, lex: SourceLexicon) -> bool:
    words = [w.group() for w in _WORD.finditer(view.text, max(0, start - 80), start)]
    # "وقالت", "فأفاد": a cue word after the conjunction
    return any(
        w in lex.cue_words or (w[:1] in "وف" and w[1:] in lex.cue_words)
        for w in words[-lex.cue_window :]
    )


def _closing_quote(view: NormalizedView, end: int) -> int | None:
    """The view offset just past a closing quote right after ``end``, if there is one."""
    i = end
    while i < len(view.text) and view.text[i] == " ":
        i += 1
    return i + 1 if i < len(view.text) and view.text[i] in QUOTE_CLOSE else None


def _continues(view: NormalizedView, end: int) -> bool:
    """True when the next word looks like part of a longer name ("الجزيرة الفراتية")."""
    m = _WORD.match(view.text, end + 1) if view.text[end : end + 1] == " " else None
    return m is not None and m.group().startswith("ال")


def _listed(doc: Document, lex: SourceLexicon) -> list[Mention]:
    assert doc.view is not None
    view = doc.view
    hits = [
        h
        # the sources matcher's hits, found in the actors stage's scan (scan.hits)
        for h in scan.hits(view.text)["sources"]
        if not doc.in_boilerplate(*view.to_original(h.start, h.end))
    ]
    named = {id(e.source) for h in hits for e in h.value[:1] if e.rule in ("alias", "strict")}
    actors = sorted((m for m in doc.mentions if m.kind == "actor"), key=lambda m: m.start)
    starts = [m.start for m in actors]
    out: list[Mention] = []
    for hit in hits:
        entry: SourceEntry = hit.value[0]
        vstart, vend = hit.start, hit.end
        noun = _noun_before(view, hit.start, lex)
        opened = view.text[max(0, vstart - 20) : vstart].rstrip()[-1:] in tuple(QUOTE_OPEN)
        closed = _closing_quote(view, vend)
        if entry.rule == "strict":
            # a common word is a source only as a quoted name, or right after an outlet
            # noun when no other word of a longer name follows
            quoted = opened and closed is not None
            if not quoted and (noun is None or opened or _continues(view, vend)):
                continue
        if entry.rule == "context" and id(entry.source) not in named:
            continue
        if entry.rule.startswith("cued"):
            if not _near_cue(view, vstart, lex):
                continue
            if entry.rule == "cued_next":
                nxt = (
                    _WORD.match(view.text, vend + 1) if view.text[vend : vend + 1] == " " else None
                )
                if nxt is None:
                    continue
                vend = nxt.end()
        if noun is not None and entry.source is not None:
            vstart = noun[0]
            if opened and closed is not None:
                vend = closed
        start, end = view.to_original(vstart, vend)
        if entry.rule == "extend":
            i = bisect_left(starts, end)
            after = actors[i] if i < len(actors) else None
            gap = doc.text[end : after.start] if after else "x"
            if after is None or _clean(gap) != "":
                continue
            end = after.end
        text = doc.text[start:end]
        written = _clean(text)
        if hit.key.startswith("ال") and written.startswith("ل") and vstart == hit.start:
            written = "ا" + written  # للخارجية: the article after the preposition
        attrs: dict[str, Any] = {"from": "sources", "rule": entry.rule, "as_written": written}
        # unnamed sources exist only as sources; a named body is cited when a word of
        # reporting stands just before it ("أفاد المرصد"), not when it merely appears
        attrs["cited"] = entry.source is None or _near_cue(view, vstart, lex)
        if entry.source is None:
            attrs.update(name=written, org_kind="anonymous")
        else:
            src = entry.source
            attrs.update(name=src.name, org_kind=src.kind)
            if src.name_en:
                attrs["name_en"] = src.name_en
            if src.affiliation:
                attrs["affiliation"] = resolve(src.affiliation, doc.pub_date)
        out.append(Mention("org", start, end, text, attrs))
    return out


def _unlisted(doc: Document, lex: SourceLexicon, taken: list[tuple[int, int]]) -> list[Mention]:
    """Outlets not in the table: noun + quoted name, or ل + quoted name after a cue."""
    assert doc.view is not None
    view = doc.view
    out: list[Mention] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    candidates: list[tuple[int, int, int, str]] = []  # vstart, vend, name group start, kind
    noun_starts, lam_starts = _unlisted_starts(view.text, lex)
    for m in _matches_at(lex.noun_pattern, view.text, noun_starts):
        candidates.append((m.start(2), m.end(), m.start(3), lex.nouns[m.group(2)]))
    for m in _matches_at(lex.lam_pattern, view.text, lam_starts):
        if _near_cue(view, m.start(), lex):
            candidates.append((m.start(1), m.end(1), m.start(1), "outlet"))
    for vstart, vend, name_start, kind in sorted(candidates):
        start, end = view.to_original(vstart, vend)
        name_s = view.to_original(name_start, name_start + 1)[0]
        quoted = _clean(doc.text[name_s:end])
        if not quoted or len(quoted.split()) > lex.max_quoted_words:
            continue
        if not free(start, end) or doc.in_boilerplate(start, end):
            continue
        text = doc.text[start:end]
        as_written = _clean(text)
        # an outlet is known by its own name; a body by noun and name ("معهد نيولاينز")
        name = quoted if kind in ("outlet", "agency") else as_written
        cited = kind in ("outlet", "agency") or _near_cue(view, vstart, lex)
        attrs = {"from": "sources", "rule": "quoted", "as_written": as_written, "cited": cited}
        attrs.update(name=name, org_kind=kind)
        out.append(Mention("org", start, end, text, attrs))
        taken.append((start, end))
    return out


def _unlisted_starts(text: str, lex: SourceLexicon) -> tuple[list[int], list[int]]:
    """Where a match of ``lex.noun_pattern`` or ``lex.lam_pattern`` may start.

    Both patterns read ``(clitics)(noun or ل)\\s*`` and then an opening quote, so a match
    ends its noun (or ل) at ``j``, the start of the whitespace run before some opening
    quote (a noun never ends in whitespace; the lexicon checks). It therefore starts at
    most ``lex.noun_reach`` characters before ``j`` (two clitics and the longest noun),
    and only when a noun ends at ``j``; for ``lam_pattern``, one or two characters
    before ``j`` when ``text[j - 1]`` is ل. Opening quotes are rare, so the patterns
    (which begin with a lookbehind the regex engine cannot skip ahead with) are tried
    at a few positions instead of every one.
    """
    nouns: set[int] = set()
    lams: set[int] = set()
    # a class of rare characters first: the regex engine skips ahead to them in C
    for quote in _OPEN_QUOTE.finditer(text):
        j = quote.start()
        while j > 0 and text[j - 1].isspace():  # str.isspace is the \\s of re
            j -= 1
        low = max(0, j - lex.noun_reach)
        if text.endswith(lex.noun_forms, low, j):
            nouns.update(range(low, j))
        if j and text[j - 1] == "ل":
            lams.update(range(max(0, j - 2), j))
    return sorted(nouns), sorted(lams)


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match starts at one of ``starts``
    (ascending): the leftmost match from each position, then on from its end."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)  # the lookbehind still sees text[:start]
        if m is not None:
            yield m
            end = m.end()


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    lex = lexicon()
    listed = _listed(doc, lex)
    taken = [(m.start, m.end) for m in listed]
    # a quoted name that is an actor ("لـ"الفرقة 18"") is no outlet
    taken += [(m.start, m.end) for m in doc.mentions if m.kind == "actor"]
    doc.mentions.extend(listed)
    doc.mentions.extend(_unlisted(doc, lex, taken))
    return doc
