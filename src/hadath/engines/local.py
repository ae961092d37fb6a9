"""The local engine: in-process, or a process pool behind ``--workers N``.

Each worker compiles the stages' knowledge once (pool initializer), then runs the same
stage functions as the in-process path. Results come back in input order. Heavy
intermediate structures (the normalised view, tokens) are dropped before a document is
sent back to the parent, since only its annotations are needed there.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator

from hadath import pipeline
from hadath.document import Document
from hadath.errors import HadathError
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


def _run_one(doc: Document) -> Document | HadathError:
    assert _worker_settings is not None
    try:
        return _slim(pipeline.run(doc, _worker_settings))
    except HadathError as exc:
        exc.source = exc.source or doc.source
        return exc


def process(
    items: Iterable[Document | HadathError],
    settings: Settings,
    workers: int = 1,
    chunksize: int = 4,
) -> Iterator[Document | HadathError]:
    """Run the pipeline over documents; read errors pass through in order."""
    if workers <= 1:
        for item in items:
            if isinstance(item, HadathError):
                yield item
                continue
            try:
                yield pipeline.run(item, settings)
            except HadathError as exc:
                exc.source = exc.source or item.source
                yield exc
        return
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: list[HadathError] = []
        docs: list[Document] = []

        def batches() -> Iterator[Document]:
            for item in items:
                if isinstance(item, HadathError):
                    pending.append(item)
                else:
                    docs.append(item)
                    yield item

        for result in pool.imap(_run_one, batches(), chunksize=chunksize):
            while pending:
                yield pending.pop(0)
            yield result
        yield from pending
