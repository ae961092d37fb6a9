"""Build the web UI's offline base layer from the staged gazetteer data.

Writes ``src/hadath/web/static/basemap.geojson``: no tile server, no CDN, only what the
gazetteer itself knows.

- ``extent``: the convex hull of every Syrian populated place in the gazetteer. It is the
  extent of the data, drawn dashed and labelled as such, **not** the border of Syria
  (no boundary data is staged; inventing one would be dishonest).
- ``governorate``: one labelled point per governorate (OpenSyria ADM1 centroids with
  OCHA P-codes, Arabic and English names).
- ``district``: ADM2 centroids (OpenSyria), labels shown when zoomed in.
- ``towns``: one MultiPoint of all Syrian populated places (Who's On First / GeoNames),
  coordinates rounded to 3 decimals (~100 m, finer than the source's ±1-5 km), drawn as
  faint dots.

Usage: ``python scripts/build_basemap.py [--gazetteer DIR] [--out FILE]``. The output is
committed; ``tests/web/test_basemap.py`` fails when it drifts from a rebuild.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GAZETTEER = ROOT.parent / "shared" / "data" / "gazetteer"
DEFAULT_OUT = ROOT / "src" / "hadath" / "web" / "static" / "basemap.geojson"

ATTRIBUTION = (
    "Places: Who's On First (whosonfirst.org), includes GeoNames data, CC-BY 4.0; "
    "OpenSyria Data Geography (OCHA COD, CC BY). Extent = hull of gazetteer places, not a border."
)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row["country"] == "SY"]


def _point(row: dict[str, str]) -> tuple[float, float]:
    return round(float(row["lon"]), 3), round(float(row["lat"]), 3)


def _cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain; returns a closed counter-clockwise ring."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts
    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    ring = lower[:-1] + upper[:-1]
    return [*ring, ring[0]]


def _admin_feature(row: dict[str, str], layer: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": list(_point(row))},
        "properties": {
            "layer": layer,
            "name_ar": row["name_ar"],
            "name_en": row["name_en"],
            "pcode": row["pcode"],
        },
    }


def build(gazetteer_dir: Path) -> dict[str, Any]:
    rows = _rows(gazetteer_dir / "syria_iraq_gazetteer.csv")
    towns = sorted({_point(r) for r in rows if r["feature_type"] == "populated_place" and r["lat"]})
    admin = sorted(
        (r for r in rows if r["source"] == "opensyria" and r["feature_type"] in ("ADM1", "ADM2")),
        key=lambda r: r["pcode"],
    )
    features: list[dict[str, Any]] = [
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in convex_hull(towns)]]},
            "properties": {"layer": "extent", "name_ar": "نطاق أماكن المعجم"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "MultiPoint", "coordinates": [list(p) for p in towns]},
            "properties": {"layer": "towns", "count": len(towns)},
        },
    ]
    for row in admin:
        layer = "governorate" if row["feature_type"] == "ADM1" else "district"
        features.append(_admin_feature(row, layer))
    return {"type": "FeatureCollection", "attribution": ATTRIBUTION, "features": features}


def render(collection: dict[str, Any]) -> str:
    # One feature per line: small diffs, still valid JSON.
    head = json.dumps({k: v for k, v in collection.items() if k != "features"}, ensure_ascii=False)[
        :-1
    ]
    body = ",\n".join(
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    )
    return f'{head}, "features": [\n{body}\n]}}\n'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZETTEER)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    text = render(build(args.gazetteer))
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KiB)")


if __name__ == "__main__":
    main()
