"""The store engineer's database fixtures (a SQLite file; a throwaway PostgreSQL server)."""

from tests.store.conftest import db_url, pg_server

__all__ = ["db_url", "pg_server"]
