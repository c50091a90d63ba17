"""Fixtures shared by the core tests: a real PostgreSQL server (tests/core/pg_support.py)."""

from tests.core.pg_support import pg_database, pg_server

__all__ = ["pg_database", "pg_server"]
