"""Loading the shipped CRF model once per process, tagging, and IOB decoding.

The model (``data/ner/anercorp.crfsuite``) is trained by ``scripts/train_ner.py`` on
the ANERcorp train split with the features of :mod:`hadath.ner.features`. It is opened
lazily, on first use, and kept for the life of the process (workers load it once).

Tagging gives crfsuite the features of :func:`~hadath.ner.features.sentence_features`
minus those the model has no weight for: crfsuite skips an attribute it does not know
(``Tagger::set`` drops ids below 0), so leaving them out changes no score, and the
rest keep their order, so the scores are summed in the same order. Most features of a
token are its own word's or a neighbour's, so they are filtered once per distinct word.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pycrfsuite

from hadath.errors import DataError
from hadath.lexicon.loader import data_bytes
from hadath.ner.features import BIAS, EDGES, all_features

MODEL = "ner/anercorp.crfsuite"
TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")


class _Model:
    """The tagger and the model bytes it reads: crfsuite does not copy them, so they
    must live as long as the tagger (else it reads freed memory)."""

    def __init__(self, blob: bytes) -> None:
        self.blob = blob
        self.tagger = pycrfsuite.Tagger()
        try:
            # from memory: package data may live inside a zip, and no temp file is left
            self.tagger.open_inmemory(self.blob)
        except (OSError, ValueError) as exc:
            raise DataError(f"cannot open the NER model hadath/data/{MODEL}: {exc}") from exc
        # the attributes the model has weights for (info() dumps the model to a temporary
        # file it removes; once per process)
        self.attributes = frozenset(a for a, _ in self.tagger.info().state_features)


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model(data_bytes(MODEL))


def _tagger() -> pycrfsuite.Tagger:
    return _model().tagger


def load() -> None:
    """Open the model now (for workers and benchmarks)."""
    _tagger()


def _known(features: Sequence[str]) -> tuple[bytes, ...]:
    """``features`` the model knows, in order, as the bytes crfsuite reads."""
    attributes = _model().attributes
    return tuple(f.encode() for f in features if f in attributes)


@lru_cache(maxsize=65536)
def _word_items(word: str) -> tuple[tuple[bytes, ...], ...]:
    """:func:`~hadath.ner.features.all_features` of ``word``, filtered by :func:`_known`."""
    return tuple(_known(group) for group in all_features(word))


@lru_cache(maxsize=1)
def _padding() -> tuple[tuple[tuple[bytes, ...], ...], tuple[tuple[bytes, ...], ...]]:
    """Stand-ins for the two words before and after a sentence: seen from a token, they
    give the edge features in the neighbour slots (see :func:`items`)."""
    left2, left1, right1, right2 = (_known((edge,)) for edge in EDGES)
    return ((), left2, left1, (), ()), ((), (), (), right1, right2)


@lru_cache(maxsize=1)
def _pairs() -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """The word pairs ``(a, b)`` of the pair attributes the model knows, for the token
    after the pair and the one before it: ``(a, b)`` is in a set exactly when the
    attribute ``-1w|w=a|b`` (or ``w|+1w=a|b``) is known, since every split of a key at
    a "|" is listed (a word may itself be "|")."""

    def splits(tag: str) -> frozenset[tuple[str, str]]:
        keys = [a[len(tag) :] for a in _model().attributes if a.startswith(tag)]
        return frozenset(
            (key[:i], key[i + 1 :]) for key in keys for i, ch in enumerate(key) if ch == "|"
        )

    return splits("-1w|w="), splits("w|+1w=")


def items(words: Sequence[str]) -> list[list[bytes]]:
    """What crfsuite reads for ``words``: each token's ``sentence_features`` that the
    model knows, in the same order (built from per-word pieces)."""
    n = len(words)
    left, right = _padding()
    # slot 0 of an entry is the word's own features, slots 1-4 its features as the
    # neighbour at -2, -1, +1, +2 of the token that reads it
    padded = [left, left, *(_word_items(w) for w in words), right, right]
    # pair features: "-1w|w=" for the token after each pair, "w|+1w=" for the one before
    after_pair: list[tuple[bytes, ...]] = [()] * n
    before_pair: list[tuple[bytes, ...]] = [()] * n
    known_after, known_before = _pairs()
    for i in range(n - 1):
        pair = (words[i], words[i + 1])
        if pair in known_after:
            after_pair[i + 1] = (f"-1w|w={pair[0]}|{pair[1]}".encode(),)
        if pair in known_before:
            before_pair[i] = (f"w|+1w={pair[0]}|{pair[1]}".encode(),)
    bias = _known((BIAS,))
    return [
        [*bias, *padded[p][0], *padded[p - 2][1], *padded[p - 1][2], *padded[p + 1][3],
         *padded[p + 2][4], *after_pair[p - 2], *before_pair[p - 2]]
        for p in range(2, n + 2)
    ]  # fmt: skip


def tag(words: Sequence[str]) -> list[str]:
    """IOB2 tags (``B-PERS``, ``I-ORG``, ``O``, ...) for a sentence of normalised words."""
    if not words:
        return []
    return list(_tagger().tag(items(words)))


def entities(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(type, first, last + 1)`` token ranges of the entities in IOB2 ``tags``.

    An ``I-`` tag that does not continue an entity of its type starts one, as the CRF
    may emit it after ``O``.
    """
    out: list[tuple[str, int, int]] = []
    kind: str | None = None
    start = 0
    for i, t in enumerate(tags):
        if t.startswith("I-") and kind == t[2:]:
            continue
        if kind is not None:
            out.append((kind, start, i))
            kind = None
        if t != "O":
            kind, start = t[2:], i
    if kind is not None:
        out.append((kind, start, len(tags)))
    return out
