"""The Python API for notebooks and scripts.

>>> import hadath
>>> doc = hadath.extract("...", pub_date="2021-03-14", outlet="روج نيوز")
>>> [e.event_type for e in doc.events]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hadath import pipeline
from hadath.document import Document
from hadath.errors import HadathError, UsageError
from hadath.settings import Settings


def parse_pub_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"--pub-date must be YYYY-MM-DD, got {value!r}") from exc


def extract(
    text: str,
    pub_date: str | dt.date | None = None,
    *,
    settings: Settings | None = None,
    **meta: Any,
) -> Document:
    """Run the whole pipeline over one text. ``meta``: doc, source, title, outlet, author, url."""
    settings = settings or Settings.load()
    doc = Document(text=text, pub_date=parse_pub_date(pub_date))
    if doc.pub_date is not None:
        doc.meta_origin["pub_date"] = "argument"
    for key, value in meta.items():
        if not hasattr(doc, key):
            raise UsageError(f"unknown document field {key!r}")
        setattr(doc, key, value)
        doc.meta_origin[key] = "argument"
    return pipeline.run(doc, settings)


def extract_files(
    paths: Iterable[str | Path],
    pub_date: str | dt.date | None = None,
    *,
    settings: Settings | None = None,
    workers: int = 1,
) -> Iterator[Document | HadathError]:
    """Read and extract every document under ``paths`` (files, folders, ``-``).

    Yields a Document per document read, or the error of an input that failed, so a
    bad file never stops the others. ``workers`` > 1 runs the stages in a process pool;
    the order of the inputs is kept.
    """
    from hadath.engines.local import process
    from hadath.ingest import read_inputs

    settings = settings or Settings.load()
    forced = parse_pub_date(pub_date)

    def documents() -> Iterator[Document | HadathError]:
        for item in read_inputs([str(p) for p in paths], settings):
            if isinstance(item, Document) and forced is not None:
                item.pub_date = forced
                item.meta_origin["pub_date"] = "argument"
            yield item

    yield from process(documents(), settings, workers=workers)
