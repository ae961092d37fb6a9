"""The offline base layer: valid, complete, and in step with its builder script."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASEMAP = ROOT / "src" / "hadath" / "web" / "static" / "basemap.geojson"
SCRIPT = ROOT / "scripts" / "build_basemap.py"


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("build_basemap", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_basemap_has_the_layers_the_map_draws() -> None:
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    layers = [f["properties"]["layer"] for f in data["features"]]
    assert layers.count("extent") == 1 and layers.count("towns") == 1
    assert layers.count("governorate") == 14
    assert layers.count("district") > 50
    towns = next(f for f in data["features"] if f["properties"]["layer"] == "towns")
    assert len(towns["geometry"]["coordinates"]) > 5000
    for lon, lat in towns["geometry"]["coordinates"]:
        assert 35 < lon < 43 and 32 < lat < 38
    assert "not a border" in data["attribution"]


def test_convex_hull_of_a_square() -> None:
    hull = _script().convex_hull([(0, 0), (1, 0), (1, 1), (0, 1), (0.5, 0.5)])
    assert hull[0] == hull[-1] and sorted(set(hull)) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_committed_basemap_matches_a_rebuild(shared_dir: Path) -> None:
    script = _script()
    gazetteer = shared_dir / "data" / "gazetteer"
    if not (gazetteer / "syria_iraq_gazetteer.csv").is_file():
        pytest.skip("the staged gazetteer is not present")
    rebuilt = script.render(script.build(gazetteer))
    assert rebuilt == BASEMAP.read_text(encoding="utf-8"), "run scripts/build_basemap.py"
