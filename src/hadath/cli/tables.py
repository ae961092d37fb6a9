"""Rich tables for the terminal."""

from __future__ import annotations

from typing import Any


def print_documents(records: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    docs = Table(title="Documents", show_lines=False)
    for column in ("doc", "title", "pub_date", "outlet", "author", "events", "quotes", "warnings"):
        docs.add_column(column, overflow="fold")
    for r in records:
        docs.add_row(
            r["doc"],
            (r.get("title") or "")[:60],
            r.get("pub_date") or "",
            r.get("outlet") or "",
            r.get("author") or "",
            str(len(r["events"])),
            str(len(r["quotes"])),
            str(len(r["warnings"])),
        )
    console.print(docs)
    events = Table(title="Events", show_lines=False)
    for column in (
        "doc",
        "date",
        "type",
        "actor1",
        "actor2",
        "location",
        "admin1",
        "killed",
        "certainty",
    ):
        events.add_column(column, overflow="fold")
    for r in records:
        for e in r["events"]:
            killed = "" if e.get("fatalities") is None else str(e["fatalities"])
            events.add_row(
                r["doc"],
                e.get("date") or "",
                e.get("sub_event_type") or e.get("event_type") or "",
                e.get("actor1") or "",
                e.get("actor2") or "",
                e.get("location_en") or e.get("location_ar") or "",
                e.get("admin1") or "",
                killed,
                e.get("certainty") or "",
            )
    if events.row_count:
        console.print(events)
    else:
        console.print("[dim]No events found.[/dim]")
