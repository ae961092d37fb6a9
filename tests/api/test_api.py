"""The JSON API over a temp SQLite database: reads, paging, uploads, corrections, tokens."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hadath.store import Repository
from tests.store.factory import make_doc, pair

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-1234"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = ("127.0.0.1", 50000)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Repository.open(url) as repo:
        repo.add_documents(list(pair()))
        for n in range(3):
            text = f"هجوم لداعش على حاجز لقسد رقم {n} في الميادين."
            fields: dict[str, Any] = {
                "place": "mayadin",
                "date": f"2024-02-{10 * n + 1:02d}",
                "actor2": "QSD: Syrian Democratic Forces",
            }
            repo.add_document(make_doc(f"m{n}", text, [(text, fields)], pub_date="2024-03-01"))
    return url


def client_for(db: str, token: str | None = TOKEN, host: tuple[str, int] = LOCAL) -> TestClient:
    from hadath.web.app import create_app

    return TestClient(create_app(db, token=token, ui=False), client=host)


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with client_for(db) as c:
        yield c


def test_openapi_lists_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/events/{event_id}/corrections",
    ):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_events_paging_and_filters(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 2}).json()
    assert (page["total"], len(page["items"])) == (4, 2)
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    ids = [e["id"] for e in page["items"] + rest["items"]]
    assert len(set(ids)) == 4
    assert client.get("/api/events", params={"since": "2024-01-01"}).json()["total"] == 3
    assert client.get("/api/events", params={"actor": "SDF"}).json()["total"] == 3
    near = client.get("/api/events", params={"near": "35.74,39.5", "km": 30}).json()
    assert near["total"] == 1 and len(near["items"][0]["reports"]) == 2
    assert client.get("/api/events", params={"since": "nope"}).status_code == 400
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_one_event_with_reports_and_evidence(client: TestClient) -> None:
    merged = client.get("/api/events", params={"actor": "NDF"}).json()["items"][0]
    detail = client.get(f"/api/events/{merged['id']}").json()
    assert len(detail["reports"]) == 2
    assert detail["dedup_reasons"] and detail["reviews"] == []
    for report in detail["reports"]:
        doc = client.get(f"/api/documents/{report['document_id']}").json()
        assert doc["text"][report["evidence_start"] : report["evidence_end"]] == report["evidence"]
    assert client.get("/api/events/9999").status_code == 404


def test_documents(client: TestClient) -> None:
    docs = client.get("/api/documents").json()
    assert docs["total"] == 5
    first = docs["items"][0]
    full = client.get(f"/api/documents/{first['id']}").json()
    assert full["events"] and "text" in full
    assert "text" not in client.get(f"/api/documents/{first['id']}", params={"text": False}).json()
    assert client.get("/api/documents/999").status_code == 404


def test_corrections_need_the_token_and_keep_the_machine_value(client: TestClient) -> None:
    event = client.get("/api/events", params={"actor": "NDF"}).json()["items"][0]
    body = {"field": "fatalities", "value": 8, "reason": "hospital list", "reviewer": "amal"}
    assert client.post(f"/api/events/{event['id']}/corrections", json=body).status_code == 401
    bad = client.post(
        f"/api/events/{event['id']}/corrections",
        json=body,
        headers={"Authorization": "Bearer wrong"},
    )
    assert bad.status_code == 401
    ok = client.post(f"/api/events/{event['id']}/corrections", json=body, headers=AUTH)
    assert ok.status_code == 200, ok.text
    out = ok.json()
    assert out["fatalities"] == 8
    assert out["corrections"]["fatalities"] == {
        "machine": 7,
        "value": 8,
        "by": "amal",
        "at": out["corrections"]["fatalities"]["at"],
        "reason": "hospital list",
    }
    trail = client.get(f"/api/events/{event['id']}/reviews").json()
    assert [(r["field"], r["old_value"], r["new_value"], r["reviewer"]) for r in trail] == [
        ("fatalities", 7, 8, "amal")
    ]
    wrong_field = dict(body, field="evidence")
    r = client.post(f"/api/events/{event['id']}/corrections", json=wrong_field, headers=AUTH)
    assert r.status_code == 400
    missing = client.post("/api/events/9999/corrections", json=body, headers=AUTH)
    assert missing.status_code == 404


def test_upload_json_and_files(client: TestClient) -> None:
    article = {
        "text": "قتل مدنيان بانفجار لغم في بادية السخنة أمس.",
        "pub_date": "2024-03-06",
        "doc": "up1",
    }
    assert client.post("/api/documents", json=article).status_code == 401
    r = client.post("/api/documents", json=article, headers={"X-Hadath-Token": TOKEN})
    assert r.status_code == 201, r.text
    assert r.json()["results"][0]["status"] == "new"
    again = client.post("/api/documents", json=article, headers=AUTH).json()
    assert again["results"][0]["status"] == "duplicate"
    other = dict(article, text="قتل راع بانفجار لغم قرب تدمر أمس.")
    assert (
        client.post("/api/documents", json=other, headers=AUTH).json()["results"][0]["status"]
        == "new"
    )
    files = [
        ("files", ("one.txt", "خبر أول عن هجوم في دير الزور".encode(), "text/plain")),
        ("files", ("two.bin", b"\x00\x01\x02", "application/octet-stream")),
    ]
    up = client.post("/api/documents/files", files=files, headers=AUTH)
    assert up.status_code == 201, up.text
    body = up.json()
    assert [x["doc"] for x in body["results"]] == ["one"]
    assert client.get("/api/documents").json()["total"] == 8
    assert client.post("/api/documents", json={"text": ""}, headers=AUTH).status_code == 422
    bad_date = client.post("/api/documents", json={"text": "نص", "pub_date": "x"}, headers=AUTH)
    assert bad_date.status_code == 400


def test_writes_refused_without_a_configured_token(db: str) -> None:
    with client_for(db, token=None) as c:
        r = c.post("/api/documents", json={"text": "نص"}, headers=AUTH)
        assert r.status_code == 403
        assert c.get("/api/events").status_code == 200


def test_remote_reads_need_the_token(db: str) -> None:
    with client_for(db, host=("192.0.2.7", 4000)) as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers=AUTH).status_code == 200
