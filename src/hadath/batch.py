"""Batches of documents, and the results several stages share within one.

The engines run each stage over a whole batch before the next stage
(:func:`hadath.pipeline.run_batch`): a stage's automata, tables and model stay in the
CPU's caches while it reads a few dozen documents, where one document taken through
all twelve stages at a time evicts them at every stage (measured: ~15% less CPU on
news articles for batches of 32).

Some results are read by more than one stage: the view of a text (``boilerplate``
then ``normalize``), its dateline (``dates`` then ``metadata``), the dictionary scan of
the view (``actors``, ``sources``, ``quotes``). Each is a pure function of an
immutable text, cached with :func:`per_document` so that the later stage finds the
earlier one's result. The cache holds a batch's worth of documents and is emptied after
every batch (:func:`forget`), so that a long run keeps nothing of a batch it finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

# a batch closes at this many documents or characters, whichever comes first: a few
# dozen news articles, or one long document alone (its intermediate results are large)
BATCH_DOCS = 32
BATCH_CHARS = 1_000_000

T = TypeVar("T")
Item = TypeVar("Item")

_forgetters: list[Callable[[], None]] = []


def per_document(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
    """Cache ``fn`` (a pure function of a document's text) for the current batch."""
    cached = lru_cache(maxsize=BATCH_DOCS)(fn)
    _forgetters.append(cached.cache_clear)
    return cached


def forget() -> None:
    """Empty the caches of :func:`per_document` (at the end of a batch)."""
    for clear in _forgetters:
        clear()


def batches(items: Iterable[Item], size: Callable[[Item], int | None]) -> Iterator[list[Item]]:
    """Consecutive runs of ``items`` of at most ``BATCH_DOCS`` documents and about
    ``BATCH_CHARS`` characters; ``size(item)`` is a document's length in characters, or
    None for an item that is not a document (an input error, passed along in its place)."""
    batch: list[Item] = []
    docs = chars = 0
    for item in items:
        batch.append(item)
        n = size(item)
        if n is None:
            continue
        docs += 1
        chars += n
        if docs >= BATCH_DOCS or chars >= BATCH_CHARS:
            yield batch
            batch, docs, chars = [], 0, 0
    if batch:
        yield batch
