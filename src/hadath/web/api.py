"""The JSON API under ``/api`` (OpenAPI at ``/docs``).

Reads: ``GET /api/events`` (filters and paging), ``GET /api/events/{id}`` (one stored
event with its reports, evidence, dedup reasons and review trail), ``GET
/api/events/{id}/reviews``, ``GET /api/documents``, ``GET /api/documents/{id}``,
``GET /api/health``. Open to clients on localhost; others need the token when one is set.

Writes: ``POST /api/documents`` (JSON article or uploaded files: extracted, stored,
deduplicated) and ``POST /api/events/{id}/corrections`` (a reviewer changes one field,
with a reason; the machine's value stays beside it). They need the token
(``Authorization: Bearer <token>`` or ``X-Hadath-Token``); with no token configured,
writes are refused.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from pydantic import BaseModel, Field

from hadath.errors import HadathError
from hadath.store import EventQuery, Repository

router = APIRouter(prefix="/api", tags=["api"])

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
MAX_PAGE = 1000
# Uploads: at most this many files of at most this many bytes each, of the types the
# readers know; a refused file is never written to disk.
MAX_UPLOAD_FILES = 50
MAX_UPLOAD_BYTES = 10_000_000
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".warc")


def _given_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-hadath-token")


def _token_ok(request: Request) -> bool:
    expected: str | None = request.app.state.token
    given = _given_token(request)
    return bool(expected and given and secrets.compare_digest(expected, given))


def repo_for_read(request: Request) -> Repository:
    host = request.client.host if request.client else ""
    if request.app.state.token and host not in LOOPBACK and not _token_ok(request):
        raise HTTPException(401, "reads from outside localhost need the token")
    repo: Repository = request.app.state.repo
    return repo


def repo_for_write(request: Request) -> Repository:
    if not request.app.state.token:
        raise HTTPException(403, "writes are disabled: start the server with HADATH_TOKEN set")
    if not _token_ok(request):
        raise HTTPException(401, "writes need the token (Authorization: Bearer <token>)")
    repo: Repository = request.app.state.repo
    return repo


ReadRepo = Annotated[Repository, Depends(repo_for_read)]
WriteRepo = Annotated[Repository, Depends(repo_for_write)]


class CorrectionIn(BaseModel):
    field: str = Field(description="The event field to change, e.g. fatalities.")
    value: Any = Field(description="The corrected value (null to clear).")
    reason: str = Field(min_length=1, description="Why the machine's value is wrong.")
    reviewer: str = Field(min_length=1, description="Who makes the correction.")


class DocumentIn(BaseModel):
    text: str = Field(
        min_length=1, max_length=MAX_UPLOAD_BYTES, description="The article's text, as published."
    )
    doc: str | None = Field(default=None, description="An id for the document.")
    title: str | None = None
    pub_date: str | None = Field(default=None, description="YYYY-MM-DD")
    url: str | None = None
    outlet: str | None = None
    author: str | None = None


@router.get("/health")
def health(repo: ReadRepo) -> dict[str, Any]:
    """Liveness and the database's counts."""
    return {"ok": True, "counts": repo.counts()}


@router.get("/events")
def list_events(
    repo: ReadRepo,
    since: Annotated[str | None, Query(description="On or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="On or before YYYY-MM-DD")] = None,
    actor: Annotated[str | None, Query(description="Actor name part or family (ISIS, SDF)")] = None,
    type: Annotated[str | None, Query(description="Event type or sub-event type")] = None,
    near: Annotated[str | None, Query(description="Place name or LAT,LON")] = None,
    km: Annotated[float, Query(gt=0, le=2000)] = 25.0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Stored events after cross-source dedup, newest first, one page at a time."""
    from hadath.store.places import resolve_near

    query = EventQuery(
        since=since,
        until=until,
        actor=actor,
        type=type,
        near=resolve_near(near) if near else None,
        km=km,
    )
    return repo.events(query, limit=limit, offset=offset).to_dict()


@router.get("/events/{event_id}")
def get_event(event_id: int, repo: ReadRepo) -> dict[str, Any]:
    """One stored event: merged values, its reports (each with its own figures and
    evidence), why the reports were merged, corrections and the review trail."""
    found = repo.event(event_id)
    if found is None:
        raise HTTPException(404, f"no stored event {event_id}")
    return found


@router.get("/events/{event_id}/reviews")
def get_reviews(event_id: int, repo: ReadRepo) -> list[dict[str, Any]]:
    """The audit trail of an event: every correction, oldest first."""
    if repo.event(event_id) is None:
        raise HTTPException(404, f"no stored event {event_id}")
    return repo.reviews(event_id)


@router.post("/events/{event_id}/corrections")
def correct_event(event_id: int, body: CorrectionIn, repo: WriteRepo) -> dict[str, Any]:
    """Correct one field; the machine's value is kept beside the reviewer's."""
    if repo.event(event_id) is None:
        raise HTTPException(404, f"no stored event {event_id}")
    return repo.correct(event_id, body.field, body.value, body.reviewer, body.reason)


@router.get("/documents")
def list_documents(
    repo: ReadRepo,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Stored documents (every version), newest first."""
    return repo.documents(limit=limit, offset=offset).to_dict()


@router.get("/documents/{document_id}")
def get_document(
    document_id: int,
    repo: ReadRepo,
    text: Annotated[bool, Query(description="Include the document's text")] = True,
) -> dict[str, Any]:
    """A stored document with its text, machine events, quotes and mentions."""
    found = repo.document(document_id, with_text=text)
    if found is None:
        raise HTTPException(404, f"no document {document_id}")
    return found


@router.post("/documents", status_code=201)
def upload_document(body: DocumentIn, repo: WriteRepo) -> dict[str, Any]:
    """Extract one article (JSON) and store it; same text twice is stored once."""
    from hadath.api import extract

    meta = {k: v for k, v in body.model_dump().items() if k not in ("text", "pub_date") and v}
    meta.setdefault("doc", "upload")
    # Without a URL the upload has no identity: a new text is a new article, not a version.
    meta.setdefault("source", body.url or "api")
    doc = extract(body.text, body.pub_date, **meta)
    result = repo.add_document(doc)
    return {"results": [_result(result)], "failed": []}


@router.post("/documents/files", status_code=201)
def upload_files(
    files: Annotated[list[UploadFile], File(description="Articles: .txt .html .json .jsonl")],
    repo: WriteRepo,
) -> dict[str, Any]:
    """Extract and store uploaded article files (any format ``hadath extract`` reads)."""
    from hadath.api import extract_files

    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(413, f"at most {MAX_UPLOAD_FILES} files per upload")
    results: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="hadath-upload-") as tmp:
        # Files on disk are named by position: no part of a user's file name reaches
        # the file system; the name is only echoed back (and becomes the doc id).
        paths: list[Path] = []
        names: dict[str, str] = {}
        for n, upload in enumerate(files):
            name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1] or f"upload-{n}"
            suffix = _upload_suffix(name)
            if suffix is None:
                failed.append({"source": name, "error": "unsupported file type"})
                continue
            data = upload.file.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                failed.append({"source": name, "error": f"larger than {MAX_UPLOAD_BYTES} bytes"})
                continue
            path = Path(tmp) / f"upload-{n}{suffix}"
            path.write_bytes(data)
            paths.append(path)
            names[str(path)] = name
        for item in extract_files(paths) if paths else ():
            shown = names.get(item.source or "", Path(item.source or "").name)
            if isinstance(item, HadathError):
                failed.append({"source": shown, "error": item.message})
                continue
            stem = Path(item.source).name.split(".")[0]
            if item.doc.startswith(stem):
                item.doc = shown.split(".")[0] + item.doc[len(stem) :]
            item.source = shown
            results.append(_result(repo.add_document(item)))
    return {"results": results, "failed": failed}


def _upload_suffix(name: str) -> str | None:
    """The file's type suffix when the readers know it (``.jsonl.gz``), else None."""
    lowered = name.lower()
    for suffix in UPLOAD_SUFFIXES:
        for full in (suffix, suffix + ".gz"):
            if lowered.endswith(full):
                return full
    return None


def _result(result: Any) -> dict[str, Any]:
    return {
        "status": result.status,
        "document_id": result.document_id,
        "doc": result.doc,
        "events": result.events,
        "stored_events": result.clusters,
    }
