"""Readers: paths in, Documents out.

``read_inputs`` takes files, folders (recursively, in sorted order) and ``-`` (stdin) and
yields a Document per document read, or the typed error of an input that failed: one bad
file never stops the others. Formats: .txt, .html/.htm, .json, .jsonl, each also as .gz,
and .warc/.warc.gz. Readers only read: no stage runs here.
"""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from hadath.document import Document
from hadath.errors import (
    HadathError,
    InputError,
    InputNotFound,
    TooLarge,
    UnsupportedInput,
)
from hadath.ingest.decode import decode
from hadath.ingest.html import read_html
from hadath.ingest.records import read_json, read_jsonl
from hadath.ingest.warc import read_warc
from hadath.settings import Settings

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED = ".txt .html .htm .json .jsonl (also .gz), .warc .warc.gz"

ReadResult = Document | HadathError


def read_inputs(paths: list[str], settings: Settings) -> Iterator[ReadResult]:
    for raw in paths:
        if raw == "-":
            yield from read_stdin(settings)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) is not None)
            if not files:
                yield InputNotFound(f"no readable files in the folder (expected {SUPPORTED})", raw)
            for file in files:
                yield from read_file(file, settings)
        elif path.is_file():
            yield from read_file(path, settings)
        elif path.exists():
            yield UnsupportedInput("not a regular file or folder", raw)
        else:
            yield InputNotFound("no such file or folder", raw)


def _kind(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last == ".warc":
        return "warc"
    if last in TEXT_SUFFIXES:
        return "text"
    if last in HTML_SUFFIXES:
        return "html"
    if last == ".json":
        return "json"
    if last == ".jsonl":
        return "jsonl"
    return None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (
        ".gz",
        ".warc",
        ".jsonl",
        ".json",
        ".html",
        ".htm",
        ".xhtml",
        ".txt",
        ".text",
        ".md",
    ):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name or path.name


def read_file(path: Path, settings: Settings) -> Iterator[ReadResult]:
    source = str(path)
    kind = _kind(path)
    if kind is None:
        yield UnsupportedInput(f"unsupported file type (expected {SUPPORTED})", source)
        return
    try:
        size = path.stat().st_size
        if (
            size > settings.max_bytes
            and not path.name.lower().endswith(".gz")
            and kind not in ("jsonl", "warc")
        ):
            yield TooLarge(
                f"{size} bytes is more than the limit of {settings.max_bytes} (max_bytes)", source
            )
            return
        if kind == "warc":
            with path.open("rb") as stream:
                yield from read_warc(stream, source, settings.max_bytes, settings.max_html_depth)
            return
        if kind == "jsonl":
            yield from read_jsonl(
                _jsonl_lines(path, source), _stem(path), source, settings.max_bytes
            )
            return
        data = _read_bytes(path, settings.max_bytes, source)
        yield from read_bytes(data, kind, _stem(path), source, settings)
    except HadathError as exc:
        yield exc
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield InputError(f"cannot read: {exc.__class__.__name__}: {exc}", source)


def _read_bytes(path: Path, limit: int, source: str) -> bytes:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"more than the limit of {limit} bytes (max_bytes)", source)
    return bytes(data)


def _jsonl_lines(path: Path, source: str) -> Iterator[str]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as handle:
        for raw in handle:
            try:
                yield raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield raw.decode("utf-8", errors="replace")


def read_bytes(
    data: bytes, kind: str, stem: str, source: str, settings: Settings
) -> Iterator[ReadResult]:
    """Read an in-memory input of a known kind (used for files, stdin and uploads)."""
    if kind == "warc":
        yield from read_warc(io.BytesIO(data), source, settings.max_bytes, settings.max_html_depth)
        return
    text, warnings = decode(data, source)
    results: Iterator[ReadResult]
    if kind == "text":
        results = iter([_text_document(text, stem, source, settings)])
    elif kind == "html":
        results = iter([read_html(text, stem, source, settings.max_html_depth)])
    elif kind == "json":
        results = read_json(text, stem, source, settings.max_bytes)
    elif kind == "jsonl":
        results = read_jsonl(iter(text.splitlines()), stem, source, settings.max_bytes)
    else:
        raise UnsupportedInput(f"unsupported input kind {kind!r}", source)
    for item in results:
        if isinstance(item, Document):
            for w in warnings:
                item.warn(w)
        yield item


def _text_document(text: str, stem: str, source: str, settings: Settings) -> Document:
    doc = Document(text=text, doc=stem, source=source)
    if len(text) > settings.max_chars:
        raise TooLarge(
            f"{len(text)} characters is more than the limit of {settings.max_chars} (max_chars)",
            source,
        )
    return doc


def sniff_kind(data: bytes) -> str:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"<"):
        return "html"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        first = data.split(b"\n", 1)[0].strip()
        return "jsonl" if first.endswith(b"}") else "json"
    return "text"


def read_stdin(settings: Settings) -> Iterator[ReadResult]:
    try:
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
    except (OSError, ValueError) as exc:
        yield InputError(f"cannot read standard input: {exc}", "-")
        return
    if len(data) > settings.max_bytes:
        yield TooLarge(f"more than the limit of {settings.max_bytes} bytes (max_bytes)", "-")
        return
    try:
        yield from read_bytes(data, sniff_kind(data), "stdin", "-", settings)
    except HadathError as exc:
        yield exc
