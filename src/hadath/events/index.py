"""Range queries over one document's mentions and spans, by bisection.

The event steps ask, for every sentence or cue, which mentions of a kind lie in a
stretch of text. Scanning ``doc.mentions`` each time makes the stage quadratic in the
length of a document; this index answers the same questions in logarithmic time and
returns the SAME mentions in the SAME order as the scans it replaces: document order,
the order of ``doc.mentions``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, islice, pairwise
from typing import overload

from hadath.document import Mention, Span


class _Kind:
    """The mentions of one kind sorted by start, each with its place in ``doc.mentions``."""

    __slots__ = ("in_doc_order", "mentions", "positions", "starts")

    def __init__(self, mentions: list[Mention], positions: list[int]) -> None:
        # ``mentions`` in document order, ``positions`` their places (ascending)
        starts = [m.start for m in mentions]
        # usually the stage that made them wrote them in text order: nothing to sort
        self.in_doc_order = starts == sorted(starts)
        if self.in_doc_order:
            self.mentions, self.positions, self.starts = mentions, positions, starts
            return
        # a stable sort by start: ties keep document order, as sorting by (start,
        # position) would; a mention moved means the document order is not kept
        order = sorted(range(len(mentions)), key=starts.__getitem__)
        self.mentions = [mentions[k] for k in order]
        self.positions = [positions[k] for k in order]
        self.starts = [starts[k] for k in order]

    def in_order(self, found: list[int]) -> list[Mention]:
        """The mentions at the indexes ``found`` (ascending), in document order."""
        if not self.in_doc_order:
            found = sorted(found, key=self.positions.__getitem__)
        return [self.mentions[k] for k in found]


class MentionIndex:
    """The mentions of a document by kind, for range queries."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        # by kind: the mentions and their places in ``mentions`` (no pair per mention)
        found: dict[str, tuple[list[Mention], list[int]]] = {}
        for pos, m in enumerate(mentions):
            entry = found.get(m.kind)
            if entry is None:
                entry = found[m.kind] = ([], [])
            entry[0].append(m)
            entry[1].append(pos)
        self._kinds = {kind: _Kind(ms, positions) for kind, (ms, positions) in found.items()}

    def inside(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of ``kind`` lying inside ``[start, end)`` (``Span.contains``)."""
        index = self._kinds.get(kind)
        if index is None or end < start:
            return []
        # a mention inside starts in [start, end] (an empty one may start at end)
        i = bisect_left(index.starts, start)
        j = bisect_right(index.starts, end, i)
        ms = index.mentions
        if index.in_doc_order:
            return [m for m in ms[i:j] if m.end <= end]
        return index.in_order([k for k in range(i, j) if ms[k].end <= end])

    def starting(self, kind: str, start: int, end: int) -> list[Mention]:
        """Mentions of ``kind`` starting in ``[start, end)``, wherever they end."""
        index = self._kinds.get(kind)
        if index is None or end <= start:
            return []
        i = bisect_left(index.starts, start)
        j = bisect_left(index.starts, end, i)
        if index.in_doc_order:
            return index.mentions[i:j]
        return index.in_order(list(range(i, j)))


class SpanIndex:
    """Sorted spans (sentences, paragraphs) looked up by offset.

    Answers as the linear scans it replaces; bisection when the spans are sorted and
    disjoint (as the segment stage makes them), the scan itself otherwise.
    """

    __slots__ = ("_disjoint", "_ends", "_starts", "spans")

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]
        self._disjoint = all(a.end <= b.start for a, b in pairwise(spans))

    def index_at(self, offset: int) -> int:
        """The first ``i`` with ``spans[i].start <= offset < spans[i].end``, or -1."""
        if not self._disjoint:
            return next((i for i, s in enumerate(self.spans) if s.start <= offset < s.end), -1)
        # disjoint spans can hold an offset only once: the last one starting by it
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return i
        return -1

    def last_ending_by(self, offset: int) -> int:
        """Index of the last span (in list order) ending at or before ``offset``, or -1."""
        if not self._disjoint:
            return next(
                (i for i in range(len(self.spans) - 1, -1, -1) if self._ends[i] <= offset), -1
            )
        # sorted and disjoint: the ends grow with the starts
        return bisect_right(self._ends, offset) - 1

    def position(self, span: Span) -> int:
        """``spans.index(span)``."""
        if self._disjoint and span.start < span.end:
            # a non-empty span among disjoint ones can only be the one holding its start
            i = self.index_at(span.start)
            if i >= 0 and self.spans[i] == span:
                return i
        return self.spans.index(span)


class Prefixes(Sequence[Mention]):
    """Prefixes of lists read as one list, without copying them: a sentence's share of
    its paragraph's mentions costs no more than its own length, not the paragraph's."""

    __slots__ = ("_length", "_pieces")

    def __init__(self, pieces: list[tuple[list[Mention], int]]) -> None:
        self._pieces = [(ms, n) for ms, n in pieces if n]
        self._length = sum(n for _, n in self._pieces)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[Mention]:
        for ms, n in self._pieces:
            yield from islice(ms, n)

    @overload
    def __getitem__(self, index: int) -> Mention: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Mention]: ...

    def __getitem__(self, index: int | slice) -> Mention | Sequence[Mention]:
        if isinstance(index, slice) or index < 0:
            return list(self)[index]
        for ms, n in self._pieces:
            if index < n:
                return ms[index]
            index -= n
        raise IndexError(index)


class _Run:
    """A stretch of a mention list sorted by start."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        # the furthest end so far: every mention before the first one past an offset
        # ends by it
        self.reach = list(accumulate((m.end for m in mentions), max))

    def ending_by(self, offset: int) -> list[tuple[list[Mention], int]]:
        done = bisect_right(self.reach, offset)
        # past ``later``, mentions start after the offset and so end after it too
        later = bisect_right(self.starts, offset, done)
        tail = [m for m in self.mentions[done:later] if m.end <= offset]
        return [(self.mentions, done), (tail, len(tail))]


class EndingBy:
    """A list of mentions asked, again and again, for the ones ending by an offset.

    The list is cut where a mention starts before the one above it (a stage that adds
    a mention after its first pass): each run is sorted by start, and the runs in turn
    keep the list order.
    """

    def __init__(self, mentions: list[Mention]) -> None:
        cuts = [i for i in range(1, len(mentions)) if mentions[i].start < mentions[i - 1].start]
        bounds = [0, *cuts, len(mentions)]
        self._runs = [_Run(mentions[a:b]) for a, b in pairwise(bounds)]

    def ending_by(self, offset: int) -> Prefixes:
        """``[m for m in mentions if m.end <= offset]``, as a read-only sequence."""
        return Prefixes([piece for run in self._runs for piece in run.ending_by(offset)])
