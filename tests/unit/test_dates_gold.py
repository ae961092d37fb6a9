"""Gold check: every gold event date the text allows to resolve is found by the dates stage.

For each gold event (seeds + dev) with a date, the document is annotated as ``hadath
annotate`` would (no pub_date given: it comes from the dateline or stays unknown). The
date mentions inside the event's evidence are the candidates; when the gold ``date_expr``
is written in the evidence, the mention covering it is taken. An event whose evidence
holds no resolvable date mention (the date comes from "عقب التفجير" and the like) is
not applicable. The check passes when the mention's day is within the gold tolerance
(day ±1, week ±7, month: same month, year: same year).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hadath.api import extract
from hadath.document import Document, Mention
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "dates")
# floors only go up
MIN_PASSED = 52
MAX_FAILED = 0


def _gold(shared: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    out = []
    for name in ("seeds.jsonl", "dev.jsonl"):
        header: dict[str, Any] = {}
        for line in (shared / "gold" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if "event_id" not in row:
                header = row
            elif row.get("date"):
                out.append((header, row))
    return out


def _doc_path(shared: Path, doc: str) -> Path:
    folder = "dev" if doc.startswith("dev-") else "seeds"
    return shared / folder / f"{doc}.txt"


def compatible(gold: str, precision: str, day: str | None) -> bool:
    if day is None:
        return False
    g, d = dt.date.fromisoformat(gold), dt.date.fromisoformat(day)
    if precision == "day":
        return abs((g - d).days) <= 1
    if precision == "week":
        return abs((g - d).days) <= 7
    if precision == "month":
        return (g.year, g.month) == (d.year, d.month)
    return g.year == d.year


def _candidates(doc: Document, event: dict[str, Any]) -> list[Mention]:
    """The date mentions that date the event: the one covering ``date_expr`` in the
    evidence, else those inside the evidence, else the nearest one before the evidence
    in its paragraph ("وبعد ظهر اليوم، نظّم ...": the date opens the sentence)."""
    text, dates = doc.text, doc.mentions_of("date")
    s, e = event["evidence_start"], event["evidence_end"]
    inside = [m for m in dates if s <= m.start and m.end <= e and m.get("day")]
    expr = event.get("date_expr")
    if expr:
        at = text.find(expr, s, e)
        if at >= 0:
            covering = [m for m in inside if m.start < at + len(expr) and at < m.end]
            if covering:
                return covering
    if inside:
        return inside
    paragraph = doc.paragraph_at(s)
    before = [m for m in dates if paragraph and paragraph.start <= m.start and m.end <= s]
    return before[-1:] if before and before[-1].get("day") else []


def test_gold_event_dates(shared_dir: Path) -> None:
    settings = Settings.load().replace(stages=STAGES)
    cache: dict[str, Document] = {}
    passed, failed, not_applicable = [], [], []
    for _header, event in _gold(shared_dir):
        doc_id = event["doc"]
        if doc_id not in cache:
            text = _doc_path(shared_dir, doc_id).read_text(encoding="utf-8")
            cache[doc_id] = extract(text, settings=settings)
        found = _candidates(cache[doc_id], event)
        if not found:
            not_applicable.append(event["event_id"])
            continue
        ok = [m for m in found if compatible(event["date"], event["date_precision"], m.get("day"))]
        if ok:
            passed.append(event["event_id"])
        else:
            failed.append(
                (event["event_id"], event["date"], [(m.text, m.get("day")) for m in found])
            )
    print(f"gold dates: {len(passed)} passed, {len(failed)} failed, {len(not_applicable)} n/a")
    print("n/a:", not_applicable)
    assert len(failed) <= MAX_FAILED, failed
    assert len(passed) >= MIN_PASSED
