"""``hadath export`` and ``hadath report``: stored events out as files (thin over
:mod:`hadath.export` and :mod:`hadath.report`).

Events come from the store (``--db``), or from a JSONL file of stored events
(``--input``, e.g. the output of ``hadath events --format jsonl``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from hadath.errors import InputError, InputNotFound, UsageError

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL: sqlite:///FILE (default sqlite:///hadath.db) or postgresql://...",
    ),
]
Input = Annotated[
    Path | None,
    typer.Option(
        "--input",
        help="Read stored events from this JSONL file instead of the database.",
        dir_okay=False,
    ),
]
Output = Annotated[Path, typer.Option("-o", "--output", help="The file to write.", dir_okay=False)]
Since = Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")]
Until = Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")]


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    ucdp_csv = "ucdp-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


class ReportFormat(StrEnum):
    html = "html"
    md = "md"


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Stored events from a JSONL file (one event object per line)."""
    if not path.is_file():
        raise InputNotFound("no such file", source=str(path))
    with path.open(encoding="utf-8") as lines:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {lineno}: not JSON ({exc.msg})", source=str(path)) from None
            if not isinstance(item, dict):
                raise InputError(f"line {lineno}: not an event object", source=str(path))
            yield item


def stored_events(
    db: str | None, source: Path | None, since: str | None = None, until: str | None = None
) -> list[dict[str, Any]]:
    """The stored events to export: from ``source`` (JSONL) if given, else the store."""
    if source is not None:
        from hadath.export.common import parse_date

        items = list(read_jsonl(source))
        if since or until:
            low, high = parse_date(since), parse_date(until)
            for name, given, parsed in (("--since", since, low), ("--until", until, high)):
                if given and parsed is None:
                    raise UsageError(f"{name} must be YYYY-MM-DD, got {given!r}")
            items = [
                e
                for e in items
                if (d := parse_date(e.get("date"))) is not None
                and (low is None or d >= low)
                and (high is None or d <= high)
            ]
        return items
    from hadath.settings import Settings
    from hadath.store import EventQuery, Repository

    settings = Settings.load(db=db)
    with Repository.open(settings.db) as repo:
        return repo.events(EventQuery(since=since, until=until)).items


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    output: Output,
    db: Db = None,
    source: Input = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export stored events as ACLED CSV, UCDP GED CSV, GeoJSON, Parquet or JSONL.

    Example: hadath export --format acled-csv -o events.csv
    """
    from hadath.export import export as write

    events = stored_events(db, source, since, until)
    try:
        result = write(events, fmt.value, output)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    skipped = "".join(f"; skipped {n} ({why})" for why, n in result.skipped.items())
    print(f"wrote {result.written} events to {output}{skipped}", file=sys.stderr)


def report(
    output: Output,
    db: Db = None,
    source: Input = None,
    since: Since = None,
    until: Until = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="html (self-contained) or md (Markdown).")
    ] = ReportFormat.html,
    link: Annotated[
        str | None,
        typer.Option(
            "--link",
            help="URL template of an event's page, with {id}, e.g. http://127.0.0.1:8000/events/{id}",
        ),
    ] = None,
) -> None:
    """Trend report: is ISIS activity rising, and where? (the period against the one before).

    Example: hadath report --since 2021-01-01 -o report.html
    """
    from hadath import report as trend

    # the previous period is part of the report, so read every stored event
    events = stored_events(db, source)
    data = trend.build(events, since, until, link=link)
    try:
        output.write_text(trend.render(data, fmt.value), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    print(
        f"wrote the report for {data.current.start} to {data.current.end} to {output}",
        file=sys.stderr,
    )


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("report")(report)
