"""A real, throwaway PostgreSQL server for the tests that need one (a team's server), started by
bench/pgserver.py, which the benchmark shares: Debian's programs (initdb, pg_ctl) from
/usr/lib/postgresql/*/bin, run as the ``postgres`` user when the tests run as root. Without them
the tests are skipped and say why.

The superuser ``bm`` logs in over the Unix socket without a password (the tests' administrator);
every other login needs its password (scram-sha-256), over the socket or TCP on 127.0.0.1, as on
a gemeente's server. Each test gets a database of its own; roles are cluster-wide, so the logins
a test adds are dropped after it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.pgserver import ADMIN, PgServer, Unavailable, running_server

__all__ = ["ADMIN", "PgServer", "pg_database", "pg_server", "start_server"]


def start_server() -> Iterator[PgServer]:
    try:
        with running_server() as server:
            yield server
    except Unavailable as why:
        pytest.skip(str(why))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    yield from start_server()


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database on the test server; its name."""
    name = pg_server.new_database()
    try:
        yield name
    finally:
        pg_server.drop_database(name)
        pg_server.drop_logins()
