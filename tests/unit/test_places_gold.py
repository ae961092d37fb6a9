"""Every gold location of the seeds and the dev set is found as a resolved place.

For each gold event with a ``location_ar``, the document must hold a place mention whose
name (or site) matches it by the scoring rule of gold/README.md (normalised, prefixes
بادية/ريف/محيط/قرب/طريق stripped, containment or similarity >= 0.8), with the gold
admin1 (or one of its ``alt`` values) and coordinates set.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from hadath.document import Document, Mention
from hadath.pipeline import run
from hadath.settings import Settings
from hadath.text.view import normalize

STAGES = ("boilerplate", "normalize", "segment", "places")
_PREFIXES = re.compile(r"^(?:باديه|ريف|محيط|قرب|طريق)\s+")


def _norm(name: str) -> str:
    s = " ".join(normalize(name).replace("-", " ").split())
    s = _PREFIXES.sub("", s)
    return " ".join(w.removeprefix("ال") for w in s.split())


def _matches(gold: str, mention: Mention) -> bool:
    g = _norm(gold)
    for value in (mention.get("name_ar"), mention.get("site"), mention.text):
        if not value:
            continue
        p = _norm(value)
        if g in p or p in g or fuzz.ratio(g, p) >= 80:
            return True
    return False


def _gold(shared: Path) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for name, folder in (("seeds.jsonl", "seeds"), ("dev.jsonl", "dev")):
        for line in (shared / "gold" / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if "event_id" in rec and rec.get("location_ar"):
                out.append((folder, rec["doc"], rec))
    return out


@pytest.fixture(scope="module")
def annotated(shared_dir: Path) -> dict[str, Document]:
    settings = Settings.load().replace(stages=STAGES)
    docs: dict[str, Document] = {}
    for folder, doc_id, _ in _gold(shared_dir):
        if doc_id not in docs:
            text = (shared_dir / folder / f"{doc_id}.txt").read_text(encoding="utf-8")
            docs[doc_id] = run(Document(text, doc=doc_id), settings)
    return docs


def test_every_gold_location_resolves(shared_dir: Path, annotated: dict[str, Document]) -> None:
    missing = []
    gold = _gold(shared_dir)
    for _, doc_id, rec in gold:
        admin1s = {rec.get("admin1"), *rec.get("alt", {}).get("admin1", [])}
        places = annotated[doc_id].mentions_of("place")
        found = [m for m in places if _matches(rec["location_ar"], m)]
        ok = [
            m
            for m in found
            if m.get("latitude") is not None
            and m.get("longitude") is not None
            and (rec.get("admin1") is None or m.get("admin1") in admin1s)
        ]
        if not ok:
            seen = [(m.get("name_ar"), m.get("admin1")) for m in found]
            missing.append(
                f"{rec['event_id']} {rec['location_ar']} {rec.get('admin1')} seen={seen}"
            )
    print(f"gold locations resolved: {len(gold) - len(missing)}/{len(gold)}")
    assert not missing, "\n".join(missing)
