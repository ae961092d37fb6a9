"""Token features for the CRF tagger, shared by training and tagging.

Training (``scripts/train_ner.py``) and tagging (:mod:`hadath.ner.tagger`) must describe
tokens the same way, so the one function lives here. Tokens are normalised words (the
view's folds: alef/ya/ta marbuta, no harakat, ASCII digits) and single punctuation
marks, as in ANERcorp. Arabic has no capital letters, so the cues are the word itself,
its stem once proclitics are split off, its affixes (nisba ـي, the article), and the
words around it (titles before a name, verbs of speech after it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from hadath.text.segment import split_proclitics

# a word, or one mark of punctuation (ANERcorp keeps punctuation as tokens)
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
# the same tokens as the odd items of re.split (the gaps between them are the even
# ones): no match object per token. The pattern has no anchor or lookaround, so it
# tokenises a slice of a text as finditer does between the same bounds.
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
_QUOTES = frozenset("\"'«»“”")


def _shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if word in _QUOTES:
        return "quote"
    if not word[0].isalnum():
        return "punct"
    if word.isascii():
        return "latin"
    return "word"


# the templates of a word's features, in the order of its own feature list; as a
# neighbour of the token being tagged it shows only some of them (NEIGHBOUR_TEMPLATES)
TEMPLATES = ("w", "b", "p", "s2", "s3", "f2", "f3", "shape", "len")
NEIGHBOUR_TEMPLATES = (0, 1, 7)  # w, b, shape


def word_values(word: str) -> tuple[str, ...]:
    """The value of each of ``TEMPLATES`` for ``word``."""
    prefix, base = split_proclitics(word)
    return (
        word,
        base,
        prefix,
        base[-2:],
        base[-3:],
        base[:2],
        base[:3],
        _shape(word),
        str(min(len(base), 8)),
    )


@lru_cache(maxsize=65536)
def _word_features(word: str, rel: str, full: bool) -> tuple[str, ...]:
    # cached: news vocabulary repeats (training and sentence_features)
    values = word_values(word)
    picked = range(len(TEMPLATES)) if full else NEIGHBOUR_TEMPLATES
    return tuple(f"{rel}{TEMPLATES[i]}={values[i]}" for i in picked)


# the neighbours that see a word: 2 and 1 words after it, 1 and 2 words before it
RELS = ("-2", "-1", "+1", "+2")
BIAS = "bias"
EDGES = tuple(f"{rel}:edge" for rel in RELS)


@lru_cache(maxsize=65536)
def all_features(word: str) -> tuple[tuple[str, ...], ...]:
    """The word's own features, then its features as seen from 2 and 1 words after it
    and 1 and 2 words before it (the order of ``RELS``): one lookup per word."""
    return (_word_features(word, "", True), *(_word_features(word, r, False) for r in RELS))


def pair_features(words: Sequence[str], i: int) -> list[str]:
    """The features of token ``i`` that join it with a neighbour's word."""
    out = []
    if i > 0:
        out.append(f"-1w|w={words[i - 1]}|{words[i]}")
    if i + 1 < len(words):
        out.append(f"w|+1w={words[i]}|{words[i + 1]}")
    return out


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """One feature list per token of a sentence of normalised words."""
    n = len(words)
    feats_of = [all_features(w) for w in words]
    out: list[list[str]] = []
    for i in range(n):
        feats = [BIAS, *feats_of[i][0]]
        # neighbours at -2, -1, +1, +2: slot k of the neighbour's entry is its view from i
        for k, j in enumerate((i - 2, i - 1, i + 1, i + 2)):
            if 0 <= j < n:
                feats += feats_of[j][k + 1]
            else:
                feats.append(EDGES[k])
        feats += pair_features(words, i)
        out.append(feats)
    return out
