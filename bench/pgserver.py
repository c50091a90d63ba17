"""A real, throwaway PostgreSQL server: Debian's programs (initdb, pg_ctl) from
/usr/lib/postgresql/*/bin, run as the ``postgres`` user when we run as root. One implementation
for the tests (tests/core/pg_support.py turns :class:`Unavailable` into a skip) and the
benchmark (which prints the reason and leaves out its PostgreSQL rows).

The superuser ``bm`` logs in over the Unix socket without a password (the administrator, who
owns the tables after ``team init``); every other login needs its password (scram-sha-256), over
the socket or TCP on 127.0.0.1, as on a gemeente's server.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ADMIN = "bm"
HBA = f"""
local all {ADMIN} trust
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
"""


class Unavailable(RuntimeError):
    """No server can be started here; the message says why."""


def bin_dir() -> Path | None:
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

    def admin_conninfo(self, database: str = "postgres") -> str:
        """libpq connection string of the superuser over the Unix socket."""
        return f"host={self.folder} port={self.port} user={ADMIN} dbname={database}"

    def url(self, user: str, database: str, password: str | None = None) -> str:
        """The address a consultant types: TCP to 127.0.0.1, no password in it."""
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def connect_as(self, user: str, database: str, password: str) -> Any:
        """A psycopg connection as this login over TCP (autocommit): what psql would see."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=user,
            password=password,
            dbname=database,
            autocommit=True,
        )

    def admin_sql(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.admin_conninfo(database), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def new_database(self) -> str:
        name = f"team_{next(self._names)}"
        self.admin_sql(f"CREATE DATABASE {name}")
        return name

    def drop_database(self, name: str) -> None:
        self.admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def drop_logins(self) -> None:
        """Every login but the administrator (roles outlive a database)."""
        import psycopg

        with psycopg.connect(self.admin_conninfo(), autocommit=True) as conn:
            rows = conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolcanlogin AND rolname <> %s", (ADMIN,)
            ).fetchall()
            for (name,) in rows:
                conn.execute(f'DROP ROLE "{name}"')


@contextmanager
def running_server(
    *, max_connections: int = 60, durable: bool = False, settings: dict[str, str] | None = None
) -> Iterator[PgServer]:
    """Start a server in a temporary folder; stop it and remove everything afterwards.
    ``durable``: fsync as a real server does (the tests go without; the benchmark's saves pay
    for it, and it can switch it off while loading with ALTER SYSTEM, as nothing on the command
    line pins it). Raises :class:`Unavailable` when that cannot be done on this machine."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable("psycopg is not installed") from None
    bindir = bin_dir()
    if bindir is None:
        raise Unavailable("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="blauwemap-pg-"))
    if os.geteuid() == 0:  # the server refuses to run as root
        if shutil.which("runuser") is None:
            shutil.rmtree(folder, ignore_errors=True)
            raise Unavailable("running as root without runuser to start PostgreSQL as another user")
        try:
            shutil.chown(folder, "postgres")
        except (LookupError, OSError):
            shutil.rmtree(folder, ignore_errors=True)
            raise Unavailable(
                "running as root and there is no 'postgres' user to start the server"
            ) from None
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)

    started = False
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", ADMIN, "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        hba = folder / "pg_hba.conf"
        hba.write_text(HBA, encoding="utf-8")
        if as_user:
            shutil.chown(hba, "postgres")
        extra = "".join(f" -c {k}={v}" for k, v in (settings or {}).items())
        options = (
            f"-k {folder} -p {port} -c listen_addresses=127.0.0.1{'' if durable else ' -c fsync=off'} "
            f"-c hba_file={hba} -c max_connections={max_connections}{extra}"
        )
        run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
            "-w", "start")  # fmt: skip
        started = True
        yield PgServer(folder, port, bindir, as_user)
    finally:
        if started:
            subprocess.run(
                [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(folder, ignore_errors=True)
