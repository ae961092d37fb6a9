"""Where a time expression may start: a cheap superset pre-filter for the finder's rules.

Scanning every rule's regex over the whole text costs a regex attempt at every character,
yet time expressions are rare. Every match of a rule contains an *anchor* of that rule
(a month name, a weekday, four digits, ...), and the stretch of text from the start of the
match up to its anchor is made only of what the patterns can consume. So:

1. the words (split at spaces) that may hold an anchor are found in one pass over the
   text: an Aho-Corasick automaton for the anchor words, a regex scan for the digit
   anchors; most words of a text are never looked at;
2. such a word, and the words before it, are split (once per distinct word: they recur)
   into letter runs and the gaps between them (punctuation, digits); a letter run can be
   inside a match only if it is a concatenation of the letter *pieces* the patterns
   contain (their literal words and single-letter classes, read from the compiled
   patterns themselves, so a new word in a rule is covered at once); a gap only if every
   character is one the patterns can consume; a word only if all its runs and gaps can;
3. from every word holding an anchor, walk back over such consumable words: the match
   may start at any letter run or digit run of that stretch, and nowhere else.

A match never starts or ends inside a letter run (each pattern starts with ``(?<!\\w)`` or
with a digit, and ends with ``(?!\\w)`` or after digits), so a run is consumed whole or not
at all. The finder then tries its regex only at those starts (``Pattern.match`` at a
position sees the same text as a scan would: lookbehinds see before it, nothing is cut
off after it). ``tests/unit/test_dates_prefilter.py`` checks that every match a full scan
finds starts at a candidate.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # the parsed form of a pattern: stable in CPython
import re._parser as sre_parser
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

# letter runs (kept by split as the odd items); the gaps between them are the even items
_RUNS = re.compile(r"([^\W\d]+)")
_LETTER = re.compile(r"[^\W\d]")
_DIGIT_RUN_STARTS = re.compile(r"(?<!\d)\d")
# the starts of a word that is one letter run
_AT_START = (0,)
# cached parts of texts: most words recur; the cache is emptied when it grows this large
_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Anchor:
    """What every match of a rule contains: one of ``words`` (normalised entries; one word
    of each is enough) in a letter run, or a match of the regex ``digits`` in a gap."""

    words: tuple[str, ...] = ()
    digits: str = ""


class NotAnalysable(ValueError):
    """A pattern consumes letters through a class (``\\w``, ``.``, ``[^...]``): no part of
    a text can be ruled out."""


def _walk(items: Any, pieces: set[str], others: set[str]) -> None:
    """Collect the letter pieces and the other characters a parsed pattern can consume.
    Lookarounds consume nothing and are skipped."""
    literal: list[str] = []

    def flush() -> None:
        text = "".join(literal)
        pieces.update(_RUNS.findall(text))
        others.update(c for c in text if not _LETTER.match(c))
        literal.clear()

    for op, av in items:
        if op is sre_constants.LITERAL:
            literal.append(chr(av))
            continue
        flush()
        if op is sre_constants.IN:
            _walk_class(av, pieces, others)
        elif op is sre_constants.BRANCH:
            for alternative in av[1]:
                _walk(alternative, pieces, others)
        elif op is sre_constants.SUBPATTERN:
            _walk(av[3], pieces, others)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            _walk(av[2], pieces, others)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT):
            continue
        elif op is sre_constants.GROUPREF:
            continue  # repeats what its group consumed: already collected
        else:
            raise NotAnalysable(f"{op} in a pattern")
    flush()


def _walk_class(items: Any, pieces: set[str], others: set[str]) -> None:
    for op, av in items:
        if op is sre_constants.LITERAL:
            (pieces if _LETTER.match(chr(av)) else others).add(chr(av))
        elif op is sre_constants.CATEGORY and av in (
            sre_constants.CATEGORY_DIGIT,
            sre_constants.CATEGORY_SPACE,
        ):
            continue  # gaps may hold digits and spaces anyway
        else:
            raise NotAnalysable(f"{op} {av} in a character class")


def consumable(patterns: Sequence[re.Pattern[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The letter pieces and the non-letter characters (besides digits and spaces) that
    ``patterns`` can consume."""
    pieces: set[str] = set()
    others: set[str] = set()
    for rx in patterns:
        _walk(sre_parser.parse(rx.pattern, rx.flags), pieces, others)
    return frozenset(pieces), frozenset(others)


def _trie(words: Sequence[str] | frozenset[str]) -> str:
    """A regex for the same set of strings as the alternation of ``words``, factored by
    first letters: "(?:ا(?:ب|ول)|ي)" for اب, اول, ي. A repetition of it fits the same
    texts (it has no lookaround or possessive part), and each position tries a few
    letters instead of every word. Not for alternations whose order matters."""
    ends = "" in words
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _trie(rest) for first, rest in sorted(branches.items())]
    if ends and parts:
        parts.append("")
    if len(parts) == 1:
        return parts[0]
    return "(?:" + "|".join(parts) + ")" if parts else ""


def _anchor_word(entry: str) -> str:
    """One word every occurrence of ``entry`` contains: its longest letter run."""
    runs: list[str] = _RUNS.findall(entry)
    return max(runs, key=len)


class _Words(dict[str, tuple[int, bool, tuple[int, ...]]]):
    """Space-separated word -> (the bits of the rules it anchors, consumable?, where a
    match may start in it), read once per distinct word."""

    def __init__(self, owner: Prefilter) -> None:
        super().__init__()
        self.owner = owner

    def __missing__(self, word: str) -> tuple[int, bool, tuple[int, ...]]:
        read = self[word] = self.owner.read(word)
        return read


class Prefilter:
    """Candidate start positions of each rule (given in the order of ``patterns``)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], anchors: Sequence[Anchor]) -> None:
        pieces, others = consumable(patterns)
        self.n_rules = len(patterns)
        self._run_ok = re.compile(f"(?:{_trie(pieces)})+")
        self._gap_ok = re.compile("[\\s\\d" + "".join(re.escape(c) for c in sorted(others)) + "]*")
        # rules sharing an anchor are tested together
        by_words: dict[frozenset[str], int] = {}
        by_digits: dict[str, int] = {}
        for index, anchor in enumerate(anchors):
            if anchor.words:
                key = frozenset(_anchor_word(w) for w in anchor.words)
                by_words[key] = by_words.get(key, 0) | 1 << index
            if anchor.digits:
                by_digits[anchor.digits] = by_digits.get(anchor.digits, 0) | 1 << index
        # only whether a test finds a word matters: the factored form finds the same
        self._word_tests = [(re.compile(_trie(k)), bits) for k, bits in by_words.items()]
        self._digit_tests = [(re.compile(rx), bits) for rx, bits in by_digits.items()]
        self._anchor_words = _automaton(frozenset().union(*by_words))
        self._anchor_digits = _digit_scanner(list(by_digits))
        self._words = _Words(self)
        self._rules_cache: dict[int, tuple[int, ...]] = {}

    def read(self, word: str) -> tuple[int, bool, tuple[int, ...]]:
        """(anchor bits, consumable?, letter-run and digit-run starts) of a word: its letter
        runs (odd items of the split) and the gaps between them (even items)."""
        if word.isalpha():  # most words: one letter run (alphabetic is a letter of _RUNS)
            if not self._run_ok.fullmatch(word):
                return 0, False, _AT_START
            return sum(b for rx, b in self._word_tests if rx.search(word)), True, _AT_START
        return self.read_parts(word)

    def read_parts(self, word: str) -> tuple[int, bool, tuple[int, ...]]:
        """:meth:`read`, for any word."""
        bits, passable, starts, offset = 0, True, [], 0
        for i, part in enumerate(_RUNS.split(word)):
            if i % 2:
                starts.append(offset)
                if self._run_ok.fullmatch(part):
                    bits |= sum(b for rx, b in self._word_tests if rx.search(part))
                else:
                    passable = False
            elif part:
                starts.extend(offset + m.start() for m in _DIGIT_RUN_STARTS.finditer(part))
                bits |= sum(b for rx, b in self._digit_tests if rx.search(part))
                passable = passable and self._gap_ok.fullmatch(part) is not None
            offset += len(part)
        return bits, passable, tuple(starts)

    def anchored_words(self, text: str) -> list[int]:
        """Sorted starts of the space-separated words of ``text`` that may hold an anchor: a
        superset of the words ``read`` gives anchor bits, found without reading each word.

        A word test finds an anchor word inside a letter run, and the automaton finds every
        occurrence of every anchor word (overlapping ones too). A digit test finds a match
        of its regex inside a gap; the scanner finds a digit of it or (the alternation of
        the tests) matches at the same place or has already matched over it; such a match
        may cross spaces, so every word it overlaps is taken. The search then goes on after the last
        word taken: the rest of it is taken already."""
        hits = self._anchor_words.iter(text) if self._anchor_words is not None else ()
        begins = {text.rfind(" ", 0, last) + 1 for last, _ in hits}
        search = self._anchor_digits.search
        m = search(text)
        while m is not None:
            start, end = m.span()
            begins.add(text.rfind(" ", 0, start) + 1)
            space = text.find(" ", start, end)
            while space >= 0:  # a match over spaces (none of today's anchors)
                begins.add(space + 1)
                space = text.find(" ", space + 1, end)
            after = text.find(" ", max(start, end - 1))
            if after < 0:
                break
            m = search(text, after)
        return sorted(begins)

    def starts(self, text: str, wanted: int = -1) -> list[list[int]]:
        """For each rule, the sorted positions of ``text`` a match of it may start at; only
        for the rules whose bit is set in ``wanted`` (the others get none)."""
        words = self._words
        if len(words) >= _CACHE_LIMIT:
            words.clear()
        # starts gathered per set of rules anchored (a few sets), then given to each rule
        by_bits: dict[int, list[int]] = {}
        # per set, the word the last walk began at: a later walk stops there (see _stretch)
        walked: dict[int, int] = {}
        for begin in self.anchored_words(text):
            end = text.find(" ", begin)
            end = len(text) if end < 0 else end
            read = words[text[begin:end]]
            bits = read[0] & wanted
            if bits:
                found = by_bits.setdefault(bits, [])
                self._stretch(text, begin, read, words, found, walked.get(bits, -1))
                walked[bits] = begin
        return self._per_rule(by_bits)

    def _per_rule(self, by_bits: dict[int, list[int]]) -> list[list[int]]:
        """Each rule's starts: those of the sets holding it; rules sharing an anchor hold
        the same sets and share one sorted list (which callers only read)."""
        out: list[list[int]] = [[]] * self.n_rules
        sets_of: dict[int, list[int]] = {}
        for bits in by_bits:
            for rule in self._rules_of(bits):
                sets_of.setdefault(rule, []).append(bits)
        union: dict[tuple[int, ...], list[int]] = {}
        for rule, sets in sets_of.items():
            key = tuple(sets)
            if key not in union:
                union[key] = sorted({start for bits in sets for start in by_bits[bits]})
            out[rule] = union[key]
        return out

    def _rules_of(self, bits: int) -> tuple[int, ...]:
        """The indices of the rules whose bit is set in ``bits`` (a few distinct values)."""
        rules = self._rules_cache.get(bits)
        if rules is None:
            rules = self._rules_cache[bits] = tuple(
                rule for rule in range(self.n_rules) if bits >> rule & 1
            )
        return rules

    @staticmethod
    def _stretch(
        text: str,
        begin: int,
        read: tuple[int, bool, tuple[int, ...]],
        words: _Words,
        found: list[int],
        stop: int,
    ) -> None:
        """Add to ``found`` the starts in the word at ``begin`` (``read`` from ``words``) and
        back over consumable words (and in the first word that is not: a match may start
        after what stops it).
        Words are what ``text.split(" ")`` gives, empty ones between two spaces included.

        ``stop`` is where the previous walk into ``found`` began (words are walked in text
        order; -1 if none): reaching it, the rest was added by that walk, which went on
        from there unconditionally, where this one would go on only over the same words."""
        starts = read[2]
        passable = True  # the anchored word: the walk goes on before it whatever it holds
        while True:
            if starts is _AT_START:
                found.append(begin)
            else:
                found.extend([begin + d for d in starts])
            if not passable or begin == 0:
                break
            end = begin - 1
            begin = text.rfind(" ", 0, end) + 1
            if begin == stop:
                break
            _, passable, starts = words[text[begin:end]]


def _requires_digit(pattern: str) -> bool:
    """Whether every match of ``pattern`` holds a digit (``\\d``, alone or repeated at least
    once, in its top-level sequence; other shapes are not analysed and give False)."""
    for op, av in sre_parser.parse(pattern):
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            op, av = av[2][0] if len(av[2]) == 1 else (None, None)
        if op is sre_constants.IN and av == [
            (sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)
        ]:
            return True
    return False


def _digit_scanner(patterns: list[str]) -> re.Pattern[str]:
    """One regex whose matches reach every match of ``patterns``: a lone digit when each of
    them holds one (a cheap scan), else their alternation."""
    if patterns and all(_requires_digit(rx) for rx in patterns):
        return re.compile(r"\d")
    return re.compile("|".join(f"(?:{rx})" for rx in patterns) or "(?!)")


def _automaton(words: frozenset[str]) -> Any:
    """An Aho-Corasick automaton finding every occurrence of ``words`` (None if none)."""
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton
