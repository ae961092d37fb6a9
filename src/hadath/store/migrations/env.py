"""Alembic environment: run by :func:`hadath.store.migrate.upgrade` on an open connection.

Not meant for the ``alembic`` command line: hadath passes its own connection in
``config.attributes["connection"]`` so the migration runs inside the caller's
transaction (and its lock).
"""

from __future__ import annotations

from alembic import context

from hadath.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
