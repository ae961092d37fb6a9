"""Golden articles (written for the project): article.txt -> expected events and quotes.

Each case under this folder holds ``article.txt`` and ``expected.json`` with the fields
that matter for coding (type, date, actors, place, casualties, claim, certainty) and
every quote with its speaker. The whole pipeline runs, so a change anywhere upstream
that alters an event shows up here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath.api import extract_files

HERE = Path(__file__).resolve().parent
CASES = sorted(p.name for p in HERE.iterdir() if (p / "article.txt").is_file())


@pytest.mark.parametrize("case", CASES)
def test_golden(case: str) -> None:
    expected: dict[str, Any] = json.loads((HERE / case / "expected.json").read_text("utf-8"))
    (doc,) = list(extract_files([HERE / case / "article.txt"]))
    assert not isinstance(doc, Exception), doc
    assert len(doc.events) == len(expected["events"]), [e.evidence for e in doc.events]
    pairs = zip(doc.events, expected["events"], strict=True)
    got = [{k: e.to_dict()[k] for k in want} for e, want in pairs]
    assert got == expected["events"]
    quotes = [{"speaker": q.speaker, "quote": q.quote} for q in doc.quotes]
    assert quotes == expected["quotes"]
    for e in doc.events:
        assert doc.text[e.evidence_start : e.evidence_end] == e.evidence
        assert not doc.in_boilerplate(e.evidence_start, e.evidence_end)
    for q in doc.quotes:
        assert doc.text[q.quote_start : q.quote_end] == q.quote
