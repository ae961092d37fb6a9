"""Throughput and memory of the pipeline (``hadath bench``).

Reads a corpus (the bundled examples by default, or any input ``extract`` reads), cycles
it to ``n`` documents, runs every stage (no database) and reports documents/s, MB/s,
peak RSS, start-up time and seconds per stage. Reading is part of the measured time, as
in a real run: a large corpus is streamed, not held in memory.
"""

from __future__ import annotations

import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hadath import pipeline
from hadath.document import Document
from hadath.engines.local import process
from hadath.errors import UsageError
from hadath.ingest import read_inputs
from hadath.settings import Settings


def examples_dir() -> Path:
    """The bundled example corpus: ``examples/`` of a checkout."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "examples"
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    raise UsageError("no bundled examples found; pass --corpus PATH")


def _peak_rss_mb() -> float:
    """Peak resident memory of this process or its largest worker, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return max(own, children) / per_mib


# a corpus up to this many documents is cycled from memory; a larger one is streamed
# (read as it is processed), so peak memory is the pipeline's, not the corpus's
_KEEP = 2000


def _numbered(doc: Document, i: int) -> Document:
    """A fresh copy of a read document (stages fill in the copy), with a unique id."""
    return Document(
        text=doc.text,
        doc=f"{doc.doc}#{i}",
        source=doc.source,
        pub_date=doc.pub_date,
        title=doc.title,
        outlet=doc.outlet,
        author=doc.author,
        url=doc.url,
    )


def _documents(paths: list[str], settings: Settings, n: int) -> Iterator[Document]:
    """``n`` documents of the corpus, read as they are needed, cycled if it is shorter."""

    def read() -> Iterator[Document]:
        return (item for item in read_inputs(paths, settings) if isinstance(item, Document))

    kept: list[Document] = []
    complete = True
    count = 0
    for doc in read():
        if count >= n:
            return
        yield _numbered(doc, count)
        count += 1
        if len(kept) < _KEEP:
            kept.append(doc)
        else:
            complete = False
    if count == 0:
        raise UsageError("the benchmark corpus has no readable documents")
    while count < n:
        for doc in kept if complete else read():
            if count >= n:
                return
            yield _numbered(doc, count)
            count += 1


def run_bench(corpus: str | None, n: int, workers: int, settings: Settings) -> dict[str, Any]:
    t0 = time.perf_counter()
    pipeline.warm_up(settings)
    startup = time.perf_counter() - t0
    paths = [corpus] if corpus else [str(examples_dir())]
    chars = 0
    nbytes = 0
    events = 0
    stages: dict[str, float] = defaultdict(float)
    failed = 0
    start = time.perf_counter()
    for result in process(_documents(paths, settings, n), settings, workers=workers):
        if not isinstance(result, Document):
            failed += 1
            continue
        chars += len(result.text)
        nbytes += len(result.text.encode("utf-8"))
        events += len(result.events)
        for name, seconds in result.timings.items():
            stages[name] += seconds
    seconds = time.perf_counter() - start
    mb = nbytes / 1_000_000
    return {
        "docs": n - failed,
        "failed": failed,
        "mb": round(mb, 3),
        "chars": chars,
        "events": events,
        "seconds": round(seconds, 3),
        "docs_per_s": round((n - failed) / seconds, 1) if seconds else None,
        "mb_per_s": round(mb / seconds, 3) if seconds else None,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "startup_s": round(startup, 3),
        "workers": workers,
        "corpus": paths[0],
        "stages": {k: round(v, 3) for k, v in stages.items()},
    }
