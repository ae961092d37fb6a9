"""Tokens of a normalised text and the grammar of Arabic cardinal numbers.

"خمسة عشر" = 15, "ثلاثة وعشرين" = 23, "مئة وخمسون" = 150, "ثلاث مئة" = 300,
"10 آلاف" = 10000, "ألفين" = 2000. The conjunction و joins number words only where
Arabic composes them (a unit before tens, anything smaller after a hundred or a
thousand); elsewhere it separates two figures ("بين تسعة وأحد عشر", "بين 14 و18").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, overload

from hadath.quantities.lexicon import CLITICS, NumberLexicon
from hadath.text.segment import split_tokens

# figures in ASCII digits (the view folds Eastern and Persian ones); other digit-like
# characters (², ①) are letters here. Words come first: they are most tokens, and no two
# alternatives begin with the same character but the two for digits (kept in order), so
# the order changes what is tried first, never what matches
_TOKEN = re.compile(r"[^\W0-9_]+|[0-9]+(?:,[0-9]{3})+(?![0-9])|[0-9]+|%|-")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_ORDER = {"unit": 1, "teen_only": 1, "ten": 1, "tens": 1, "hundred": 2, "thousand": 3, "million": 4}


class Tok(NamedTuple):
    # a tuple, not a dataclass: every word of every text becomes one, and a frozen
    # dataclass costs several times more to build
    start: int
    end: int
    text: str

    @property
    def is_digits(self) -> bool:
        return "0" <= self.text[:1] <= "9"


@dataclass(frozen=True, slots=True)
class Parsed:
    """A figure read from tokens ``first``..``last`` (inclusive); ``start`` skips the
    proclitic of the first word (وثلاثة -> ثلاثة)."""

    value: int
    first: int
    last: int
    start: int
    end: int
    multiplier: int  # the thousand/million it ended with, else 1


class Tokens(Sequence[Tok]):
    """The tokens of a text as three parallel lists; ``toks[i]`` builds its :class:`Tok`
    on demand. Most words are only looked at as text (``words``), so building a tuple
    for each of them would be wasted."""

    __slots__ = ("ends", "starts", "words")

    def __init__(self, words: list[str], starts: list[int], ends: list[int]) -> None:
        self.words = words
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> Tok: ...

    @overload
    def __getitem__(self, i: slice) -> list[Tok]: ...

    def __getitem__(self, i: int | slice) -> Tok | list[Tok]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.words)))]
        return Tok(self.starts[i], self.ends[i], self.words[i])


def tokenize(text: str) -> Tokens:
    return Tokens(*split_tokens(_SPLIT, text))


def tokenize_spans(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Tokens, list[int]]:
    """The tokens of the spans ``text[start:end]`` (in text order, apart), in one
    :class:`Tokens` with offsets in ``text``, and the index each span's tokens begin at.

    A span that starts at the text's start or right after a space, and ends at the text's
    end or at a space, holds exactly the tokens :func:`tokenize` finds there: no token
    holds a space, so none is cut, and the pattern's only lookaround, ``(?![0-9])`` at a
    token's end, sees a space or the end of the text either way."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    firsts: list[int] = []
    for start, end in spans:
        firsts.append(len(words))
        span_words, span_starts, span_ends = split_tokens(_SPLIT, text, start, end)
        words += span_words
        starts += span_starts
        ends += span_ends
    return Tokens(words, starts, ends), firsts


def number_word(word: str, lx: NumberLexicon) -> tuple[str, int, str] | None:
    """``(kind, value, proclitic)`` when ``word`` is a number word, maybe with clitics."""
    hit = lx.words.get(word)
    if hit is not None:
        return hit[0], hit[1], ""
    if not word or word[0] not in CLITICS:
        return None  # most words: no proclitic, so nothing more to try
    for n in (1, 2):
        prefix = word[:n]
        if len(word) > n + 1 and all(c in CLITICS for c in prefix):
            hit = lx.words.get(word[n:])
            if hit is not None:
                return hit[0], hit[1], prefix
    return None


def _digits_value(text: str) -> int:
    return int(text.replace(",", ""))


def parse_number(toks: Tokens, i: int, lx: NumberLexicon) -> Parsed | None:
    """The figure starting at token ``i``, or None if none starts there."""
    words = toks.words
    total = current = 0
    last_kind = ""
    group_order = 9  # the order of the last completed group (thousand, hundred)
    k = i
    start = toks.starts[i]
    multiplier = 1
    used = False
    while k < len(words):
        text = words[k]
        joined = False
        if used and text == "و" and k + 1 < len(words):
            joined, text = True, words[k + 1]
        if "0" <= text[:1] <= "9":
            if used:
                break
            current = _digits_value(text)
            used, last_kind = True, "digits"
            k += 1
            continue
        word = number_word(text, lx)
        if word is None:
            break
        kind, value, prefix = word
        if prefix == "و" and used:
            joined = True
        elif prefix and used:
            break
        if not used:
            if kind in ("thousand", "million") and value and text.endswith(("لاف", "ملايين")):
                break  # "آلاف" alone is vague, not a figure
            if kind == "teen_only" and not _teen_follows(toks, k, lx):
                break
            start = toks.starts[k] + len(prefix)
        elif kind in ("thousand", "million") and not joined:
            multiplier = value
            current = (current or 1) * value
            total += current
            current, group_order, last_kind = 0, _ORDER[kind], kind
            k = k + 1
            continue
        elif kind == "ten" and not joined and last_kind in ("unit", "teen_only"):
            current += 10
            last_kind = "teen"
            k += 1
            continue
        elif kind == "hundred" and value == 100 and not joined and last_kind == "unit":
            current *= 100
            group_order, last_kind = 2, "hundred"
            total += current
            current = 0
            k += 1
            continue
        elif joined and (
            (last_kind == "unit" and kind == "tens")
            or (
                _ORDER.get(kind, 9) < group_order
                and last_kind in ("hundred", "thousand", "million")
            )
        ):
            pass
        else:
            break
        if kind in ("thousand", "million"):
            current = value
            total += current
            current, group_order = 0, _ORDER[kind]
            multiplier = value
        elif kind == "fixed":
            total += value
        elif kind == "hundred":
            total += value
            group_order = 2
        else:
            current += value
        used, last_kind = True, kind
        k = k + (2 if joined and words[k] == "و" else 1)
    if not used:
        return None
    last = k - 1
    return Parsed(total + current, i, last, start, toks.ends[last], multiplier)


def _teen_follows(toks: Tokens, k: int, lx: NumberLexicon) -> bool:
    nxt = toks.words[k + 1] if k + 1 < len(toks.words) else ""
    return lx.words.get(nxt, ("", 0))[0] == "ten"
