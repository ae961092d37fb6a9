"""Labels whose values come from the pipeline or its data (actor families, certainty,
date precision, mention kinds, quote types) become unbounded text: PostgreSQL enforces
VARCHAR lengths, and an unlisted actor is its own family, as long as its name.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHANGES: tuple[tuple[str, str, int], ...] = (
    ("clusters", "date_precision", 8),
    ("clusters", "actor1_family", 32),
    ("clusters", "actor2_family", 32),
    ("events", "date_precision", 8),
    ("events", "certainty", 16),
    ("mentions", "kind", 16),
    ("quotes", "type", 16),
)


def upgrade() -> None:
    for table in sorted({t for t, _c, _n in CHANGES}):
        with op.batch_alter_table(table) as batch:
            for t, column, length in CHANGES:
                if t == table:
                    batch.alter_column(column, type_=sa.Text(), existing_type=sa.String(length))


def downgrade() -> None:
    for table in sorted({t for t, _c, _n in CHANGES}):
        with op.batch_alter_table(table) as batch:
            for t, column, length in CHANGES:
                if t == table:
                    batch.alter_column(column, type_=sa.String(length), existing_type=sa.Text())
