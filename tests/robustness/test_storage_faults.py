"""Storage faults with real processes, on SQLite and PostgreSQL.

- ``hadath ingest`` killed with SIGKILL halfway leaves no partial document (a stored
  document has all of its events), and a second run completes the work;
- two ``hadath ingest`` processes writing one database at once lose nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

import hadath
from hadath.store import Repository
from hadath.store.schema import documents, events

pytestmark = pytest.mark.timeout(900)

PLACES = ("تدمر", "السخنة", "الميادين", "البوكمال", "الشدادي", "معدان", "الرصافة", "دير حافر")


def _article(i: int) -> str:
    place = PLACES[i % len(PLACES)]
    return (
        f"قتل {i % 9 + 2} عناصر من قوات النظام السوري أمس في هجوم لتنظيم داعش على حاجز "
        f"عسكري قرب {place}، بحسب ما أفاد المرصد السوري لحقوق الإنسان. "
        f"وقال مصدر محلي إن الهجوم رقم {i} وقع ليلاً واستمر نحو ساعتين.\n"
    )


def _corpus(path: Path, ids: range) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in ids:
            record = {"id": f"a{i}", "text": _article(i), "pub_date": "2021-03-14"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _ingest(db: str, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hadath", "ingest", "--db", db, *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _stored(db: str) -> dict[str, tuple[str, int]]:
    """doc id → (text, number of stored events)."""
    with Repository.open(db) as repo, repo.engine.connect() as conn:
        n_events = dict(
            conn.execute(
                sa.select(events.c.document_id, sa.func.count()).group_by(events.c.document_id)
            ).all()
        )
        rows = conn.execute(sa.select(documents.c.id, documents.c.doc, documents.c.text)).all()
    return {doc: (text, n_events.get(pk, 0)) for pk, doc, text in rows}


def _assert_whole(stored: dict[str, tuple[str, int]]) -> None:
    for doc, (text, n) in stored.items():
        expected = len(hadath.extract(text, "2021-03-14").events)
        assert n == expected, f"{doc}: {n} events stored, {expected} extracted"


def test_kill_during_ingest_leaves_no_partial_document(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl", range(120))
    Repository.open(db_url).close()  # migrate first, so the poll below can read
    proc = _ingest(db_url, corpus)
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if _stored(db_url):
                break
            time.sleep(0.2)
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    partial = _stored(db_url)
    assert 0 < len(partial) < 120
    _assert_whole(partial)

    again = _ingest(db_url, corpus)
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"{len(partial)} duplicate" in out
    complete = _stored(db_url)
    assert len(complete) == 120
    _assert_whole({k: complete[k] for k in list(complete)[::10]})


def test_two_writers_lose_nothing(db_url: str, tmp_path: Path) -> None:
    first = _corpus(tmp_path / "first.jsonl", range(0, 50))
    second = _corpus(tmp_path / "second.jsonl", range(30, 80))  # 20 in common
    Repository.open(db_url).close()
    procs = [_ingest(db_url, first), _ingest(db_url, second)]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    stored = _stored(db_url)
    assert sorted(stored) == sorted(f"a{i}" for i in range(80))
    _assert_whole({k: stored[k] for k in list(stored)[::8]})
