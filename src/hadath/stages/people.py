"""Stage ``people``: persons and organisations.

Inputs: ``doc.view``, ``doc.sentences``, ``doc.regions`` (boilerplate is skipped), and,
when those stages ran, place/actor mentions (a name never overlaps them) and the
author span of ``metadata``. Outputs: ``Mention(kind="person", attrs={"name", "role",
"affiliation", "title_kind", "rule"})`` and ``Mention(kind="org", attrs={"name",
"org_kind", "from": "people"})``; offsets into ``doc.text``.

Cascade (the order is also the priority when two readings overlap):
1. organisations: known names, and a head noun followed by a name (``ner.orgs``);
2. ``title``: a title cue, its role phrase, then a name ("الباحث ... ، عمرو فاروق");
   an unnamed official after a speech verb ("وقال الناطق باسم ...") is kept with name None;
3. ``named``: "ويدعى "X"", "المدعو X";  ``byline``: "بقلم: X", the metadata author;
4. ``kunya``: "أبو محمد الجولاني"; ``known``: names news writes bare ("بشار الأسد");
5. ``crf``: persons of two or more words the CRF finds in sentences with a title, a
   speech verb or a victim cue (tagging every sentence would cost too much);
6. ``coref``: later mentions of a found person by surname ("وأضاف أبوهنية").
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hadath.document import Document, Mention
from hadath.lexicon.matcher import Hit, Matcher
from hadath.ner import tagger
from hadath.ner.cues import Cues, cues
from hadath.ner.names import (
    CONNECTORS,
    PRONOUN_SUFFIXES,
    QUOTE,
    SEPARATORS,
    Sentence,
    ViewTokens,
    joins_name,
    read_name,
    read_role,
)
from hadath.ner.orgs import OrgSpan, find_orgs
from hadath.settings import Settings
from hadath.text.view import NormalizedView, normalize

REQUIRES: tuple[str, ...] = ("segment",)

# titles whose bearer is worth keeping unnamed when he speaks ("قال الناطق باسم ...")
_SPEAKING_KINDS = frozenset({"official", "analyst", "media", "military"})
_PRIORITY = {"title": 0, "named": 1, "byline": 2, "kunya": 3, "known": 4, "crf": 5, "coref": 6}
_BLOCKING = frozenset({"place", "actor", "date", "number", "org"})


def prepare(settings: Settings) -> None:
    cues()
    tagger.load()


@dataclass
class _Found:
    start: int  # view offsets of the name (or of the role, when unnamed)
    end: int
    rule: str
    name: str | None = None
    role: tuple[int, int] | None = None
    affiliation: str | None = None
    title_kind: str | None = None
    unnamed: bool = False


class _Marks:
    """Which characters are taken: overlap tests in time linear in the span, so that a
    document with thousands of mentions costs no more per mention than a short one."""

    def __init__(self, size: int) -> None:
        self._b = bytearray(size + 1)

    def add(self, start: int, end: int) -> None:
        self._b[start:end] = b"\x01" * (end - start)

    def hit(self, start: int, end: int) -> bool:
        return self._b.find(1, start, max(end, start + 1)) != -1


def _view_offset(view: NormalizedView) -> Callable[[int], int]:
    """``view.to_view`` as a plain function: the first view index at or after an
    original offset (it runs for every sentence and actor of a document)."""
    if view.origin is None:
        return int  # the identity on offsets: the view is the text, aligned 1:1
    return functools.partial(bisect.bisect_left, view.origin)


class _Doc:
    """The document seen through the view: sentences in view offsets, tokens on demand."""

    def __init__(self, doc: Document, view: NormalizedView) -> None:
        self.doc = doc
        self.view = view
        to_view = self.to_view = _view_offset(view)
        sentences = doc.sentences
        if doc.regions:
            sentences = [s for s in sentences if not doc.in_boilerplate(s.start, s.end)]
        self.spans: list[tuple[int, int]]
        if view.origin is None:  # the same offsets
            self.spans = [(s.start, s.end) for s in sentences]
        else:
            self.spans = [(to_view(s.start), to_view(s.end)) for s in sentences]
        self._starts = [s for s, _ in self.spans]
        self._sents: dict[tuple[int, int], Sentence] = {}
        # each sentence is tokenised once; its windows share the tokens
        self._tokens: dict[int, ViewTokens] = {}
        # groups only: an actor that is a person ("مظلوم عبدي") is a name, not a role
        actors = sorted(
            (m.start, m.end, m.text)
            for m in doc.mentions
            if m.kind == "actor" and not m.get("person")
        )
        self.actors = actors
        self.actor_starts = [a[0] for a in actors]
        # actors in view offsets: a role's complement takes them whole ("في هيئة تحرير الشام")
        self.actor_view = [(to_view(a), to_view(b)) for a, b, _ in actors]
        self.actor_view_starts = [a for a, _ in self.actor_view]

    def groups_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """View spans of the actors starting in ``lo..hi``."""
        a = bisect.bisect_left(self.actor_view_starts, lo)
        return self.actor_view[a : bisect.bisect_left(self.actor_view_starts, hi)]

    def orgs_in(self, orgs: list[OrgSpan], starts: list[int], lo: int, hi: int) -> list[OrgSpan]:
        """The organisations starting in view range ``lo..hi`` (``orgs`` sorted)."""
        return orgs[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def sentence_of(self, vpos: int) -> int | None:
        k = bisect.bisect_right(self._starts, vpos) - 1
        if k >= 0 and vpos < self.spans[k][1]:
            return k
        return None

    def sentence(
        self, k: int, around: int | None = None, before: int = 60, after: int = 320
    ) -> Sentence:
        """Sentence ``k``, or in a long one the words around view offset ``around``: a
        role and a name fit in a few hundred characters, and tagging whole run-on
        paragraphs would cost most of the stage's time."""
        s, e = self.spans[k]
        if around is not None and e - s > before + after:
            vt = self.view.text
            lo, hi = max(s, around - before), min(e, around + after)
            while lo > s and vt[lo - 1].isalnum():
                lo -= 1
            while hi < e and vt[hi].isalnum():
                hi += 1
            s, e = lo, hi
        sent = self._sents.get((s, e))
        if sent is None:
            sent = self._sents[(s, e)] = Sentence(self._tokens_of(k).window(s, e))
        return sent

    def _tokens_of(self, k: int) -> ViewTokens:
        """The tokens of sentence ``k``, made once and shared by its windows."""
        tokens = self._tokens.get(k)
        if tokens is None:
            tokens = self._tokens[k] = ViewTokens(self.view.text, *self.spans[k], self.text)
        return tokens

    def view_span(self, m: Mention) -> tuple[int, int]:
        return self.to_view(m.start), self.to_view(m.end)

    def original(self, vstart: int, vend: int) -> tuple[int, int]:
        return self.view.to_original(vstart, vend)

    def text(self, vstart: int, vend: int) -> str:
        s, e = self.original(vstart, vend)
        return self.doc.text[s:e]


def _clean(text: str) -> str:
    return " ".join(
        text.replace('"', " ")
        .replace("“", " ")
        .replace("”", " ")
        .replace("«", " ")
        .replace("»", " ")
        .split()
    )


def _org_name(d: _Doc, org: OrgSpan) -> str:
    if org.name and org.head_end is not None:
        return f"{_clean(d.text(org.start, org.head_end))} {org.name}"
    return org.name or _clean(d.text(org.start, org.end))


def _affiliation(d: _Doc, role: tuple[int, int], orgs: list[OrgSpan], c: Cues) -> str | None:
    for org in orgs:
        if org.end <= role[1]:
            return _org_name(d, org)
    s, e = d.original(*role)
    # an armed group or force named in the complement: "القيادي في هيئة تحرير الشام"
    for k in range(bisect.bisect_right(d.actor_starts, s), len(d.actors)):
        a_start, a_end, a_text = d.actors[k]
        if a_start >= e:
            break
        if a_end <= e:
            return a_text
    # "الناطق باسم قوى الأمن الداخلي": the words after باسم, up to the next preposition
    vt = d.view.text[role[0] : role[1]]
    at = vt.find("باسم ")
    if at < 0:
        return None
    words = vt[at + 5 :].split()
    kept = []
    for w in words:
        if w in c.prepositions or not w[0].isalpha():
            break
        kept.append(w)
    if not kept:
        return None
    start = role[0] + at + 5
    end = start + len(" ".join(kept))
    return _clean(d.text(start, end))


@functools.lru_cache(maxsize=1 << 14)
def _is_name_cue(word: str) -> bool:
    """The word is a name cue (المدعو, ويدعى): read for the word after every title."""
    return bool(cues().name_cues.find(word))


def _titles(
    d: _Doc,
    c: Cues,
    orgs: list[OrgSpan],
    speech: list[Hit[list[str]]],
    titles: list[Hit[list[str]]],
) -> tuple[list[_Found], list[_Found]]:
    """Persons read from title cues, and the roles that no name followed (a name found
    by another rule may stand next to them: "القيادي في الهيئة أبو ماريا القحطاني")."""
    out: list[_Found] = []
    roles: list[_Found] = []
    if not titles:
        return out, roles
    starts = [o.start for o in orgs]
    in_org = _Marks(len(d.view.text))
    for o in orgs:
        in_org.add(o.start, o.end)
    speech_ends = {h.end for h in speech}
    for hit in titles:
        k = d.sentence_of(hit.start)
        if k is None or in_org.hit(hit.start, hit.start + 1):
            continue
        sent = d.sentence(k, around=hit.start)
        toks = title_toks = sent.toks
        i0 = sent.index_at(hit.start)
        if i0 is None or toks[i0].prep:
            continue  # "وإلى" folds to "والي" (a governor)
        i1 = sent.index_after(hit.end)
        # offsets only: most tokens of a window are never made into Tok objects
        first, last = toks.starts[0], toks.ends[-1]
        near = d.orgs_in(orgs, starts, first, last)
        groups = [(o.start, o.end) for o in near] + d.groups_in(first, last)
        tok_orgs = [(sent.index_after(a), sent.index_after(b)) for a, b in groups]
        definite = hit.key.startswith("ال") or hit.prefix.endswith("ال")
        # after a noun with the article, a title may be its adjective ("الجهة المسؤولة")
        adjective = definite and not hit.prefix.startswith("و") and i0 > 0 and toks[i0 - 1].definite
        kind = hit.value[0]
        # an indefinite title governs the words after it (قائد المجموعة), kin words do not
        j = read_role(sent, i1, c, tok_orgs, not definite and kind != "kin")
        role = (hit.start, max(hit.end, toks.ends[j - 1]))
        n = j
        if n < len(toks) and toks[n].text in SEPARATORS:
            n += 1
        end = d.spans[k][1]
        ends_open = toks.ends[-1] == end and d.view.text[end - 1 : end] in ("؛", ":")
        if n >= len(toks) and ends_open and k + 1 < len(d.spans):
            # "الباحث ... الجهادية؛ حسن أبوهنية قال": the name opens the next sentence
            sent = d.sentence(k + 1, around=d.spans[k + 1][0])
            n, toks = 0, sent.toks
        if n < len(toks) and _is_name_cue(toks[n].text):
            n += 1
        name = read_name(sent, n, c)
        if adjective and not (name and toks[name[0] - 1].text == QUOTE):
            continue
        aff = _affiliation(d, role, d.orgs_in(orgs, starts, role[0], role[1]), c)
        if name is not None:
            a, b = name
            out.append(
                _Found(
                    toks.starts[a],
                    toks.ends[b - 1],
                    "title",
                    role=role,
                    affiliation=aff,
                    title_kind=kind,
                )
            )
            continue
        # i0 indexes the title's own sentence, even when the name was sought in the next
        spoken = i0 > 0 and title_toks.ends[i0 - 1] in speech_ends
        unnamed = _Found(role[0], role[1], "title", role=role, affiliation=aff, title_kind=kind)
        unnamed.unnamed = True
        roles.append(unnamed)
        if kind in _SPEAKING_KINDS and spoken:
            out.append(unnamed)
    return out, roles


_GAP = re.compile(r'[\s"]*')
_APPOSITION = re.compile(r'[\s"]*[،,][\s"]*')


def _attach_roles(d: _Doc, found: list[_Found], roles: list[_Found]) -> list[_Found]:
    """Give a role to a person found without one when a role stands right before the
    name ("القيادي في هيئة تحرير الشام أبو ماريا القحطاني") or after it, between commas
    ("رامي عبد الرحمن، مدير المرصد السوري"); the unnamed reading of that role goes."""
    by_end = {r.end: r for r in roles}
    by_start = {r.start: r for r in roles}
    vt = d.view.text
    used: set[int] = set()
    for f in found:
        if f.unnamed or f.role is not None or f.rule == "coref":
            continue
        role = None
        after = _APPOSITION.match(vt, f.end)
        for end in range(f.start, max(-1, f.start - 4), -1):
            r = by_end.get(end)
            if r is not None and _GAP.fullmatch(vt, end, f.start):
                role = r
                break
        if role is None and after is not None:
            role = by_start.get(after.end())
        if role is not None and role.role is not None:
            f.role, f.affiliation, f.title_kind = role.role, role.affiliation, role.title_kind
            used.add(role.start)
    return [f for f in found if not (f.unnamed and f.start in used)]


def _cued(
    d: _Doc, c: Cues, name_cues: list[Hit[list[str]]], persons: list[Hit[list[str]]]
) -> list[_Found]:
    out: list[_Found] = []
    for hit in name_cues:
        k = d.sentence_of(hit.start)
        if k is None:
            continue
        sent = d.sentence(k, around=hit.start)
        i = sent.index_after(hit.end)
        if i < len(sent.toks) and sent.toks[i].text == ":":
            i += 1
        name = read_name(sent, i, c)
        if name is not None:
            a, b = name
            rule = "byline" if hit.value[0] == "byline" else "named"
            out.append(_Found(sent.toks.starts[a], sent.toks.ends[b - 1], rule))
    kunyas = c.kunya.finditer(d.view.text) if c.may_hold_kunya.search(d.view.text) else ()
    for m in kunyas:
        if d.sentence_of(m.start(1)) is not None:
            out.append(_Found(m.start(1), m.end(), "kunya"))
    for hit in persons:
        if d.sentence_of(hit.start) is not None:
            out.append(_Found(hit.start, hit.end, "known", name=hit.value[0]))
    author = d.doc.meta_spans.get("author")
    if author is not None and d.doc.author:
        vs, ve = d.view.to_view(author.start), d.view.to_view(author.end)
        words = list(re.finditer(r"\w+", d.view.text[vs:ve]))
        if words:
            out.append(_Found(vs + words[0].start(), vs + words[-1].end(), "byline"))
    return out


def _crf(d: _Doc, c: Cues, cue_positions: list[int]) -> list[_Found]:
    out: list[_Found] = []
    for p in sorted(set(cue_positions)):
        k = d.sentence_of(p)
        if k is None:
            continue
        # the speaker stands next to the verb: "وقال X", "X قال", "بحسب X"
        sent = d.sentence(k, around=p, before=80, after=120)
        v = sent.index_at(p) or 0
        lo = max(0, v - 5)
        for kind, a, b in tagger.entities(sent.tags(lo, v + 8)):
            if kind != "PERS":
                continue
            a, b = a + lo, b + lo
            # cut the entity where a word cannot continue a name ("عباس للصحافيين")
            end = a + 1
            while end < b and sent.toks[end].is_word and joins_name(sent.toks[end], c, True):
                end += 1
            toks = sent.toks[a:end]
            if len(toks) < 2 or not toks[0].is_word or toks[0].prefix not in ("", "ال", "و"):
                continue
            if toks[0].prep or toks[0].text.endswith(PRONOUN_SUFFIXES):
                continue
            if any(t.text in c.stops or t.text in c.title_words for t in toks):
                continue
            out.append(_Found(toks[0].start, toks[-1].end, "crf"))
    # overlapping windows find the same name twice
    return list({(f.start, f.end): f for f in out}.values())


def _coref(d: _Doc, c: Cues, named: list[_Found], taken: list[_Found]) -> list[_Found]:
    """Later mentions of the ``named`` persons; ``taken``: the readings that will be kept
    before any of these (a mention overlapping one is dropped)."""
    entries: dict[str, _Found] = {}  # one antecedent per form: the first
    for f in named:
        words = d.view.text[f.start : f.end].replace(QUOTE, " ").split()
        if len(words) < 2:
            continue
        entries.setdefault(" ".join(words), f)
        last = words[-1]
        plain = last not in c.stops and last not in c.title_words and last not in c.common
        # "عبد العزيز", "بن لادن": the surname is two words, not the last one
        plain = plain and last not in ("الله", "الدين")
        if len(last) >= 4 and plain and words[-2] not in CONNECTORS:
            entries.setdefault(last, f)
    if not entries or not _found_elsewhere(d.view.text, entries, taken):
        return []
    out: list[_Found] = []
    for hit in Matcher(list(entries.items())).find(d.view.text):
        if d.sentence_of(hit.start) is None:
            continue
        ante = hit.value[0]
        out.append(
            _Found(
                hit.start, hit.end, "coref", name=ante.name, role=ante.role,
                affiliation=ante.affiliation, title_kind=ante.title_kind,
            )
        )  # fmt: skip
    return out


@functools.lru_cache(maxsize=1 << 14)
def _search_key(form: str) -> str:
    """What ``_found_elsewhere`` looks for: the form as the matcher keys it (normalised,
    spaces collapsed), less the alef of an article (names recur across documents)."""
    key = " ".join(normalize(form).split())
    return key[1:] if key.startswith("ال") else key


def _found_elsewhere(view_text: str, forms: Iterable[str], taken: list[_Found]) -> bool:
    """Whether a form may be matched where a mention of it would be kept: somewhere not
    overlapping a ``taken`` reading (most names occur only where they were found).

    A superset test: every match of the coref Matcher stands at an occurrence of one of
    its automaton keys, the normalised form or, after ل, the form without its alef
    (للقائد); an occurrence of the form contains one of ``form[1:]``, so looking for
    that one finds both. A match over a taken reading is dropped by ``_resolve``, which
    takes every earlier reading first (they do not overlap and passed it once)."""
    marks = _Marks(len(view_text))
    for f in taken:
        marks.add(f.start, f.end)
    for form in forms:
        key = _search_key(form)
        at = view_text.find(key) if key else -1
        while at != -1:
            if not marks.hit(at, at + len(key)):
                return True
            at = view_text.find(key, at + 1)
    return False


def _blocked(d: _Doc, orgs: list[OrgSpan]) -> _Marks:
    """The original text taken by place/actor/date/number mentions and organisations."""
    blocked = _Marks(len(d.doc.text))
    for m in d.doc.mentions:
        # an actor that is a person ("مظلوم عبدي") is the same name, not a rival reading
        if m.kind in _BLOCKING and not (m.kind == "actor" and m.get("person")):
            blocked.add(m.start, m.end)
    for o in orgs:
        blocked.add(*d.original(o.start, o.end))
    return blocked


def _resolve(d: _Doc, found: list[_Found], blocked: _Marks) -> list[_Found]:
    """Drop readings that overlap a better one, or a ``blocked`` mention."""
    found.sort(key=lambda f: (_PRIORITY[f.rule], -(f.end - f.start), f.start))
    taken: list[_Found] = []
    used = _Marks(len(d.view.text))
    for f in found:
        if used.hit(f.start, f.end):
            continue
        if f.rule != "known" and not f.unnamed and blocked.hit(*d.original(f.start, f.end)):
            continue
        taken.append(f)
        used.add(f.start, f.end)
    return taken


def _free_speech(
    d: _Doc, speech: list[Hit[list[str]]], found: list[_Found], orgs: list[OrgSpan]
) -> list[int]:
    """The verbs of speech with no person, organisation or actor found near them."""
    vt = d.view.text
    known = _Marks(len(vt))
    spans = [(f.start, f.end) for f in found] + [(o.start, o.end) for o in orgs]
    spans += [d.view_span(m) for m in d.doc.mentions if m.kind in ("actor", "org")]
    for a, b in spans:
        known.add(max(0, a - 15), min(len(vt), b + 15))
    return [h.start for h in speech if not known.hit(h.start, h.start + 1)]


def _add_persons(
    d: _Doc, c: Cues, found: list[_Found], roles: list[_Found], orgs: list[OrgSpan]
) -> None:
    """Resolve the readings, refer back to the named persons, add the person mentions."""
    doc = d.doc
    # the mentions blocking a name are the same for both passes (persons come after)
    blocked = _blocked(d, orgs)
    found = _resolve(d, found, blocked)
    for f in found:
        if f.name is None and not f.unnamed:
            f.name = _clean(d.text(f.start, f.end))
    found = _attach_roles(d, found, roles)
    named = [f for f in found if f.name and f.rule != "coref"]
    found = _resolve(d, found + _coref(d, c, named, found), blocked)
    for f in found:
        s, e = d.original(f.start, f.end)
        role = _clean(d.text(*f.role)) if f.role else None
        attrs: dict[str, object] = {"name": f.name, "role": role, "affiliation": f.affiliation}
        attrs.update(title_kind=f.title_kind, rule=f.rule)
        if f.role:
            attrs["role_start"], attrs["role_end"] = d.original(*f.role)
        doc.mentions.append(Mention("person", s, e, doc.text[s:e], attrs))


def _add_orgs(d: _Doc, orgs: list[OrgSpan]) -> None:
    """Add the organisations that the sources stage did not find already."""
    doc = d.doc
    theirs = _Marks(len(doc.text))
    for m in doc.mentions:
        if m.kind == "org":
            theirs.add(m.start, m.end)
    for o in orgs:
        s, e = d.original(o.start, o.end)
        if theirs.hit(s, e):
            continue  # the sources stage found it already
        name = _org_name(d, o)
        doc.mentions.append(
            Mention(
                "org", s, e, doc.text[s:e], {"name": name, "org_kind": o.kind, "from": "people"}
            )
        )


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    c = cues()
    d = _Doc(doc, doc.view)
    vt = doc.view.text
    hits = c.scan.find_all(vt)  # the cues of cues.SCANNED, in one pass
    orgs = find_orgs(vt, c, hits["orgs"], hits["org_heads"])
    orgs = [o for o in orgs if d.sentence_of(o.start) is not None]
    speech = hits["speech"]
    found, roles = _titles(d, c, orgs, speech, hits["titles"])
    found += _cued(d, c, hits["name_cues"], hits["persons"])
    # the CRF reads only around verbs of speech whose speaker no rule found: tagging
    # every sentence would cost ~10 ms a page
    if speech:
        found += _crf(d, c, _free_speech(d, speech, found, orgs))
    if found:  # else no person, and no coreference
        _add_persons(d, c, found, roles, orgs)
    if orgs:
        _add_orgs(d, orgs)
    return doc
