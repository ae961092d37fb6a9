"""Web security, checked over every route rather than one at a time.

- every write route refuses a request without the token, or with a wrong one, and
  changes nothing;
- every HTML page carries a strict Content-Security-Policy;
- hostile article text, titles and reviewer input show as text on every page;
- uploads are limited in number, size and type, and no user file name reaches the
  file system;
- SQL injection attempts through every filter find nothing and break nothing, and no
  SQL in the package is built from strings.
"""

from __future__ import annotations

import ast
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hadath.store import Repository
from tests.web.fixtures import TOKEN, documents

fastapi = pytest.importorskip("fastapi")
from fastapi.routing import APIRoute  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

SRC = Path(__file__).resolve().parents[2] / "src" / "hadath"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAYLOADS = ("<script>alert('t')</script>", '"><img src=x onerror=alert(1)>')
INJECTIONS = ("' OR 1=1 --", '"; DROP TABLE events; --', "%' UNION SELECT * FROM documents --")


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sec.db'}"
    with Repository.open(url) as repo:
        repo.add_documents(documents())
    return url


@pytest.fixture()
def client(db: str) -> Iterator[TestClient]:
    from hadath.web.app import create_app

    with TestClient(create_app(db, TOKEN), client=("127.0.0.1", 50000)) as c:
        yield c


def _ids(client: TestClient) -> dict[str, int]:
    event = client.get("/api/events").json()["items"][0]["id"]
    document = client.get("/api/documents").json()["items"][0]["id"]
    return {"event_id": event, "document_id": document}


def _fill(path: str, ids: dict[str, int]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), path)


def _walk(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        inner = getattr(route, "original_router", None)  # an included router (FastAPI >= 0.120)
        if inner is not None:
            yield from _walk(inner.routes)
        elif isinstance(route, APIRoute):
            yield route


def _routes(client: TestClient) -> list[APIRoute]:
    return list(_walk(client.app.routes))  # type: ignore[attr-defined]


def _counts(db: str) -> dict[str, int]:
    with Repository.open(db) as repo:
        counts: dict[str, int] = repo.counts()
        return counts


def test_every_write_route_needs_the_token(client: TestClient, db: str) -> None:
    ids = _ids(client)
    before = _counts(db)
    writes = [
        (method, r.path)
        for r in _routes(client)
        for method in sorted(r.methods or ())
        if method in {"POST", "PUT", "PATCH", "DELETE"} and r.path != "/login"
    ]
    assert len(writes) >= 3, writes
    bodies: dict[str, Any] = {
        "json": {"text": "نص", "field": "fatalities", "value": 1, "reason": "r", "reviewer": "x"}
    }
    for method, path in writes:
        url = _fill(path, ids)
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Hadath-Token": "wrong"}):
            response = client.request(method, url, headers=headers, **bodies)
            assert response.status_code in (401, 403), (method, path, headers, response.text)
    assert _counts(db) == before


def test_every_page_has_a_strict_csp(client: TestClient) -> None:
    ids = _ids(client)
    pages = [
        r.path
        for r in _routes(client)
        if "GET" in (r.methods or ()) and "HTMLResponse" in str(r.response_class)
    ]
    assert "/" in pages and len(pages) >= 3
    for path in pages:
        response = client.get(_fill(path, ids))
        assert response.status_code == 200, path
        csp = response.headers.get("content-security-policy", "")
        policy = {p.split()[0]: p.split()[1:] for p in csp.split(";") if p.strip()}
        assert policy.get("default-src") == ["'self'"], (path, csp)
        for directive in ("script-src", "style-src"):
            sources = policy.get(directive, policy["default-src"])
            assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:"} & set(sources), csp
        assert policy.get("object-src") == ["'none'"] and policy.get("frame-ancestors") == [
            "'none'"
        ]
        assert response.headers.get("x-content-type-options") == "nosniff"


def test_hostile_text_titles_and_reviews_show_as_text(client: TestClient) -> None:
    text = (
        f"{PAYLOADS[0]} قتل عنصران من قوات النظام أمس في هجوم لتنظيم داعش قرب تدمر "
        f"{PAYLOADS[1]} بحسب المرصد السوري لحقوق الإنسان."
    )
    article = {"text": text, "title": PAYLOADS[0] + PAYLOADS[1], "outlet": PAYLOADS[1]}
    up = client.post("/api/documents", json=article, headers=AUTH)
    assert up.status_code == 201, up.text
    doc_id = up.json()["results"][0]["document_id"]
    ids = _ids(client)
    review = {"field": "fatalities", "value": 3, "reason": PAYLOADS[0], "reviewer": PAYLOADS[1]}
    fixed = client.post(f"/api/events/{ids['event_id']}/corrections", json=review, headers=AUTH)
    assert fixed.status_code == 200, fixed.text
    urls = ["/", f"/documents/{doc_id}", f"/events/{ids['event_id']}"]
    urls += [f"/events/{e['id']}" for e in client.get("/api/events").json()["items"]]
    for url in urls:
        page = client.get(url).text
        for payload in PAYLOADS:
            assert payload not in page, url
        assert "<img src=x" not in page and "<script>alert" not in page
    assert "&lt;script&gt;" in client.get(f"/documents/{doc_id}").text


def test_uploads_are_limited_in_number_size_and_type(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hadath.web import api

    limit = api.MAX_UPLOAD_BYTES
    monkeypatch.setattr(api, "MAX_UPLOAD_BYTES", 2_000)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    good = "قتل عنصران من قوات النظام أمس في هجوم لتنظيم داعش قرب تدمر.".encode()
    files = [
        ("files", ("../../escape.txt", good, "text/plain")),
        ("files", ("..", good, "text/plain")),
        ("files", ("big.txt", b"x" * 2_001, "text/plain")),
        ("files", ("run.sh", b"#!/bin/sh\necho hi\n", "text/x-shellscript")),
        ("files", ("page.html.exe", good, "application/octet-stream")),
    ]
    response = client.post("/api/documents/files", files=files, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert [r["doc"] for r in body["results"]] == ["escape"]
    reasons = {f["source"]: f["error"] for f in body["failed"]}
    assert "larger than" in reasons["big.txt"]
    assert reasons["run.sh"] == reasons["page.html.exe"] == reasons[".."] == "unsupported file type"
    assert not (tmp_path / "escape.txt").exists() and not Path("escape.txt").exists()
    assert list(scratch.iterdir()) == []  # the upload folder is gone, nothing left behind

    many = [("files", (f"f{i}.txt", good, "text/plain")) for i in range(api.MAX_UPLOAD_FILES + 1)]
    assert client.post("/api/documents/files", files=many, headers=AUTH).status_code == 413
    huge = {"text": "x" * (limit + 1)}
    assert client.post("/api/documents", json=huge, headers=AUTH).status_code == 422


def test_sql_injection_through_filters_finds_nothing(client: TestClient, db: str) -> None:
    before = _counts(db)
    for value in INJECTIONS:
        for name in ("actor", "type", "q", "admin1", "near", "outlet"):
            response = client.get("/api/events", params={name: value})
            assert response.status_code in (200, 400, 404, 422), (name, response.text)
            if response.status_code == 200:
                assert response.json()["total"] in (0, before["stored_events"]), name
        assert client.get("/", params={"actor": value}).status_code in (200, 400, 422)
    assert _counts(db) == before


def _sql_built_from_strings(tree: ast.AST) -> Iterator[int]:
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in ("execute", "exec_driver_sql", "text", "executescript"):
            continue
        first = node.args[0]
        dynamic = isinstance(first, ast.JoinedStr | ast.BinOp) or (
            isinstance(first, ast.Call)
            and isinstance(first.func, ast.Attribute)
            and first.func.attr == "format"
        )
        if dynamic:
            yield node.lineno


def test_no_sql_is_built_from_strings() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for lineno in _sql_built_from_strings(ast.parse(source)):
            line = lines[lineno - 1]
            # PRAGMAs take no parameters; theirs are constants of the package
            if (
                "PRAGMA" in line and "{" in line and "SQLITE_BUSY_MS" in line
            ) or "foreign_keys" in line:
                continue
            offenders.append(f"{path.relative_to(SRC)}:{lineno}: {line.strip()}")
    assert offenders == []
