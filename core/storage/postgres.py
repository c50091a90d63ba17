"""A team's PostgreSQL server as the store: the URL, the login, and what its errors mean.

Everything that knows the store is a server lives here (roles and policies: core.storage.team).
The password is never part of the URL people type: libpq finds it itself (``PGPASSWORD``,
``~/.pgpass``, a ``service`` file); only when the server asks for one and none was found is the
``ask_password`` callback called (a terminal prompt, a login dialog). ``sslmode=verify-full`` and
``sslrootcert=FILE`` in the URL's query are handed to libpq unchanged. Errors are told apart by
SQLSTATE, by libpq's "needs a password" flag and by errno, never by message text.
"""

from __future__ import annotations

import errno
import logging
import socket
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from core.db import Database
from core.errors import PasswordNeededError, ServerLoginError, StorageError, ValidationError
from core.i18n import _

log = logging.getLogger(__name__)

DATABASE_URL_ENV = "BLAUWEMAP_DATABASE_URL"
SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}
CONNECT_TIMEOUT_S = 10
VERIFYING_SSL_MODES = {"verify-ca", "verify-full"}

LOGIN_REFUSED = {"28P01", "28000"}  # invalid_password, invalid_authorization_specification
NO_SUCH_DATABASE = "3D000"
NO_RIGHTS = {"42501", "42P01"}  # insufficient_privilege; a table not there (not set up)
BUSY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


def is_server_url(value: str | None) -> bool:
    return bool(value) and str(value).split(":", 1)[0].lower() in SCHEMES


def parse_url(value: str) -> URL:
    """The URL as SQLAlchemy takes it (psycopg 3 driver); a clear error for anything else."""
    try:
        url = make_url(value.strip())
    except ArgumentError:
        url = None
    if url is None or url.drivername not in SCHEMES or not url.database:
        raise ValidationError(
            _("This is not a team server address. Use postgresql://USER@HOST:PORT/DATABASE."),
            field="database_url",
        )
    return url.set(drivername="postgresql+psycopg")


def describe(url: URL) -> str:
    """Where the data lives, for the title bar and messages: never the password."""
    host = url.host or url.query.get("host") or "localhost"
    port = f":{url.port}" if url.port else ""
    user = f"{url.username}@" if url.username else ""
    return f"{user}{host}{port}/{url.database}"


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", exc), "sqlstate", None)


def _needs_password(exc: BaseException) -> bool:
    pgconn = getattr(getattr(exc, "orig", exc), "pgconn", None)
    return bool(getattr(pgconn, "needs_password", False))


def _reachable(url: URL) -> bool:
    """Whether something listens where the URL points (tells "server down" from a TLS or login
    problem after a failed connection, by errno rather than by libpq's message text)."""
    host = url.host or str(url.query.get("host") or "")
    port = url.port or int(str(url.query.get("port") or 5432))
    if not host or host.startswith("/"):
        return Path(host or "/var/run/postgresql", f".s.PGSQL.{port}").exists()
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            return True
    except OSError as exc:
        log.info("team server not reachable (errno %s)", errno.errorcode.get(exc.errno or 0))
        return False


def server_error(
    exc: BaseException, *, url: URL | None = None, opening: bool = False
) -> StorageError:
    """A driver error as a message that names the cause (never with personal data)."""
    state = _sqlstate(exc)
    if state in LOGIN_REFUSED:
        return _login_refused()
    if state == NO_SUCH_DATABASE:
        return _no_such_database()
    if state in NO_RIGHTS:
        return StorageError(
            _("This login has no rights on the team server's dossiers. Ask the beheerder.")
        )
    if state in BUSY:
        return StorageError(
            _("Another consultant is changing this dossier. Try again in a moment.")
        )
    if state is None or state.startswith(("08", "57")):
        if not opening:
            return StorageError(
                _(
                    "The connection to the team server was lost. Nothing of this change was saved; try again."
                )
            )
        if url is not None:
            return _diagnose_connect(exc, url)
        return _unreachable()
    return StorageError(_("The team server could not read or write the data."))


def _login_refused() -> ServerLoginError:
    return ServerLoginError(
        _("The team server refused the login: check the user name and password.")
    )


def _no_such_database() -> StorageError:
    return StorageError(_("The team server has no database of this name. Check the address."))


def _unreachable() -> StorageError:
    return StorageError(
        _("The team server cannot be reached. Check the address and that the server runs.")
    )


def _diagnose_connect(exc: BaseException, url: URL) -> StorageError:
    """libpq reports a failed connection without SQLSTATE: tell the causes apart by its flags,
    by errno, and by connecting once more to the server's maintenance database."""
    if not _reachable(url):
        return _unreachable()
    exists = _database_exists(url)  # the login works, so the database is the problem
    if exists is False:
        return _no_such_database()
    if exists is True:
        return StorageError(
            _("This login has no rights on the team server's dossiers. Ask the beheerder.")
        )
    pgconn = getattr(getattr(exc, "orig", exc), "pgconn", None)
    if getattr(pgconn, "used_password", False):
        return _login_refused()
    mode = str(url.query.get("sslmode") or "")
    if mode in VERIFYING_SSL_MODES:
        return StorageError(
            _(
                "The team server's certificate could not be verified (sslmode={mode}). "
                "Check sslrootcert and the host name in the address."
            ).format(mode=mode)
        )
    return _unreachable()


def _database_exists(url: URL) -> bool | None:
    """Whether the server has the URL's database (asked in the ``postgres`` database with the
    same login); None when that cannot be asked either."""
    engine = make_engine(url.set(database="postgres"))
    try:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": url.database}
            ).first()
            return found is not None
    except DBAPIError:
        return None
    finally:
        engine.dispose()


def make_engine(url: URL) -> Engine:
    query = dict(url.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    query.setdefault("application_name", "blauwemap")
    # hide_parameters: an error message (and so a log line) never carries the values typed in
    return create_engine(url.set(query=query), hide_parameters=True, pool_pre_ping=True)


def connect(value: str, ask_password: Callable[[str], str | None] | None = None) -> Engine:
    """An engine whose login the server has accepted; asks for the password at most once."""
    url = parse_url(value)
    engine = make_engine(url)
    try:
        _probe(engine)
        return engine
    except DBAPIError as exc:
        engine.dispose()
        if not (_needs_password(exc) and url.password is None):
            raise server_error(exc, url=url, opening=True) from None
    password = ask_password(describe(url)) if ask_password else None
    if not password:
        raise PasswordNeededError(
            _(
                "The team server needs a password: give it in PGPASSWORD or ~/.pgpass, or "
                "run the command on a terminal."
            )
        )
    engine = make_engine(url.set(password=password))
    try:
        _probe(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise server_error(exc, url=url, opening=True) from None
    return engine


def _probe(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def open_server(
    value: str,
    ask_password: Callable[[str], str | None] | None = None,
    *,
    check_schema: bool = True,
) -> Database:
    """The team server's database, checked to be at this version's schema (``team init``
    brings it there; a consultant's app never changes the server's schema)."""
    from core.migrations import HEAD, known_revisions

    engine = connect(value, ask_password)
    db = as_database(engine)
    if not check_schema:
        return db
    try:
        with engine.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as exc:
        engine.dispose()
        if _sqlstate(exc) == "42P01":
            raise StorageError(
                _("The team server is not set up yet: the beheerder runs “team init” first.")
            ) from None
        raise server_error(exc, url=engine.url, opening=True) from None
    if revision != HEAD:
        engine.dispose()
        if revision in known_revisions():
            raise StorageError(
                _("The team server is not set up yet: the beheerder runs “team init” first.")
            )
        raise StorageError(
            _("The team server was set up by a newer version of Blauwe Map. Install that version.")
        )
    return db


def as_database(engine: Engine) -> Database:
    db = Database(engine, None, False)
    db.server = describe(engine.url)
    url = engine.url
    db.translate_error = lambda exc: server_error(exc, url=url)
    return db


def check_password(db: Database, password: str) -> None:
    """Whether ``password`` is the login's password on the server (the idle lock asks for it
    again): a ServerLoginError when the server refuses it, another StorageError when the server
    cannot be asked. Connects once, separately, and lets go."""
    url = db.engine.url.set(password=password)
    engine = make_engine(url)
    try:
        _probe(engine)
    except DBAPIError as exc:
        raise server_error(exc, url=url, opening=True) from None
    finally:
        engine.dispose()


def current_login(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(text("SELECT current_user")).scalar())


__all__ = ["DATABASE_URL_ENV", "connect", "describe", "is_server_url", "open_server", "parse_url"]
