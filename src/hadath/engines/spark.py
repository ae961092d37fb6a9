"""The Spark engine: the same stage functions over corpora beyond one machine.

``run_spark(input, output, settings)`` reads JSONL (also gzipped) or Parquet records —
local paths or any URI Spark reads (``hdfs://``, ``s3a://``, ...) — with the fields of
CONTRACT.md (``text``/``content``/``body``, ``id``, ``title``, ``pub_date``/``date``,
``url``, ``outlet``, ``author``), runs the pipeline in ``mapPartitions`` (in batches, as
the local engine does) and writes Parquet datasets under ``output``: ``documents/`` (one
row per record, with the one-line error of a record that failed), ``events/`` and
``quotes/``.

Each Python worker compiles the matchers once (``pipeline.warm_up`` on its first
partition) and keeps them for every later partition (Spark reuses Python workers).
A record is turned into a Document by the same function as the local JSONL reader, so
both engines give identical events; records without ``id`` or ``url`` get
``<file stem>:<row number>``, numbered over the whole input.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from hadath.document import EVENT_FIELDS, Document
from hadath.errors import BadRecord, HadathError, UsageError
from hadath.settings import Settings

_ready: Settings | None = None

DOCUMENT_COLUMNS = (
    ("doc", "string"),
    ("source", "string"),
    ("title", "string"),
    ("pub_date", "string"),
    ("outlet", "string"),
    ("author", "string"),
    ("url", "string"),
    ("n_events", "int"),
    ("n_quotes", "int"),
    ("chars", "long"),
    ("warnings", "array<string>"),
    ("error", "string"),
)
_EVENT_TYPES = {
    "latitude": "double",
    "longitude": "double",
    "geo_precision": "int",
    "fatalities": "int",
    "fatalities_low": "int",
    "fatalities_high": "int",
    "injured": "int",
    "captured_or_missing": "int",
    "evidence_start": "int",
    "evidence_end": "int",
    "reported_by": "array<string>",
}
EVENT_COLUMNS = (
    ("doc", "string"),
    *((name, _EVENT_TYPES.get(name, "string")) for name in EVENT_FIELDS),
)
QUOTE_COLUMNS = (
    ("doc", "string"),
    ("speaker", "string"),
    ("speaker_role", "string"),
    ("affiliation", "string"),
    ("quote", "string"),
    ("reported_via", "string"),
    ("quote_start", "int"),
    ("quote_end", "int"),
)


@dataclass(frozen=True)
class SparkSummary:
    documents: int
    failed: int
    events: int
    quotes: int
    output: str


def _schema(columns: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def _stem(uri: str) -> str:
    name = PurePosixPath(uri.rstrip("/")).name
    for suffix in (".gz", ".jsonl", ".json", ".parquet"):
        name = name.removesuffix(suffix)
    return name or "record"


def _warm(settings: Settings) -> None:
    """Compile the stages' knowledge once per Python worker."""
    global _ready
    if _ready != settings:
        from hadath import pipeline

        pipeline.warm_up(settings)
        _ready = settings


def _record(value: Any) -> Any:
    """A record as the JSON reader sees it: dates as ISO strings."""
    if isinstance(value, dict):
        return {
            k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v
            for k, v in value.items()
        }
    return value


def _error_row(doc_id: str, source: str, error: HadathError) -> dict[str, Any]:
    row: dict[str, Any] = {name: None for name, _ in DOCUMENT_COLUMNS}
    row.update(doc=doc_id, source=source, n_events=0, n_quotes=0, warnings=[])
    row["error"] = error.one_line()
    return row


def process_partition(
    rows: Iterable[tuple[Any, int, str]],
    settings: Settings,
    pub_date: dt.date | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(record, row number, source)`` in; ``("documents"|"events"|"quotes", row)`` out.

    Plain Python (no Spark): the function ``mapPartitions`` runs, testable on its own.
    """
    from hadath.engines.local import process
    from hadath.ingest.records import record_to_document

    _warm(settings)
    # the id and source of each item, in order: the engine gives results in input order
    named: deque[tuple[str, str]] = deque()

    def documents() -> Iterator[Document | HadathError]:
        for raw, index, source in rows:
            default_id = f"{_stem(source)}:{index + 1}"
            try:
                record = json.loads(raw) if isinstance(raw, str) else _record(raw)
                doc = record_to_document(record, default_id, source, settings.max_bytes)
            except json.JSONDecodeError as exc:
                named.append((default_id, source))
                yield BadRecord(f"row {index + 1}: invalid JSON ({exc.msg})")
                continue
            except HadathError as exc:
                named.append((default_id, source))
                yield exc
                continue
            if pub_date is not None:
                doc.pub_date = pub_date
                doc.meta_origin["pub_date"] = "argument"
            named.append((doc.doc, source))
            yield doc

    # in batches, as the local engine runs them (stage after stage over a few documents)
    for result in process(documents(), settings):
        doc_id, source = named.popleft()
        if isinstance(result, HadathError):
            yield "documents", _error_row(doc_id, source, result)
            continue
        yield "documents", _document_row(result)
        for event in result.events:
            row = {name: getattr(event, name) for name in EVENT_FIELDS}
            row["reported_by"] = list(event.reported_by)
            row["doc"] = result.doc
            yield "events", row
        for quote in result.quotes:
            q = quote.to_dict()
            yield "quotes", {"doc": result.doc, **{k: q[k] for k, _ in QUOTE_COLUMNS[1:]}}


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "doc": doc.doc,
        "source": doc.source,
        "title": doc.title,
        "pub_date": doc.pub_date.isoformat() if doc.pub_date else None,
        "outlet": doc.outlet,
        "author": doc.author,
        "url": doc.url,
        "n_events": len(doc.events),
        "n_quotes": len(doc.quotes),
        "chars": len(doc.text),
        "warnings": list(doc.warnings),
        "error": None,
    }


def _is_parquet(uri: str) -> bool:
    if uri.rstrip("/").endswith(".parquet"):
        return True
    local = uri.removeprefix("file://")
    if "://" not in local and os.path.isdir(local):
        names = os.listdir(local)
        return any(n.endswith(".parquet") for n in names)
    return False


def session(master: str | None = None, app_name: str = "hadath") -> Any:
    """A SparkSession: the given master, the one spark-submit set up, or ``local[*]``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise UsageError("--engine spark needs pyspark: pip install 'hadath[spark]'") from exc
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    configured = master or os.environ.get("SPARK_MASTER")
    if configured:
        builder = builder.master(configured)
    elif "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        builder = builder.master("local[*]")
    if (configured or "local").startswith("local"):
        # local mode: the workers are this interpreter (same venv, same hadath)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.pyspark.python", sys.executable)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")  # the user reads our one-line summary, not Spark's
    return spark


def run_spark(
    input_uri: str,
    output_uri: str,
    settings: Settings,
    *,
    spark: Any = None,
    master: str | None = None,
    pub_date: dt.date | None = None,
    mode: str = "overwrite",
) -> SparkSummary:
    """Extract every record of ``input_uri``; write Parquet datasets under ``output_uri``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    spark = spark or session(master)
    if _is_parquet(input_uri):
        frame = spark.read.parquet(input_uri)
        columns = frame.columns
        records = frame.withColumn("_source", F.input_file_name()).rdd.map(
            lambda row: ({c: row[c] for c in columns}, row["_source"])
        )
    else:
        frame = spark.read.text(input_uri).withColumn("_source", F.input_file_name())
        records = frame.rdd.map(lambda row: (row["value"], row["_source"]))
    numbered = records.zipWithIndex().map(lambda pair: (pair[0][0], pair[1], pair[0][1]))
    if not _is_parquet(input_uri):
        numbered = numbered.filter(lambda item: bool(item[0].strip()))

    def run(partition: Iterable[tuple[Any, int, str]]) -> Iterator[tuple[str, dict[str, Any]]]:
        return process_partition(partition, settings, pub_date)

    # one pass of the pipeline feeds the three outputs; spills to disk on big corpora
    out = numbered.mapPartitions(run).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts: dict[str, int] = {}
        for kind, columns_of in (
            ("documents", DOCUMENT_COLUMNS),
            ("events", EVENT_COLUMNS),
            ("quotes", QUOTE_COLUMNS),
        ):
            names = [name for name, _ in columns_of]
            rows = out.filter(lambda item, k=kind: item[0] == k).map(
                lambda item, n=names: tuple(item[1][c] for c in n)
            )
            table = spark.createDataFrame(rows, _schema(columns_of))
            table.write.mode(mode).parquet(f"{output_uri.rstrip('/')}/{kind}")
            counts[kind] = spark.read.parquet(f"{output_uri.rstrip('/')}/{kind}").count()
        failed = (
            spark.read.parquet(f"{output_uri.rstrip('/')}/documents")
            .where(F.col("error").isNotNull())
            .count()
        )
    finally:
        out.unpersist()
    return SparkSummary(
        documents=counts["documents"] - failed,
        failed=failed,
        events=counts["events"],
        quotes=counts["quotes"],
        output=output_uri,
    )
