"""Golden files for the pipeline: each bundled example and the documents extracted from it.

A change in any stage that changes what hadath extracts from the examples fails here.
When the change is intended, regenerate and review the diff:

    HADATH_UPDATE_GOLDEN=1 .venv/bin/pytest tests/golden/test_examples_golden.py
    git diff tests/golden/examples/
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import hadath
from tests.conftest import EXAMPLES, ROOT

EXPECTED = Path(__file__).parent / "examples"
CASES = sorted(p for p in EXAMPLES.iterdir() if p.is_file())


def extracted(path: Path) -> list[dict[str, Any]]:
    docs = []
    for item in hadath.extract_files([path]):
        assert isinstance(item, hadath.Document), item
        record = item.to_dict()
        record["source"] = str(path.relative_to(ROOT))
        docs.append(record)
    return docs


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_example(path: Path) -> None:
    expected_file = EXPECTED / f"{path.name}.json"
    got = extracted(path)
    if os.environ.get("HADATH_UPDATE_GOLDEN"):
        expected_file.write_text(
            json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    assert expected_file.exists(), (
        f"no golden file: run with HADATH_UPDATE_GOLDEN=1 for {path.name}"
    )
    assert got == json.loads(expected_file.read_text(encoding="utf-8"))


def test_every_golden_file_has_its_example() -> None:
    names = {p.name for p in CASES}
    assert {p.name.removesuffix(".json") for p in EXPECTED.glob("*.json")} <= names
