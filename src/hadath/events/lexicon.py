"""The trigger lexicon (``data/triggers.yaml``) and the cues (``data/cues.yaml``).

Both are compiled once per process into one :class:`~hadath.lexicon.matcher.Matcher`
per category, and all of them together into one
:class:`~hadath.lexicon.matcher.MatcherSet`. :func:`find_cues` scans one document's view
once for every category and returns the hits in original offsets, so later steps never
touch view offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from hadath.document import Document
from hadath.errors import DataError
from hadath.events.index import MentionIndex, SpanIndex
from hadath.lexicon.loader import load_yaml
from hadath.lexicon.matcher import Hit, Matcher, MatcherSet
from hadath.text.segment import token_starts
from hadath.text.view import normalize


@dataclass(frozen=True, slots=True)
class TriggerClass:
    name: str
    event_type: str
    sub_event_type: str
    priority: int
    # (event_type, sub_event_type) when the target is civilian / armed
    civilian: tuple[str, str] | None = None
    armed: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class TriggerValue:
    cls: str
    plural: bool


class CueHit(NamedTuple):
    """A cue found in the text: ``text[start:end]``, category and value.

    A named tuple, not a frozen dataclass: as cheap to build as a tuple (a document has
    hundreds of cue hits), and equal and hashed the same way, field by field."""

    start: int
    end: int
    cat: str
    value: Any
    key: str
    prefix: str = ""


# CueHit(...) goes through the generated __new__ (keyword handling, defaults): three
# times tuple.__new__, which namedtuple's own _make uses. _convert builds ~50 per
# document with every field given
_new_cue_hit = tuple.__new__


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, TriggerClass]
    matchers: dict[str, Matcher[Any]]
    # all of ``matchers`` in one automaton: one scan of the text instead of one each
    scanner: MatcherSet[Any]
    block_window: int
    sentence_block_words: int
    hedge_window: int
    casualty_window: int
    numbers: dict[str, int]
    attribution: dict[str, Any]
    explosive_window: int = 3


# cue categories read from cues.yaml: (category, path in the YAML)
_CUE_LISTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("may", ("may",)),
    ("pluperfect", ("pluperfect",)),
    ("aggregate", ("aggregate",)),
    ("aggregate_strong", ("aggregate_strong",)),
    ("demonstrative", ("demonstrative",)),
    ("relative", ("relative",)),
    ("background", ("background",)),
    ("context", ("context",)),
    ("unclaimed", ("unclaimed",)),
    ("boast", ("boast",)),
    ("same_day", ("same_day",)),
    ("dual_verb", ("casualty", "dual_verbs")),
    ("complementizer", ("speech", "complementizers")),
    ("consequence", ("consequence",)),
    ("anaphora", ("anaphora",)),
    ("attrib", ("attribution", "cues")),
    ("claim", ("claim",)),
    ("claim_neg", ("claim_negation",)),
    ("self_claim", ("self_claim",)),
    ("hedge", ("hedge",)),
    ("perpetrator", ("perpetrator",)),
    ("killed", ("casualty", "killed")),
    ("injured", ("casualty", "injured")),
    ("captured", ("casualty", "captured")),
    ("zero", ("casualty", "zero")),
    ("unknown", ("casualty", "unknown")),
    ("combined", ("casualty", "combined")),
    ("total", ("casualty", "total")),
    ("singular", ("casualty", "singular")),
    ("dual", ("casualty", "duals")),
    ("not_persons", ("casualty", "not_persons")),
    ("perpetrators", ("casualty", "perpetrators")),
    ("perpetrator_one", ("casualty", "perpetrator_one")),
    ("materiel", ("materiel",)),
    ("explosive", ("explosive",)),
    ("sequence", ("sequence",)),
    ("agent", ("agent_verbs",)),
    ("target", ("target_words",)),
    ("origin", ("origin",)),
    ("base", ("base",)),
    ("new_event", ("new_event",)),
)


_VERB_CUES = frozenset({"claim", "agent", "attrib", "hedge", "perpetrator", "self_claim"})


def _dig(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict) or key not in node:
            raise DataError(f"cues.yaml: missing {'.'.join(path)}")
        node = node[key]
    return node


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile the trigger lexicon and the cues (once per process)."""
    trig = load_yaml("triggers.yaml")
    cues = load_yaml("cues.yaml")
    classes: dict[str, TriggerClass] = {}
    entries: list[tuple[str, TriggerValue]] = []
    for name, spec in trig["classes"].items():
        civ = spec.get("civilian")
        armed = spec.get("armed")
        classes[name] = TriggerClass(
            name,
            spec["event_type"],
            spec["sub_event_type"],
            int(spec["priority"]),
            (civ[0], civ[1]) if civ else None,
            (armed[0], armed[1]) if armed else None,
        )
        entries += [(w, TriggerValue(name, False)) for w in spec.get("words", [])]
        entries += [(w, TriggerValue(name, True)) for w in spec.get("plural", [])]
    matchers: dict[str, Matcher[Any]] = {"trigger": Matcher(entries)}
    matchers["civilian"] = Matcher((w, "civilian") for w in trig["civilian_targets"])
    matchers["armed"] = Matcher((w, "armed") for w in trig["armed_targets"])
    block = cues["block"]
    matchers["block"] = Matcher(
        (w, reason) for reason, words in block.items() if reason != "window" for w in words
    )
    sentence_block_words = int(cues["sentence_block_words"])
    for cat, path in _CUE_LISTS:
        # verbs never take the article: "التبني" (a town) is no "تبنى"
        matchers[cat] = Matcher(
            ((w, cat) for w in _dig(cues, path)), allow_definite=cat not in _VERB_CUES
        )
    numbers = {normalize(k): int(v) for k, v in cues["casualty"]["numbers"].items()}
    matchers["number_word"] = Matcher(numbers.items())
    att = cues["attribution"]
    attribution = {
        "skip": frozenset(normalize(w) for w in att["skip"]),
        "sources": frozenset(normalize(w) for w in att["sources"]),
        "stop": frozenset(normalize(w) for w in att["stop"]),
        "same": frozenset(normalize(w) for w in att["same"]),
        "max_words": int(att["max_words"]),
    }
    return Lexicon(
        classes=classes,
        matchers=matchers,
        scanner=MatcherSet(matchers),
        block_window=int(block["window"]),
        sentence_block_words=sentence_block_words,
        hedge_window=int(cues["hedge_window"]),
        casualty_window=int(cues["casualty"]["window"]),
        numbers=numbers,
        attribution=attribution,
        explosive_window=int(cues["explosive_window"]),
    )


@dataclass
class DocCues:
    """Every cue hit of one document, by category, in original offsets (sorted)."""

    doc: Document
    lex: Lexicon
    hits: dict[str, list[CueHit]] = field(default_factory=dict)
    token_starts: list[int] = field(default_factory=list)
    starts: dict[str, list[int]] = field(default_factory=dict)
    # the longest hit of each category read so far (see longest_hit), in characters:
    # bounds backward searches
    longest: dict[str, int] = field(default_factory=dict)
    # what the steps computed once for a stretch of the document, by (step, span)
    memo: dict[tuple[str, Any], Any] = field(default_factory=dict)
    # the scanner's hits, in view offsets, of the categories not read yet: a category is
    # moved to ``hits``/``starts`` on first use (a third of them never are);
    # a category without hits is in none of these
    pending: dict[str, list[Hit[list[Any]]]] = field(default_factory=dict)

    # built on first use, once per document: the mention stages are done by then
    @cached_property
    def mentions(self) -> MentionIndex:
        """The document's mentions by kind, for range queries."""
        return MentionIndex(self.doc.mentions)

    @cached_property
    def sentences(self) -> SpanIndex:
        return SpanIndex(self.doc.sentences)

    @cached_property
    def paragraphs(self) -> SpanIndex:
        return SpanIndex(self.doc.paragraphs)

    def _starts(self, cat: str) -> list[int] | None:
        """The starts of the hits of ``cat``, converting them first if still pending."""
        starts = self.starts.get(cat)
        if starts is None and cat in self.pending:
            starts = self._convert(cat, self.pending.pop(cat))
        return starts

    def _convert(self, cat: str, found: list[Hit[list[Any]]]) -> list[int]:
        """Store the view hits ``found`` of ``cat`` as cue hits in original offsets."""
        view = self.doc.view
        origin = view.origin if view is not None else None
        new = _new_cue_hit
        if origin is None:
            hits = [new(CueHit, (h.start, h.end, cat, h.value[0], h.key, h.prefix)) for h in found]
        else:  # view.to_original, inlined: hits are never empty
            hits = [
                new(
                    CueHit,
                    (origin[h.start], origin[h.end - 1] + 1, cat, h.value[0], h.key, h.prefix),
                )
                for h in found
            ]
        starts = [h.start for h in hits]
        # find_all returns hits in text order and the offset map never decreases, so
        # this holds; checked (in C) rather than assumed, as the bisection relies on it
        if starts != sorted(starts):
            hits.sort(key=lambda h: h.start)
            starts = [h.start for h in hits]
        self.hits[cat] = hits
        self.starts[cat] = starts
        return starts

    def longest_hit(self, cat: str) -> int:
        """The length of the longest hit of ``cat``, in characters; 0 when none.
        Computed on first use: only near_before reads it, for few categories."""
        longest = self.longest.get(cat)
        if longest is None:
            self._starts(cat)
            hits = self.hits.get(cat, [])
            longest = self.longest[cat] = max([h.end - h.start for h in hits], default=0)
        return longest

    def within(self, cat: str, start: int, end: int) -> list[CueHit]:
        """Hits of ``cat`` lying inside ``[start, end)``."""
        starts = self.starts.get(cat)
        if starts is None:
            found = self.pending.pop(cat, None)
            if found is None:  # no hit of ``cat`` in the document
                return []
            starts = self._convert(cat, found)
        if not starts:
            return []
        # the hits starting in [start, end), found by bisection (no copy of the tail)
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if i >= j:
            return []
        hits = self.hits[cat]
        return [h for h in hits[i:j] if h.end <= end]

    def token_index(self, offset: int) -> int:
        """Index of the token starting at or after ``offset``."""
        return bisect_left(self.token_starts, offset)

    def words_between(self, a: int, b: int) -> int:
        """Number of tokens starting in ``[a, b)``."""
        if b <= a:
            return 0
        return bisect_left(self.token_starts, b) - bisect_left(self.token_starts, a)

    def near_before(self, cat: str, start: int, offset: int, words: int) -> bool:
        """Whether a hit of ``cat`` inside ``[start, offset)`` ends at most ``words``
        tokens before ``offset``."""
        k = bisect_left(self.token_starts, offset)
        if k > words and self._starts(cat):
            # words_between(h.end, offset) <= words exactly when h.end is after the start
            # of the token ``words + 1`` back; such a hit starts after that start minus the
            # longest hit: nothing earlier can count, however long the paragraph
            reach = self.token_starts[k - words - 1] + 1 - self.longest_hit(cat)
            start = max(start, reach)
        return any(
            self.words_between(h.end, offset) <= words for h in self.within(cat, start, offset)
        )

    def reach(self, offset: int, words: int) -> int:
        """The offsets ``x >= offset`` with ``words_between(offset, x) <= words`` are
        those below this bound."""
        k = bisect_left(self.token_starts, offset) + words
        if k < len(self.token_starts):
            return self.token_starts[k] + 1
        return len(self.doc.text) + 1

    def token_at(self, offset: int) -> int:
        """Index of the token containing or preceding ``offset``."""
        return max(0, bisect_right(self.token_starts, offset) - 1)


def has_trigger(doc: Document) -> bool:
    """Whether the document's view holds any trigger word (the trigger category of
    :func:`find_cues` is empty exactly when this is False)."""
    assert doc.view is not None
    return next(lexicon().matchers["trigger"].candidates(doc.view.text), None) is not None


def find_cues(doc: Document) -> DocCues:
    """Scan the document's view once for every cue category."""
    lex = lexicon()
    assert doc.view is not None
    view = doc.view
    out = DocCues(doc, lex, token_starts=token_starts(doc.tokens))
    # a category without hits stays out of every table: within() finds nothing either way
    out.pending = {cat: found for cat, found in lex.scanner.find_all(view.text).items() if found}
    return out
