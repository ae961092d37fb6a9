"""A dictionary matcher for Arabic over the normalised view.

Entries are normalised with the same folds as the view and compiled once into an
Aho-Corasick automaton (pyahocorasick). A hit counts only at word boundaries, where the
word may carry proclitics (و ف ب ل ك ال لل and their combinations): clitics are handled
here, so data files list each name once. ``ل`` + ``ال`` contracts to ``لل`` in writing
(للتنظيم = ل + التنظيم); entries starting with ``ال`` match that form too.

Overlapping hits are resolved longest first, then leftmost.

Most raw Aho-Corasick hits lie inside words (a key found within a longer word), so the
loop over them (:func:`_accepted`) drops those first with the cheapest tests; what each
matcher accepts is decided when it is built, not per hit.

:class:`MatcherSet` scans the text once for several matchers (one automaton for all of
them), with the same result as each matcher's own :meth:`Matcher.find`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, Generic, NamedTuple, TypeVar

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
# The clitic runs before a لل form: the preposition ل, maybe after و/ف (ل + التنظيم).
_LAM_RUNS: frozenset[str] = frozenset(p + "ل" for p in _LAM_PREFIXES)
# Every clitic run some form accepts (see prefix_ok): no other run ever is.
_ANY_RUN: frozenset[str] = PROCLITICS | _LAM_RUNS
# No accepted clitic run is longer than this, so the walk back to the word start stops here.
_MAX_PREFIX = max(len(p) for p in _ANY_RUN)
# The last letter of every non-empty accepted run: a hit right after any other word
# character cannot be accepted, whatever stands before (checked before walking back).
_RUN_LAST: frozenset[str] = frozenset(p[-1] for p in _ANY_RUN if p)


def is_word_char(c: str) -> bool:
    return c.isalnum()


class Hit(NamedTuple, Generic[T]):
    """A match in view offsets. ``prefix`` is the clitic run before it, if any.

    A named tuple: immutable (hits are shared between stages) and three times cheaper to
    build than a frozen dataclass, which sets each field through object.__setattr__;
    the matchers build ~100 hits per article."""

    start: int
    end: int
    value: T
    key: str
    prefix: str = ""


# Hit(...) through the generated __new__ costs three times tuple.__new__ (which
# namedtuple's own _make uses): the hot loop builds hits with this
_new_hit = tuple.__new__

# One way an automaton key is read: (written after lam as لل, entry key, values). The
# plain form and the لل form of one key may both exist; the first whose clitics fit wins.
_Form = tuple[bool, str, list[T]]
Forms = tuple[_Form[T], ...]
# One matcher owning an automaton key: (its index in the scan's result, the clitic runs
# its plain forms accept, its suffixes, the key's forms in that matcher).
_Owner = tuple[int, frozenset[str], tuple[str, ...], Forms[Any]]


def _group_forms(payload: list[tuple[str, T, bool]]) -> Forms[T]:
    """The payload of one automaton key grouped by form, in order of first appearance."""
    by_form: dict[bool, tuple[str, list[T]]] = {}
    for key, value, lam in payload:
        by_form.setdefault(lam, (key, []))[1].append(value)
    return tuple((lam, key, values) for lam, (key, values) in by_form.items())


def prefix_ok(prefix: str, lam_form: bool, allow_clitics: bool, allow_definite: bool) -> bool:
    """Whether a matcher with these options accepts the clitic run ``prefix`` before a
    form of a key (``lam_form``: the لل form)."""
    if lam_form:
        # للتنظيم: the hit is لتنظيم; before it stands the preposition ل, maybe after و/ف
        return prefix.endswith("ل") and prefix[:-1] in _LAM_PREFIXES
    if not prefix:
        return True
    if not allow_clitics:
        return False
    return prefix in PROCLITICS and (allow_definite or not prefix.endswith("ال"))


@cache
def _plain_runs(allow_clitics: bool, allow_definite: bool) -> frozenset[str]:
    """The runs ``prefix_ok`` accepts before a plain form, decided once per option pair
    (matchers are also built per document): one set look-up per hit. No accepted run
    lies outside PROCLITICS."""
    return frozenset(p for p in PROCLITICS if prefix_ok(p, False, allow_clitics, allow_definite))


def _clitic_run(text: str, start: int) -> str | None:
    """The word characters right before ``start`` (the clitics a hit there carries), or
    None when no matcher accepts that run: the hit starts inside a word. The walk back
    stops past the longest accepted run. (The caller has tested the last letter.)"""
    w = start - 1
    while w > 0 and text[w - 1].isalnum():
        w -= 1
        if start - w > _MAX_PREFIX:
            return None
    run = text[w:start]
    return run if run in _ANY_RUN else None


def _suffix_end(text: str, end: int, suffixes: tuple[str, ...]) -> int | None:
    """Where the word of a hit ending at ``end`` ends, when it ends there or after one of
    ``suffixes`` (longest first); None otherwise."""
    if end >= len(text) or not is_word_char(text[end]):
        return end
    for suffix in suffixes:
        stop = end + len(suffix)
        if text.startswith(suffix, end) and (stop >= len(text) or not is_word_char(text[stop])):
            return stop
    return None


def _accepted(
    automaton: ahocorasick.Automaton, text: str, suffixes: bool
) -> Iterator[tuple[int, Hit[list[Any]]]]:
    """Every boundary-respecting hit of ``automaton`` (keys mapped to ``(key, owners)``),
    overlapping ones included, as ``(owner index, hit)``. ``suffixes``: some owner takes
    suffixes; when none does, a raw hit ending inside a word is dropped at once.

    This loop runs for every raw Aho-Corasick hit (~200 per article, most of them inside
    words), so the checks are inlined and the cheapest come first."""
    size = len(text)
    for last, payload in automaton.iter(text):
        end = last + 1
        closed = end >= size or not text[end].isalnum()  # a word ends at ``end``
        if not closed and not suffixes:
            continue
        akey, owners = payload  # unpacked only for the hits left (half are dropped above)
        start = end - len(akey)
        before = text[start - 1] if start else " "
        if before.isalnum():  # the hit starts inside a word: after clitics, or nothing
            if before not in _RUN_LAST:
                continue
            prefix = _clitic_run(text, start)
            if prefix is None:
                continue
        else:
            prefix = ""
        for index, plain_runs, owner_suffixes, forms in owners:
            stop = end if closed else _suffix_end(text, end, owner_suffixes)
            if stop is None:
                continue
            for lam, key, values in forms:
                if prefix in (_LAM_RUNS if lam else plain_runs):
                    yield index, _new_hit(Hit, (start, stop, list(values), key, prefix))
                    break


class Matcher(Generic[T]):
    """Find dictionary entries in a normalised text.

    ``entries`` are ``(surface form, value)`` pairs; the same form may carry several
    values (a name shared by two places), all returned in ``Hit.value`` in order of
    addition.
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
        self.plain_runs = _plain_runs(allow_clitics, allow_definite)
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
            self._automaton.add_word(k, (k, (self.owner(0, forms),)))
        self.size = len(table)
        self.takes_suffixes = bool(self._suffixes)
        if table:
            self._automaton.make_automaton()

    def owner(self, index: int, forms: Forms[T]) -> _Owner:
        """This matcher as the owner of a key with ``forms``, at ``index`` of a scan."""
        return (index, self.plain_runs, self._suffixes, forms)

    def _prefix_ok(self, prefix: str, lam_form: bool) -> bool:
        return prefix_ok(prefix, lam_form, self._allow_clitics, self._allow_definite)

    def _suffix_end(self, text: str, end: int) -> int | None:
        return _suffix_end(text, end, self._suffixes)

    def candidates(self, text: str) -> Iterator[Hit[list[T]]]:
        """Every boundary-respecting hit, overlapping ones included."""
        if not self.size:
            return
        for _, hit in _accepted(self._automaton, text, self.takes_suffixes):
            yield hit

    def find(self, text: str) -> list[Hit[list[T]]]:
        """Non-overlapping hits, longest first then leftmost, in text order."""
        return resolve_overlaps(list(self.candidates(text)), len(text))


def _disjoint_in_order(hits: list[Hit[list[T]]]) -> bool:
    end = 0
    for hit in hits:
        if hit.start < end:
            return False
        end = hit.end
    return True


def resolve_overlaps(hits: list[Hit[list[T]]], size: int) -> list[Hit[list[T]]]:
    """Non-overlapping ``hits`` (of a text of ``size`` characters), longest first then
    leftmost, in text order."""
    if len(hits) < 2 or _disjoint_in_order(hits):
        # nothing to choose: every hit is kept, and they already stand in text order
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
        # automaton key -> the owners of every matcher that has the key
        owners: dict[str, list[_Owner]] = {}
        for index, matcher in enumerate(matchers.values()):
            for akey, forms in matcher.forms.items():
                owners.setdefault(akey, []).append(matcher.owner(index, forms))
        self._automaton = ahocorasick.Automaton()
        for akey, entries in owners.items():
            self._automaton.add_word(akey, (akey, tuple(entries)))
        self.size = len(owners)
        if owners:
            self._automaton.make_automaton()
        self._any_suffixes = any(m.takes_suffixes for m in matchers.values())

    def find_all(self, text: str) -> dict[str, list[Hit[list[T]]]]:
        """Every matcher's non-overlapping hits, by name (every name present)."""
        found: list[list[Hit[list[T]]]] = [[] for _ in self.names]
        if self.size:
            for index, hit in _accepted(self._automaton, text, self._any_suffixes):
                found[index].append(hit)
        size = len(text)
        return {
            # most categories have no hit or one: nothing to resolve
            name: resolve_overlaps(hits, size) if len(hits) > 1 else hits
            for name, hits in zip(self.names, found, strict=True)
        }
