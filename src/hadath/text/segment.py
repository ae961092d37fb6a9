"""Paragraphs, sentences and tokens, as spans of the original text.

Written for Arabic news rather than taken from a general tokenizer: sentences end at
. ! ? ؟ ؛ … and at line breaks (news paragraphs are lines), "..".
as in headlines is one break, and the proclitics و ف ب ل ك ال لل are split off tokens
for matching, which general tokenizers do not do.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


def tokens(view: NormalizedView) -> list[Token]:
    out = []
    origin = view.origin
    split = split_proclitics
    for m in _WORD.finditer(view.text):
        norm = m.group()
        prefix, base = split(norm)
        vstart, vend = m.span()  # words are never empty: to_original's own mapping, inlined
        if origin is None:
            out.append(Token(vstart, vend, norm, base, prefix))
        else:
            out.append(Token(origin[vstart], origin[vend - 1] + 1, norm, base, prefix))
    return out
