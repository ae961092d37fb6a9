"""``hadath watch``: poll RSS/Atom feeds and ingest their new articles."""

from __future__ import annotations

import sys
import time
from typing import Annotated

import typer

from hadath.errors import HadathError


def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    every: Annotated[
        str, typer.Option("--every", help="Time between polls: 30s, 10m, 1h, 1d.")
    ] = "10m",
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default sqlite:///hadath.db)."),
    ] = None,
    polls: Annotated[
        int | None, typer.Option("--polls", min=1, help="Stop after this many polls.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
) -> None:
    """Poll feeds, fetch each new article once, extract and store it; until Ctrl-C.

    Example: hadath watch https://example.org/feed.xml --every 10m
    """
    from hadath.document import Document
    from hadath.engines.local import process
    from hadath.engines.watch import FeedWatcher, parse_period, url_lookup
    from hadath.errors import UsageError
    from hadath.ingest.feeds import is_url
    from hadath.settings import Settings
    from hadath.store import Repository

    period = parse_period(every)
    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise UsageError(f"not a feed URL (http:// or https://): {bad[0]}")
    settings = Settings.load(db=db)
    repo = Repository.open(settings.db)
    watcher = FeedWatcher(settings, is_stored=url_lookup(repo.engine))
    failed = 0
    n = 0
    try:
        while True:
            n += 1
            for feed in feeds:
                docs: list[Document] = []
                for item in process(watcher.poll(feed), settings, workers=workers):
                    if isinstance(item, HadathError):
                        failed += 1
                        print(item.one_line(), file=sys.stderr)
                    else:
                        docs.append(item)
                results = repo.add_documents(docs) if docs else []
                state = watcher.last
                note = (
                    "not modified"
                    if state and state.not_modified
                    else (
                        f"{state.entries if state else 0} entries, {len(docs)} new articles, "
                        f"{sum(r.events for r in results)} events"
                    )
                )
                print(f"hadath watch: poll {n}: {feed}: {note}", file=sys.stderr)
            if polls is not None and n >= polls:
                break
            time.sleep(period)
    finally:
        watcher.close()
        repo.close()
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
