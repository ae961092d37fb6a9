"""``hadath ingest`` and ``hadath events``: the database commands (thin over the store)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from hadath.errors import HadathError

if TYPE_CHECKING:
    from hadath.document import Document
    from hadath.settings import Settings

BATCH = 25
# More inputs than this get a progress bar.
PROGRESS_AFTER = 3
# Inputs that may hold many documents (dumps, archives, compressed files).
MULTI = frozenset({".jsonl", ".json", ".warc", ".gz"})

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL: sqlite:///FILE (default sqlite:///hadath.db) or postgresql://...",
    ),
]


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _settings(db: str | None) -> Settings:
    from hadath.settings import Settings

    return Settings.load(db=db)


def _count_inputs(inputs: list[str]) -> tuple[int, bool]:
    """(files and URLs given, whether each is exactly one document): a bar with a
    total when it is, a pulsing one when archives, dumps or feeds hold an unknown number."""
    total, exact = 0, True
    for item in inputs:
        path = Path(item)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        total += len(files)
        if item == "-" or "://" in item or any(f.suffix.lower() in MULTI for f in files):
            exact = False
    return total, exact


def _documents(
    inputs: list[str], settings: Settings, pub_date: str | None, workers: int
) -> Iterator[Document | HadathError]:
    from hadath.api import extract_files, parse_pub_date
    from hadath.engines.local import process
    from hadath.ingest.feeds import is_url, read_feed

    forced = parse_pub_date(pub_date)
    paths = [i for i in inputs if not is_url(i)]
    if paths:
        yield from extract_files(paths, forced, settings=settings, workers=workers)

    def pages(url: str) -> Iterator[Document | HadathError]:
        for item in read_feed(url, settings):
            if not isinstance(item, HadathError) and forced is not None:
                item.pub_date = forced
                item.meta_origin["pub_date"] = "argument"
            yield item

    for url in (i for i in inputs if is_url(i)):
        yield from process(pages(url), settings, workers=workers)


def ingest(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, - (stdin), or RSS/Atom feed URLs.")
    ],
    db: Db = None,
    pub_date: Annotated[
        str | None, typer.Option("--pub-date", help="Publication date YYYY-MM-DD for every input.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes for extraction.")
    ] = 1,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh",
            help="Re-extract texts already stored (after a pipeline update) instead of skipping them.",
        ),
    ] = False,
) -> None:
    """Extract events from the inputs and store them (same content twice is stored once).

    Example: hadath ingest --db sqlite:///hadath.db examples/ https://example.org/feed.xml
    """
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from hadath.api import parse_pub_date
    from hadath.store import AddResult, Repository

    parse_pub_date(pub_date)
    settings = _settings(db)
    err = Console(stderr=True)
    repo = Repository.open(settings.db)
    results: list[AddResult] = []
    failed = 0
    pending: list[Document] = []
    n_inputs, exact = _count_inputs(inputs)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        disable=n_inputs <= PROGRESS_AFTER or not err.is_terminal,
        transient=True,
    )
    try:
        with progress:
            task = progress.add_task("ingest", total=n_inputs if exact else None)
            try:
                for item in _documents(inputs, settings, pub_date, workers):
                    if isinstance(item, HadathError):
                        failed += 1
                        progress.console.print(item.one_line(), markup=False, highlight=False)
                        progress.advance(task)
                        continue
                    pending.append(item)
                    if len(pending) >= BATCH:
                        results += repo.add_documents(pending, refresh)
                        pending = []
                    progress.advance(task)
            finally:
                # Documents already extracted are kept even when a later input crashes.
                if pending:
                    results += repo.add_documents(pending, refresh)
        counts = repo.counts()
    finally:
        repo.close()
    new = sum(r.status == "new" for r in results)
    versions = sum(r.status == "version" for r in results)
    dup = sum(r.status == "duplicate" for r in results)
    refreshed = sum(r.status == "refreshed" for r in results)
    events = sum(r.events for r in results)
    print(
        f"documents: {new} new, {versions} new versions, {dup} duplicate, "
        + (f"{refreshed} refreshed, " if refresh else "")
        + f"{failed} failed; "
        f"events: {events} extracted, {sum(r.merged for r in results)} merged with other reports; "
        f"database: {counts['documents']} documents, {counts['stored_events']} stored events "
        f"({counts['merged']} with several reports)"
    )
    if failed:
        raise typer.Exit(1)


def events(
    db: Db = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Actor name part or family (ISIS, داعش, SDF, ...)."),
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Event type or sub-event type, e.g. Battles.")
    ] = None,
    near: Annotated[
        str | None, typer.Option("--near", help="A place name from the gazetteer, or LAT,LON.")
    ] = None,
    km: Annotated[float, typer.Option("--km", help="Radius around --near, in km.")] = 25.0,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.table,
) -> None:
    """List stored events (after cross-source dedup), newest first.

    Example: hadath events --since 2023-01-01 --actor ISIS --near "دير الزور" --km 50
    """
    from hadath.errors import UsageError
    from hadath.store import EventQuery, Repository
    from hadath.store.places import resolve_near

    if km <= 0:
        raise UsageError("--km must be positive")
    query = EventQuery(
        since=since,
        until=until,
        actor=actor,
        type=event_type,
        near=resolve_near(near) if near else None,
        km=km,
    )
    settings = _settings(db)
    with Repository.open(settings.db) as repo:
        page = repo.events(query, limit=limit)
    if fmt is Format.jsonl:
        for item in page.items:
            print(json.dumps(item, ensure_ascii=False))
    elif fmt is Format.csv:
        _print_csv(page.items)
    else:
        _print_table(page.items, page.total)


CSV_COLUMNS = (
    "id",
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "actor1",
    "actor2",
    "location_ar",
    "location_en",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "captured_or_missing",
    "claimed_by",
    "reported_by",
    "certainty",
    "evidence",
    "n_reports",
    "outlets",
)


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    row = {k: item.get(k) for k in CSV_COLUMNS}
    row["reported_by"] = "; ".join(item.get("reported_by") or [])
    reports = item.get("reports") or []
    row["n_reports"] = len(reports)
    row["outlets"] = "; ".join(str(r.get("outlet") or r.get("doc")) for r in reports)
    return row


def _print_csv(items: list[dict[str, Any]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(CSV_COLUMNS))
    writer.writeheader()
    for item in items:
        writer.writerow(_flat(item))


def _print_table(items: list[dict[str, Any]], total: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Stored events ({total})")
    for column in (
        "id",
        "date",
        "type",
        "actor1",
        "actor2",
        "location",
        "admin1",
        "killed",
        "reports",
    ):
        table.add_column(column, overflow="fold")
    for e in items:
        killed = "" if e.get("fatalities") is None else str(e["fatalities"])
        if e.get("fatalities_high") is not None:
            killed += f" (≤{e['fatalities_high']})"
        table.add_row(
            str(e["id"]),
            e.get("date") or "",
            e.get("sub_event_type") or e.get("event_type") or "",
            e.get("actor1") or "",
            e.get("actor2") or "",
            e.get("location_en") or e.get("location_ar") or "",
            e.get("admin1") or "",
            killed,
            str(len(e.get("reports") or [])),
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("events")(events)
