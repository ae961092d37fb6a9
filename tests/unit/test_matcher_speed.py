"""The fast paths of the matcher find exactly what the plain per-hit checks find.

``_word_hits`` drops raw automaton hits early (a hit ending inside a word when no
suffix is allowed, a hit after a run of word characters longer than any clitic run), and
:class:`MatcherSet` scans once for many matchers. ``_reference_find`` below is the
matcher's original logic, walking back to the word start for every raw hit; if a
pre-filter were narrowed (dropping a hit the full check accepts), or the combined scan
mixed up two matchers' options, these tests would fail.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.events.lexicon import lexicon
from hadath.lexicon.matcher import (
    _LAM_PREFIXES,
    PROCLITICS,
    Hit,
    Matcher,
    MatcherSet,
    resolve_overlaps,
)

_Plain = tuple[int, int, list[Any], str, str]


def _reference_find(m: Matcher[Any], text: str) -> list[_Plain]:
    """Every raw hit checked in full (word start found by walking back), then longest
    first, leftmost, in text order."""
    found: list[_Plain] = []
    for last, (akey, _) in m._automaton.iter(text):
        forms = m.forms[akey]
        start = last + 1 - len(akey)
        end = m._suffix_end(text, last + 1)
        if end is None:
            continue
        w = start
        while w > 0 and text[w - 1].isalnum():
            w -= 1
        prefix = text[w:start]
        for lam, key, values in forms:
            if lam:
                ok = prefix.endswith("ل") and prefix[:-1] in _LAM_PREFIXES
            elif not prefix:
                ok = True
            else:
                ok = (
                    m._allow_clitics
                    and prefix in PROCLITICS
                    and (m._allow_definite or not prefix.endswith("ال"))
                )
            if ok:
                found.append((start, end, values, key, prefix))
                break
    return _reference_resolve(found)


def _reference_resolve(found: list[_Plain]) -> list[_Plain]:
    """Longest first, then leftmost, each hit checked against every one taken."""
    found = sorted(found, key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[_Plain] = []
    for h in found:
        if all(h[1] <= t[0] or t[1] <= h[0] for t in taken):
            taken.append(h)
    return sorted(taken, key=lambda h: h[0])


def _plain(hits: list[Hit[list[Any]]]) -> list[_Plain]:
    return [(h.start, h.end, h.value, h.key, h.prefix) for h in hits]


_ENTRIES = [("داعش", 1), ("التنظيم", 2), ("قوات سوريا", 3), ("قوات", 4), ("عنصر", 5)]
_MATCHERS: dict[str, Matcher[int]] = {
    "plain": Matcher(_ENTRIES),
    "no_definite": Matcher(_ENTRIES, allow_definite=False),
    "no_clitics": Matcher(_ENTRIES, allow_clitics=False),
    "suffixes": Matcher(_ENTRIES, suffixes=["ين", "ان", "ي"]),
}
_CLITICS = sorted(PROCLITICS | {"ل" + p for p in _LAM_PREFIXES} | {"ا", "م", "وبا", "فكالل"})
_WORD = st.builds(
    lambda c, w, s: c + w + s,
    st.sampled_from(_CLITICS),
    st.sampled_from([w for w, _ in _ENTRIES] + ["تنظيم", "لتنظيم"])
    | st.text("ابتدسقلمنوي", min_size=1, max_size=5),
    st.sampled_from(["", "", "ين", "ان", "ي", "ات", "ه"]),
)
_TEXT = st.lists(_WORD, min_size=1, max_size=10).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_find_equals_the_full_check(text: str) -> None:
    for m in _MATCHERS.values():
        assert _plain(m.find(text)) == _reference_find(m, text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_matcher_set_equals_each_matcher(text: str) -> None:
    found = MatcherSet(_MATCHERS).find_all(text)
    assert list(found) == list(_MATCHERS)
    for name, m in _MATCHERS.items():
        assert _plain(found[name]) == _plain(m.find(text))


_CUES = lexicon().matchers
_CUE_KEYS = sorted({k for m in _CUES.values() for k in m.forms})
_CUE_WORD = st.builds(
    lambda c, w: c + w, st.sampled_from(_CLITICS), st.sampled_from(_CUE_KEYS) | st.text("ابتلمن")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CUE_WORD, min_size=1, max_size=12).map(" ".join))
def test_event_cue_scan_equals_each_category(text: str) -> None:
    found = lexicon().scanner.find_all(text)
    for cat, m in _CUES.items():
        assert _plain(found[cat]) == _reference_find(m, text), cat


_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 6)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=8,
)


@settings(max_examples=400, deadline=None)
@given(_SPANS | _SPANS.map(sorted))
def test_resolve_overlaps_equals_the_pairwise_check(spans: list[tuple[int, int]]) -> None:
    """Disjoint hits in text order are returned as they are; any other list is resolved
    longest first: both must agree with checking every pair (sorted lists included, so
    the shortcut is exercised on lists that are sorted but overlap)."""
    hits = [Hit(s, e, [i], str(i)) for i, (s, e) in enumerate(spans)]
    expected = _reference_resolve(_plain(hits))
    assert _plain(resolve_overlaps(hits, 40)) == expected
