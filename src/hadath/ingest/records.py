"""JSON and JSONL dumps: one record, one document (fields in CONTRACT.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from hadath.document import Document
from hadath.errors import BadRecord, HadathError, TooLarge

TEXT_FIELDS = ("text", "content", "body")


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def record_to_document(record: Any, default_id: str, source: str, max_bytes: int) -> Document:
    if not isinstance(record, dict):
        raise BadRecord(f"record {default_id} is not a JSON object", source)
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is None:
        raise BadRecord(f"record {default_id} has no text (fields: text, content or body)", source)
    if len(text) > max_bytes:
        raise TooLarge(f"record {default_id} is larger than {max_bytes} characters", source)
    if not text.strip():
        raise BadRecord(f"record {default_id} has an empty text", source)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    doc_id = str(record.get("id") or url or default_id)
    doc = Document(text=text, doc=doc_id, source=source, url=url)
    for field in ("title", "outlet", "author"):
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            setattr(doc, field, value.strip())
            doc.meta_origin[field] = "json"
    if doc.outlet is None and isinstance(record.get("source"), str) and record["source"].strip():
        doc.outlet = record["source"].strip()  # dumps such as SaudiNewsNet name the outlet "source"
        doc.meta_origin["outlet"] = "json"
    raw_date = record.get("pub_date", record.get("date"))
    pub = _date(raw_date)
    if pub is not None:
        doc.pub_date = pub
        doc.meta_origin["pub_date"] = "json"
    elif raw_date not in (None, ""):
        doc.warn(f"W_BAD_DATE: the record's date {str(raw_date)[:40]!r} is not YYYY-MM-DD; ignored")
    return doc


def read_json(
    text: str, stem: str, source: str, max_bytes: int
) -> Iterator[Document | HadathError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield BadRecord(f"invalid JSON at line {exc.lineno}: {exc.msg}", source)
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records, 1):
        try:
            yield record_to_document(
                record, f"{stem}:{i}" if len(records) > 1 else stem, source, max_bytes
            )
        except HadathError as exc:
            yield exc


def read_jsonl(
    lines: Iterator[str], stem: str, source: str, max_bytes: int
) -> Iterator[Document | HadathError]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadRecord(f"line {lineno}: invalid JSON ({exc.msg})", source)
            continue
        try:
            yield record_to_document(record, f"{stem}:{lineno}", source, max_bytes)
        except HadathError as exc:
            exc.message = f"line {lineno}: {exc.message}"
            yield exc
