"""Paragraphs, sentences and tokens, as spans of the original text.

Written for Arabic news rather than taken from a general tokenizer: sentences end at
. ! ? ؟ ؛ … and at line breaks (news paragraphs are lines), "..".
as in headlines is one break, and the proclitics و ف ب ل ك ال لل are split off tokens
for matching, which general tokenizers do not do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import overload

from hadath.document import Span, Token
from hadath.text.view import NormalizedView

_PARAGRAPH = re.compile(r"[^\n]+")
# a sentence runs up to and including its closing punctuation (and closing quotes)
_SENTENCE = re.compile(r"[^.!?؟؛…\n]+(?:[.!?؟؛…]+[\"'”»)\]]*|$)|[.!?؟؛…]+", re.MULTILINE)
_WORD = re.compile(r"\w+")
# single-letter proclitics, then the article; longest first
_PREFIXES = (
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_MIN_BASE = 3


def paragraphs(text: str) -> list[Span]:
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            spans.append(Span(s, e, "paragraph"))
    return spans


def sentences(text: str, view: NormalizedView | None = None) -> list[Span]:
    """Sentence spans of ``text``. Given the view, punctuation is read there, so the dots
    of an obfuscated name (د.ا.عش, joined in the view) end no sentence."""
    spans = []
    source = view.text if view is not None else text
    for m in _SENTENCE.finditer(source):
        start, end = view.to_original(m.start(), m.end()) if view is not None else m.span()
        s, e = _trim(text, start, end)
        if e > s and any(c.isalnum() for c in text[s:e]):
            spans.append(Span(s, e, "sentence"))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_tokens(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text[start:end]`` and their offsets in ``text``: ``(words, starts,
    ends)``. ``pattern`` is a token pattern wrapped in one capture group, so ``split``
    gives gap, token, gap, ..., token, gap; running sums of the parts' lengths give every
    offset without a match object per token (this runs over every word of a text)."""
    piece = text if start == 0 and end is None else text[start:end]
    parts = pattern.split(piece)
    at = list(accumulate(map(len, parts), initial=start))
    return parts[1::2], at[1:-1:2], at[2::2]


# words repeat across a corpus: the split of each distinct word is computed once
@lru_cache(maxsize=1 << 17)
def split_proclitics(word: str) -> tuple[str, str]:
    """``(prefix, base)`` for a normalised word; conservative: the base keeps 3+ letters."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_BASE:
            if prefix == "لل":
                return "ل", "ال" + word[2:]
            if prefix.endswith("لل"):
                return prefix[:-1], "ال" + word[len(prefix) :]
            return prefix, word[len(prefix) :]
    return "", word


class Tokens(Sequence[Token]):
    """The words of a view as :class:`Token` objects in original offsets, made on first
    access. Most stages match on the view itself and read a few tokens around a cue;
    building ~700 objects per article up front cost more than the rest of segmentation.
    ``starts`` (the original start of every word) is computed once, without objects."""

    __slots__ = ("_made", "_spans", "_starts", "_view")

    def __init__(self, view: NormalizedView) -> None:
        self._view = view
        self._spans: list[tuple[int, int]] | None = None
        self._made: list[Token | None] = []
        self._starts: list[int] | None = None

    def _view_spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = [m.span() for m in _WORD.finditer(self._view.text)]
            self._made = [None] * len(self._spans)
        return self._spans

    @property
    def starts(self) -> list[int]:
        """Original start offset of every token, in order (for bisecting)."""
        if self._starts is None:
            spans = self._view_spans()
            origin = self._view.origin
            if origin is None:
                self._starts = [s for s, _ in spans]
            else:
                self._starts = [origin[s] for s, _ in spans]
        return self._starts

    def __len__(self) -> int:
        return len(self._view_spans())

    def _make(self, i: int) -> Token:
        token = self._made[i]
        if token is None:
            vstart, vend = self._view_spans()[i]
            norm = self._view.text[vstart:vend]
            prefix, base = split_proclitics(norm)
            origin = self._view.origin
            if origin is None:
                token = Token(vstart, vend, norm, base, prefix)
            else:  # words are never empty: to_original's own mapping, inlined
                token = Token(origin[vstart], origin[vend - 1] + 1, norm, base, prefix)
            self._made[i] = token
        return token

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        n = len(self)
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(n))]
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(index)
        return self._make(index)

    def __iter__(self) -> Iterator[Token]:
        return (self._make(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a mutable cache: not hashable, like a list

    def __repr__(self) -> str:
        return f"Tokens({len(self)} words)"


def token_starts(tokens: Sequence[Token]) -> list[int]:
    """The start offset of every token; without making tokens when they are lazy."""
    if isinstance(tokens, Tokens):
        return tokens.starts
    return [t.start for t in tokens]


def tokens(view: NormalizedView) -> Tokens:
    """The tokens of ``view`` (made lazily, see :class:`Tokens`)."""
    return Tokens(view)
