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
from itertools import pairwise

import pycrfsuite

from hadath.errors import DataError
from hadath.lexicon.loader import data_bytes
from hadath.ner.features import BIAS, EDGES, NEIGHBOUR_TEMPLATES, RELS, TEMPLATES, word_values

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
    """Open the model now, with the tables that filter features (for workers and
    benchmarks)."""
    _tagger()
    _groups()
    _pairs()
    _edges()
    _bias()


def _known(features: Sequence[str]) -> tuple[bytes, ...]:
    """``features`` the model knows, in order, as the bytes crfsuite reads."""
    attributes = _model().attributes
    return tuple(f.encode() for f in features if f in attributes)


# per template, by value: the attributes the model knows for a word with that value,
# as (feature group, attribute) in group order
_ByValue = dict[str, tuple[tuple[int, bytes], ...]]


@lru_cache(maxsize=1)
def _groups() -> tuple[_ByValue, ...]:
    """For each of ``TEMPLATES``, the known attributes of a word with a given value, in
    the five feature groups of :func:`~hadath.ner.features.all_features` (the word's own,
    then as the neighbour at -2, -1, +1, +2): the attribute ``name=value`` is known
    exactly when it is in the model's list. A word's features are then found with one
    lookup per template (its value), without building the strings of unknown ones."""
    # every known attribute "name=value" by name (names hold no "=")
    by_name: dict[str, dict[str, bytes]] = {}
    for attribute in _model().attributes:
        name, eq, value = attribute.partition("=")
        if eq:
            by_name.setdefault(name, {})[value] = attribute.encode()
    # the attribute name of template i in each group, where the group shows template i
    names: list[list[tuple[int, str]]] = [[(0, name)] for name in TEMPLATES]
    for g, rel in enumerate(RELS, start=1):
        for i in NEIGHBOUR_TEMPLATES:
            names[i].append((g, rel + TEMPLATES[i]))
    tables: list[_ByValue] = []
    for per_group in names:
        found: dict[str, list[tuple[int, bytes]]] = {}
        for g, name in per_group:  # in group order
            for value, attribute in by_name.get(name, {}).items():
                found.setdefault(value, []).append((g, attribute))
        tables.append({value: tuple(pairs) for value, pairs in found.items()})
    return tuple(tables)


_GROUPS = 1 + len(RELS)


@lru_cache(maxsize=1 << 17)
def _word_items(word: str) -> tuple[tuple[bytes, ...], ...]:
    """:func:`~hadath.ner.features.all_features` of ``word``, filtered by :func:`_known`,
    with ``bias`` before its own features: that group is where its token's item starts."""
    out: list[list[bytes]] = [[*_bias()], *([] for _ in range(_GROUPS - 1))]
    # templates in order, so each group gets its attributes in its feature order
    for table, value in zip(_groups(), word_values(word), strict=True):
        for g, attribute in table.get(value, ()):
            out[g].append(attribute)
    return tuple(map(tuple, out))


@lru_cache(maxsize=1)
def _edges() -> tuple[tuple[bytes, ...], ...]:
    """The known edge features, for the neighbours at -2, -1, +1, +2 a token lacks."""
    return tuple(_known((edge,)) for edge in EDGES)


@lru_cache(maxsize=1)
def _bias() -> tuple[bytes, ...]:
    return _known((BIAS,))


_Pairs = dict[tuple[str, str], tuple[bytes]]


@lru_cache(maxsize=1)
def _pairs() -> tuple[_Pairs, _Pairs]:
    """The pair attributes the model knows by word pair ``(a, b)``, for the token after
    the pair and the one before it: ``(a, b)`` is a key exactly when the attribute
    ``-1w|w=a|b`` (or ``w|+1w=a|b``) is known, since every split of a key at a "|" is
    listed (a word may itself be "|")."""

    def splits(tag: str) -> _Pairs:
        keys = [a[len(tag) :] for a in _model().attributes if a.startswith(tag)]
        return {
            (key[:i], key[i + 1 :]): ((tag + key).encode(),)
            for key in keys
            for i, ch in enumerate(key)
            if ch == "|"
        }

    return splits("-1w|w="), splits("w|+1w=")


def items(words: Sequence[str]) -> list[list[bytes]]:
    """What crfsuite reads for ``words``: each token's ``sentence_features`` that the
    model knows, in the same order (built from per-word pieces)."""
    if not words:
        return []
    left2, left1, right1, right2 = _edges()
    # per word: bias and its own features, then its features as the neighbour at -2,
    # -1, +1, +2 of the token that reads it
    heads, seen_2, seen_1, seen1, seen2 = zip(*map(_word_items, words), strict=True)
    # pair features: "-1w|w=" for the token after each pair, "w|+1w=" for the one before
    known_after, known_before = _pairs()
    pairs = list(pairwise(words))
    after_pair = [(), *(known_after.get(pair, ()) for pair in pairs)]
    before_pair = [*(known_before.get(pair, ()) for pair in pairs), ()]
    # token i reads word i-2 as its neighbour at -2, ... (an edge where there is none);
    # the neighbour columns may run past the last token: zip stops at the heads
    return [
        [*a, *b, *c, *d, *e, *f, *g]
        for a, b, c, d, e, f, g in zip(
            heads,
            (left2, left2, *seen_2),
            (left1, *seen_1),
            (*seen1[1:], right1),
            (*seen2[2:], right2, right2),
            after_pair,
            before_pair,
            strict=False,
        )
    ]


def tag(words: Sequence[str]) -> list[str]:
    """IOB2 tags (``B-PERS``, ``I-ORG``, ``O``, ...) for a sentence of normalised words."""
    if not words:
        return []
    return list(_tag(tuple(words)))


@lru_cache(maxsize=4096)
def _tag(words: tuple[str, ...]) -> tuple[str, ...]:
    # cached: the windows of a document often tag the same words again
    return tuple(_tagger().tag(items(words)))


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
