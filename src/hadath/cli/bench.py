"""``hadath bench``: throughput and memory."""

from __future__ import annotations

import json
from typing import Annotated

import typer


def bench(
    corpus: Annotated[
        str | None, typer.Option("--corpus", help="Any input extract reads; default: examples/.")
    ] = None,
    n: Annotated[
        int, typer.Option("--n", min=1, help="Documents to process (the corpus is cycled).")
    ] = 200,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Measure documents/s, MB/s, peak memory and seconds per stage (no database).

    Example: hadath bench --n 1000 --workers 2 --json
    """
    from hadath.bench import run_bench
    from hadath.settings import Settings

    report = run_bench(corpus, n, workers, Settings.load())
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"hadath bench: {report['docs']} documents, {report['workers']} worker(s)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in (
        "docs",
        "mb",
        "seconds",
        "docs_per_s",
        "mb_per_s",
        "peak_rss_mb",
        "startup_s",
        "events",
    ):
        table.add_row(key, str(report[key]))
    for stage, seconds in report["stages"].items():
        table.add_row(f"stage {stage} (s)", str(seconds))
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)
