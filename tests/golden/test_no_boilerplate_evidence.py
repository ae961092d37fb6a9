"""No event evidence and no quote ever comes from a boilerplate region, and every
evidence and quote is the exact text at its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

import hadath
from tests.conftest import EXAMPLES


def check(paths: list[Path]) -> int:
    checked = 0
    for doc in hadath.extract_files(paths):
        assert isinstance(doc, hadath.Document), doc
        for e in doc.events:
            assert doc.text[e.evidence_start : e.evidence_end] == e.evidence
            assert not doc.in_boilerplate(e.evidence_start, e.evidence_end), (doc.doc, e.evidence)
            checked += 1
        for q in doc.quotes:
            assert doc.text[q.quote_start : q.quote_end] == q.quote
            assert not doc.in_boilerplate(q.quote_start, q.quote_end), (doc.doc, q.quote)
            checked += 1
    return checked


def test_examples() -> None:
    assert check([EXAMPLES]) > 10


@pytest.mark.parametrize("folder", ["seeds", "dev"])
def test_shared_articles(shared_dir: Path, folder: str) -> None:
    assert check([shared_dir / folder]) > 10
