"""Reading the store: stored events with filters and paging, documents, reviews.

Read-only (the writes are all in :mod:`hadath.store.repository`, which inherits these
methods). Results are plain dicts shaped as CONTRACT.md's "Stored events".
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, RowMapping

from hadath import dedup
from hadath.errors import UsageError
from hadath.store import schema as t

EVENT_COLUMNS = (
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "actor1",
    "actor2",
    "unit1",
    "unit2",
    "location_ar",
    "location_en",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "captured_or_missing",
    "claimed_by",
    "certainty",
    "evidence",
    "evidence_start",
    "evidence_end",
)


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of ``hadath events`` and ``/api/events`` (all optional)."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    type: str | None = None
    near: tuple[float, float] | None = None
    km: float = 25.0


@dataclass(slots=True)
class Page:
    total: int
    items: list[dict[str, Any]]
    limit: int | None = None
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


def date_arg(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise UsageError(f"{name} must be YYYY-MM-DD, got {value!r}") from exc


class Reads:
    """The read methods of :class:`~hadath.store.repository.Repository`."""

    engine: Engine

    def events(
        self, query: EventQuery | None = None, limit: int | None = None, offset: int = 0
    ) -> Page:
        """Stored events (one per real event, after dedup), newest first."""
        query = query or EventQuery()
        c = t.clusters.c
        conds: list[Any] = [c.n_reports > 0]
        since, until = date_arg(query.since, "--since"), date_arg(query.until, "--until")
        if since:
            conds.append(c.date >= since)
        if until:
            conds.append(c.date <= until)
        if query.type:
            low = query.type.strip().lower()
            conds.append(
                sa.or_(sa.func.lower(c.event_type) == low, sa.func.lower(c.sub_event_type) == low)
            )
        if query.actor:
            needle = query.actor.strip().lower()
            ors = [
                sa.func.lower(c.actor1).contains(needle, autoescape=True),
                sa.func.lower(c.actor2).contains(needle, autoescape=True),
            ]
            fam = dedup.family_of_query(needle)
            if fam:
                ors += [c.actor1_family == fam, c.actor2_family == fam]
            conds.append(sa.or_(*ors))
        if query.near is not None:
            lat, lon = query.near
            dlat = query.km / 111.0
            dlon = query.km / (111.0 * max(0.01, math.cos(math.radians(lat))))
            conds += [c.latitude.between(lat - dlat, lat + dlat)]
            conds += [c.longitude.between(lon - dlon, lon + dlon)]
        stmt = sa.select(c.id, c.record, c.latitude, c.longitude).where(*conds)
        stmt = stmt.order_by(c.date.desc().nulls_last(), c.id.desc())
        with self.engine.connect() as conn:
            if query.near is None:
                total = conn.execute(
                    sa.select(sa.func.count()).select_from(t.clusters).where(*conds)
                ).scalar_one()
                if limit is not None:
                    stmt = stmt.limit(limit)
                rows = conn.execute(stmt.offset(offset)).all()
            else:
                lat, lon = query.near
                rows = [
                    r
                    for r in conn.execute(stmt).all()
                    if dedup.haversine_km(lat, lon, r.latitude, r.longitude) <= query.km
                ]
                total = len(rows)
                rows = rows[offset : offset + limit if limit is not None else None]
        return Page(total, [public(json.loads(r.record), r.id) for r in rows], limit, offset)

    def event(self, event_id: int) -> dict[str, Any] | None:
        """One stored event with its reports, the dedup reasons and the review trail."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.clusters).where(t.clusters.c.id == event_id)).first()
            if row is None:
                return None
            out = public(json.loads(row.record), row.id)
            out["dedup_reasons"] = json.loads(row.reasons)
            out["reviews"] = review_rows(conn, event_id)
        return out

    def reviews(self, event_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return review_rows(conn, event_id)

    def documents(self, limit: int | None = 50, offset: int = 0) -> Page:
        d = t.documents.c
        cols = [d.id, d.doc, d.url, d.title, d.pub_date, d.outlet, d.author, d.version]
        cols += [d.superseded_by, d.content_hash, d.ingested_at, t.sources.c.locator]
        stmt = (
            sa.select(*cols)
            .join(t.sources, t.sources.c.id == d.source_id)
            .order_by(d.id.desc())
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(t.documents)).scalar_one()
            rows = conn.execute(stmt).mappings().all()
        return Page(total, [document_meta(r) for r in rows], limit, offset)

    def document(self, document_id: int, with_text: bool = True) -> dict[str, Any] | None:
        """A stored document: metadata, its machine events, quotes and mentions."""
        d = t.documents.c
        with self.engine.connect() as conn:
            row = (
                conn.execute(
                    sa.select(t.documents, t.sources.c.locator)
                    .join(t.sources, t.sources.c.id == d.source_id)
                    .where(d.id == document_id)
                )
                .mappings()
                .first()
            )
            if row is None:
                return None
            out = document_meta(row)
            out["warnings"] = json.loads(row["warnings"])
            if with_text:
                out["text"] = row["text"]
            ev = conn.execute(
                sa.select(t.events)
                .where(t.events.c.document_id == document_id)
                .order_by(t.events.c.ordinal)
            ).mappings()
            out["events"] = [event_row(e) for e in ev]
            qs = conn.execute(
                sa.select(t.quotes)
                .where(t.quotes.c.document_id == document_id)
                .order_by(t.quotes.c.id)
            ).mappings()
            out["quotes"] = [{k: q[k] for k in q if k not in ("id", "document_id")} for q in qs]
            ms = conn.execute(
                sa.select(t.mentions)
                .where(t.mentions.c.document_id == document_id)
                .order_by(t.mentions.c.start)
            ).mappings()
            out["mentions"] = [
                {"kind": m["kind"], "text": m["text"], "start": m["start"], "end": m["end"]}
                | json.loads(m["attrs"])
                for m in ms
            ]
        return out

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:

            def count(table: sa.Table, *where: Any) -> int:
                stmt = sa.select(sa.func.count()).select_from(table).where(*where)
                return int(conn.execute(stmt).scalar_one())

            return {
                "documents": count(t.documents),
                "events": count(t.events),
                "stored_events": count(t.clusters, t.clusters.c.n_reports > 0),
                "merged": count(t.clusters, t.clusters.c.n_reports > 1),
                "reviews": count(t.reviews),
            }


def event_row(row: RowMapping) -> dict[str, Any]:
    out: dict[str, Any] = {"id": row["event_key"], "event_row": row["id"]}
    out.update({name: row[name] for name in EVENT_COLUMNS})
    out["reported_by"] = json.loads(row["reported_by"])
    out.update(json.loads(row["extra"]))
    spans = json.loads(row["spans"])
    if spans:
        out["spans"] = spans
    figures = json.loads(row["figures"])
    if figures:
        out["figures"] = figures
    out["cluster_id"] = row["cluster_id"]
    return out


# What dedup.compare reads: candidates load only these (no JSON to parse).
COMPARE_COLUMNS = (
    "id",
    "document_id",
    "event_key",
    "cluster_id",
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "actor1",
    "actor2",
    "location_ar",
    "location_en",
    "latitude",
    "longitude",
    "geo_precision",
)


def reports(conn: Connection, where: Any, light: bool = False) -> list[dedup.Report]:
    """Events as dedup Reports; ``light`` loads only what comparing needs."""
    d = t.documents.c
    columns = [t.events.c[name] for name in COMPARE_COLUMNS] if light else [t.events]
    stmt = (
        sa.select(
            *columns,
            d.version_key,
            d.doc,
            d.outlet,
            d.pub_date.label("doc_pub_date"),
            d.url,
            t.sources.c.locator,
        )
        .join(t.documents, d.id == t.events.c.document_id)
        .join(t.sources, t.sources.c.id == d.source_id)
        .where(where)
        .order_by(t.events.c.id)
    )
    reports = []
    for row in conn.execute(stmt).mappings():
        if light:
            fields = {name: row[name] for name in COMPARE_COLUMNS[4:]}
        else:
            fields = event_row(row)
            fields.pop("event_row", None)
            fields.pop("cluster_id", None)
        fields["id"] = row["event_key"]
        meta = {
            "document_id": row["document_id"],
            "doc": row["doc"],
            "source": row["locator"],
            "outlet": row["outlet"],
            "pub_date": row["doc_pub_date"],
            "url": row["url"],
            "cluster_id": row["cluster_id"],
        }
        reports.append(dedup.Report(row["id"], row["event_key"], row["version_key"], fields, meta))
    return reports


def review_rows(conn: Connection, cluster_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(t.reviews).where(t.reviews.c.cluster_id == cluster_id).order_by(t.reviews.c.id)
    ).mappings()
    return [
        {
            "id": r["id"],
            "field": r["field"],
            "old_value": json.loads(r["old_value"]),
            "new_value": json.loads(r["new_value"]),
            "reviewer": r["reviewer"],
            "reason": r["reason"],
            "at": r["created_at"],
        }
        for r in rows
    ]


def public(record: dict[str, Any], cluster_id: int) -> dict[str, Any]:
    record = dict(record)
    record["machine_id"] = record.get("id")
    record["id"] = cluster_id
    return record


def document_meta(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "doc": row["doc"],
        "source": row["locator"],
        "url": row["url"],
        "title": row["title"],
        "pub_date": row["pub_date"],
        "outlet": row["outlet"],
        "author": row["author"],
        "version": row["version"],
        "superseded_by": row["superseded_by"],
        "content_hash": row["content_hash"],
        "ingested_at": row["ingested_at"],
    }
