"""The repository: the only code that writes SQL. Bound parameters only.

>>> repo = Repository.open("sqlite:///hadath.db")
>>> result = repo.add_document(hadath.extract(text, pub_date="2023-01-09"))
>>> page = repo.events(EventQuery(since="2023-01-01"))

Writes (``add_documents``, ``correct``) run in one write transaction per batch, under
the writer lock (:mod:`hadath.store.engine`), so concurrent ingests queue instead of
losing data; dedup reads the candidate clusters inside that same transaction.
The reads (:mod:`hadath.store.queries`) return plain dicts shaped as CONTRACT.md's
"Stored events".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hadath import dedup
from hadath.document import Document, Event
from hadath.errors import StoreError, UsageError
from hadath.store import schema as t
from hadath.store.engine import begin_write, make_engine, migrate
from hadath.store.fields import CORRECTABLE, check_value
from hadath.store.queries import EVENT_COLUMNS, EventQuery, Page, Reads, reports

__all__ = ["CORRECTABLE", "AddResult", "EventQuery", "Page", "Repository", "add_all"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class AddResult:
    """What storing one document did: ``status`` is new, duplicate, version or refreshed."""

    status: str
    document_id: int
    doc: str
    events: int = 0
    clusters: list[int] = field(default_factory=list)
    merged: int = 0


class Repository(Reads):
    """Stored documents, events and clusters behind one database URL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Repository:
        """Open (and create or migrate) the database at ``url``."""
        engine = make_engine(url)
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
        except sa.exc.SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open database {url!r}: {exc}") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def add_document(self, doc: Document) -> AddResult:
        return self.add_documents([doc])[0]

    def add_documents(self, docs: Sequence[Document], refresh: bool = False) -> list[AddResult]:
        """Store a batch of extracted documents in one transaction, then dedup their events.

        A text already stored is a ``duplicate``; with ``refresh`` its events, mentions
        and quotes are replaced by the new extraction instead (``refreshed``), keeping
        the stored events' ids and reviews where the events still match."""
        try:
            with begin_write(self.engine) as conn:
                return [_add(conn, doc, refresh) for doc in docs]
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot store documents: {exc}") from exc

    def correct(
        self, event_id: int, field_name: str, value: Any, reviewer: str, reason: str
    ) -> dict[str, Any]:
        """A reviewer's correction of one field of a stored event; the machine's value
        stays beside it and the change joins the audit trail. Returns the event."""
        if field_name not in CORRECTABLE:
            raise UsageError(f"field {field_name!r} cannot be corrected")
        if not reviewer.strip() or not reason.strip():
            raise UsageError("a correction needs a reviewer and a reason")
        check_value(field_name, value)
        with begin_write(self.engine) as conn:
            row = conn.execute(
                sa.select(t.clusters.c.record).where(t.clusters.c.id == event_id)
            ).first()
            if row is None:
                raise StoreError(f"no stored event {event_id}")
            record = json.loads(row.record)
            conn.execute(
                t.reviews.insert().values(
                    cluster_id=event_id,
                    field=field_name,
                    old_value=json.dumps(record.get(field_name), ensure_ascii=False),
                    new_value=json.dumps(value, ensure_ascii=False),
                    reviewer=reviewer.strip(),
                    reason=reason.strip(),
                    created_at=_now(),
                )
            )
            _rebuild_cluster(conn, event_id)
        found = self.event(event_id)
        assert found is not None
        return found


# -- writing helpers (all inside one write transaction) ------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _insert_id(conn: Connection, stmt: Any) -> int:
    key = conn.execute(stmt).inserted_primary_key
    if key is None:
        raise StoreError("the database returned no id for a new row")
    return int(key[0])


def _source_id(conn: Connection, locator: str, kind: str) -> int:
    found = conn.execute(sa.select(t.sources.c.id).where(t.sources.c.locator == locator)).scalar()
    if found is not None:
        return int(found)
    ins = t.sources.insert().values(locator=locator, kind=kind, first_seen=_now())
    return _insert_id(conn, ins)


# Sources with no identity of their own: a new text there is a new article, not a version.
_ANONYMOUS = frozenset({"", "-", "stdin", "api"})


def _version_key(doc: Document, digest: str) -> str:
    """What identifies "the same article" across versions: its URL, else its file and
    record id; texts from stdin or the API without either are never versions."""
    if doc.url:
        return doc.url
    if doc.source in _ANONYMOUS:
        return f"sha256:{digest}"
    return f"{doc.source}#{doc.doc}"


def _add(conn: Connection, doc: Document, refresh: bool = False) -> AddResult:
    digest = content_hash(doc.text)
    d = t.documents.c
    existing = conn.execute(sa.select(d.id).where(d.content_hash == digest)).scalar()
    if existing is not None:
        if refresh:
            return _refresh(conn, int(existing), doc)
        return AddResult("duplicate", int(existing), doc.doc)
    key = _version_key(doc, digest)
    prev = conn.execute(
        sa.select(d.id, d.version).where(d.version_key == key, d.superseded_by.is_(None))
    ).first()
    locator = doc.url or doc.source
    kind = "url" if locator.startswith(("http://", "https://")) else "file"
    document_id = _insert_id(
        conn,
        t.documents.insert().values(
            content_hash=digest,
            version_key=key,
            version=(prev.version + 1) if prev else 1,
            source_id=_source_id(conn, locator, kind),
            doc=doc.doc,
            text=doc.text,
            ingested_at=_now(),
            **_doc_meta(doc),
        ),
    )
    old_reports: list[dedup.Report] = []
    if prev is not None:
        conn.execute(t.documents.update().where(d.id == prev.id).values(superseded_by=document_id))
        old_reports = _detach(conn, prev.id)
    result = AddResult("version" if prev else "new", document_id, doc.doc)
    _store_events(conn, document_id, doc, old_reports, result)
    return result


def _doc_meta(doc: Document) -> dict[str, Any]:
    return {
        "url": doc.url,
        "title": doc.title,
        "pub_date": doc.pub_date.isoformat() if doc.pub_date else None,
        "outlet": doc.outlet,
        "author": doc.author,
        "warnings": _json(doc.warnings),
        "meta": _json({"meta_origin": doc.meta_origin}),
    }


def _detach(conn: Connection, document_id: int) -> list[dedup.Report]:
    """Take a document's events out of their stored events; returns them as they were."""
    old = reports(conn, t.events.c.document_id == document_id)
    conn.execute(
        t.events.update().where(t.events.c.document_id == document_id).values(cluster_id=None)
    )
    return old


def _refresh(conn: Connection, document_id: int, doc: Document) -> AddResult:
    """Replace a stored text's annotations with a new extraction (a newer pipeline)."""
    old_reports = _detach(conn, document_id)
    for table in (t.events, t.mentions, t.quotes):
        conn.execute(table.delete().where(table.c.document_id == document_id))
    conn.execute(
        t.documents.update().where(t.documents.c.id == document_id).values(**_doc_meta(doc))
    )
    result = AddResult("refreshed", document_id, doc.doc)
    _store_events(conn, document_id, doc, old_reports, result)
    return result


def _store_events(
    conn: Connection,
    document_id: int,
    doc: Document,
    old_reports: list[dedup.Report],
    result: AddResult,
) -> None:
    """Insert a document's events, mentions and quotes, and dedup its events."""
    _insert_children(conn, document_id, doc)
    new_reports = reports(conn, t.events.c.document_id == document_id)
    touched: set[int] = {r.meta["cluster_id"] for r in old_reports if r.meta.get("cluster_id")}
    result.events = len(new_reports)
    for report in new_reports:
        cluster_id, merged = _place(conn, report, old_reports)
        touched.add(cluster_id)
        result.clusters.append(cluster_id)
        result.merged += int(merged)
    for cluster_id in sorted(touched):
        _rebuild_cluster(conn, cluster_id)


def _insert_children(conn: Connection, document_id: int, doc: Document) -> None:
    rows = [_event_values(document_id, n, e) for n, e in enumerate(doc.events, 1)]
    if rows:
        conn.execute(t.events.insert(), rows)
    mentions = [
        {
            "document_id": document_id,
            "kind": m.kind,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "attrs": _json(m.attrs),
        }
        for m in doc.mentions
    ]
    if mentions:
        conn.execute(t.mentions.insert(), mentions)
    quotes = [{"document_id": document_id} | q.to_dict() for q in doc.quotes]
    if quotes:
        conn.execute(t.quotes.insert(), quotes)


def _event_values(document_id: int, ordinal: int, event: Event) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(event, name) for name in EVENT_COLUMNS}
    values.update(
        document_id=document_id,
        ordinal=ordinal,
        event_key=event.id or f"#{ordinal}",
        reported_by=_json(list(event.reported_by)),
        spans=_json(event.spans),
        figures=_json(event.figures),
        extra=_json(
            {
                k: v
                for k, v in {
                    "date_expr": event.date_expr,
                    "site_ar": event.site_ar,
                    "notes": event.notes,
                    **event.extra,
                }.items()
                if v is not None
            }
        ),
    )
    return values


def _place(conn: Connection, report: dedup.Report, old: list[dedup.Report]) -> tuple[int, bool]:
    """Put ``report`` into a cluster: the cluster of the same event in the previous
    version of its document, else the best matching cluster, else a new one."""
    e = t.events.c
    for prior in old:
        cluster_id = prior.meta.get("cluster_id")
        if cluster_id is None:
            continue
        # A version of the same article: compare as if from another document.
        probe = dedup.Report(prior.key, prior.label, prior.doc_key + "@old", prior.fields)
        taken = conn.execute(
            sa.select(sa.func.count()).where(
                e.cluster_id == cluster_id, e.document_id == report.meta["document_id"]
            )
        ).scalar_one()
        if not taken and dedup.compare(report, probe) is not None:
            others = _cluster_members(conn, [cluster_id], light=True).get(cluster_id, [])
            if all(dedup.compare(report, m) is not None for m in others):
                _join(conn, report, cluster_id, f"new version of {prior.label}", [])
                return cluster_id, bool(others)
    candidates = _candidate_clusters(conn, report)
    found = dedup.best_cluster(report, candidates)
    if found is not None:
        cluster_id, match = found
        partner = candidates[cluster_id][0].label
        _join(conn, report, cluster_id, partner, list(match.reasons))
        return cluster_id, True
    ins = t.clusters.insert().values(n_reports=0, reasons="[]", record="{}", updated_at=_now())
    cluster_id = _insert_id(conn, ins)
    conn.execute(t.events.update().where(e.id == report.key).values(cluster_id=cluster_id))
    return cluster_id, False


def _join(
    conn: Connection, report: dedup.Report, cluster_id: int, partner: str, why: list[str]
) -> None:
    conn.execute(t.events.update().where(t.events.c.id == report.key).values(cluster_id=cluster_id))
    reasons = json.loads(
        conn.execute(
            sa.select(t.clusters.c.reasons).where(t.clusters.c.id == cluster_id)
        ).scalar_one()
    )
    reasons.append({"report": report.label, "joined": partner, "reasons": why})
    conn.execute(
        t.clusters.update().where(t.clusters.c.id == cluster_id).values(reasons=_json(reasons))
    )


def _candidate_clusters(conn: Connection, report: dedup.Report) -> dict[int, list[dedup.Report]]:
    """Clusters whose stored event could match ``report``; every member of a cluster
    must match, its lead (whose date and precision the cluster row holds) included, so
    the lead's window bounds the search."""
    day = report.day
    if day is None or not report.get("event_type"):
        return {}
    windows = dedup.rules().windows
    own = windows.get(report.get("date_precision") or "day", windows["day"])
    c = t.clusters.c

    def around(days: int) -> Any:
        return c.date.between(
            (day - dt.timedelta(days=days)).isoformat(), (day + dt.timedelta(days=days)).isoformat()
        )

    dates = [
        sa.and_(c.date_precision == precision, around(max(own, days)))
        for precision, days in windows.items()
    ]
    dates.append(sa.and_(c.date_precision.is_(None), around(own)))
    ids = conn.execute(
        sa.select(c.id).where(
            c.n_reports > 0, c.event_type == report.get("event_type"), sa.or_(*dates)
        )
    ).scalars()
    return _cluster_members(conn, [int(i) for i in ids], light=True)


def _cluster_members(
    conn: Connection, ids: list[int], light: bool = False
) -> dict[int, list[dedup.Report]]:
    out: dict[int, list[dedup.Report]] = {i: [] for i in ids}
    if ids:
        for r in reports(conn, t.events.c.cluster_id.in_(ids), light):
            out[r.meta["cluster_id"]].append(r)
    return out


def _rebuild_cluster(conn: Connection, cluster_id: int) -> None:
    """Recompute the stored event of a cluster from its reports and reviews."""
    members = _cluster_members(conn, [cluster_id])[cluster_id]
    c = t.clusters.c
    where = c.id == cluster_id
    if not members:
        has_reviews = conn.execute(
            sa.select(sa.func.count()).where(t.reviews.c.cluster_id == cluster_id)
        ).scalar_one()
        if has_reviews:
            conn.execute(t.clusters.update().where(where).values(n_reports=0, updated_at=_now()))
        else:
            conn.execute(t.clusters.delete().where(where))
        return
    record = dedup.merge(members)
    _applyreview_rows(conn, cluster_id, record)
    conn.execute(
        t.clusters.update()
        .where(where)
        .values(
            event_type=record.get("event_type"),
            sub_event_type=record.get("sub_event_type"),
            date=record.get("date"),
            date_precision=record.get("date_precision"),
            actor1=record.get("actor1"),
            actor2=record.get("actor2"),
            actor1_family=dedup.family(record.get("actor1")),
            actor2_family=dedup.family(record.get("actor2")),
            location_ar=record.get("location_ar"),
            admin1=record.get("admin1"),
            latitude=record.get("latitude"),
            longitude=record.get("longitude"),
            fatalities=record.get("fatalities"),
            n_reports=len(members),
            record=_json(record),
            updated_at=_now(),
        )
    )


def _applyreview_rows(conn: Connection, cluster_id: int, record: dict[str, Any]) -> None:
    rows = conn.execute(
        sa.select(t.reviews).where(t.reviews.c.cluster_id == cluster_id).order_by(t.reviews.c.id)
    ).mappings()
    corrections: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = row["field"]
        machine = corrections[name]["machine"] if name in corrections else record.get(name)
        value = json.loads(row["new_value"])
        record[name] = value
        corrections[name] = {
            "machine": machine,
            "value": value,
            "by": row["reviewer"],
            "at": row["created_at"],
            "reason": row["reason"],
        }
    if corrections:
        record["corrections"] = corrections


def add_all(repo: Repository, docs: Iterable[Document], batch: int = 25) -> list[AddResult]:
    """Store ``docs`` in batches (a convenience for scripts and tests)."""
    out: list[AddResult] = []
    pending: list[Document] = []
    for doc in docs:
        pending.append(doc)
        if len(pending) >= batch:
            out += repo.add_documents(pending)
            pending = []
    if pending:
        out += repo.add_documents(pending)
    return out
