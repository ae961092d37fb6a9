"""The done-criterion on the dev set: its same-event pairs (dev-03/04, dev-11/12) are
ingested through the whole pipeline and show as one event with two reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PAIRS = (("dev-03", "dev-04"), ("dev-11", "dev-12"))


@pytest.mark.slow
def test_dev_pairs_show_as_one_event_with_two_reports(shared_dir: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from hadath.api import extract_files
    from hadath.document import Document
    from hadath.store import Repository
    from hadath.web.app import create_app

    url = f"sqlite:///{tmp_path / 'dev.db'}"
    paths = [shared_dir / "dev" / f"{doc}.txt" for pair in PAIRS for doc in pair]
    docs = [d for d in extract_files(paths) if isinstance(d, Document)]
    assert len(docs) == 4
    with Repository.open(url) as repo:
        repo.add_documents(docs)
    with TestClient(create_app(url, None), client=("127.0.0.1", 1)) as client:
        items = client.get("/api/events", params={"limit": 100}).json()["items"]
        for pair in PAIRS:
            merged = [e for e in items if {r["doc"] for r in e["reports"]} == set(pair)]
            assert len(merged) == 1, pair
            page = client.get(f"/events/{merged[0]['id']}").text
            assert page.count('class="report"') == 2
            assert len(re.findall(r'<mark class="hl [^"]*\bev\b', page)) >= 2
