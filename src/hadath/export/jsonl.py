"""JSONL: the full stored event objects, one per line, with ``plover`` added.

Input: stored events (dicts). Output: one JSON object per line, every field kept as
stored (reports with their evidence, spans, figures, corrections), plus
``plover: {event_type, mode}``. Reading the file back gives the same objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from hadath.export.common import ExportResult, StoredEvent
from hadath.export.plover import plover


def record(event: StoredEvent) -> dict[str, Any]:
    out = dict(event)
    out["plover"] = plover(event)
    return out


def write(events: Iterable[StoredEvent], out: IO[str]) -> ExportResult:
    result = ExportResult()
    for event in events:
        out.write(json.dumps(record(event), ensure_ascii=False, default=str, sort_keys=False))
        out.write("\n")
        result.written += 1
    return result
