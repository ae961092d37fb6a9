"""The server-rendered pages: RTL, strict CSP, filters, merged reports, highlighting,
escaping, corrections."""

from __future__ import annotations

import json
import re
from typing import Any

from tests.web.fixtures import TOKEN


def _events(client: Any, **params: str) -> list[int]:
    html = client.get("/", params=params).text
    data = re.search(r'<script type="application/json" id="events-data">(.*?)</script>', html, re.S)
    assert data is not None
    return sorted(e["id"] for e in json.loads(data.group(1)))


def _ambush_id(client: Any) -> int:
    items = client.get("/api/events", params={"type": "Battles"}).json()["items"]
    assert len(items) == 1
    return int(items[0]["id"])


def test_index_is_arabic_rtl_with_a_strict_csp(client: Any) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.text
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    # No inline script: every <script> either loads a file or carries JSON data.
    for tag in re.findall(r"<script[^>]*>", response.text):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "/static/vendor/leaflet/leaflet.js" in response.text
    assert "http://" not in response.text and "https://" not in response.text


def test_static_assets_are_served_locally(client: Any) -> None:
    for path in (
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet/leaflet.css",
        "/static/map.js",
        "/static/timeline.js",
        "/static/event.js",
        "/static/app.css",
        "/static/basemap.geojson",
    ):
        assert client.get(path).status_code == 200, path


def test_same_event_from_two_outlets_is_one_event_with_two_reports(client: Any) -> None:
    ids = _events(client)
    assert len(ids) == 2
    page = client.get(f"/events/{_ambush_id(client)}").text
    assert page.count('class="report"') == 2
    assert "تقريران" in page
    assert "شبكة الشرق" in page and "وكالة البادية" in page


def test_filters(client: Any) -> None:
    ambush = _ambush_id(client)
    assert len(_events(client)) == 2
    assert _events(client, type="Battles") == [ambush]
    assert _events(client, type="Armed clash") == [ambush]
    assert _events(client, admin1="Homs") == [ambush]
    assert len(_events(client, admin1="Deir ez-Zor")) == 1
    assert _events(client, actor="داعش") == [ambush]
    assert _events(client, since="2023-01-01") != [ambush]
    assert len(_events(client, since="2023-01-01")) == 1
    assert _events(client, until="2022-12-31") == [ambush]
    assert _events(client, since="2030-01-01") == []
    # A malformed date is ignored rather than failing the page.
    assert len(_events(client, since="yesterday")) == 2


def test_event_page_highlights_evidence_and_field_spans(client: Any) -> None:
    page = client.get(f"/events/{_ambush_id(client)}").text
    assert re.search(r'<mark class="hl [^"]*\bev\b[^"]*"', page)
    # Each report's own figure is highlighted as the fatalities span.
    assert re.search(
        r'<mark class="hl f-evidence f-fatalities ev fld"[^>]*>سبعة عناصر</mark>', page
    )
    assert re.search(r'<mark class="hl f-evidence f-fatalities ev fld"[^>]*>تسعة جنود</mark>', page)
    assert 'id="correction-form"' in page


def test_article_text_and_titles_are_escaped(client: Any) -> None:
    ids = _events(client, admin1="Deir ez-Zor")
    page = client.get(f"/events/{ids[0]}").text
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;b&gt;بحسب&lt;/b&gt;" in page
    assert "<b>Outlet</b>" not in page
    docs = client.get("/api/documents").json()["items"]
    doc_id = next(d["id"] for d in docs if d["doc"] == "road-ied")
    doc_page = client.get(f"/documents/{doc_id}").text
    assert "<script>window.__pwned" not in doc_page
    assert "&lt;script&gt;window.__pwned = 2&lt;/script&gt;" in doc_page


def test_correction_shows_beside_the_machine_value(client: Any) -> None:
    event_id = _ambush_id(client)
    body = {
        "field": "fatalities",
        "value": 8,
        "reviewer": "<i>rev</i>",
        "reason": "<script>x</script>",
    }
    refused = client.post(f"/api/events/{event_id}/corrections", json=body)
    assert refused.status_code == 401
    ok = client.post(
        f"/api/events/{event_id}/corrections",
        json=body,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert ok.status_code == 200, ok.text
    page = client.get(f"/events/{event_id}").text
    row = re.search(r'id="field-fatalities">(.*?)</tr>', page, re.S)
    assert row is not None
    assert "8" in row.group(1) and "<s>7</s>" in row.group(1)
    assert "&lt;i&gt;rev&lt;/i&gt;" in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<script>x</script>" not in page


def test_missing_pages_are_404(client: Any) -> None:
    assert client.get("/events/99999").status_code == 404
    assert client.get("/documents/99999").status_code == 404
    assert client.get("/static/../pages.py").status_code == 404


def test_document_page_highlights_evidence_and_quotes(client: Any) -> None:
    docs = client.get("/api/documents").json()["items"]
    doc_id = next(d["id"] for d in docs if d["doc"] == "ambush-a")
    page = client.get(f"/documents/{doc_id}").text
    assert re.search(r'<mark class="hl f-evidence-1 ev"[^>]*>قُتل سبعة', page)
    assert re.search(r'<mark class="hl f-quote-1 qt"[^>]*>الهجوم استمر نحو ساعة</mark>', page)
    assert "&lt;em&gt;المرصد&lt;/em&gt;" in page and "<em>" not in page
