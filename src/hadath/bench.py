"""Throughput and memory of the pipeline (``hadath bench``).

Reads a corpus (the bundled examples by default, or any input ``extract`` reads), cycles
it to ``n`` documents, runs every stage (no database) and reports documents/s, MB/s,
peak RSS, start-up time and seconds per stage.
"""

from __future__ import annotations

import itertools
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


def _corpus(paths: list[str], settings: Settings, n: int) -> list[Document]:
    docs: list[Document] = []
    for item in read_inputs(paths, settings):
        if isinstance(item, Document):
            docs.append(item)
            if len(docs) >= n:
                break
    if not docs:
        raise UsageError("the benchmark corpus has no readable documents")
    return docs


def _cycled(docs: list[Document], n: int) -> Iterator[Document]:
    for i, doc in enumerate(itertools.islice(itertools.cycle(docs), n)):
        yield Document(
            text=doc.text,
            doc=f"{doc.doc}#{i}",
            source=doc.source,
            pub_date=doc.pub_date,
            title=doc.title,
            outlet=doc.outlet,
        )


def run_bench(corpus: str | None, n: int, workers: int, settings: Settings) -> dict[str, Any]:
    t0 = time.perf_counter()
    pipeline.warm_up(settings)
    startup = time.perf_counter() - t0
    paths = [corpus] if corpus else [str(examples_dir())]
    base = _corpus(paths, settings, n)
    chars = 0
    nbytes = 0
    events = 0
    stages: dict[str, float] = defaultdict(float)
    failed = 0
    start = time.perf_counter()
    for result in process(_cycled(base, n), settings, workers=workers):
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
