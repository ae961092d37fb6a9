"""Score system events and quotes against the gold (gold/README.md, "How to score").

- Events match within a document when the type agrees (sub-type or its ``alt``; the
  lenient mode takes the event type alone), the date is compatible with the gold
  precision and the location is compatible; assignment is one-to-one, greedy by how many
  attributes agree.
- Borderline gold events count when matched and are ignored when missed.
- ``collapse``: gold events that share one evidence (per-location splits) count as one.
- Attribute accuracy is measured on the matched pairs; ``by_type`` matches on the
  document and type alone, so that date and location accuracy can be read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from hadath.errors import UsageError
from hadath.evaluate import matching as m
from hadath.text.view import normalize

FIELDS = (
    "date",
    "location",
    "actor1",
    "actor2",
    "fatalities",
    "injured",
    "captured_or_missing",
    "admin1",
    "geo_precision",
    "certainty",
    "claimed_by",
    "reported_by",
    "sub_event_type",
)


@dataclass
class Gold:
    headers: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    quotes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # the documents a quotes file covers: those of its sibling (seeds_quotes -> seeds)
    quote_docs: set[str] = field(default_factory=set)


@dataclass
class System:
    headers: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    quotes: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc


def load_gold(path: Path) -> Gold:
    """A gold file, or a folder of them (``*_quotes.jsonl`` files hold quotes)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise UsageError(f"no gold .jsonl files in {path}")
    gold = Gold()
    docs_by_file: dict[str, set[str]] = {}
    for file in files:
        seen = docs_by_file.setdefault(file.stem, set())
        for row in _read_jsonl(file):
            doc = str(row.get("doc"))
            seen.add(doc)
            if "quote" in row:
                gold.quotes[doc].append(row)
            elif "event_id" in row:
                gold.events[doc].append(row)
            else:
                gold.headers[doc] = row
                gold.events.setdefault(doc, [])
    for stem, docs in docs_by_file.items():
        if stem.endswith("_quotes"):
            gold.quote_docs |= docs | docs_by_file.get(stem.removesuffix("_quotes"), set())
    return gold


def load_system(path: Path) -> System:
    """``hadath extract`` output (one document object per line)."""
    system = System()
    for row in _read_jsonl(path):
        doc = str(row.get("doc"))
        if "events" in row:
            system.headers[doc] = row
            system.events[doc].extend(row.get("events") or [])
            system.quotes[doc].extend(row.get("quotes") or [])
        elif "event_id" in row:
            system.events[doc].append(row)
    return system


def _fatalities_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    g, p = gold.get("fatalities"), pred.get("fatalities")
    alternatives = gold.get("alt", {}).get("fatalities", [])
    if p == g or p in alternatives:
        return True
    low, high = gold.get("fatalities_low"), gold.get("fatalities_high")
    return p is not None and low is not None and high is not None and low <= p <= high


def _norm_source(s: str) -> str:
    return m.place_key(s)


def field_correct(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    alternatives = gold.get("alt", {}).get(name, [])
    if name == "date":
        return m.date_exact(gold, pred)
    if name == "location":
        return m.location_compatible(gold, pred)
    if name in ("actor1", "actor2", "claimed_by"):
        return m.actor_match(gold, pred, name)
    if name == "fatalities":
        return _fatalities_ok(gold, pred)
    if name == "geo_precision":
        g, p = gold.get(name), pred.get(name)
        return g == p or (g is not None and p is not None and abs(g - p) <= 1)
    if name == "sub_event_type":
        return m.sub_type_match(gold, pred)
    if name == "reported_by":
        gs = {_norm_source(s) for s in gold.get(name) or []}
        ps = {_norm_source(s) for s in pred.get(name) or []}
        if not gs or not ps:
            return not gs and not ps
        return any(fuzz.ratio(a, b) >= 80 or a in b or b in a for a in gs for b in ps)
    return bool(gold.get(name) == pred.get(name) or pred.get(name) in alternatives)


def _candidate(gold: dict[str, Any], pred: dict[str, Any], lenient: bool, by_type: bool) -> bool:
    if gold.get("event_type") != pred.get("event_type"):
        return False
    if not lenient and not m.sub_type_match(gold, pred):
        return False
    if by_type:
        return True
    return m.date_compatible(gold, pred) and m.location_compatible(gold, pred)


def _groups(events: list[dict[str, Any]], collapse: bool) -> list[list[dict[str, Any]]]:
    if not collapse:
        return [[e] for e in events]
    by_span: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for e in events:
        by_span.setdefault((e.get("evidence_start"), e.get("evidence_end")), []).append(e)
    return list(by_span.values())


@dataclass
class EventScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pairs: int = 0
    evidence_f1: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    def as_dict(self) -> dict[str, Any]:
        fields = {
            k: round(self.field_hits[k] / self.pairs, 4) if self.pairs else None for k in FIELDS
        }
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            **self.prf(),
            "matched_pairs": self.pairs,
            "fields": fields,
            "evidence_overlap_f1": round(self.evidence_f1 / self.pairs, 4) if self.pairs else None,
        }


def score_events(
    gold: Gold,
    system: System,
    *,
    lenient: bool = False,
    collapse: bool = False,
    by_type: bool = False,
) -> EventScores:
    scores = EventScores()
    for doc, gold_events in gold.events.items():
        preds = list(system.events.get(doc, []))
        groups = _groups(gold_events, collapse)
        options: list[tuple[int, int, int]] = []
        for gi, group in enumerate(groups):
            for pi, pred in enumerate(preds):
                if any(_candidate(g, pred, lenient, by_type) for g in group):
                    best = max(sum(field_correct(f, g, pred) for f in FIELDS) for g in group)
                    options.append((best, gi, pi))
        options.sort(reverse=True)
        used_g: dict[int, int] = {}
        used_p: set[int] = set()
        for _, gi, pi in options:
            if gi in used_g or pi in used_p:
                continue
            used_g[gi] = pi
            used_p.add(pi)
        for gi, group in enumerate(groups):
            borderline = all(g.get("borderline") for g in group)
            if gi not in used_g:
                if not borderline:
                    scores.fn += 1
                    scores.errors.append({"doc": doc, "missed": group[0].get("event_id")})
                continue
            scores.tp += 1
            pred = preds[used_g[gi]]
            g = max(group, key=lambda g: sum(field_correct(f, g, pred) for f in FIELDS))
            scores.pairs += 1
            scores.evidence_f1 += m.span_f1(g, pred)
            for f in FIELDS:
                if field_correct(f, g, pred):
                    scores.field_hits[f] += 1
                else:
                    scores.errors.append(
                        {
                            "doc": doc,
                            "event": g.get("event_id"),
                            "field": f,
                            "gold": g.get(f if f != "location" else "location_ar"),
                            "system": pred.get(f if f != "location" else "location_ar"),
                        }
                    )
        for pi, pred in enumerate(preds):
            if pi not in used_p:
                scores.fp += 1
                scores.errors.append(
                    {
                        "doc": doc,
                        "spurious": pred.get("evidence", "")[:80],
                        "type": pred.get("sub_event_type"),
                    }
                )
    return scores


def score_headers(gold: Gold, system: System) -> dict[str, Any]:
    hits: dict[str, int] = defaultdict(int)
    total = 0
    for doc, g in gold.headers.items():
        s = system.headers.get(doc)
        if s is None:
            continue
        total += 1
        hits["pub_date"] += g.get("pub_date") == s.get("pub_date")
        gt, st = g.get("title"), s.get("title")
        hits["title"] += normalize(gt or "").strip() == normalize(st or "").strip()
        for key in ("outlet", "author"):
            gv, sv = g.get(key), s.get(key)
            ok = (gv is None and sv is None) or (
                gv is not None
                and sv is not None
                and fuzz.partial_ratio(normalize(gv), normalize(sv)) >= 80
            )
            hits[key] += ok
    return {
        k: round(hits[k] / total, 4) if total else None
        for k in ("title", "pub_date", "outlet", "author")
    } | {"documents": total}


def score_quotes(gold: Gold, system: System) -> dict[str, Any] | None:
    if not any(gold.quotes.values()):
        return None
    tp = fp = fn = speaker_ok = 0
    for doc in gold.quote_docs:
        golds = gold.quotes.get(doc, [])
        preds = system.quotes.get(doc, [])
        used: set[int] = set()
        for g in golds:
            best, best_i = 0.0, -1
            for i, p in enumerate(preds):
                if i in used:
                    continue
                f1 = m.span_f1(
                    {"evidence_start": g["quote_start"], "evidence_end": g["quote_end"]},
                    {"evidence_start": p.get("quote_start"), "evidence_end": p.get("quote_end")},
                )
                if f1 > best:
                    best, best_i = f1, i
            if best >= 0.5:
                tp += 1
                used.add(best_i)
                gs, ps = (
                    normalize(g.get("speaker") or ""),
                    normalize(preds[best_i].get("speaker") or ""),
                )
                speaker_ok += bool(gs and ps and (gs in ps or ps in gs or fuzz.ratio(gs, ps) >= 80))
            else:
                fn += 1
        fp += len(preds) - len(used)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "speaker_accuracy": round(speaker_ok / tp, 4) if tp else None,
    }


def evaluate(gold_path: Path, system_path: Path) -> dict[str, Any]:
    gold = load_gold(gold_path)
    system = load_system(system_path)
    missing = [d for d in gold.headers if d not in system.headers and d not in system.events]
    strict = score_events(gold, system)
    return {
        "documents": len(gold.events),
        "documents_missing_from_system": missing,
        "events": strict.as_dict(),
        "events_collapsed": score_events(gold, system, collapse=True).as_dict(),
        "events_lenient": score_events(gold, system, lenient=True).as_dict(),
        # matched on document and type alone, so that date and location accuracy mean
        # something (in the other modes they are part of the match)
        "events_by_type": score_events(gold, system, by_type=True).as_dict(),
        "headers": score_headers(gold, system),
        "quotes": score_quotes(gold, system),
        "errors": strict.errors,
    }
