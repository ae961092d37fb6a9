"""The Spark engine in local mode gives the same events as the local engine (dev set).

One Spark session for the whole module (start-up costs seconds); no network: the driver
binds to 127.0.0.1 and the UI is off. Skips where pyspark or Java is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hadath.api import extract_files
from hadath.document import EVENT_FIELDS, Document
from hadath.settings import Settings

pytestmark = [pytest.mark.spark, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java for Spark")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("hadath-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    yield session
    session.stop()


def _dev_jsonl(shared: Path, out: Path) -> Path:
    """The dev articles as one JSONL file (read at test time, never committed)."""
    path = out / "dev.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for file in sorted((shared / "dev").glob("*.txt")):
            record = {"id": file.stem, "text": file.read_text(encoding="utf-8")}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        handle.write("{not json\n")  # a bad line among good ones
        handle.write(json.dumps({"title": "no text"}) + "\n")
    return path


def _local_events(path: Path, settings: Settings) -> list[dict[str, Any]]:
    rows = []
    for item in extract_files([path], settings=settings):
        if isinstance(item, Document):
            for event in item.events:
                row = {k: getattr(event, k) for k in EVENT_FIELDS}
                row["reported_by"] = list(event.reported_by)
                rows.append({"doc": item.doc, **row})
    return rows


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row["doc"]), str(row["id"]))


def test_spark_and_local_engines_give_identical_events(
    spark: Any, shared_dir: Path, tmp_path: Path, settings: Settings
) -> None:
    from hadath.engines.spark import run_spark

    source = _dev_jsonl(shared_dir, tmp_path)
    out = tmp_path / "out"
    summary = run_spark(str(source), str(out), settings, spark=spark)

    local = sorted(_local_events(source, settings), key=_key)
    events = spark.read.parquet(str(out / "events")).collect()
    remote = sorted(
        (
            {k: (list(v) if isinstance(v, list) else v) for k, v in r.asDict().items()}
            for r in events
        ),
        key=_key,
    )
    assert local, "the dev set gives events"
    assert remote == local
    assert summary.events == len(local)

    docs = {r["doc"]: r for r in spark.read.parquet(str(out / "documents")).collect()}
    n_dev = len(list((shared_dir / "dev").glob("*.txt")))
    assert summary.documents == n_dev and summary.failed == 2
    errors = sorted(r["error"] for r in docs.values() if r["error"])
    assert any("invalid JSON" in e for e in errors) and any("no text" in e for e in errors)
    assert all("\n" not in e for e in errors)

    # Parquet in: the same records read back from Parquet give the same events
    records = spark.read.json(str(source)).where("text IS NOT NULL")
    records.write.parquet(str(tmp_path / "dev.parquet"))
    again = run_spark(str(tmp_path / "dev.parquet"), str(tmp_path / "out2"), settings, spark=spark)
    assert again.events == summary.events and again.failed == 0
