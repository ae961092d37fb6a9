"""Build the compact gazetteer shipped in ``src/hadath/data/gazetteer/places.tsv.gz``.

Input: ``../shared/data/gazetteer/syria_iraq_gazetteer.csv`` and
``supplement_features.csv`` (see ``data/SOURCES.md`` there for origin and licences).
Output: one gzipped TSV, sorted by id, byte-identical on every rebuild (a test checks
the committed file against a rebuild).

What the build does:
- keeps Syria (localities, neighbourhoods, OpenSyria governorates, districts and
  sub-districts with P-codes) and, from Iraq, governorates, districts and the towns with
  a population figure (border context: القائم, الأنبار);
- maps governorate spellings to the English names used in output (``admin1.yaml``);
- fills a missing governorate/district from the nearest places that have one;
- stores the normalised Arabic keys, so loading needs no normalisation at run time.

Usage: ``python scripts/build_gazetteer.py [--shared ../shared] [--out DIR]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from hadath.text.view import normalize

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "src" / "hadath" / "data" / "gazetteer"
COLUMNS = (
    "id",
    "name_ar",
    "name_en",
    "keys",
    "lat",
    "lon",
    "feature",
    "admin1",
    "admin2",
    "population",
    "country",
)
_ARABIC = range(0x0600, 0x0700)
_NEIGHBOURS = 7


def _is_arabic(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(ord(c) in _ARABIC for c in letters)


# "محافظة حمص", "منطقة دوما": the word that says what a place is stands apart from the
# name in text (the places stage reads it as a cue), so keys are stored without it.
_TYPE_WORDS = ("محافظه ", "منطقه ", "ناحيه ", "مدينه ", "بلده ", "قريه ")


def _keys(*names: str) -> list[str]:
    out: list[str] = []
    for name in names:
        for part in name.split("|"):
            part = part.strip()
            if not part or not _is_arabic(part):
                continue
            key = " ".join(normalize(part).split())
            for word in _TYPE_WORDS:
                key = key.removeprefix(word)
            if len(key) >= 2 and key not in out:
                out.append(key)
    return out


def _admin1_tables(out_dir: Path) -> tuple[dict[str, str], dict[str, str]]:
    data: dict[str, dict[str, Any]] = yaml.safe_load(
        (out_dir / "admin1.yaml").read_text(encoding="utf-8")
    )
    by_pcode = {pcode: spec["en"] for pcode, spec in data.items()}
    by_variant = {v: spec["en"] for spec in data.values() for v in spec["variants"]}
    return by_pcode, by_variant


def _admin2_variants(out_dir: Path) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, Any]] = yaml.safe_load(
        (out_dir / "admin1.yaml").read_text(encoding="utf-8")
    )
    return {spec["en"]: dict(spec.get("admin2", {})) for spec in data.values()}


def _simple(name: str) -> str:
    name = re.sub(r"['`’]", "", name.casefold())
    return re.sub(r"\b(?:al|as|ar|ath|an|az|ad|at|ash)-", "", name).replace("-", " ")


def _unify_admin2(rows: list[dict[str, Any]], variants: dict[str, dict[str, str]]) -> None:
    """Spell every Syrian district as OpenSyria does (Who's On First writes Abu-Kamal,
    Ath-Thawrah, Dayr az-Zawr for Abu Kamal, Al-Thawrah, Deir ez-Zor)."""
    official: dict[str, list[str]] = {}
    for r in rows:
        if r["id"].startswith("opensyria:") and r["feature"] == "district":
            official.setdefault(r["admin1"], []).append(r["name_en"])
    for r in rows:
        names = official.get(r["admin1"])
        if r["country"] != "SY" or not r["admin2"] or not names or r["admin2"] in names:
            continue
        fixed = variants.get(r["admin1"], {}).get(r["admin2"])
        if fixed is None:
            best = max(sorted(names), key=lambda n: fuzz.ratio(_simple(n), _simple(r["admin2"])))
            if fuzz.ratio(_simple(best), _simple(r["admin2"])) >= 70:
                fixed = best
        if fixed is not None:
            r["admin2"] = fixed


def _feature(row: dict[str, str], population: int) -> str:
    kind = row["feature_type"]
    if kind == "ADM1":
        return "governorate"
    if kind == "ADM2":
        return "district"
    if kind == "ADM3":
        return "subdistrict"
    if kind == "mountain_range":
        return "mountain"
    if kind == "neighbourhood":
        return "neighbourhood"
    if population >= 50_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "locality"


def _population(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 0


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_rows(shared: Path, out_dir: Path = DEFAULT_OUT) -> list[dict[str, str]]:
    by_pcode, by_variant = _admin1_tables(out_dir)
    src = shared / "data" / "gazetteer"
    main = _read(src / "syria_iraq_gazetteer.csv")
    supplement = _read(src / "supplement_features.csv")
    corrected = {r["source_id"]: r for r in supplement if r["source_id"].startswith("wof:")}
    adm2_names = {
        r["pcode"]: r["name_en"]
        for r in main
        if r["source"] == "opensyria" and r["feature_type"] == "ADM2"
    }
    rows: list[dict[str, Any]] = []
    for r in [*main, *(s for s in supplement if s["source_id"] not in corrected)]:
        r = corrected.get(r["source_id"], r)
        country, kind, source = r["country"], r["feature_type"], r["source"]
        population = _population(r["population"])
        if country == "IQ":
            if kind == "populated_place" and population == 0:
                continue
            if kind not in ("ADM1", "ADM2", "populated_place"):
                continue
        elif source == "whosonfirst" and kind in ("ADM1", "ADM2"):
            continue  # the OpenSyria rows carry the same units with P-codes
        keys = _keys(r["name_ar"], r["alt_names_ar"])
        if not keys:
            continue
        if country == "SY" and r["pcode"]:
            admin1 = by_pcode.get(r["pcode"][:4], "")
            admin2 = adm2_names.get(r["pcode"][:6], "") if kind == "ADM3" else ""
            if kind == "ADM2":
                admin2 = r["name_en"]
        elif country == "SY":
            admin1 = by_variant.get(r["admin1_en"], "")
            admin2 = r["admin2_en"].removeprefix("Markaz ").strip()
        else:
            admin1, admin2 = r["admin1_en"], r["admin2_en"]
        name_ar = r["name_ar"] if _is_arabic(r["name_ar"]) else keys[0]
        rows.append(
            {
                "id": r["source_id"],
                "name_ar": name_ar,
                "name_en": r["name_en"],
                "keys": "|".join(keys),
                "lat": round(float(r["lat"]), 5),
                "lon": round(float(r["lon"]), 5),
                "feature": _feature(r, population),
                "admin1": admin1,
                "admin2": admin2,
                "population": str(population) if population else "",
                "country": country,
            }
        )
    _fill_admin(rows)
    _unify_admin2(rows, _admin2_variants(out_dir))
    rows.sort(key=lambda x: x["id"])
    return [{k: str(v) for k, v in row.items()} for row in rows]


def _fill_admin(rows: list[dict[str, Any]]) -> None:
    """A place without governorate takes the majority of its nearest Syrian neighbours."""
    known = [
        r for r in rows if r["country"] == "SY" and r["admin1"] and r["feature"] != "governorate"
    ]
    grid: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for r in known:
        grid.setdefault((int(r["lat"] * 4), int(r["lon"] * 4)), []).append(r)
    for r in rows:
        if r["country"] != "SY" or r["feature"] == "governorate":
            continue
        if r["admin1"] and r["admin2"]:
            continue
        near = _nearest(r, grid)
        if not r["admin1"]:
            r["admin1"] = _vote([n["admin1"] for n in near])
        if not r["admin2"]:
            r["admin2"] = _vote([n["admin2"] for n in near if n["admin1"] == r["admin1"]])


def _nearest(
    row: dict[str, Any], grid: dict[tuple[int, int], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    ci, cj = int(row["lat"] * 4), int(row["lon"] * 4)
    found: list[dict[str, Any]] = []
    for radius in range(1, 12):
        found = [
            n
            for i in range(ci - radius, ci + radius + 1)
            for j in range(cj - radius, cj + radius + 1)
            for n in grid.get((i, j), ())
            if n is not row
        ]
        if len(found) >= _NEIGHBOURS:
            break

    def dist(n: dict[str, Any]) -> float:
        dlat = n["lat"] - row["lat"]
        dlon = (n["lon"] - row["lon"]) * math.cos(math.radians(row["lat"]))
        return dlat * dlat + dlon * dlon

    return sorted(found, key=lambda n: (dist(n), n["id"]))[:_NEIGHBOURS]


def _vote(values: list[str]) -> str:
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    # ties go to the nearest neighbour's value (values are sorted by distance)
    return next(v for v in values if counts.get(v) == best)


def to_tsv_gz(rows: list[dict[str, str]]) -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    raw = io.BytesIO()
    # mtime=0 and no file name: the same rows give the same bytes
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return raw.getvalue()


def common_words(
    rows: list[dict[str, str]], corpus: Path, always: set[str], floor: int
) -> list[str]:
    """Gazetteer names seen at least ``floor`` times in ordinary (non-Syrian) news.

    A tiny Syrian village is rarely named in Saudi newspapers: when its name is frequent
    there, the name is a common word or a person's name (الله, الملك, خالد, تحت). Such
    names need a strong cue before they count as places.
    """
    keys = {k for r in rows for k in r["keys"].split("|")} - always
    counts: Counter[str] = Counter()
    word = re.compile(r"\w+")
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            words = word.findall(
                normalize(record.get("title", "") + " " + record.get("content", ""))
            )
            for n in (1, 2, 3):
                for i in range(len(words) - n + 1):
                    w = " ".join(words[i : i + n])
                    if w in keys:
                        counts[w] += 1
                    elif w.startswith("ال") and w[2:] in keys:
                        counts[w[2:]] += 1
    return sorted(k for k, c in counts.items() if c >= floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--common-words",
        action="store_true",
        help="also rebuild common_words.txt from the news corpus (slow: ~30 s)",
    )
    parser.add_argument("--floor", type=int, default=20)
    args = parser.parse_args(argv)
    rows = build_rows(args.shared, args.out)
    (args.out / "places.tsv.gz").write_bytes(to_tsv_gz(rows))
    if args.common_words:
        regions = yaml.safe_load((args.out.parent / "regions.yaml").read_text(encoding="utf-8"))
        always = {" ".join(normalize(n).split()) for n in regions["always_places"]}
        corpus = args.shared / "data" / "corpus" / "saudinewsnet_2015.jsonl.gz"
        words = common_words(rows, corpus, always, args.floor)
        header = (
            "# Gazetteer names frequent in ordinary news (SaudiNewsNet 2015, >= "
            f"{args.floor} times):\n# common words, not places, unless a strong cue says so. "
            "Built by scripts/build_gazetteer.py --common-words.\n"
        )
        (args.out / "common_words.txt").write_text(
            header + "\n".join(words) + "\n", encoding="utf-8"
        )
        print(f"{len(words)} common words -> {args.out / 'common_words.txt'}", file=sys.stderr)
    counts = Counter((r["country"], r["feature"]) for r in rows)
    print(f"{len(rows)} places -> {args.out / 'places.tsv.gz'}", file=sys.stderr)
    for (country, feature), n in sorted(counts.items()):
        print(f"  {country} {feature}: {n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
