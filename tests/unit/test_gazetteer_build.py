"""Drift test: rebuilding the gazetteer from ../shared gives the committed files."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "hadath" / "data" / "gazetteer"


def _script() -> ModuleType:
    path = ROOT / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = module
    spec.loader.exec_module(module)
    return module


def _rows() -> list[dict[str, str]]:
    raw = gzip.decompress((DATA / "places.tsv.gz").read_bytes()).decode("utf-8")
    return list(csv.DictReader(io.StringIO(raw), delimiter="\t"))


def test_rebuild_equals_committed_file(shared_dir: Path) -> None:
    build = _script()
    rebuilt = build.to_tsv_gz(build.build_rows(shared_dir, DATA))
    committed = (DATA / "places.tsv.gz").read_bytes()
    if rebuilt != committed:
        pytest.fail(
            "src/hadath/data/gazetteer/places.tsv.gz differs from a rebuild: "
            "run `python scripts/build_gazetteer.py` and commit the result"
        )


def test_committed_rows_are_complete() -> None:
    rows = _rows()
    assert len(rows) > 9000
    syria = [r for r in rows if r["country"] == "SY"]
    # every Syrian place has a governorate spelled as in the output
    names = {r["admin1"] for r in syria}
    assert "" not in names
    assert {"Deir ez-Zor", "Raqqa", "Hasakah", "Homs", "Idleb", "Rural Damascus"} <= names
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180
        assert r["keys"], r["id"]


def test_common_words_are_gazetteer_names() -> None:
    keys = {k for r in _rows() for k in r["keys"].split("|")}
    lines = (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
    words = [w for w in lines if w and not w.startswith("#")]
    assert words and all(w in keys for w in words)
