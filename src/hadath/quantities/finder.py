"""Find quantities in a normalised text: figures with their hedges, ranges and nouns.

Order of work over the tokens: figures (digits and words, with "أكثر من", "نحو",
"ما لا يقل عن", "على الأقل", ranges "بين X و Y"), then vague plurals ("عشرات",
"مئات"), then duals standing alone ("عنصرين", "دبابتين"). Figures that are not counts
are dropped: unit names ("الفوج 147"), years, distances, percentages, durations, ages,
times and phone numbers.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any

import ahocorasick

from hadath.quantities.lexicon import CLITICS, NumberLexicon, lexicon
from hadath.quantities.words import Parsed, Tokens, parse_number, tokenize, tokenize_spans

_STOP_AFTER_CONSTRUCT = frozenset(
    {"في", "من", "علي", "الي", "عن", "مع", "بعد", "قبل", "و", "قرب", "عند", "داخل", "خلال",
     "امام", "بين", "ضد", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"}
)  # fmt: skip
# the dual's vowel written out: مقاتلَين, مدنيَّين (a plural reads مقاتلِين or bare)
_MARKED_DUAL = re.compile("(?:\u064e\u0651?|\u0651\u064e)\u064a\u0646$")
_TANWEEN_FATH = "\u064b"
_DUAL_ENDINGS = ("ين", "ان", "ا")
_ONE_OF = frozenset({"احد", "احدي"})
_ONE_OF_ENDS = frozenset(w[-3:] for w in _ONE_OF)
_OTHERS = frozenset({"اخرون", "اخرين", "اخران", "اخريات", "اخري", "اخر", "اخرا"})
_OTHERS_REACH = 200  # characters between the figure and the one whose noun it borrows
_PEOPLE = frozenset({"fighters", "persons", "civilians"})
Original = Callable[[int, int], str]
_TIME_OR_DECIMAL = re.compile(r"[:.]\d")


@dataclass(slots=True)
class Quantity:
    """A quantity in view offsets. ``value`` is the best figure (the lower end of a
    range), None for a vague plural."""

    start: int
    end: int
    value: int | None
    low: int | None
    high: int | None
    counts: str | None = None
    approx: bool = False
    combined: bool = False
    vague: bool = False
    noun: str | None = None
    dual: bool = False


def _words_before(toks: Tokens, i: int, n: int) -> str:
    return " ".join(toks.words[max(0, i - n) : i])


def _cue_before(toks: Tokens, i: int, lx: NumberLexicon) -> tuple[str, int, int] | None:
    """The longest cue ending right before token ``i``: (kind, index of its first token,
    length of the proclitic before it: "وأكثر من" -> 1)."""
    if i == 0:
        return None
    # a cue found below ends with the word before the figure (or, for a one-word cue with
    # a proclitic, with that word less its first letter): most words end none
    last, ends, table = toks.words[i - 1], lx.cues_before_ends, lx.cues_before
    if last not in ends and last[1:] not in ends:
        return None
    for n in (4, 3, 2, 1):
        if i - n < 0:
            continue
        phrase = _words_before(toks, i, n)
        kind = table.get(phrase)
        if kind is not None:
            return kind, i - n, 0
        if phrase[:1] in CLITICS and table.get(phrase[1:]) is not None:
            return table[phrase[1:]], i - n, 1
    return None


@lru_cache(maxsize=16)
def _first_words(phrases: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    return frozenset(p.split()[0] for p in phrases if p)


def _phrase_at(toks: Tokens, i: int, phrases: tuple[str, ...] | frozenset[str]) -> int:
    """How many tokens from ``i`` form one of ``phrases`` (0 if none)."""
    if i >= len(toks):
        return 0
    first, firsts = toks.words[i], _first_words(phrases)
    if first not in firsts and not (first[:1] in CLITICS and first[1:] in firsts):
        return 0
    for n in (4, 3, 2, 1):
        phrase = " ".join(toks.words[i : i + n])
        if len(toks.words[i : i + n]) == n and (
            phrase in phrases or (phrase[:1] in CLITICS and phrase[1:] in phrases)
        ):
            return n
    return 0


def _noun_after(toks: Tokens, j: int, lx: NumberLexicon) -> tuple[str | None, str | None, int]:
    """(category, noun text, index after it) for the noun counted after token ``j``."""
    k = j + 1
    clitics = False  # "سبعة بتفجير": a noun after ب is the means, not what is counted
    if k < len(toks) and toks.words[k] == "من":  # "ثمانية من عناصره"
        k += 1
    if k >= len(toks):
        return None, None, j + 1
    if k + 1 < len(toks):
        two = lx.nouns.get(f"{toks.words[k]} {toks.words[k + 1]}")
        if two is not None:
            return two.category, f"{toks.words[k]} {toks.words[k + 1]}", k + 2
    noun = lx.noun(toks.words[k], clitics=clitics)
    if noun is None:
        return None, None, j + 1
    return noun.category, toks.words[k], k + 1


def _others(q: Quantity, toks: Tokens, end_tok: int, before: list[Quantity]) -> None:
    """ "وأصيب ثلاثة آخرون": "others" count what the figure before them counted."""
    if q.counts is not None or end_tok + 1 >= len(toks) or toks.words[end_tok + 1] not in _OTHERS:
        return
    previous = before[-1] if before else None
    if previous is not None and previous.counts and q.start - previous.end < _OTHERS_REACH:
        q.counts, q.noun = previous.counts, toks.words[end_tok + 1]


def _not_a_count(text: str, toks: Tokens, p: Parsed, lx: NumberLexicon) -> bool:
    """Whether the figure is no count, whatever noun follows it (see :func:`_a_year`)."""
    word, start = toks.words[p.first], toks.starts[p.first]
    if "0" <= word[:1] <= "9":
        if len(word.replace(",", "")) >= lx.max_digits:
            return True  # a phone number or an identifier
        if _TIME_OR_DECIMAL.match(text, toks.ends[p.last]) or (
            start > 1 and text[start - 1] in ":." and text[start - 2].isdigit()
        ):
            return True
        glued = start > 0 and text[start - 1].isalpha()
        clitic = (
            glued and text[start - 1] in CLITICS and (start < 2 or not text[start - 2].isalpha())
        )
        if glued and not clitic:
            return True  # "الـ24" is an ordinal, "M4" a name; "و٣" is a figure
    if p.first > 0:
        before = toks.words[p.first - 1]
        if before in lx.not_before or (before[:1] in CLITICS and before[1:] in lx.not_before):
            return True
    n_after = _phrase_at(toks, p.last + 1, lx.not_after)
    return n_after > 0


def _a_year(toks: Tokens, p: Parsed, lx: NumberLexicon) -> bool:
    """Whether the figure reads as a year: four digits alone in the year range (no count
    unless a counted noun follows)."""
    lo, hi = lx.year_range
    word = toks.words[p.first]
    return p.first == p.last and lo <= p.value <= hi and len(word) == 4 and "0" <= word[:1] <= "9"


def _range_end(toks: Tokens, p: Parsed, opener: str | None, lx: NumberLexicon) -> Parsed | None:
    """The second figure of "بين X و Y", "من X إلى Y", "X أو Y", "X - Y"."""
    k = p.last + 1
    if k >= len(toks):
        return None
    join = toks.words[k]
    if join in lx.range_join:
        if join == "و" and opener not in ("بين", "ما بين"):
            return None
        if join in ("الي", "حتي") and opener != "من":
            return None
        return parse_number(toks, k + 1, lx) if k + 1 < len(toks) else None
    if join.startswith(("و", "ا")) and opener in ("بين", "ما بين") and len(join) > 1:
        # "وأحد عشر" written together: parse it as its own token
        return parse_number(toks, k, lx)
    return None


def find(text: str, *, original: Original | None = None) -> list[Quantity]:
    """Quantities in ``text`` (a normalised view), in text order.

    ``original(start, end)`` gives the original text (with its harakat) of a view span:
    only harakat tell the dual مقاتلَين from the plural مقاتلين, and the accusative
    عنصراً from the construct dual راعيا. Without it such words are not counted as two.
    """
    lx = lexicon()
    toks, maybe = _tokens(text)
    out: list[Quantity] = []
    # "مدنيان اثنان": the figure belongs to the dual before it
    used: set[int] = {
        i
        for i in maybe.two
        if i > 0
        and (n := lx.noun(toks.words[i - 1])) is not None
        and n.form in ("dual", "dual_ambiguous")
    }
    i = 0
    for c in maybe.start:
        if c < i or c in used:
            continue  # inside a figure already read
        i = c
        p = parse_number(toks, i, lx)
        if p is None:
            continue
        q = _figure(text, toks, p, lx)
        if q is not None:
            _others(q[0], toks, q[2], out)
            out.append(q[0])
            used.update(range(q[1], q[2] + 1))
            i = q[2] + 1
        else:
            used.update(range(p.first, p.last + 1))
            i = p.last + 1
    out.extend(_one_of(toks, maybe.one_of, used, lx))
    out.extend(_vague(toks, maybe.vague, used, lx))
    out.extend(_duals(text, toks, maybe.dual, used, lx, original))
    out.sort(key=lambda q: q.start)
    return out


def _may_start(toks: Tokens, lx: NumberLexicon) -> list[int]:
    """Tokens a figure may start at (see :func:`_may_start_word`)."""
    return _Maybe.of(toks).start


def _may_start_word(w: str, words: dict[str, tuple[str, int]]) -> bool:
    """Whether a figure may start at word ``w``: digits, or a number word with up to two
    proclitics. Most words are none of these, and skipping them spares parsing them."""
    return (
        w in words
        or "0" <= w[:1] <= "9"
        or (w[:1] in CLITICS and (w[1:] in words or w[2:] in words))
    )


# what a word may be, as bits: each search below looks only at the words with its bit
_START, _ONE_OF_BIT, _VAGUE, _DUAL, _TWO = 1, 2, 4, 8, 16
_CACHE_LIMIT = 200_000  # distinct words remembered; the cache is emptied beyond


class _WordKinds(dict[str, int]):
    """Word -> its bits, computed once per distinct word (most words recur)."""

    def __init__(self, lx: NumberLexicon) -> None:
        super().__init__()
        self.lx = lx
        self.vague_firsts = _first_words(lx.vague)

    def __missing__(self, w: str) -> int:
        lx = self.lx
        bits = _START if _may_start_word(w, lx.words) else 0
        if w[-3:] in _ONE_OF_ENDS:
            bits |= _ONE_OF_BIT
        if w in self.vague_firsts or w[1:] in self.vague_firsts:
            bits |= _VAGUE
        if w.endswith(_DUAL_ENDINGS) and _may_be_dual(w, lx.dual_forms):
            bits |= _DUAL
        if w in lx.twos:
            bits |= _TWO
        self[w] = bits
        return bits


@lru_cache(maxsize=1)
def _word_kinds() -> _WordKinds:
    return _WordKinds(lexicon())


@dataclass(frozen=True, slots=True)
class _Maybe:
    """The indices of the tokens each search needs to look at, in text order."""

    start: list[int]
    one_of: list[int]
    vague: list[int]
    dual: list[int]
    two: list[int]
    some: list[int]  # any of these

    @staticmethod
    def of(toks: Tokens, among: list[int] | None = None) -> _Maybe:
        """The words of ``toks`` with bits, looking only at the sorted indices ``among``
        (a superset of them) when given."""
        kinds = _word_kinds()
        if len(kinds) > _CACHE_LIMIT:
            kinds.clear()
        words = toks.words
        bits: list[int] | dict[int, int]
        if among is None:
            bits = list(map(kinds.__getitem__, words))
            some = list(compress(range(len(bits)), bits))
        else:
            bits = dict(
                zip(among, map(kinds.__getitem__, map(words.__getitem__, among)), strict=True)
            )
            some = [i for i in among if bits[i]]
        return _Maybe(
            [i for i in some if bits[i] & _START],
            [i for i in some if bits[i] & _ONE_OF_BIT],
            [i for i in some if bits[i] & _VAGUE],
            [i for i in some if bits[i] & _DUAL],
            [i for i in some if bits[i] & _TWO],
            some,
        )


# Tokens read around a token some search looks at (one with bits): at most 8 before a
# figure (a cue of 4 words, and 4 more for "مقتل وإصابة"), and at most 7 after the last
# word of a figure, a range or a vague plural (its noun, 2 words, after "من", then a
# hedge of 4 words); the words of a figure between are all such tokens, or "و".
_REACH = 10
# characters taken each side of a seed: most spans then hold _REACH tokens each side
# (checked; else wider spans are tried, then the whole text)
_SPAN_CHARS = (80, 320)


def _tokens(text: str) -> tuple[Tokens, _Maybe]:
    """The tokens the searches read, and which of them each search looks at.

    Words with bits are rare, so only the text around them is tokenised: spans of
    ``_SPAN_CHARS`` characters around every place a word with bits may end (see
    :func:`_seeds`), cut at spaces. Each span's tokens are the text's tokens there (see
    :func:`tokenize_spans`), and when every span holds ``_REACH`` tokens before its first
    token with bits and after its last one (or no token stands beyond it), no search
    reads past a span's tokens, and the searches find what they find over the whole
    text."""
    seeds = _seeds(text)
    for chars in _SPAN_CHARS:
        spans = _spans(text, seeds, chars)
        if spans == [(0, len(text))]:
            break
        toks, firsts = tokenize_spans(text, spans)
        maybe = _Maybe.of(toks, _seed_tokens(toks, seeds))
        if _spans_reach(text, spans, firsts, maybe.some, len(toks)):
            return toks, maybe
    toks = tokenize(text)
    return toks, _Maybe.of(toks)


def _seed_tokens(toks: Tokens, seeds: list[int]) -> list[int]:
    """The sorted indices of the tokens holding a seed (every seed is inside a span)."""
    starts, ends = toks.starts, toks.ends
    found: list[int] = []
    for seed in seeds:
        i = bisect.bisect_right(starts, seed) - 1
        if i >= 0 and seed < ends[i] and (not found or found[-1] != i):
            found.append(i)
    return found


def _spans_reach(
    text: str, spans: list[tuple[int, int]], firsts: list[int], some: list[int], n_toks: int
) -> bool:
    """Whether each span holds ``_REACH`` tokens before its first token with bits (``some``)
    and after its last, unless only spaces (no token) stand before or after it."""
    bounds = [*firsts, n_toks]
    for k, (start, end) in enumerate(spans):
        lo = bisect.bisect_left(some, bounds[k])
        hi = bisect.bisect_left(some, bounds[k + 1])
        if lo == hi:
            continue  # no token with bits: nothing is read here
        if some[lo] - bounds[k] < _REACH and text[:start].strip(" "):
            return False
        if bounds[k + 1] - 1 - some[hi - 1] < _REACH and text[end:].strip(" "):
            return False
    return True


def _seeds(text: str) -> list[int]:
    """Sorted positions in ``text`` such that every token with bits holds one: where a
    word of the lexicons ends and no letter follows (a token has bits only if a number
    word, a dual form, the first word of a vague plural, اثنان or the end of أحد ends it:
    see :class:`_WordKinds`; a following ``isalpha`` character is inside the token), and
    where runs of ASCII digits start (the only other tokens with bits). The automaton
    finds both in one pass: a digit is a key of its own, and starts a run when no digit
    stands before it."""
    return [
        last
        for last, kind in _key_automaton().iter(text)
        if (
            not text[last + 1 : last + 2].isalpha()
            if kind is _WORD_END
            else not "0" <= text[last - 1 : last] <= "9"  # "" at the text's start
        )
    ]


def _spans(text: str, seeds: list[int], chars: int) -> list[tuple[int, int]]:
    """``chars`` characters each side of each seed, merged, each widened to start at 0 or
    after a space, and to end at a space or the text's end."""
    spans: list[tuple[int, int]] = []
    for seed in seeds:
        if spans and seed - chars <= spans[-1][1]:
            spans[-1] = (spans[-1][0], seed + chars)
        else:
            spans.append((seed - chars, seed + chars))
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        start = text.rfind(" ", 0, max(0, start)) + 1
        end = text.find(" ", end)
        end = len(text) if end < 0 else end
        if cut and start <= cut[-1][1]:
            cut[-1] = (cut[-1][0], end)
        else:
            cut.append((start, end))
    return cut


# what a key of the automaton is: the end of a word, or an ASCII digit
_WORD_END, _DIGIT = "word", "digit"


@lru_cache(maxsize=1)
def _key_automaton() -> Any:
    """Every word whose presence at a token's end may give it bits, and the ASCII digits
    (no word is one)."""
    lx = lexicon()
    keys = {*lx.words, *lx.dual_forms, *_first_words(lx.vague), *lx.twos, *_ONE_OF_ENDS}
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, _WORD_END)
    for digit in "0123456789":
        automaton.add_word(digit, _DIGIT)
    automaton.make_automaton()
    return automaton


def _opener(toks: Tokens, p: Parsed, lx: NumberLexicon) -> str | None:
    """The word opening a range right before the figure: "بين", "ما بين", "من"."""
    at = max(0, p.first - 2)
    n = _phrase_at(toks, at, lx.range_open)
    if n and at + n == p.first:
        return " ".join(toks.words[at : p.first]).lstrip("و")
    if p.first > 0 and toks.words[p.first - 1].lstrip("و") in lx.range_open:
        return toks.words[p.first - 1].lstrip("و")
    return None


def _hedge(q: Quantity, toks: Tokens, p: Parsed, ends: tuple[int, int], lx: NumberLexicon) -> None:
    """Bounds from the cue before ("أكثر من 30") or after ("تسعة على الأقل") the figure."""
    cue = _cue_before(toks, p.first, lx)
    if cue is not None:
        kind, first_tok, clitic = cue
        q.start = toks.starts[first_tok] + clitic
        q.approx = True
        if kind in ("more", "at_least"):
            q.high = None
        elif kind in ("less", "up_to"):
            q.low = None
    for pos in ends:  # right after the figure, or after its noun
        n = _phrase_at(toks, pos, lx.cues_after_phrases)
        if n:
            q.approx = True
            phrase = " ".join(toks.words[pos : pos + n])
            if lx.cues_after.get(phrase, lx.cues_after.get(phrase[1:])) == "at_least":
                q.high = None
            return


def _lumped(
    q: Quantity, toks: Tokens, p: Parsed, last: int, noun_last: int, lx: NumberLexicon
) -> int:
    """Mark "15 قتيلاً وجريحاً", "مقتل وإصابة أكثر من 15" as combined; the token the
    figure's phrase ends at."""
    first = p.first
    while first > 0 and toks.ends[first - 1] > q.start:
        first -= 1  # the cue before the figure is part of it
    before = " ".join(toks.words[max(0, first - 4) : first])
    after = " ".join(toks.words[last + 1 : last + 6])
    lumped = None
    if after.startswith(lx.combined_openings):  # most figures: none, tested in one call
        lumped = next((c for c in lx.combined_after if after.startswith((c, "و" + c))), None)
    if lumped is not None:
        q.combined = True
        return max(noun_last, last + len(lumped.split()))
    if before.endswith(lx.combined_before):
        q.combined = True
    return noun_last


def _figure(
    text: str, toks: Tokens, p: Parsed, lx: NumberLexicon
) -> tuple[Quantity, int, int] | None:
    """A figure with its context, and the token range it used; None if not a count."""
    if _not_a_count(text, toks, p, lx):
        return None  # before the context is read: most figures that are no count stop here
    opener = _opener(toks, p, lx)
    second = _range_end(toks, p, opener, lx)
    last = second if second is not None else p
    category, noun, after = _noun_after(toks, last.last, lx)
    if category is None and _a_year(toks, p, lx):
        return None
    q = Quantity(p.start, last.end, p.value, p.value, p.value, category, noun=noun)
    if second is not None:
        a, b = p.value, second.value
        if second.multiplier > 1 and p.multiplier == 1 and a * second.multiplier <= b:
            a *= second.multiplier  # "بين 14 و18 ألف"
        q.value, q.low, q.high, q.approx = min(a, b), min(a, b), max(a, b), True
        if opener:
            q.start = toks.starts[p.first - len(opener.split())]
    else:
        _hedge(q, toks, p, (last.last + 1, after), lx)
    end_tok = _lumped(q, toks, p, last.last, max(last.last, after - 1), lx)
    return q, p.first, end_tok


def _one_of(toks: Tokens, maybe: list[int], used: set[int], lx: NumberLexicon) -> list[Quantity]:
    """ "أحد المقاتلين", "إحدى النساء": one of a counted plural. ``maybe``: the words
    ending like أحد/إحدى, instead of every word."""
    out: list[Quantity] = []
    for i in maybe:
        if i >= len(toks) - 1:
            continue  # no word after it
        word = toks.words[i]
        clitic = 1 if word[:1] in CLITICS and word[1:] in _ONE_OF else 0
        if i in used or (word not in _ONE_OF and not clitic):
            continue
        noun = lx.noun(toks.words[i + 1])
        if noun is None or noun.form not in ("plural", "dual_ambiguous"):
            continue
        start = toks.starts[i] + clitic
        out.append(Quantity(start, toks.ends[i], 1, 1, 1, noun.category, noun=toks.words[i + 1]))
        used.update((i, i + 1))
    return out


def _vague(toks: Tokens, maybe: list[int], used: set[int], lx: NumberLexicon) -> list[Quantity]:
    """ "عشرات المدنيين": ``maybe`` are the words that may start a vague plural (a clitic
    is checked below)."""
    out = []
    i = 0
    for c in maybe:
        if c < i or c in used:
            continue
        i = c
        n = _phrase_at(toks, i, lx.vague)
        if n == 0:
            continue
        j = i + n - 1
        category, noun, _ = _noun_after(toks, j, lx)
        start = toks.starts[i] + (
            1 if toks.words[i] not in lx.vague and toks.words[i][:1] in CLITICS else 0
        )
        out.append(
            Quantity(start, toks.ends[j], None, None, None, category, True, vague=True, noun=noun)
        )
        used.update(range(i, j + 1))
        i = j + 1
    return out


def _may_be_dual(word: str, dual_forms: frozenset[str]) -> bool:
    """Whether one of the endings ``lx.noun`` may read (the word without up to four
    letters of proclitics and ال) is a dual form."""
    return (
        word in dual_forms
        or word[1:] in dual_forms
        or word[2:] in dual_forms
        or word[3:] in dual_forms
        or word[4:] in dual_forms
    )


def _duals(
    text: str,
    toks: Tokens,
    maybe: list[int],
    used: set[int],
    lx: NumberLexicon,
    original: Original | None,
) -> list[Quantity]:
    """Duals standing alone; ``maybe`` are the words passing :func:`_may_be_dual`: lx.noun
    strips at most two proclitics and ال/لل, so a dual it finds ends the word, and testing
    the endings first is much cheaper than lx.noun on every word."""
    out: list[Quantity] = []
    for i in maybe:
        tok = toks[i]
        if i in used or tok.is_digits:
            continue
        noun = lx.noun(tok.text)
        if noun is None or noun.form not in ("dual", "dual_ambiguous", "construct"):
            continue
        if noun.category == "other":  # "القريتين" is a town before it is two villages
            continue
        written = original(tok.start, tok.end) if original else ""
        if noun.form == "dual_ambiguous" and not _MARKED_DUAL.search(written):
            continue
        same_line = i + 1 < len(toks) and "\n" not in text[tok.end : toks.starts[i + 1]]
        nxt = toks.words[i + 1] if same_line else ""
        if (
            noun.form == "construct"
            and (
                original is None
                or noun.category not in _PEOPLE
                or _TANWEEN_FATH in written
                or nxt in _STOP_AFTER_CONSTRUCT
                or not nxt.isalpha()
                or nxt.endswith("ا")  # "عنصرا مسلحا": an accusative singular and its adjective
                or (nxt[:1] in "لب" and lx.noun(nxt) is None)
            )
        ):
            continue  # "راعيا أغنام" is two shepherds; "عنصراً" one, in the accusative
        if out and out[-1].dual and toks.ends[i - 1] == out[-1].end and i - 1 not in used:
            out[-1].end = tok.end  # "العنصرين الأسيرين": noun and adjective, one pair
            continue
        end = tok.end
        if lx.words.get(nxt, ("", 0)) == ("unit", 2):  # "مدنيان اثنان"
            end = toks.ends[i + 1]
            used.add(i + 1)
        start = tok.start
        for c in (2, 1):
            if (
                tok.text[:c]
                and all(x in CLITICS for x in tok.text[:c])
                and lx.noun(tok.text[c:]) == noun
            ):
                start = tok.start + c
                break
        out.append(
            Quantity(
                start, end, 2, 2, 2, noun.category, noun=tok.text[start - tok.start :], dual=True
            )
        )
    return out
