"""Find attributed statements: who said what, through which channel.

Cascade, on the sentences outside boilerplate (cues in ``data/cues.yaml``, ``speech``):

1. a speech verb, then a header (speaker, role, channel, time) of a few words, then
   - a quotation mark: a direct quote, up to its closing mark (it may run over several
     sentences: "وقال ... لوكالة “رويترز”: “...”");
   - a complementiser (أن، إن، بأن، إلى أن): a reported statement, to the end of the
     sentence, unless a quotation mark opens right after it;
   - for verbs that take a noun ("أعلنت الحكومة إحباط مخطط", "ويصف مختصون نتائج
     الهجوم بـ…"), the rest of the sentence after the speaker;
2. "بحسب/وفق/نقلاً عن" + source followed by a quotation ("بحسب مختصين “...”");
3. a statement closed by "، نقلاً عن صحيفة …" / "بحسب المرصد": the clause before it.

The speaker is the person named in the header (its role is what precedes the name:
"الكاتب والصحفي السوري أحمد مظهر سعدو"), else the header's noun phrase ("مصادر
محلية", "تقارير صحفية"), else the person or group named before the verb ("حسن
أبوهنية قال"), else the speaker of the previous quote ("وأضاف: “...”").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from hadath.actors import scan
from hadath.document import Document, Mention, Quote, Span
from hadath.events.detect import header_end, sentences
from hadath.events.index import MentionIndex
from hadath.events.lexicon import lexicon
from hadath.lexicon.matcher import MatcherSet
from hadath.quotes.cues import CUES, matcher, speech
from hadath.text.view import normalize

OPEN_MARKS = '“«"”'
CLOSE_MARKS = '”“»"'
_TRIM = " \t\n\u00a0،,:؛;.-–—()" + "".join(chr(c) for c in range(0x064B, 0x0653))
# the characters the scanning loops stop at; every other character is stepped over
_OPEN_OR_COLON = re.compile("[" + re.escape(OPEN_MARKS + ":") + "]")
_OPEN = re.compile("[" + re.escape(OPEN_MARKS) + "]")
_CLOSE_OR_LINE = re.compile("[" + re.escape(CLOSE_MARKS + "\n") + "]")


# the categories that start a quote, in the order they take a shared span; found in the
# scan the actors, sources and quotes stages share (hadath.actors.scan)
_CUES = CUES
# read only after a speech cue, in its sentence: found on demand (see _Stretches)
_ON_DEMAND = ("complementizers", "via")
# the kinds of mention a header is read with
_KINDS = frozenset({"person", "org", "actor", "date"})
# the normalised form of a word a speaker is read from (a header's or statement's
# first word): words repeat across documents, and normalize builds a whole view
_normal_word = lru_cache(maxsize=1 << 14)(normalize)


@dataclass(frozen=True)
class _Lex:
    on_demand: MatcherSet[str]  # those of _ON_DEMAND
    cuts: _Cuts  # where the text may be cut to search ``on_demand`` in a part of it
    max_header: int
    past_header: re.Pattern[str]  # from a verb's end to the word a header cannot reach
    sources: frozenset[str]  # source nouns without their article ("مصادر", "مرصد")


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    data = speech()
    sources = frozenset(
        w[2:] if w.startswith("ال") else w for w in lexicon().attribution["sources"]
    )
    on_demand = {cat: matcher(cat) for cat in _ON_DEMAND}
    max_header = int(data["max_header_words"])
    return _Lex(
        on_demand=MatcherSet(on_demand),
        cuts=_Cuts.of([key for m in on_demand.values() for key in m.forms]),
        max_header=max_header,
        # possessive: a word is never split to make up the count
        past_header=re.compile(r"(?:\s*+\S++){" + str(max_header) + r"}\s*+(?=\S)"),
        sources=sources,
    )


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    key: str


def _in_text_order(hits: list[_Hit], starts: list[int], start: int, end: int) -> list[_Hit]:
    """The ``hits`` inside [start, end), ``starts`` their starts. Matcher hits do not
    overlap and come in text order, so their starts and their ends both never decrease
    (the offset map is monotonic): the first hit ending after ``end`` closes the run."""
    out = []
    for i in range(bisect_left(starts, start), len(hits)):
        if hits[i].end > end:
            break
        out.append(hits[i])
    return out


# a piece's hits of one category, their starts (original offsets), their view ends
_Found = tuple[list["_Hit"], list[int], list[int]]


@dataclass(frozen=True)
class _Cuts:
    """Where the text may be cut for the on-demand search: at a character that is no
    word character and that no hit can contain. A hit containing ``text[p]`` would carry
    it in its automaton key, after the key's part before it, which ``text[:p]`` would
    then end with. So ``text[p]`` is a cut when it is in no key ("،", ".", a line break)
    or, when it is (the space of "في حديث"), ``text[:p]`` ends with none of those parts.
    Hits never cross a cut, the matcher's walk back over clitics and its check that a
    word ends stop at one, and hits on either side of it never overlap: the hits of the
    text between two cuts, found in it alone, are those the whole text has there."""

    before: dict[str, tuple[str, ...]]  # a non-word character of a key -> the key parts before it

    @classmethod
    def of(cls, keys: list[str]) -> _Cuts:
        before: dict[str, set[str]] = {}
        for key in keys:
            for i, c in enumerate(key):
                if not c.isalnum():
                    before.setdefault(c, set()).add(key[:i])
        return cls({c: tuple(sorted(parts)) for c, parts in before.items()})

    def at(self, text: str, p: int) -> bool:
        c = text[p]
        if c.isalnum():
            return False
        parts = self.before.get(c)
        return not parts or not text.endswith(parts, 0, p)

    def start(self, text: str, p: int) -> int:
        """The start of the piece holding ``p``: just after the cut before it, or 0."""
        # ``at`` inlined: this steps over every character of the words before ``p``
        before = self.before
        while p > 0:
            c = text[p - 1]
            if not c.isalnum():
                parts = before.get(c)
                if not parts or not text.endswith(parts, 0, p - 1):
                    break
            p -= 1
        return p

    def end(self, text: str, p: int) -> int:
        """The end of the piece holding ``p``: the first cut from ``p`` on, or the end."""
        before = self.before
        size = len(text)
        while p < size:
            c = text[p]
            if not c.isalnum():
                parts = before.get(c)
                if not parts or not text.endswith(parts, 0, p):
                    break
            p += 1
        return p


class _OnDemand:
    """The hits of the ``on_demand`` categories, found only where they are asked for.

    They are read in the headers after speech cues, a small part of most texts, and
    their short entries (أن, لـ) hit all over it. A request searches the text between
    the cuts around it (see :class:`_Cuts`).

    A verb's header is asked for twice from the same cut: for complementisers up to its
    reach, then for channels up to where it ends, usually no further. The hits between
    two cuts are the whole text's there, so those of a piece [lo, hi) are the hits of a
    longer piece [lo, hi') that end by ``hi``: the longer search answers the shorter."""

    def __init__(self, doc: Document, matchers: MatcherSet[str], cuts: _Cuts):
        assert doc.view is not None
        self.view = doc.view
        self.matchers = matchers
        self.cuts = cuts
        # the piece searched from each cut: its end and, by category, the hits with
        # their starts (original offsets) and their ends in the view
        self.found: dict[int, tuple[int, dict[str, _Found]]] = {}
        # the cut before / after an original offset: a verb's header is asked for from
        # its end twice (complementisers, channels), mostly up to the same offset
        self._cut_before: dict[int, int] = {}
        self._cut_after: dict[int, int] = {}

    def _search(self, lo: int, hi: int) -> dict[str, _Found]:
        found: dict[str, _Found] = {}
        for cat, hits in self.matchers.find_all(self.view.text[lo:hi]).items():
            if not hits:
                found[cat] = ([], [], [])
                continue
            spans = [self.view.to_original(lo + h.start, lo + h.end) for h in hits]
            found[cat] = (
                [_Hit(s, e, h.key) for (s, e), h in zip(spans, hits, strict=True)],
                [s for s, _ in spans],
                [lo + h.end for h in hits],
            )
        return found

    def _piece(self, cat: str, lo: int, hi: int) -> tuple[list[_Hit], list[int]]:
        """The hits of ``cat`` in the view between the cuts ``lo`` and ``hi``, with their
        starts."""
        searched = self.found.get(lo)
        if searched is None or searched[0] < hi:
            searched = (hi, self._search(lo, hi))
            self.found[lo] = searched
        hits, starts, view_ends = searched[1][cat]
        # non-overlapping hits in text order: their ends never decrease
        n = bisect_right(view_ends, hi)
        return (hits, starts) if n == len(hits) else (hits[:n], starts[:n])

    def within(self, cat: str, start: int, end: int, upto: int | None = None) -> list[_Hit]:
        """The hits of ``cat`` inside [start, end) (original offsets). With ``upto``, the
        search stops at the cut after ``upto``: the first hits of that list, with every
        one of it that starts before ``upto``."""
        # every such hit lies in the view between these two
        lo = self._cut_before.get(start)
        if lo is None:
            lo = self._cut_before[start] = self.cuts.start(self.view.text, self.view.to_view(start))
        stop = end if upto is None else min(upto, end)
        hi = self._cut_after.get(stop)
        if hi is None:
            hi = self._cut_after[stop] = self.cuts.end(self.view.text, self.view.to_view(stop))
        hits, starts = self._piece(cat, lo, hi)
        return _in_text_order(hits, starts, start, end)


class _Finder:
    def __init__(self, doc: Document) -> None:
        assert doc.view is not None
        self.doc = doc
        self.text = doc.text
        lex = _lex()
        self.max_header = lex.max_header
        self.past_header = lex.past_header
        self.hits: dict[str, list[_Hit]] = {}
        # the starts of each category's hits, for a binary search in ``within``
        self.starts: dict[str, list[int]] = {}
        found_by_cat = scan.hits(doc.view.text)
        for cat in _CUES:
            found = []
            hits = found_by_cat[cat]
            for h in hits:
                s, e = doc.view.to_original(h.start, h.end)
                found.append(_Hit(s, e, h.key))
            self.hits[cat] = found
            self.starts[cat] = [h.start for h in found]
        self.quotes: list[Quote] = []
        # the quotes' spans in text order; they never overlap (see ``add``), so their
        # ends are sorted too, and a point or span is looked up by bisection
        self.quote_starts: list[int] = []
        self.quote_ends: list[int] = []
        self.sources = lex.sources
        # built on the first query: many documents have no speech cue to ask one for
        self._index: MentionIndex | None = None
        self._read: list[Mention] = []  # the mentions of _KINDS, in document order
        self._position: dict[int, int] | None = None
        self.on_demand = _OnDemand(doc, lex.on_demand, lex.cuts)

    def within(self, cat: str, start: int, end: int) -> list[_Hit]:
        """The hits of ``cat`` inside [start, end)."""
        if cat in _ON_DEMAND:
            return self.on_demand.within(cat, start, end)
        return _in_text_order(self.hits[cat], self.starts[cat], start, end)

    def mentions(self, kinds: tuple[str, ...], start: int, end: int) -> list[Mention]:
        """The mentions of ``kinds`` inside [start, end), in document order."""
        if self._index is None:
            self._read = [m for m in self.doc.mentions if m.kind in _KINDS]
            self._index = MentionIndex(self._read)
        index = self._index
        if len(kinds) == 1:
            return index.inside(kinds[0], start, end)
        per_kind = [found for kind in kinds if (found := index.inside(kind, start, end))]
        if len(per_kind) < 2:
            return per_kind[0] if per_kind else []
        # the kinds interleave: back to the order of ``doc.mentions``
        if self._position is None:
            self._position = {id(m): i for i, m in enumerate(self._read)}
        position = self._position
        return sorted((m for found in per_kind for m in found), key=lambda m: position[id(m)])

    def in_quote(self, offset: int) -> bool:
        """Whether a quote found so far holds ``offset``."""
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quote_ends[i]

    def last_quote_end(self, start: int, end: int) -> int | None:
        """The last end of a quote found so far in [start, end], or None."""
        i = bisect_right(self.quote_ends, end) - 1
        return self.quote_ends[i] if i >= 0 and self.quote_ends[i] >= start else None

    # -- pieces -------------------------------------------------------------------

    def closing(self, start: int, limit: int) -> int:
        """End of a quotation opened just before ``start``."""
        for m in _CLOSE_OR_LINE.finditer(self.text, start, limit):
            i = m.start()
            c = self.text[i]
            if c in CLOSE_MARKS and i > start:
                nxt = self.text[i + 1] if i + 1 < len(self.text) else " "
                if not self.text[i - 1].isspace() and not nxt.isalnum():
                    return i
                if nxt in "،,.؛:" or i + 1 >= limit:
                    return i
            if c == "\n":
                return i
        return limit

    def clause_end(self, start: int, limit: int) -> int:
        """A reported statement ends where the next one starts ("…، وتوقع في تصريح")."""
        for cat in ("verbs", "nominal"):
            for h in self.within(cat, start + 1, limit):
                before = self.text[max(start, h.start - 4) : h.start]
                if "،" in before or "," in before:
                    limit = min(limit, self._word_start(h.start))
                    break
        return limit

    def _reach(self, verb: _Hit) -> int:
        """The first offset a header after ``verb`` cannot reach: from there on, it has
        more than ``max_header`` words."""
        m = self.past_header.match(self.text, verb.end)
        return len(self.text) + 1 if m is None else m.end() + 1

    def opens(self, i: int) -> bool:
        return self.text[i] in OPEN_MARKS and i + 1 < len(self.text) and self.text[i + 1].isalnum()

    def short_name(self, i: int, limit: int) -> int | None:
        """End of a short quoted name inside a header ("لوكالة “رويترز”"), or None."""
        close = self.closing(i + 1, limit)
        if close >= limit or self.words(i + 1, close) > 3:
            return None
        return close + 1

    def words(self, start: int, end: int) -> int:
        return len(self.text[start:end].split())

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in _TRIM:
            start += 1
        while end > start and self.text[end - 1] in _TRIM:
            end -= 1
        return start, end

    def speaker(
        self, hstart: int, hend: int, verb_start: int, sentence: Span
    ) -> tuple[str | None, str | None, str | None, str | None]:
        """(speaker, role, affiliation, reported_via) from a header."""
        via_hits = self.within("via", hstart, hend)
        via: str | None = None
        name_end = hend
        if via_hits:
            vs = via_hits[0].start
            # the channel runs from its cue to the end of the header
            s, e = self.trim(vs - (1 if self.text[vs - 1 : vs] == "ل" else 0), hend)
            s = self._word_start(s)
            via = self.text[s:e] or None
            name_end = s
        persons = self.mentions(("person",), hstart, name_end)
        if persons:
            p = persons[0]
            rs, re_ = self.trim(hstart, p.start)
            role = self.text[rs:re_] or p.get("role")
            affiliation = p.get("affiliation")
            if not affiliation:
                affiliation = self._group(hstart, name_end, affiliation)
            return str(p.get("name") or p.text), role, affiliation, via
        s, e = self.trim(hstart, name_end)
        for d in self.mentions(("date",), s, e):
            e = min(e, d.start)
        comma = self.text.find("،", s, e)
        if comma > s:
            e = comma
        s, e = self.trim(s, e)
        head = _normal_word(self.text[s:e].split()[0]) if e > s else ""
        head = head[2:] if head.startswith("ال") else head
        sourcelike = (
            head in self.sources
            or head.endswith(("ون", "ين"))
            or bool(self.mentions(("person", "org", "actor"), s, s + 40))
        )
        if e > s and ((sourcelike and self.words(s, e) <= 8) or self.words(s, e) <= 4):
            return self.text[s:e], None, self._group(hstart, name_end, None), via
        before = self.mentions(("person", "org", "actor"), sentence.start, verb_start)
        if before:
            m = before[-1]
            name = m.get("name") or m.text
            return str(name), m.get("role"), m.get("affiliation") or m.get("actor"), via
        if self.quotes:
            last = self.quotes[-1]
            return last.speaker, last.speaker_role, last.affiliation, via
        return None, None, None, via

    def _group(self, start: int, end: int, default: str | None) -> str | None:
        """The actor or name of the first group (actor, org) named in [start, end),
        ``default`` when none is (looked up only when a speaker's affiliation is)."""
        groups = self.mentions(("actor", "org"), start, end)
        return (groups[0].get("actor") or groups[0].get("name")) if groups else default

    def _word_start(self, offset: int) -> int:
        while offset > 0 and self.text[offset - 1].isalnum():
            offset -= 1
        return offset

    def add(
        self,
        start: int,
        end: int,
        who: tuple[str | None, str | None, str | None, str | None],
        kind: str,
    ) -> None:
        start, end = self.trim(start, end)
        if end - start < 12 or self.doc.in_boilerplate(start, end):
            return
        # the first quote ending after ``start`` is the only one that may overlap
        i = bisect_right(self.quote_ends, start)
        if i < len(self.quote_starts) and self.quote_starts[i] < end:
            return
        speaker, role, affiliation, via = who
        self.quotes.append(
            Quote(speaker, self.text[start:end], start, end, role, affiliation, via, kind)
        )
        self.quote_starts.insert(i, start)
        self.quote_ends.insert(i, end)

    # -- strategies ---------------------------------------------------------------

    def after_verb(self, verb: _Hit, sentence: Span, para_end: int, nominal: bool) -> None:
        text = self.text
        limit = sentence.end
        stop, kind = limit, ""
        i = verb.end
        while i < limit:
            m = _OPEN_OR_COLON.search(text, i, limit)
            if m is None:
                break
            i = m.start()
            if self.opens(i):
                after = self.short_name(i, limit)
                if after is not None:
                    # a quoted name ("لوكالة “رويترز”", "مجلة “النبأ”") is no quote
                    i = after
                    continue
                stop, kind = i, "mark"
                break
            if text[i] == ":":
                stop, kind = i, "colon"
                break
            i += 1
        # a complementiser starting past the header's longest reach makes no quote (the
        # header to it is too long), nor does it stop one (a mark or colon before it
        # would then also end too long a header): only those before the reach count.
        # Nor does one at or past the mark or colon: the search stops at the first cut
        # after both, and its first hit, if any, is the first the whole text has there.
        upto = min(self._reach(verb), stop)
        comps = self.on_demand.within("complementizers", verb.end, limit, upto)
        if comps and comps[0].start < stop:
            stop, kind = comps[0].start, "comp"
        if kind and self.words(verb.end, stop) > self.max_header:
            kind = ""
        if not kind:
            if nominal:
                self.nominal(verb, sentence)
            return
        who = self.speaker(verb.end, stop, verb.start, sentence)
        if kind == "comp":
            j = comps[0].end
            while j < limit and text[j] in " \u00a0":
                j += 1
            if j < limit and self.opens(j) and self.short_name(j, limit) is None:
                self.add(j + 1, self.closing(j + 1, para_end), who, "direct")
            else:
                self.add(stop, self.clause_end(stop, limit), who, "indirect")
            return
        j = stop + 1
        while j < limit and text[j] in " \u00a0":
            j += 1
        if kind == "colon" and (j >= len(text) or not self.opens(j)):
            self.add(j, limit, who, "direct")
            return
        start = j + 1 if kind == "colon" else stop + 1
        self.add(start, self.closing(start, para_end), who, "direct")

    def nominal(self, verb: _Hit, sentence: Span) -> None:
        """ "ويصف مختصون نتائج الهجوم…": speaker then the statement as a noun phrase."""
        end = min(sentence.end, verb.end + 60)
        groups = self.mentions(("person", "org", "actor"), verb.end, end)
        if groups and self.words(verb.end, groups[0].start) == 0:
            m = groups[0]
            name = str(m.get("name") or m.text)
            who = (name, m.get("role"), m.get("affiliation") or m.get("actor"), None)
            start = m.end
        else:
            # a plain plural or source noun as speaker ("مختصون", "تقارير", "الصحيفة")
            words = self.text[verb.end : sentence.end].split()
            if len(words) < 5:
                return
            first = words[0]
            base = _normal_word(first)
            base = base[2:] if base.startswith("ال") else base
            if not (base.endswith(("ون", "ين")) or base in self.sources):
                return
            s = self.text.index(first, verb.end)
            who = (first, None, None, None)
            start = s + len(first)
        if self.text[start : sentence.end].lstrip().startswith("مسؤولي"):
            return  # a claim of responsibility, not a statement
        to = self.text.find(" إلى ", start, min(sentence.end, start + 80))
        if to > 0:
            start = to + len(" إلى ")
        self.add(start, sentence.end, who, "indirect")

    def according(self, hit: _Hit, sentence: Span, para_end: int) -> None:
        text = self.text
        window_end = min(sentence.end, hit.end + 80)
        named = False
        i = hit.end
        while i < window_end:
            m = _OPEN.search(text, i, window_end)
            if m is None:
                break
            i = m.start()
            if self.opens(i):
                if self.words(hit.end, i) > 9:
                    break
                after = self.short_name(i, sentence.end)
                if after is not None and not text[after : sentence.end].strip(_TRIM):
                    named = True  # "نقلاً عن “الشرق الأوسط”." closes the sentence
                    break
                if after is not None:
                    i = after  # a quoted name, not a statement
                    continue
                who = self.speaker(hit.end, i, hit.start, sentence)
                if who[0] and "فإن" in who[0]:
                    who = (who[0].split("فإن")[0].strip(" ،"), *who[1:])
                self.add(i + 1, self.closing(i + 1, para_end), who, "direct")
                return
            i += 1
        # a trailing attribution to an outlet or observatory closes the statement
        tail = text[hit.end : sentence.end]
        orgs = self.mentions(("org",), hit.end, sentence.end)
        first = _normal_word(tail.split()[0]) if tail.split() else ""
        if first.startswith("ل") and first[1:] in self.sources:
            first = first[1:]
        first = first[2:] if first.startswith("ال") else first
        if (orgs or named or first in self.sources) and len(tail.split()) <= 6:
            stripped = tail.strip(_TRIM + '“”"«»')
            name = str(orgs[0].get("name") or orgs[0].text) if orgs else stripped
            # the statement is the sentence up to the attribution, after any quote
            # already read in it and a leading connective ("كذلك،")
            clause_start = sentence.start
            read = self.last_quote_end(sentence.start, hit.start)
            if read is not None:
                clause_start = read + 1
            comma = text.find("،", clause_start, hit.start)
            if comma > 0 and self.words(clause_start, comma) <= 1:
                clause_start = comma + 1
            self.add(clause_start, hit.start, (name, None, None, None), "indirect")


def find_quotes(doc: Document) -> list[Quote]:
    assert doc.view is not None
    found = scan.hits(doc.view.text)
    if not any(found[cat] for cat in _CUES):
        return []  # every quote starts at a speech cue
    f = _Finder(doc)
    body = header_end(doc)
    nominal = {(h.start, h.end) for h in f.hits["nominal"]}
    # where a cue starts: a sentence without any has nothing to read
    cue_starts = sorted(h.start for cat in _CUES for h in f.hits[cat])
    for sentence in sentences(doc):
        i = bisect_left(cue_starts, sentence.start)
        if i == len(cue_starts) or cue_starts[i] >= sentence.end:
            continue
        if sentence.start < body or doc.in_boilerplate(sentence.start, sentence.end):
            continue
        para = doc.paragraph_at(sentence.start)
        para_end = para.end if para is not None else sentence.end
        cues: dict[tuple[int, int], tuple[str, _Hit]] = {}
        for cat in _CUES:
            for h in f.within(cat, sentence.start, sentence.end):
                cues.setdefault((h.start, h.end), (cat, h))
        for _, (cat, h) in sorted(cues.items()):
            if f.in_quote(h.start):
                continue
            if cat == "according":
                f.according(h, sentence, para_end)
            else:
                f.after_verb(h, sentence, para_end, (h.start, h.end) in nominal)
    return sorted(f.quotes, key=lambda q: q.quote_start)
