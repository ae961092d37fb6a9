"""A dictionary matcher for Arabic over the normalised view.

Entries are normalised with the same folds as the view and compiled once into an
Aho-Corasick automaton (pyahocorasick). A hit counts only at word boundaries, where the
word may carry proclitics (و ف ب ل ك ال لل and their combinations): clitics are handled
here, so data files list each name once. ``ل`` + ``ال`` contracts to ``لل`` in writing
(للتنظيم = ل + التنظيم); entries starting with ``ال`` match that form too.

Overlapping hits are resolved longest first, then leftmost.

:class:`MatcherSet` scans the text once for several matchers (one automaton for all of
them), with the same result as each matcher's own :meth:`Matcher.find`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick

from hadath.text.view import normalize

T = TypeVar("T")

# What may stand before a word inside the same orthographic word.
PROCLITICS: frozenset[str] = frozenset(
    {
        "",
        "و", "ف", "ب", "ل", "ك", "س",
        "ال", "لل",
        "وال", "فال", "بال", "كال", "ولل", "فلل",
        "وب", "فب", "ول", "فل", "وك", "فك", "وس",
        "وبال", "فبال", "وكال", "فكال",
    }
)  # fmt: skip
# When an entry starting with ال is written after ل as لل, what may precede the ل.
_LAM_PREFIXES: frozenset[str] = frozenset({"", "و", "ف"})
# No accepted clitic run is longer than this, so the walk back to the word start stops here.
_MAX_PREFIX = max(len(p) for p in PROCLITICS | {"ل" + p for p in _LAM_PREFIXES})


def is_word_char(c: str) -> bool:
    return c.isalnum()


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A match in view offsets. ``prefix`` is the clitic run before it, if any."""

    start: int
    end: int
    value: T
    key: str
    prefix: str = ""


# One way an automaton key is read: (written after lam as لل, entry key, values). The
# plain form and the لل form of one key may both exist; the first whose clitics fit wins.
_Form = tuple[bool, str, list[T]]
Forms = tuple[_Form[T], ...]


def _group_forms(payload: list[tuple[str, T, bool]]) -> Forms[T]:
    """The payload of one automaton key grouped by form, in order of first appearance."""
    by_form: dict[bool, tuple[str, list[T]]] = {}
    for key, value, lam in payload:
        by_form.setdefault(lam, (key, []))[1].append(value)
    return tuple((lam, key, values) for lam, (key, values) in by_form.items())


def clitic_run(text: str, start: int) -> str | None:
    """The word characters right before ``start`` (the clitics a hit there would carry),
    or None when the run is longer than any accepted clitic run: the hit starts inside a
    word and no matcher can accept it, so the walk back stops early."""
    w = start
    while w > 0 and is_word_char(text[w - 1]):
        w -= 1
        if start - w > _MAX_PREFIX:
            return None
    return text[w:start]


def _word_hits(
    automaton: ahocorasick.Automaton, text: str, suffixes: bool
) -> Iterator[tuple[int, int, bool, str, Any]]:
    """The raw hits of ``automaton`` that may stand at word boundaries, as
    ``(start, end, closed, clitic run before, payload)``; ``closed``: a word ends at
    ``end``. A hit is dropped here only when no matcher could accept it: it starts after
    a run of word characters longer than any clitic run, or it ends inside a word and
    no matcher takes suffixes (``suffixes`` False)."""
    size = len(text)
    for last, (akey, payload) in automaton.iter(text):
        end = last + 1
        # is_word_char, inlined: this runs for every raw hit
        closed = end >= size or not text[end].isalnum()
        if not closed and not suffixes:
            continue
        start = end - len(akey)
        if start and text[start - 1].isalnum():
            prefix = clitic_run(text, start)
            if prefix is None:
                continue
        else:
            prefix = ""
        yield start, end, closed, prefix, payload


class Matcher(Generic[T]):
    """Find dictionary entries in a normalised text.

    ``entries`` are ``(surface form, value)`` pairs; the same form may carry several
    values (a name shared by two places), all returned in ``Hit.value`` order of addition
    when ``multi=True``.
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, T]],
        *,
        allow_clitics: bool = True,
        allow_definite: bool = True,
        suffixes: Iterable[str] = (),
    ) -> None:
        self._automaton = ahocorasick.Automaton()
        self._allow_clitics = allow_clitics
        self._allow_definite = allow_definite
        self._suffixes = tuple(sorted({normalize(s) for s in suffixes}, key=len, reverse=True))
        # automaton key -> [(entry key, value, written-after-lam form)]
        table: dict[str, list[tuple[str, T, bool]]] = {}
        for surface, value in entries:
            key = " ".join(normalize(surface).split())
            if not key:
                continue
            table.setdefault(key, []).append((key, value, False))
            if allow_clitics and key.startswith("ال") and len(key) > 3:
                # للتنظيم: the entry without its alef, after a lam proclitic
                table.setdefault(key[1:], []).append((key, value, True))
        # automaton key -> its forms, grouped once here rather than on every hit
        self.forms: dict[str, Forms[T]] = {k: _group_forms(payload) for k, payload in table.items()}
        for k, forms in self.forms.items():
            self._automaton.add_word(k, (k, forms))
        self.size = len(table)
        self.takes_suffixes = bool(self._suffixes)
        if table:
            self._automaton.make_automaton()

    def _prefix_ok(self, prefix: str, lam_form: bool) -> bool:
        if lam_form:
            # للتنظيم: the hit is لتنظيم; before it stands the preposition ل, maybe after و/ف
            return prefix.endswith("ل") and prefix[:-1] in _LAM_PREFIXES
        if not prefix:
            return True
        if not self._allow_clitics:
            return False
        return prefix in PROCLITICS and (self._allow_definite or not prefix.endswith("ال"))

    def _suffix_end(self, text: str, end: int) -> int | None:
        if end >= len(text) or not is_word_char(text[end]):
            return end
        for suffix in self._suffixes:
            stop = end + len(suffix)
            if text.startswith(suffix, end) and (stop >= len(text) or not is_word_char(text[stop])):
                return stop
        return None

    def accept(
        self, text: str, start: int, end: int, closed: bool, prefix: str, forms: Forms[T]
    ) -> Hit[list[T]] | None:
        """The hit of an automaton key found at ``text[start:end]`` after the clitic run
        ``prefix`` (``closed``: a word ends at ``end``), or None when it does not stand
        at word boundaries."""
        stop = end if closed else self._suffix_end(text, end)
        if stop is None:
            return None
        for lam, key, values in forms:
            if (not prefix and not lam) or self._prefix_ok(prefix, lam):
                return Hit(start, stop, list(values), key, prefix)
        return None

    def candidates(self, text: str) -> Iterator[Hit[list[T]]]:
        """Every boundary-respecting hit, overlapping ones included."""
        if not self.size:
            return
        for start, end, closed, prefix, forms in _word_hits(
            self._automaton, text, bool(self._suffixes)
        ):
            hit = self.accept(text, start, end, closed, prefix, forms)
            if hit is not None:
                yield hit

    def find(self, text: str) -> list[Hit[list[T]]]:
        """Non-overlapping hits, longest first then leftmost, in text order."""
        return resolve_overlaps(list(self.candidates(text)), len(text))


def resolve_overlaps(hits: list[Hit[list[T]]], size: int) -> list[Hit[list[T]]]:
    """Non-overlapping ``hits`` (of a text of ``size`` characters), longest first then
    leftmost, in text order."""
    if len(hits) < 2:
        return hits
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    taken: list[Hit[list[T]]] = []
    # one flag per character: linear in the text, not in hits x hits
    occupied = bytearray(size + 1)
    for hit in hits:
        if any(occupied[hit.start : hit.end]):
            continue
        taken.append(hit)
        occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    taken.sort(key=lambda h: h.start)
    return taken


class MatcherSet(Generic[T]):
    """Several named matchers run in one pass over the text.

    One automaton holds the keys of all of them; a raw hit is checked against each
    matcher owning its key, with that matcher's own options, and the overlaps are
    resolved per matcher. ``find_all(text)[name]`` equals ``matchers[name].find(text)``.
    """

    def __init__(self, matchers: Mapping[str, Matcher[T]]) -> None:
        self.names = tuple(matchers)
        # automaton key -> [(name, matcher, forms)] for every matcher that has the key
        owners: dict[str, list[tuple[str, Matcher[T], Forms[T]]]] = {}
        for name, matcher in matchers.items():
            for akey, forms in matcher.forms.items():
                owners.setdefault(akey, []).append((name, matcher, forms))
        self._automaton = ahocorasick.Automaton()
        for akey, entries in owners.items():
            self._automaton.add_word(akey, (akey, tuple(entries)))
        self.size = len(owners)
        if owners:
            self._automaton.make_automaton()
        self._any_suffixes = any(m.takes_suffixes for m in matchers.values())

    def find_all(self, text: str) -> dict[str, list[Hit[list[T]]]]:
        """Every matcher's non-overlapping hits, by name (every name present)."""
        found: dict[str, list[Hit[list[T]]]] = {name: [] for name in self.names}
        if not self.size:
            return found
        for start, end, closed, prefix, owners in _word_hits(
            self._automaton, text, self._any_suffixes
        ):
            for name, matcher, forms in owners:
                hit = matcher.accept(text, start, end, closed, prefix, forms)
                if hit is not None:
                    found[name].append(hit)
        return {name: resolve_overlaps(hits, len(text)) for name, hits in found.items()}
