"""Engine and session factory: SQLite (SQLCipher-encrypted when a passphrase is given), the pragmas
that make it crash-safe, the schema-version check and the migrations runner.

This is the only module that knows it talks to SQLite; everything else goes through SQLAlchemy so
the same models can later live in a shared PostgreSQL database.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, literal, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from core.errors import ConflictError, NewerDatabaseError, StorageError, WrongPassphraseError
from core.i18n import _

log = logging.getLogger(__name__)


class CaseInsensitiveLike(ColumnElement[bool]):
    """``column`` matches the LIKE ``pattern`` (escape character ``\\``) regardless of case:
    SQLite's LIKE already ignores ASCII case (``lower()`` around the column would only cost
    time); PostgreSQL and others get ILIKE. Build it with :func:`like_ci`."""

    inherit_cache = True
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration)
        ("column", InternalTraversal.dp_clauseelement),
        ("pattern", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, pattern: str) -> None:
        self.column = column
        self.pattern = literal(pattern)


def like_ci(column: Any, pattern: str) -> CaseInsensitiveLike:
    return CaseInsensitiveLike(column, pattern)


@compiles(CaseInsensitiveLike)
def _like_ci_default(element: CaseInsensitiveLike, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw))


@compiles(CaseInsensitiveLike, "sqlite")
def _like_ci_sqlite(element: CaseInsensitiveLike, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column.like(element.pattern, escape="\\"), **kw))


SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection before "in use"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # SQLCipher prints every failed page decryption to stderr; a wrong passphrase is no news.
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    # FULL: a transaction reported as committed survives a crash or power loss.
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA secure_delete = ON")  # deleted dossiers leave no readable pages behind
    cur.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables never land in /tmp
    cur.close()


def storage_error(exc: BaseException, *, opening: bool = False) -> StorageError:
    """Translate a driver error into a message a person can act on (never with personal data).
    ``opening``: the error came while opening the database, not while saving a change."""
    msg = str(getattr(exc, "orig", exc)).lower()
    if "full" in msg or "no space" in msg:
        return StorageError(_("The disk is full. Free some space; nothing was lost."))
    if "readonly" in msg or "read-only" in msg or "read only" in msg or "permission" in msg:
        if opening:
            return StorageError(
                _(
                    "The data folder is read-only, so the dossier cannot be opened. Check the "
                    "folder's rights or choose another data folder; nothing was changed."
                )
            )
        return StorageError(_("The data folder is read-only. Your change was not saved."))
    if "locked" in msg or "busy" in msg:
        return StorageError(_("The dossier is in use by another program. Try again in a moment."))
    if "not a database" in msg or "encrypted" in msg:
        return WrongPassphraseError(_("The passphrase is wrong, or this is not a Blauwe Map file."))
    if "malformed" in msg or "corrupt" in msg:
        return StorageError(
            _("The database file is damaged. Restore a backup (Settings → Backups).")
        )
    if "unable to open" in msg:
        return StorageError(
            _("The database file cannot be opened. Check the folder and its rights.")
        )
    return StorageError(_("The database could not be read or written."))


class Database:
    """One open dossier database: an engine plus a session factory. A team server's database
    (core.storage.postgres) sets ``server`` to where it lives and its own error translation."""

    def __init__(
        self, engine: Engine, path: Path | None, encrypted: bool, kdf_iter: int | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self.encrypted = encrypted
        self.kdf_iter = kdf_iter
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.server: str | None = None  # "user@host:port/db" on a team server
        self.translate_error: Callable[[BaseException], StorageError] = storage_error

    @property
    def passphrase(self) -> str | None:
        """The key in use (kept by the engine anyway); backups are checked with it."""
        return self.engine.url.password if self.encrypted else None

    @classmethod
    def open(
        cls,
        path: Path | str | None,
        passphrase: str | None = None,
        *,
        kdf_iter: int | None = None,
        migrate: bool = True,
    ) -> Database:
        """Open (creating if needed) the database at ``path``; ``None`` means in memory.

        With a passphrase the file is SQLCipher-encrypted (the key is derived from the passphrase
        by SQLCipher's PBKDF2). ``kdf_iter`` lowers the derivation cost, for tests only.
        """
        file = Path(path) if path is not None else None
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise storage_error(exc, opening=True) from None
        engine = _engine(file, passphrase, kdf_iter)
        db = cls(engine, file, encrypted=bool(passphrase), kdf_iter=kdf_iter)
        db.check_readable()
        try:
            if migrate:
                from core.migrations import upgrade

                upgrade(db)  # refuses a newer file before anything below writes to it
            db.use_wal()
        except BaseException:
            engine.dispose()
            raise
        return db

    def use_wal(self) -> None:
        """Write-ahead logging: a commit is one append, readers never see half a transaction.
        WAL mode is stored in the file itself, so it is set once per open, not per connection."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            self.engine.dispose()
            raise storage_error(exc, opening=True) from None

    def check_readable(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            self.engine.dispose()
            raise storage_error(exc, opening=True) from None

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt the whole file with a new passphrase (SQLCipher ``PRAGMA rekey``).

        The rekey is one transaction: a crash leaves the file under the old or the new key.
        Afterwards the engine is rebuilt, because its URL and pooled connections hold the old key.
        """
        if not self.encrypted:
            raise StorageError(_("This database is not encrypted and cannot be re-keyed."))
        self.engine.dispose()  # other pooled connections must not keep pages under the old key
        quoted = new_passphrase.replace('"', '""')
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f'PRAGMA rekey = "{quoted}"')
                conn.commit()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise storage_error(exc) from None
        old = self.engine
        self.engine = _engine(self.path, new_passphrase, self.kdf_iter)
        self.sessions.configure(bind=self.engine)
        old.dispose()
        self.check_readable()

    def checkpoint(self) -> None:
        """Move everything from the write-ahead log into the database file and empty the log
        (after deleting a dossier, so its pages do not linger in the -wal file)."""
        if self.path is None:
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def migration_connection(self) -> Iterator[Connection]:
        """A connection in a real transaction for schema changes, committed only on success.

        The sqlite3 driver would autocommit DDL outside a transaction, so BEGIN is explicit.
        Foreign keys are off meanwhile: a batch ALTER re-creates tables and the DROP of the
        old table would otherwise cascade-delete child rows; a foreign_key_check before the
        commit keeps the references whole. A server's DDL is transactional as it is.
        """
        if self.engine.dialect.name != "sqlite":
            with self.engine.begin() as server_conn:
                yield server_conn
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield conn
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise StorageError(_("A schema upgrade left broken references."))
                    conn.commit()
                except BaseException:
                    conn.rollback()
                    raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()

    @staticmethod
    def verify_file(
        path: Path,
        passphrase: str | None,
        *,
        kdf_iter: int | None = None,
        read_only: bool = True,
    ) -> str | None:
        """Check that a database file (a backup) is whole: it opens with ``passphrase`` (or
        without, when it is a plain SQLite file), passes ``PRAGMA integrity_check``; return its
        schema revision. With ``read_only`` the file is not written to at all."""
        with _open_file(path, passphrase, kdf_iter, read_only) as (cur, driver):
            try:
                rows = cur.execute("PRAGMA integrity_check").fetchall()
            except driver.Error:
                rows = [("error",)]
            if rows != [("ok",)]:
                raise StorageError(_("This backup is damaged: it fails the integrity check."))
            has_version = cur.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_version:
                return None
            row = cur.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None

    @staticmethod
    def contains_row(
        path: Path,
        passphrase: str | None,
        table: str,
        column: str,
        value: Any,
        *,
        kdf_iter: int | None = None,
    ) -> bool:
        """Whether the database file at ``path`` (a backup) has a row with ``column = value``;
        opened read-only. ``table`` and ``column`` are identifiers from the code, never input."""
        if not (table.isidentifier() and column.isidentifier()):
            raise ValueError("bad identifier")
        with _open_file(path, passphrase, kdf_iter, True) as (cur, driver):
            try:
                return (
                    cur.execute(
                        f'SELECT 1 FROM "{table}" WHERE "{column}" = ? LIMIT 1', (value,)
                    ).fetchone()
                    is not None
                )
            except driver.Error as exc:
                raise storage_error(exc) from None

    def backup_to(self, target: Path) -> None:
        """Online copy (SQLite backup API), encrypted with the same key as the source.

        Written beside the target and renamed into place: a backup file is whole or absent."""
        tmp = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
        except OSError as exc:
            raise storage_error(exc) from None
        driver: Any = _sqlcipher() if self.encrypted else sqlite3
        raw = self.engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            if self.encrypted:
                quoted = str(tmp).replace("'", "''")
                cur = dbapi.cursor()  # type: ignore[union-attr]
                cur.execute(f"ATTACH DATABASE '{quoted}' AS backup")  # same key as main
                cur.execute("SELECT sqlcipher_export('backup')")
                cur.execute("DETACH DATABASE backup")
                cur.close()
            else:
                dest = sqlite3.connect(str(tmp))
                try:
                    dbapi.backup(dest)  # type: ignore[union-attr]
                    # a self-contained file: no -wal/-shm beside it when it is opened later
                    dest.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dest.close()
        except (driver.Error, sqlite3.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise storage_error(exc) from None
        finally:
            raw.close()
        fsync_path(tmp)
        try:
            tmp.replace(target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise storage_error(exc) from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except StaleDataError:
            session.rollback()
            raise ConflictError(
                _(
                    "Someone else saved this dossier in the meantime. Your change was not "
                    "saved; open the dossier again to see theirs."
                )
            ) from None
        except DBAPIError as exc:
            with suppress(DBAPIError):
                session.rollback()
            if isinstance(exc, OperationalError) or self.server is not None:
                raise self.translate_error(exc) from None
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _engine(file: Path | None, passphrase: str | None, kdf_iter: int | None) -> Engine:
    if passphrase:
        query = {"kdf_iter": str(kdf_iter)} if kdf_iter else {}
        url = URL.create(
            "sqlite+pysqlcipher",
            password=passphrase,
            database=str(file) if file else ":memory:",
            query=query,
        )
    else:
        url = URL.create("sqlite", database=str(file) if file else ":memory:")
    # hide_parameters: an error message (and so a log line) never carries the values typed in
    engine = create_engine(url, future=True, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@contextmanager
def _open_file(
    path: Path, passphrase: str | None, kdf_iter: int | None, read_only: bool
) -> Iterator[tuple[Any, Any]]:
    """A raw DB-API cursor on a database file that is not the open one (a backup), keyed when
    the file is encrypted. Read-only opening writes nothing, not even a -shm file."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise storage_error(exc) from None
    if len(head) < 100:
        raise StorageError(_("This file is empty or too short to be a Blauwe Map database."))
    plain = head.startswith(SQLITE_MAGIC)
    if not plain and not passphrase:
        raise WrongPassphraseError(_("This file is encrypted; a passphrase is needed."))
    mode = "ro" if read_only else "rw"
    # a plain file in WAL mode would need a -shm file beside it; immutable avoids writing one
    immutable = "&immutable=1" if read_only and plain and head[18:20] == b"\x02\x02" else ""
    uri = f"{path.resolve().as_uri()}?mode={mode}{immutable}"
    driver: Any = sqlite3 if plain else _sqlcipher()
    try:
        conn = driver.connect(uri, uri=True)
    except driver.Error as exc:
        raise storage_error(exc) from None
    try:
        cur = conn.cursor()
        if not plain:
            assert passphrase is not None
            cur.execute("PRAGMA cipher_log_level = NONE")
            cur.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
            if kdf_iter:
                cur.execute(f"PRAGMA kdf_iter = {int(kdf_iter)}")
        try:
            cur.execute("SELECT count(*) FROM sqlite_master")
        except driver.Error as exc:
            raise storage_error(exc) from None
        yield cur, driver
    finally:
        conn.close()


def _sqlcipher() -> Any:
    import sqlcipher3.dbapi2 as sqlcipher

    return sqlcipher


def fsync_path(path: Path) -> None:
    """Make a freshly written file (or a folder's new entries) durable; a no-op where the
    platform cannot open it (a folder on Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def schema_revision(db: Database) -> str | None:
    """The Alembic revision stamped in the database, or None for an empty database."""
    with db.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            has_table = inspect(conn).has_table("alembic_version")
        else:
            has_table = (
                conn.execute(
                    text(
                        "SELECT name FROM sqlite_master "
                        "WHERE type='table' AND name='alembic_version'"
                    )
                ).first()
                is not None
            )
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


__all__ = ["SQLITE_MAGIC", "Database", "NewerDatabaseError", "schema_revision", "storage_error"]
