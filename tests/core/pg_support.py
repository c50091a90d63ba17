"""A real, throwaway PostgreSQL server for the tests that need one (a team's server): Debian's
programs (initdb, pg_ctl) from /usr/lib/postgresql/*/bin, run as the ``postgres`` user when the
tests run as root. Without them the tests are skipped and say why.

The superuser ``bm`` logs in over the Unix socket without a password (the tests' administrator);
every other login needs its password (scram-sha-256), over the socket or TCP on 127.0.0.1, as on
a gemeente's server. Each test gets a database of its own; roles are cluster-wide, so the logins
a test adds are dropped after it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ADMIN = "bm"
HBA = f"""
local all {ADMIN} trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
"""


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return versions[0].parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    folder: Path
    port: int
    bindir: Path
    as_user: list[str]
    _names: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def admin_url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of the superuser over the Unix socket."""
        return f"postgresql+psycopg://{ADMIN}@/{database}?host={self.folder}&port={self.port}"

    def url(self, user: str, database: str, password: str | None = None) -> str:
        """The address a consultant types: TCP to 127.0.0.1, no password in it."""
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def admin_sql(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        conninfo = f"host={self.folder} port={self.port} user={ADMIN} dbname={database}"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self) -> str:
        name = f"team_{next(self._names)}"
        self.admin_sql(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def drop_logins(self) -> None:
        """Every login but the administrator (roles outlive a test's database)."""
        import psycopg

        conninfo = f"host={self.folder} port={self.port} user={ADMIN} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname <> %s", (ADMIN,)
            ).fetchall()
            for (name,) in rows:
                conn.execute(f'DROP ROLE "{name}"')  # type: ignore[arg-type]


def start_server() -> Iterator[PgServer]:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    bindir = _bin_dir()
    if bindir is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="blauwemap-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser to start PostgreSQL as another user")
        try:
            shutil.chown(folder, "postgres")
        except (LookupError, OSError):
            pytest.skip("running as root and there is no 'postgres' user to start the server")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", ADMIN, "-E", "UTF8",
        "--locale=C.UTF-8", "--no-sync")  # fmt: skip
    hba = folder / "pg_hba.conf"
    hba.write_text(HBA, encoding="utf-8")
    if as_user:
        shutil.chown(hba, "postgres")
    options = (
        f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off "
        f"-c hba_file={hba} -c max_connections=60"
    )
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
        "-w", "start")  # fmt: skip
    try:
        yield PgServer(folder, port, bindir, as_user)
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


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
