"""The event store: documents, events, mentions, quotes, clusters and reviews in SQL.

``Repository.open(url)`` creates or migrates the database (SQLite by default, PostgreSQL
with the same code) and is the only writer; see :mod:`hadath.store.repository`.
"""

from __future__ import annotations

from hadath.store.repository import AddResult, EventQuery, Page, Repository

__all__ = ["AddResult", "EventQuery", "Page", "Repository"]
