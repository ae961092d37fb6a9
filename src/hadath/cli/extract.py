"""``hadath extract`` and ``hadath annotate``: documents in, JSON out, no database."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from hadath.errors import HadathError


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class Engine(StrEnum):
    local = "local"
    spark = "spark"


PubDate = Annotated[
    str | None,
    typer.Option(
        "--pub-date", help="Publication date YYYY-MM-DD for every input (overrides metadata)."
    ),
]
Paths = Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")]


def _fail(exc: HadathError) -> None:
    print(exc.one_line(), file=sys.stderr)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def extract(
    paths: Paths,
    pub_date: PubDate = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include each document's text.")
    ] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local, or spark (JSONL/Parquet in, Parquet out).")
    ] = Engine.local,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output folder/URI (--engine spark).")
    ] = None,
    master: Annotated[
        str | None, typer.Option("--master", help="Spark master (default: spark-submit's).")
    ] = None,
) -> None:
    """Extract events and quotes; print one JSON object per document.

    Example: hadath extract --pub-date 2021-03-14 article.txt
    Spark: hadath extract --engine spark corpus.jsonl.gz -o out/ (Parquet: documents, events)
    """
    from hadath.api import extract_files, parse_pub_date

    forced = parse_pub_date(pub_date)  # a bad --pub-date is a usage error before any work
    if engine is Engine.spark or output is not None:
        _extract_spark(paths, output, master, forced)
        return
    failed = 0
    collected: list[dict[str, Any]] = []
    for item in extract_files(paths, pub_date, workers=workers):
        if isinstance(item, HadathError):
            failed += 1
            _fail(item)
            continue
        record = item.to_dict(with_text=with_text)
        if fmt is Format.jsonl:
            print(_dump(record), flush=False)
        else:
            collected.append(record)
    if fmt is Format.json:
        print(json.dumps(collected, ensure_ascii=False, indent=2))
    elif fmt is Format.table:
        from hadath.cli.tables import print_documents

        print_documents(collected)
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def _extract_spark(paths: list[str], output: str | None, master: str | None, pub_date: Any) -> None:
    from hadath.errors import UsageError
    from hadath.settings import Settings

    if output is None or len(paths) != 1:
        raise UsageError("--engine spark takes one INPUT (JSONL or Parquet) and -o OUTPUT")
    from hadath.engines.spark import run_spark

    summary = run_spark(paths[0], output, Settings.load(), master=master, pub_date=pub_date)
    print(
        f"documents: {summary.documents}, failed: {summary.failed}, events: {summary.events}, "
        f"quotes: {summary.quotes}; Parquet in {summary.output}/{{documents,events,quotes}}",
        file=sys.stderr,
    )
    if summary.failed:
        raise typer.Exit(1)


def annotate(
    paths: Paths,
    pub_date: PubDate = None,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include each document's text.")
    ] = False,
) -> None:
    """Print every mention found (dates, numbers, actors, places, persons, orgs) with offsets.

    Example: hadath annotate --pub-date 2021-03-14 article.txt
    """
    from hadath.api import extract_files, parse_pub_date

    parse_pub_date(pub_date)
    failed = 0
    for item in extract_files(paths, pub_date):
        if isinstance(item, HadathError):
            failed += 1
            _fail(item)
            continue
        print(_dump(item.to_annotate_dict(with_text=with_text)))
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("annotate")(annotate)
