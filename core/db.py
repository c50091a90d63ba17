"""Engine and session factory: SQLite (SQLCipher-encrypted when a passphrase is given), the pragmas
that make it crash-safe, the schema-version check and the migrations runner.

This is the only module that knows it talks to SQLite; everything else goes through SQLAlchemy so
the same models can later live in a shared PostgreSQL database.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import NewerDatabaseError, StorageError, WrongPassphraseError

log = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 5000")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a transaction reported as committed survives a crash or power loss.
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA secure_delete = ON")  # deleted dossiers leave no readable pages behind
    cur.close()


def storage_error(exc: BaseException) -> StorageError:
    """Translate a driver error into a message a person can act on (never with personal data)."""
    msg = str(getattr(exc, "orig", exc)).lower()
    if "full" in msg:
        return StorageError("The disk is full. Free some space; nothing was lost.")
    if "readonly" in msg or "read-only" in msg or "read only" in msg:
        return StorageError("The data folder is read-only. Your change was not saved.")
    if "locked" in msg or "busy" in msg:
        return StorageError("The dossier is in use by another program. Try again in a moment.")
    if "not a database" in msg or "encrypted" in msg:
        return WrongPassphraseError("The passphrase is wrong, or this is not a Blauwe Map file.")
    if "malformed" in msg or "corrupt" in msg:
        return StorageError("The database file is damaged. Restore a backup (Settings → Backups).")
    if "unable to open" in msg:
        return StorageError("The database file cannot be opened. Check the folder and its rights.")
    return StorageError("The database could not be read or written.")


class Database:
    """One open dossier database: an engine plus a session factory."""

    def __init__(self, engine: Engine, path: Path | None, encrypted: bool) -> None:
        self.engine = engine
        self.path = path
        self.encrypted = encrypted
        self.sessions = sessionmaker(engine, expire_on_commit=False)

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
            file.parent.mkdir(parents=True, exist_ok=True)
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
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        db = cls(engine, file, encrypted=bool(passphrase))
        db.check_readable()
        if migrate:
            from core.migrations import upgrade

            upgrade(db)
        return db

    def check_readable(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            self.engine.dispose()
            raise storage_error(exc) from None

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt the whole file with a new passphrase (SQLCipher ``PRAGMA rekey``)."""
        if not self.encrypted:
            raise StorageError("This database is not encrypted and cannot be re-keyed.")
        quoted = new_passphrase.replace('"', '""')
        with self.engine.connect() as conn:
            conn.exec_driver_sql(f'PRAGMA rekey = "{quoted}"')
            conn.commit()
        self.engine.dispose()  # pooled connections still hold the old key

    def backup_to(self, target: Path) -> None:
        """Online copy (SQLite backup API), encrypted with the same key as the source."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
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
                finally:
                    dest.close()
        finally:
            raw.close()
        tmp.replace(target)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise storage_error(exc) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def schema_revision(db: Database) -> str | None:
    """The Alembic revision stamped in the database, or None for an empty database."""
    with db.engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


__all__ = ["Database", "NewerDatabaseError", "schema_revision", "storage_error"]
