"""WARC archives (warcio): every HTML response record becomes a document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from hadath.document import Document
from hadath.errors import BadArchive, HadathError
from hadath.ingest.decode import decode
from hadath.ingest.html import read_html


def _truncated(record: Any, payload_length: int) -> bool:
    declared = record.rec_headers.get_header("Content-Length")
    if not declared or not declared.isdigit() or record.http_headers is None:
        return False
    headers_length = len(record.http_headers.to_str().encode("utf-8"))
    # warcio dechunks and decompresses the payload, so only a clear shortfall counts
    return payload_length + headers_length < int(declared) * 0.9


def read_warc(
    stream: BinaryIO, source: str, max_bytes: int, max_depth: int
) -> Iterator[Document | HadathError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = (
                (record.http_headers.get_header("Content-Type") or "")
                if record.http_headers
                else ""
            )
            if "html" not in ctype.lower() and "text" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            count += 1
            where = f"{source}#{url or count}"
            try:
                payload = record.content_stream().read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield BadArchive(f"record larger than {max_bytes} bytes", where)
                    continue
                if _truncated(record, len(payload)):
                    yield BadArchive(
                        "truncated WARC record (fewer bytes than its Content-Length)", where
                    )
                    return
                html, warnings = decode(payload, where)
                doc = read_html(html, url or f"{source}:{count}", where, max_depth, url=url or None)
                for w in warnings:
                    doc.warn(w)
                yield doc
            except HadathError as exc:
                yield exc
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield BadArchive(
            f"truncated or corrupt WARC after {count} records ({type(exc).__name__})", source
        )
