"""Loading the shipped CRF model once per process, tagging, and IOB decoding.

The model (``data/ner/anercorp.crfsuite``) is trained by ``scripts/train_ner.py`` on
the ANERcorp train split with the features of :mod:`hadath.ner.features`. It is opened
lazily, on first use, and kept for the life of the process (workers load it once).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pycrfsuite

from hadath.errors import DataError
from hadath.lexicon.loader import data_bytes
from hadath.ner.features import sentence_features

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


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model(data_bytes(MODEL))


def _tagger() -> pycrfsuite.Tagger:
    return _model().tagger


def load() -> None:
    """Open the model now (for workers and benchmarks)."""
    _tagger()


def tag(words: Sequence[str]) -> list[str]:
    """IOB2 tags (``B-PERS``, ``I-ORG``, ``O``, ...) for a sentence of normalised words."""
    if not words:
        return []
    return list(_tagger().tag(sentence_features(words)))


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
