"""A dictionary matcher for Arabic over the normalised view.

Entries are normalised with the same folds as the view and compiled once into an
Aho-Corasick automaton (pyahocorasick). A hit counts only at word boundaries, where the
word may carry proclitics (و ف ب ل ك ال لل and their combinations): clitics are handled
here, so data files list each name once. ``ل`` + ``ال`` contracts to ``لل`` in writing
(للتنظيم = ل + التنظيم); entries starting with ``ال`` match that form too.

Overlapping hits are resolved longest first, then leftmost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

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
        for k, payload in table.items():
            self._automaton.add_word(k, (k, payload))
        self.size = len(table)
        if table:
            self._automaton.make_automaton()

    def _prefix_ok(self, text: str, start: int, lam_form: bool) -> tuple[bool, str]:
        w = start
        while w > 0 and is_word_char(text[w - 1]):
            w -= 1
        prefix = text[w:start]
        if lam_form:
            # للتنظيم: the hit is لتنظيم; before it stands the preposition ل, maybe after و/ف
            return (prefix.endswith("ل") and prefix[:-1] in _LAM_PREFIXES), prefix
        if not prefix:
            return True, ""
        if not self._allow_clitics:
            return False, prefix
        if prefix in PROCLITICS and (self._allow_definite or not prefix.endswith("ال")):
            return True, prefix
        return False, prefix

    def _suffix_end(self, text: str, end: int) -> int | None:
        if end >= len(text) or not is_word_char(text[end]):
            return end
        for suffix in self._suffixes:
            stop = end + len(suffix)
            if text.startswith(suffix, end) and (stop >= len(text) or not is_word_char(text[stop])):
                return stop
        return None

    def candidates(self, text: str) -> Iterator[Hit[list[T]]]:
        """Every boundary-respecting hit, overlapping ones included."""
        if not self.size:
            return
        for last, (akey, payload) in self._automaton.iter(text):
            start = last + 1 - len(akey)
            end = self._suffix_end(text, last + 1)
            if end is None:
                continue
            by_form: dict[bool, tuple[str, list[T]]] = {}
            for key, value, lam in payload:
                by_form.setdefault(lam, (key, []))[1].append(value)
            for lam, (key, values) in by_form.items():
                ok, prefix = self._prefix_ok(text, start, lam)
                if ok:
                    yield Hit(start, end, values, key, prefix)
                    break

    def find(self, text: str) -> list[Hit[list[T]]]:
        """Non-overlapping hits, longest first then leftmost, in text order."""
        hits = sorted(self.candidates(text), key=lambda h: (-(h.end - h.start), h.start))
        taken: list[Hit[list[T]]] = []
        # one flag per character: linear in the text, not in hits x hits
        occupied = bytearray(len(text) + 1)
        for hit in hits:
            if any(occupied[hit.start : hit.end]):
                continue
            taken.append(hit)
            occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        taken.sort(key=lambda h: h.start)
        return taken
