"""Our throughput against a bare tokenising pass over the same texts, in one run.

The bare pass is the practical limit of a Python pipeline: decode nothing, build no
view, just find every word of every text with one compiled regex (and, as a second
floor, build the normalised view and our tokens, the first stages every stage needs).
The pipeline runs every configured stage, no database. Times are CPU seconds of this
process (``time.process_time``), so a busy machine changes them less than wall time;
wall time is reported too.

The ratio (pipeline seconds / bare seconds) is what to track over time: it moves
when the stages get slower or faster, not when the machine does. ``--record FILE``
appends one JSON line (date, commit, numbers) to FILE.

    .venv/bin/python benchmarks/throughput.py [--corpus PATH] [--n 1000] [--record FILE]

The default corpus is ../shared/data/corpus/saudinewsnet_2015.jsonl.gz (benchmark use
only; not shipped) when present, else examples/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_2015.jsonl.gz"
WORD = re.compile(r"\w+")


def _timed(fn: Callable[[], int]) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    count = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, count


def _commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def run(corpus: str, n: int) -> dict[str, Any]:
    from hadath import pipeline
    from hadath.document import Document
    from hadath.engines.local import process
    from hadath.ingest import read_inputs
    from hadath.settings import Settings
    from hadath.text.segment import tokens
    from hadath.text.view import build_view

    settings = Settings.load()
    t0 = time.perf_counter()
    pipeline.warm_up(settings)
    startup = time.perf_counter() - t0
    docs = [
        d
        for d in itertools.islice(read_inputs([corpus], settings), n * 2)
        if isinstance(d, Document)
    ][:n]
    texts = [d.text for d in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000

    def bare() -> int:
        return sum(len(WORD.findall(t)) for t in texts)

    def view_and_tokens() -> int:
        return sum(len(tokens(build_view(t))) for t in texts)

    stages: dict[str, float] = {}

    def full() -> int:
        events = 0
        fresh = (
            Document(text=d.text, doc=d.doc, source=d.source, pub_date=d.pub_date) for d in docs
        )
        # the engine's in-process path: batches, stage after stage (hadath.batch)
        for result in process(fresh, settings):
            if isinstance(result, Document):
                events += len(result.events)
                for name, seconds in result.timings.items():
                    stages[name] = stages.get(name, 0.0) + seconds
        return events

    bare_cpu, bare_wall, words = _timed(bare)
    tok_cpu, tok_wall, _ = _timed(view_and_tokens)
    cpu, wall, events = _timed(full)
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "corpus": corpus,
        "docs": len(docs),
        "mb": round(mb, 3),
        "words": words,
        "events": events,
        "startup_s": round(startup, 3),
        "bare_regex": {"cpu_s": round(bare_cpu, 3), "docs_per_cpu_s": _rate(len(docs), bare_cpu)},
        "view_and_tokens": {
            "cpu_s": round(tok_cpu, 3),
            "docs_per_cpu_s": _rate(len(docs), tok_cpu),
        },
        "pipeline": {
            "cpu_s": round(cpu, 3),
            "wall_s": round(wall, 3),
            "docs_per_cpu_s": _rate(len(docs), cpu),
            "docs_per_s": _rate(len(docs), wall),
            "mb_per_cpu_s": round(mb / cpu, 3) if cpu else None,
        },
        "ratio_to_bare": round(cpu / bare_cpu, 1) if bare_cpu else None,
        "ratio_to_tokens": round(cpu / tok_cpu, 1) if tok_cpu else None,
        "stage_share": {k: round(v / sum(stages.values()), 3) for k, v in stages.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / per_mib, 1),
        "wall_note": "wall > cpu means the machine was busy",
        "bare_wall_s": round(bare_wall, 3),
        "tokens_wall_s": round(tok_wall, 3),
    }


def _rate(docs: int, seconds: float) -> float | None:
    return round(docs / seconds, 1) if seconds else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = str(CORPUS if CORPUS.exists() else ROOT / "examples")
    parser.add_argument("--corpus", default=default, help="any input hadath extract reads")
    parser.add_argument("--n", type=int, default=1000, help="documents (the first N read)")
    parser.add_argument("--record", type=Path, help="append the result as one JSON line")
    args = parser.parse_args()
    result = run(args.corpus, args.n)
    line = json.dumps(result, ensure_ascii=False)
    print(line)
    if args.record:
        with args.record.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")


if __name__ == "__main__":
    main()
