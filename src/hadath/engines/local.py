"""The local engine: in-process, or a process pool behind ``--workers N``.

Each worker compiles the stages' knowledge once (pool initializer), then runs the same
stage functions as the in-process path. Both run documents in batches of a few dozen,
one stage after the other over the batch (:mod:`hadath.batch`: the stage's tables stay
in the CPU's caches). Results come back in input order. Heavy intermediate structures
(the normalised view, tokens) are dropped before a document is sent back to the parent,
since only its annotations are needed there.

A stage that fails on one document (a bug, not a bad input) becomes a one-line
``PipelineError`` naming the document and the stage, so one odd article never stops a
run over thirty thousand (nor the rest of its batch); ``HADATH_DEBUG=1`` re-raises it
with its traceback.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

from hadath import pipeline
from hadath.batch import batches
from hadath.document import Document
from hadath.errors import HadathError, PipelineError
from hadath.settings import Settings

_worker_settings: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings
    pipeline.warm_up(settings)


def _slim(doc: Document) -> Document:
    doc.view = None
    doc.tokens = []
    return doc


def _failure(doc: Document, stage: str, exc: Exception) -> HadathError:
    """The typed error of a document on which ``stage`` raised ``exc``."""
    if isinstance(exc, HadathError):
        exc.source = exc.source or doc.source or doc.doc
        return exc
    # a stage bug: report it, keep the run going
    if os.environ.get("HADATH_DEBUG"):
        raise exc
    where = doc.source or doc.doc
    if doc.doc and doc.source and doc.doc not in doc.source:
        where = f"{doc.source}#{doc.doc}"
    return PipelineError(f"internal error in stage {stage!r}: {type(exc).__name__}: {exc}", where)


def run_batch_safely(docs: list[Document], settings: Settings) -> list[Document | HadathError]:
    """``pipeline.run_batch`` with every failure turned into a typed error naming the
    input."""
    return pipeline.run_batch(docs, settings, _failure)


def run_safely(doc: Document, settings: Settings) -> Document | HadathError:
    """``pipeline.run`` with every failure turned into a typed error naming the input."""
    return run_batch_safely([doc], settings)[0]


def _chars(item: Document | HadathError) -> int | None:
    return len(item.text) if isinstance(item, Document) else None


def _run_batches(
    items: Iterable[Document | HadathError], settings: Settings
) -> Iterator[Document | HadathError]:
    """Documents run in batches (:mod:`hadath.batch`); read errors pass in their place."""
    for group in batches(items, _chars):
        done = iter(run_batch_safely([d for d in group if isinstance(d, Document)], settings))
        for item in group:
            yield item if isinstance(item, HadathError) else next(done)


def _run_chunk(docs: list[Document]) -> list[Document | HadathError]:
    assert _worker_settings is not None
    return [
        _slim(result) if isinstance(result, Document) else result
        for result in _run_batches(docs, _worker_settings)
    ]


def process(
    items: Iterable[Document | HadathError],
    settings: Settings,
    workers: int = 1,
    chunksize: int = 32,
) -> Iterator[Document | HadathError]:
    """Run the pipeline over documents; read errors pass through in input order.

    With ``workers`` > 1, chunks of documents go to a fork pool; at most a few chunks per
    worker are in flight, so a corpus of any size is read lazily (bounded memory).
    Chunks of 32: the parent's share per document (pickling, queues, thread hand-offs)
    competes with the workers for the cores; 32 instead of 8 cut it by a fifth.
    """
    if workers <= 1:
        yield from _run_batches(items, settings)
        return
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    window = workers * 3
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        in_flight: deque[tuple[list[Document | HadathError], AsyncResult[Any]]] = deque()

        def drain(keep: int) -> Iterator[Document | HadathError]:
            while len(in_flight) > keep:
                chunk, handle = in_flight.popleft()
                done = iter(handle.get())
                for entry in chunk:
                    yield entry if isinstance(entry, HadathError) else next(done)

        chunk: list[Document | HadathError] = []
        n_docs = 0
        for item in items:
            if isinstance(item, HadathError) and not chunk and not in_flight:
                yield item  # nothing before it is pending: report it now
                continue
            chunk.append(item)
            if isinstance(item, Document):
                n_docs += 1
            if n_docs >= chunksize:
                docs = [d for d in chunk if isinstance(d, Document)]
                in_flight.append((chunk, pool.apply_async(_run_chunk, (docs,))))
                chunk, n_docs = [], 0
                yield from drain(window)
        if chunk:
            docs = [d for d in chunk if isinstance(d, Document)]
            in_flight.append((chunk, pool.apply_async(_run_chunk, (docs,))))
        yield from drain(0)
