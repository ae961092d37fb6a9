"""The normalised view of a text, with an offset map back to the original.

Arabic needs its own normaliser here: general Unicode normalisation (NFKC) neither folds
alef variants nor removes harakat, and any library that rewrites the string loses the
offsets we must keep. The view is built from small named folds over the data in
``data/normalize.yaml``:

- ``strip_harakat``: harakat, tatweel, zero-width and direction marks are deleted;
- ``fold_letters``: alef/ya/ta marbuta and Persian letters folded 1:1;
- ``unify_digits``: Eastern Arabic and Persian digits become ASCII;
- ``join_obfuscated``: د.ا.عش, داع_ش, د١عش become the plain word;
- hashtags: ``#`` and ``_`` become spaces, so #جبل_البشري reads as two words.

``view.text[i]`` came from ``original[view.origin[i]]``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.batch import per_document
from hadath.lexicon.loader import load_yaml


@dataclass(frozen=True, slots=True)
class NormalizedView:
    text: str
    # origin[i] = index in the original text of the character that produced text[i];
    # None when the view is the same length and aligned 1:1 (the common case).
    origin: tuple[int, ...] | None
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to the original span covering it."""
        if self.origin is None:
            return start, end
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def to_view(self, offset: int) -> int:
        """The first view index at or after an original offset."""
        if self.origin is None:
            return offset
        return bisect_left(self.origin, offset)


@dataclass(frozen=True)
class _Tables:
    translate: dict[int, str]
    folds: tuple[tuple[str, str], ...]  # ``translate`` as (character, its fold) pairs
    special: re.Pattern[str]
    obfuscated: re.Pattern[str] | None
    obfuscated_fix: dict[str, str]
    delete: frozenset[str]
    expand: dict[str, str]
    separators: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data: dict[str, Any] = load_yaml("normalize.yaml")
    translate: dict[int, str] = {}
    for fold in data["fold"].values():
        src, dst = fold["from"], fold["to"]
        if len(dst) == 1:
            dst = dst * len(src)
        if len(src) != len(dst):
            raise ValueError(f"normalize.yaml: fold {src!r} -> {dst!r} is not 1:1")
        for a, b in zip(src, dst, strict=True):
            translate[ord(a)] = b
    delete = frozenset(data["delete"])
    expand = {k: v for k, v in data["expand"].items()}
    separators = frozenset(data["obfuscation_separators"])
    homoglyphs: dict[str, str] = data.get("homoglyphs", {})
    fix: dict[str, str] = {}
    alternatives = []
    sep_class = "[" + re.escape("".join(sorted(separators))) + "]"
    for word in data.get("obfuscated_words", []):
        parts = []
        for i, letter in enumerate(word):
            variants = letter + homoglyphs.get(letter, "")
            for v in homoglyphs.get(letter, ""):
                fix[v] = letter
            cls = "[" + re.escape(variants) + "]"
            parts.append(cls if i == len(word) - 1 else cls + sep_class + "?")
        alternatives.append("".join(parts))
    # normalized_slice relies on an obfuscated word holding no whitespace
    if any(c.isspace() for c in "".join(separators) + "".join(homoglyphs.values())):
        raise ValueError("normalize.yaml: an obfuscation separator or look-alike is a space")
    obfuscated = None
    if alternatives:
        # only words that really are broken up: at least one separator or look-alike
        obfuscated = re.compile("|".join(f"(?:{a})" for a in alternatives))
    special_chars = "".join(sorted(delete | set(expand)))
    special = re.compile("[" + re.escape(special_chars) + "]")
    folds = tuple((chr(k), v) for k, v in sorted(translate.items()))
    # _fold replaces one character after the other: the same as translating them all at
    # once only if no fold produces a character that another fold then changes
    if any(v in translate for v in map(ord, translate.values())):
        raise ValueError("normalize.yaml: a fold produces a character that is folded again")
    return _Tables(translate, folds, special, obfuscated, fix, delete, expand, separators)


# below this length str.translate is faster than the searches of _fold (measured)
_SHORT = 24


def _fold(text: str, tables: _Tables) -> str:
    """``text.translate(tables.translate)``, faster: str.translate looks every Arabic
    character up in a dict, while a search for one character (``in``, ``replace``)
    runs at memory speed; a text holds few of the ~50 foldable characters. A short
    string (a word, a name) is cheaper to translate than to search ~50 times."""
    if len(text) < _SHORT:
        return text.translate(tables.translate)
    for char, fold in tables.folds:
        if char in text:
            text = text.replace(char, fold)
    return text


def _is_plain(match_text: str, tables: _Tables) -> bool:
    return not any(c in tables.separators or c in tables.obfuscated_fix for c in match_text)


def build_view(text: str) -> NormalizedView:
    """Build the normalised view of ``text``. Linear in the length of the text."""
    tables = _tables()
    # edits: (start, end, replacement) on the original, non-overlapping, sorted
    edits: list[tuple[int, int, str]] = []
    if tables.obfuscated is not None:
        for m in tables.obfuscated.finditer(text):
            if _is_plain(m.group(), tables):
                continue
            plain = "".join(
                tables.obfuscated_fix.get(c, c) for c in m.group() if c not in tables.separators
            )
            edits.append((m.start(), m.end(), plain))
    for m in tables.special.finditer(text):
        c = m.group()
        edits.append((m.start(), m.end(), tables.expand.get(c, "")))
    folded = _fold(text, tables)  # 1:1, so its slices line up with the original's
    if not edits:
        return NormalizedView(folded, None, len(text))
    edits.sort()
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end, replacement in edits:
        if start < pos:  # a deletion inside an obfuscated word already handled
            continue
        if start > pos:
            pieces.append(folded[pos:start])
            origin.extend(range(pos, start))
        if replacement:
            if end - start == 1:
                origin.extend([start] * len(replacement))
            else:
                # obfuscated word: each kept letter maps to its own position
                kept = [i for i in range(start, end) if text[i] not in tables.separators]
                origin.extend(kept[: len(replacement)])
            pieces.append(_fold(replacement, tables))
        pos = end
    if pos < len(text):
        pieces.append(folded[pos:])
        origin.extend(range(pos, len(text)))
    view_text = "".join(pieces)
    return NormalizedView(view_text, tuple(origin), len(text))


@per_document
def document_view(text: str) -> NormalizedView:
    """``build_view(text)`` for a document's text, built once: the ``boilerplate`` stage
    reads it before the ``normalize`` stage stores it (a frozen view of an immutable
    text, so the two may share it)."""
    return build_view(text)


def normalized_slice(view: NormalizedView, start: int, end: int) -> str:
    """The view of ``original[start:end]`` taken from the view of the whole original.

    Equal to ``normalize(original[start:end])`` when the slice is bounded by whitespace
    or the ends of the text (a stripped line): every fold, deletion and expansion reads
    one character, and an obfuscated word holds no whitespace, so the view of such a
    slice is the whole view's characters that came from it."""
    return view.text[view.to_view(start) : view.to_view(end)]


def normalize(text: str) -> str:
    """The normalised form of a short string (a lexicon entry, a query)."""
    return build_view(text).text
