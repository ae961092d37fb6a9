"""The database schema (SQLAlchemy Core), the same for SQLite and PostgreSQL.

Tables:

- ``sources``: where documents came from (a path or a URL), once each.
- ``documents``: one row per distinct text (``content_hash`` is unique, so ingesting the
  same article twice stores it once). A new text under the same ``version_key`` (the URL,
  else source + doc id) is a new row with ``version`` + 1; the old row gets
  ``superseded_by`` and its events leave the clusters.
- ``events``: the machine's events per document, with evidence offsets and the
  ``spans`` of each field; ``cluster_id`` links a report to its stored event.
- ``mentions``, ``quotes``: per document, offsets into the document's text.
- ``clusters``: the stored, deduplicated events. ``record`` holds the merged event
  (with corrections applied and its reports); the plain columns copy the values the
  queries filter on. ``reasons`` says why its reports were put together.
- ``reviews``: corrections (who, when, why, old and new value), an append-only trail.

The migrations under ``store/migrations`` create exactly these tables; a test checks
that they agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# JSON values are stored as text (portable; nothing queries inside them).
Json = sa.Text

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("locator", sa.Text, nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("first_seen", sa.String(32), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("version_key", sa.Text, nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("superseded_by", sa.Integer, sa.ForeignKey("documents.id"), nullable=True),
    sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id"), nullable=False),
    sa.Column("doc", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("pub_date", sa.String(10)),
    sa.Column("outlet", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("warnings", Json, nullable=False, default="[]"),
    sa.Column("meta", Json, nullable=False, default="{}"),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_type", sa.Text, index=True),
    sa.Column("sub_event_type", sa.Text),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("date_precision", sa.Text),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("actor1_family", sa.Text),
    sa.Column("actor2_family", sa.Text),
    sa.Column("location_ar", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("fatalities", sa.Integer),
    sa.Column("n_reports", sa.Integer, nullable=False, default=0),
    sa.Column("reasons", Json, nullable=False, default="[]"),
    sa.Column("record", Json, nullable=False, default="{}"),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("event_key", sa.Text, nullable=False),
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), index=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("date", sa.String(10), index=True),
    sa.Column("date_precision", sa.Text),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("unit1", sa.Text),
    sa.Column("unit2", sa.Text),
    sa.Column("location_ar", sa.Text),
    sa.Column("location_en", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("fatalities", sa.Integer),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("captured_or_missing", sa.Integer),
    sa.Column("claimed_by", sa.Text),
    sa.Column("reported_by", Json, nullable=False, default="[]"),
    sa.Column("certainty", sa.Text),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("spans", Json, nullable=False, default="{}"),
    sa.Column("figures", Json, nullable=False, default="[]"),
    sa.Column("extra", Json, nullable=False, default="{}"),
    sa.UniqueConstraint("document_id", "ordinal"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("attrs", Json, nullable=False, default="{}"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "document_id",
        sa.Integer,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_role", sa.Text),
    sa.Column("affiliation", sa.Text),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("reported_via", sa.Text),
    sa.Column("quote_start", sa.Integer, nullable=False),
    sa.Column("quote_end", sa.Integer, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
)

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id"), nullable=False, index=True),
    sa.Column("field", sa.Text, nullable=False),
    sa.Column("old_value", Json, nullable=False),
    sa.Column("new_value", Json, nullable=False),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)
