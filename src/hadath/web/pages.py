"""The analyst's web UI: server-rendered Arabic (RTL) pages over the event store.

Routes (HTML; the JSON API lives in :mod:`hadath.web.api`):

- ``GET /``: the map of stored events (Leaflet with an offline base layer built from the
  gazetteer), a timeline, the filters (date, actor, type, governorate) and the list.
- ``GET /events/{id}``: one stored event, its fields (a reviewer's value beside the
  machine's), each report's document text with the evidence and every field's span
  highlighted, and the correction form (posted by ``static/event.js`` to the API).
- ``GET /documents/{id}``: one stored document with all its events highlighted.

Every page is rendered by Jinja2 with autoescape on, so article text, titles and
reviewer input always show as text. Pages carry a strict Content-Security-Policy:
scripts only from ``/static`` (no inline script), data for the map and the timeline
travels in ``<script type="application/json">`` blocks, which browsers never execute.
Input: ``app.state.repo`` (a :class:`hadath.store.repository.Repository`). Output: HTML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, Undefined, select_autoescape

from hadath.errors import HadathError
from hadath.store.repository import CORRECTABLE, EventQuery, Repository
from hadath.web import access
from hadath.web.highlight import clean_spans, segments

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# The map and the timeline show at most this many events; the list is paged.
MAP_LIMIT = 5000
PAGE_SIZE = 50

EVENT_TYPES: dict[str, str] = {
    "Battles": "معارك",
    "Explosions/Remote violence": "انفجارات/عنف عن بعد",
    "Violence against civilians": "عنف ضد المدنيين",
    "Protests": "احتجاجات",
    "Riots": "أعمال شغب",
    "Strategic developments": "تطورات استراتيجية",
}

# Field order and Arabic labels of the event table (English names kept beside them).
FIELD_LABELS: dict[str, str] = {
    "event_type": "نوع الحدث",
    "sub_event_type": "النوع الفرعي",
    "date": "التاريخ",
    "date_precision": "دقة التاريخ",
    "actor1": "الفاعل الأول",
    "unit1": "وحدة الفاعل الأول",
    "actor2": "الفاعل الثاني",
    "unit2": "وحدة الفاعل الثاني",
    "location_ar": "المكان",
    "location_en": "المكان (إنجليزي)",
    "admin1": "المحافظة",
    "latitude": "خط العرض",
    "longitude": "خط الطول",
    "geo_precision": "دقة الموقع",
    "fatalities": "القتلى",
    "fatalities_low": "القتلى (الحد الأدنى)",
    "fatalities_high": "القتلى (الحد الأعلى)",
    "injured": "الجرحى",
    "captured_or_missing": "أسرى/مفقودون",
    "claimed_by": "تبنّاه",
    "reported_by": "المصادر",
    "certainty": "درجة اليقين",
}

# A field without a span of its own is shown at the span it was derived from.
SPAN_FALLBACK: dict[str, str] = {
    "sub_event_type": "event_type",
    "date_precision": "date",
    "location_ar": "location",
    "location_en": "location",
    "admin1": "location",
    "latitude": "location",
    "longitude": "location",
    "geo_precision": "location",
    "fatalities_low": "fatalities",
    "fatalities_high": "fatalities",
}

router = APIRouter(include_in_schema=False)
TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        event_types=EVENT_TYPES,
        field_labels=FIELD_LABELS,
        labels={**FIELD_LABELS, "evidence": "الدليل", "location": "المكان"},
        correctable=sorted(CORRECTABLE),
    )
    env.filters["show"] = show_value
    return env


def show_value(value: Any) -> str:
    """A field value as text: ``—`` for unknown (None), lists joined."""
    if value is None or value == [] or isinstance(value, Undefined):
        return "—"
    if isinstance(value, list):
        return "، ".join(str(v) for v in value)
    return str(value)


ENV = _environment()


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _repo(request: Request) -> Repository:
    # The API's read policy; the token may also come from the login cookie.
    access.check(request)
    repo: Repository = request.app.state.repo
    return repo


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def _text(value: str | None, limit: int = 200) -> str | None:
    value = (value or "").strip()
    return value[:limit] or None


def _map_item(event: dict[str, Any]) -> dict[str, Any]:
    """The few fields the map and the timeline need (sent as JSON inside the page)."""
    keys = ("id", "event_type", "sub_event_type", "date", "location_ar", "admin1")
    item = {k: event.get(k) for k in keys}
    item.update(
        lat=event.get("latitude"),
        lon=event.get("longitude"),
        fatalities=event.get("fatalities"),
        reports=len(event.get("reports") or []),
        actor1=event.get("actor1"),
    )
    return item


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    params = request.query_params
    filters = {
        "since": _date(params.get("since")),
        "until": _date(params.get("until")),
        "actor": _text(params.get("actor")),
        "type": _text(params.get("type")),
        "admin1": _text(params.get("admin1")),
    }
    try:
        page_no = max(1, int(params.get("page", "1")))
    except ValueError:
        page_no = 1
    query = EventQuery(
        since=filters["since"], until=filters["until"], actor=filters["actor"], type=filters["type"]
    )
    try:
        found = _repo(request).events(query, limit=MAP_LIMIT)
    except HadathError as exc:
        return render("error.html", status=400, message=exc.message)
    items = found.items
    # Governorate choices come from the events matching the other filters.
    governorates = sorted({e["admin1"] for e in items if e.get("admin1")})
    actors = sorted({a for e in items for a in (e.get("actor1"), e.get("actor2")) if a})
    sub_types = sorted({e["sub_event_type"] for e in items if e.get("sub_event_type")})
    if filters["admin1"]:
        items = [e for e in items if e.get("admin1") == filters["admin1"]]
    summary = {
        "events": len(items),
        "fatalities": sum(e.get("fatalities") or 0 for e in items),
        "merged": sum(1 for e in items if len(e.get("reports") or []) > 1),
        "reports": sum(len(e.get("reports") or []) for e in items),
    }
    start = (page_no - 1) * PAGE_SIZE
    return render(
        "index.html",
        filters=filters,
        events=items[start : start + PAGE_SIZE],
        total=len(items),
        truncated=found.total > MAP_LIMIT,
        page=page_no,
        pages=max(1, -(-len(items) // PAGE_SIZE)),
        governorates=governorates,
        actors=actors,
        sub_types=sub_types,
        summary=summary,
        map_data=[_map_item(e) for e in items],
        unlocated=sum(1 for e in items if e.get("latitude") is None),
        query_string=_query_string(filters),
    )


def _query_string(filters: dict[str, str | None]) -> str:
    return urlencode({k: v for k, v in filters.items() if v})


def _report_view(repo: Repository, report: dict[str, Any]) -> dict[str, Any]:
    """One report of an event: its document, the machine event and the text segments."""
    view = dict(report)
    document = repo.document(int(report["document_id"])) if report.get("document_id") else None
    if document is None:
        view.update(document=None, segments=[], spans={})
        return view
    text = document.get("text") or ""
    machine = next(
        (e for e in document["events"] if e.get("event_row") == report.get("event_id")), None
    )
    spans: dict[str, Any] = dict((machine or {}).get("spans") or {})
    spans["evidence"] = [report.get("evidence_start"), report.get("evidence_end")]
    good = clean_spans(text, {k: v for k, v in spans.items() if isinstance(v, list)})
    view.update(
        document=document,
        machine=machine,
        spans=good,
        segments=segments(text, good),
    )
    return view


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int) -> HTMLResponse:
    repo = _repo(request)
    event = repo.event(event_id)
    if event is None:
        return render("error.html", status=404, message=f"لا يوجد حدث برقم {event_id}")
    reports = [_report_view(repo, r) for r in event.get("reports") or []]
    keys = {k for r in reports for k in r["spans"]}
    row_span = {
        name: next((k for k in (name, SPAN_FALLBACK.get(name)) if k in keys), None)
        for name in FIELD_LABELS
    }
    return render(
        "event.html",
        event=event,
        reports=reports,
        row_span=row_span,
        corrections=event.get("corrections") or {},
        reviews=event.get("reviews") or [],
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: int) -> HTMLResponse:
    document = _repo(request).document(document_id)
    if document is None:
        return render("error.html", status=404, message=f"لا توجد وثيقة برقم {document_id}")
    text = document.get("text") or ""
    spans: dict[str, Any] = {
        f"evidence-{n}": [e.get("evidence_start"), e.get("evidence_end")]
        for n, e in enumerate(document["events"], 1)
    }
    names = {key: f"دليل الحدث {key.split('-')[1]}" for key in spans}
    for n, quote in enumerate(document.get("quotes") or [], 1):
        spans[f"quote-{n}"] = [quote.get("quote_start"), quote.get("quote_end")]
        names[f"quote-{n}"] = f"اقتباس {n}: {quote.get('speaker') or 'متحدث غير معروف'}"
    return render(
        "document.html",
        document=document,
        segments=segments(text, spans),
        doc_labels=names,
    )
