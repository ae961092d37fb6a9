"""Loading the shipped CRF model once per process, tagging, and IOB decoding.

The model (``data/ner/anercorp.crfsuite``) is trained by ``scripts/train_ner.py`` on
the ANERcorp train split with the features of :mod:`hadath.ner.features`. It is opened
lazily, on first use, and kept for the life of the process (workers load it once).

Tagging gives crfsuite the features of :func:`~hadath.ner.features.sentence_features`
minus those the model has no weight for: crfsuite skips an attribute it does not know
(``Tagger::set`` drops ids below 0), so leaving them out changes no score, and the
rest keep their order, so the scores are summed in the same order. Most features of a
token are its own word's or a neighbour's, so they are filtered once per distinct word.

The features reach crfsuite as attribute ids, through CRFsuite's C interface (in
pycrfsuite's extension module): pycrfsuite's ``Tagger.tag`` converts Python lists of
attribute names on every call (each name copied and looked up in the model's hash
table), which costs more than tagging a handful of words. The state scores and the
Viterbi are still crfsuite's own, so the tags are the same, ties included; where the C
interface cannot be reached, pycrfsuite tags the same features.
"""

from __future__ import annotations

import ctypes
import struct
import threading
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, pairwise

import pycrfsuite

from hadath.errors import DataError
from hadath.lexicon.loader import data_bytes
from hadath.ner.features import BIAS, EDGES, NEIGHBOUR_TEMPLATES, RELS, TEMPLATES, word_values

MODEL = "ner/anercorp.crfsuite"
TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")

# crfsuite.h, native layout: crfsuite_attribute_t {int aid; floatval_t value;} (double)
# and crfsuite_item_t {int num_contents; int cap_contents; crfsuite_attribute_t *contents;}
_ATTRIBUTE = struct.Struct("@id")
_ITEM = struct.Struct("@iiP")


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
        # info() dumps the model to a temporary file it removes; once per process
        info = self.tagger.info()
        # the attributes the model has weights for, and every attribute's id
        self.attributes = frozenset(a for a, _ in info.state_features)
        self.ids = {a: int(i) for a, i in info.attributes.items()}
        self.names = {i: a.encode() for a, i in self.ids.items()}
        self.labels = tuple(sorted(info.labels, key=lambda label: int(info.labels[label])))


@lru_cache(maxsize=1)
def _model() -> _Model:
    return _Model(data_bytes(MODEL))


def _tagger() -> pycrfsuite.Tagger:
    return _model().tagger


def load() -> None:
    """Open the model now, with the tables that filter features (for workers and
    benchmarks)."""
    _tagger()
    _c_tagger()
    _groups()
    _pairs()
    _edges()
    _bias()


class _Instance(ctypes.Structure):
    """crfsuite_instance_t (crfsuite.h)."""

    _fields_ = (
        ("num_items", ctypes.c_int),
        ("cap_items", ctypes.c_int),
        ("items", ctypes.c_void_p),
        ("labels", ctypes.c_void_p),
        ("weight", ctypes.c_double),
        ("group", ctypes.c_int),
    )


# every crfsuite interface struct (crfsuite.h) starts with these: its internal state,
# its reference count and the functions that change it
_INTERFACE_HEAD = (
    ("internal", ctypes.c_void_p),
    ("nref", ctypes.c_int),
    ("addref", ctypes.c_void_p),
    ("release", ctypes.c_void_p),
)


class _ModelInterface(ctypes.Structure):
    """crfsuite_model_t (crfsuite.h), up to the function that gives its tagger."""

    _fields_ = (
        *_INTERFACE_HEAD,
        (
            "get_tagger",
            ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)),
        ),
    )


class _TaggerInterface(ctypes.Structure):
    """crfsuite_tagger_t (crfsuite.h), up to ``viterbi``."""

    _fields_ = (
        *_INTERFACE_HEAD,
        ("set", ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_Instance))),
        ("length", ctypes.c_void_p),
        (
            "viterbi",
            ctypes.CFUNCTYPE(
                ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.c_void_p
            ),
        ),
    )


class _CTagger:
    """The model's crfsuite tagger, given the tokens' attributes as packed
    crfsuite_attribute_t records: what ``Tagger::set`` builds from names, without the
    names (see the module docstring)."""

    def __init__(self, model: _Model) -> None:
        lib = ctypes.CDLL(pycrfsuite._pycrfsuite.__file__)
        create = lib.crfsuite_create_instance_from_memory
        create.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p))
        self._model = model  # holds the bytes crfsuite reads in place
        handle = ctypes.c_void_p()
        if create(model.blob, len(model.blob), ctypes.byref(handle)):
            raise OSError("crfsuite cannot open the model")
        tagger = ctypes.c_void_p()
        interface = ctypes.cast(handle, ctypes.POINTER(_ModelInterface)).contents
        if interface.get_tagger(handle, ctypes.byref(tagger)):
            raise OSError("crfsuite gives no tagger for the model")
        calls = ctypes.cast(tagger, ctypes.POINTER(_TaggerInterface)).contents
        self._tagger, self._set, self._viterbi = tagger, calls.set, calls.viterbi
        self._instance = _Instance(weight=1.0)
        # crfsuite keeps one sequence per tagger, set then decoded: one call at a time
        self._lock = threading.Lock()
        self._reserve(64, 4096)

    def _reserve(self, tokens: int, size: int) -> None:
        """Buffers for ``tokens`` items and ``size`` bytes of attributes."""
        self._items = ctypes.create_string_buffer(tokens * _ITEM.size)
        self._contents = ctypes.create_string_buffer(size)
        self._base = ctypes.addressof(self._contents)
        self._labels = (ctypes.c_int * tokens)()
        self._instance.items = ctypes.addressof(self._items)

    def tag(self, tokens: Sequence[bytes]) -> list[str]:
        """The labels of a sequence of tokens, each its packed attributes."""
        n = len(tokens)
        contents = b"".join(tokens)
        counts = [len(t) // _ATTRIBUTE.size for t in tokens]
        with self._lock:
            if n > len(self._labels) or len(contents) > len(self._contents):
                self._reserve(
                    2 * max(n, len(self._labels)), 2 * max(len(contents), len(self._contents))
                )
            ctypes.memmove(self._contents, contents, len(contents))
            starts = accumulate((len(t) for t in tokens), initial=self._base)
            items = b"".join(map(_ITEM.pack, counts, counts, starts))
            ctypes.memmove(self._items, items, len(items))
            self._instance.num_items = self._instance.cap_items = n
            if self._set(self._tagger, ctypes.byref(self._instance)):
                raise OSError("crfsuite could not set the sequence")
            self._viterbi(self._tagger, self._labels, None)
            labels = self._model.labels
            return [labels[i] for i in self._labels[:n]]


@lru_cache(maxsize=1)
def _c_tagger() -> _CTagger | None:
    """The tagger through the C interface, or None where the extension module does not
    expose it (pycrfsuite then tags the same features)."""
    try:
        return _CTagger(_model())
    except (AttributeError, OSError):
        return None


def _known(features: Sequence[str]) -> bytes:
    """``features`` the model knows, in order, as crfsuite reads them (packed records)."""
    model = _model()
    return b"".join(_ATTRIBUTE.pack(model.ids[f], 1.0) for f in features if f in model.attributes)


# per template, by value: the attributes the model knows for a word with that value,
# as (feature group, packed attribute) in group order
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
            by_name.setdefault(name, {})[value] = _known((attribute,))
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
def _word_items(word: str) -> tuple[bytes, ...]:
    """:func:`~hadath.ner.features.all_features` of ``word``, filtered by :func:`_known`,
    with ``bias`` before its own features: that group is where its token's item starts."""
    out: list[list[bytes]] = [[_bias()], *([] for _ in range(_GROUPS - 1))]
    # templates in order, so each group gets its attributes in its feature order
    for table, value in zip(_groups(), word_values(word), strict=True):
        for g, attribute in table.get(value, ()):
            out[g].append(attribute)
    return tuple(map(b"".join, out))


@lru_cache(maxsize=1)
def _edges() -> tuple[bytes, ...]:
    """The known edge features, for the neighbours at -2, -1, +1, +2 a token lacks."""
    return tuple(_known((edge,)) for edge in EDGES)


@lru_cache(maxsize=1)
def _bias() -> bytes:
    return _known((BIAS,))


_Pairs = dict[tuple[str, str], bytes]


@lru_cache(maxsize=1)
def _pairs() -> tuple[_Pairs, _Pairs]:
    """The pair attributes the model knows by word pair ``(a, b)``, for the token after
    the pair and the one before it: ``(a, b)`` is a key exactly when the attribute
    ``-1w|w=a|b`` (or ``w|+1w=a|b``) is known, since every split of a key at a "|" is
    listed (a word may itself be "|")."""

    def splits(tag: str) -> _Pairs:
        keys = [a[len(tag) :] for a in _model().attributes if a.startswith(tag)]
        return {
            (key[:i], key[i + 1 :]): _known((tag + key,))
            for key in keys
            for i, ch in enumerate(key)
            if ch == "|"
        }

    return splits("-1w|w="), splits("w|+1w=")


def _packed_items(words: Sequence[str]) -> list[bytes]:
    """Each token's known features of ``sentence_features``, in order, as packed
    attribute records (built from per-word pieces)."""
    if not words:
        return []
    left2, left1, right1, right2 = _edges()
    # per word: bias and its own features, then its features as the neighbour at -2,
    # -1, +1, +2 of the token that reads it
    heads, seen_2, seen_1, seen1, seen2 = zip(*map(_word_items, words), strict=True)
    # pair features: "-1w|w=" for the token after each pair, "w|+1w=" for the one before
    known_after, known_before = _pairs()
    pairs = list(pairwise(words))
    after_pair = [b"", *(known_after.get(pair, b"") for pair in pairs)]
    before_pair = [*(known_before.get(pair, b"") for pair in pairs), b""]
    # token i reads word i-2 as its neighbour at -2, ... (an edge where there is none);
    # the neighbour columns may run past the last token: zip stops at the heads
    return list(
        map(
            b"".join,
            zip(
                heads,
                (left2, left2, *seen_2),
                (left1, *seen_1),
                (*seen1[1:], right1),
                (*seen2[2:], right2, right2),
                after_pair,
                before_pair,
                strict=False,
            ),
        )
    )


def items(words: Sequence[str]) -> list[list[bytes]]:
    """What crfsuite reads for ``words``: each token's ``sentence_features`` that the
    model knows, in the same order, as the names pycrfsuite takes."""
    names = _model().names
    return [[names[a] for a, _ in _ATTRIBUTE.iter_unpack(t)] for t in _packed_items(words)]


def tag(words: Sequence[str]) -> list[str]:
    """IOB2 tags (``B-PERS``, ``I-ORG``, ``O``, ...) for a sentence of normalised words."""
    if not words:
        return []
    return list(_tag(tuple(words)))


@lru_cache(maxsize=4096)
def _tag(words: tuple[str, ...]) -> tuple[str, ...]:
    # cached: the windows of a document often tag the same words again
    c_tagger = _c_tagger()
    if c_tagger is None:
        return tuple(_tagger().tag(items(words)))
    return tuple(c_tagger.tag(_packed_items(words)))


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
