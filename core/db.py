"""Engine and session factory: SQLite (SQLCipher-encrypted when a passphrase is given), the pragmas
that make it crash-safe, the schema-version check and the migrations runner.

This is the only module that knows it talks to SQLite; everything else goes through SQLAlchemy so
the same models can later live in a shared PostgreSQL database.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import struct
import unicodedata
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

from core import private_files
from core.errors import (
    ConflictError,
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerDatabaseError,
    StorageError,
    ValidationError,
    WrongPassphraseError,
)
from core.i18n import _
from core.private_files import open_private_new, write_private

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


# SQLite's primary result codes (https://www.sqlite.org/rescode.html); an extended code keeps
# its primary code in the low byte.
SQLITE_ERROR, SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 1, 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
LOW_SPACE = 1 << 20  # below a MiB free, a failed write is taken for a full disk
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def _codes(exc: BaseException) -> tuple[int | None, int | None]:
    """The SQLite result code (primary) and the OS errno found in ``exc`` or what it wraps."""
    code: int | None = None
    err: int | None = None
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        found = getattr(item, "sqlite_errorcode", None)
        if code is None and isinstance(found, int):
            code = found & 0xFF
        if err is None and isinstance(item, OSError) and isinstance(item.errno, int):
            err = item.errno
        orig = getattr(item, "orig", None)
        todo.extend(
            [orig if isinstance(orig, BaseException) else None, item.__cause__, item.__context__]
        )
    return code, err


_STORAGE_CODES = {
    SQLITE_PERM,
    SQLITE_BUSY,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    SQLITE_IOERR,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_CANTOPEN,
    SQLITE_NOTADB,
}


def _no_room(code: int | None, err: int | None, folder: Path | None) -> bool:
    if folder is None or code not in (None, SQLITE_ERROR, SQLITE_IOERR) or err is not None:
        return False
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def is_storage_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is a failure of the database file or the disk (SQLite's result code or
    an OS errno says so), as opposed to a bug."""
    code, err = _codes(exc)
    return code in _STORAGE_CODES or err is not None


def storage_error(
    exc: BaseException, *, opening: bool = False, folder: Path | None = None
) -> StorageError:
    """Translate a driver error into a message a person can act on (never with personal data),
    by SQLite's result code or the OS errno, never by the message text (it changes with a
    library release or a locale). ``opening``: the error came while opening the database.
    ``folder``: where a write failed; some calls (``sqlcipher_export``) report a full disk only
    as a generic error, so there the free space decides."""
    code, err = _codes(exc)
    if code == SQLITE_FULL or err in _FULL_ERRNOS or _no_room(code, err, folder):
        return StorageError(_("The disk is full. Free some space; nothing was lost."))
    if code in (SQLITE_READONLY, SQLITE_PERM) or err in _READ_ONLY_ERRNOS:
        if opening:
            return StorageError(
                _(
                    "The data folder is read-only, so the dossier cannot be opened. Check the "
                    "folder's rights or choose another data folder; nothing was changed."
                )
            )
        return StorageError(_("The data folder is read-only. Your change was not saved."))
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(_("The dossier is in use by another program. Try again in a moment."))
    if code == SQLITE_NOTADB:
        return WrongPassphraseError(_("The passphrase is wrong, or this is not a Blauwe Map file."))
    if code == SQLITE_CORRUPT:
        return DamagedDatabaseError(damaged_message())
    if code == SQLITE_CANTOPEN:
        return StorageError(
            _("The database file cannot be opened. Check the folder and its rights.")
        )
    return StorageError(_("The database could not be read or written."))


def damaged_message() -> str:
    return _("The database file is damaged; it was left as it is.")


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
        key = normalise_passphrase(passphrase)
        existed = file is not None and file.exists()
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                if existed and file.stat().st_size == 0:
                    raise DamagedDatabaseError(
                        _("The database file is empty (0 bytes); it was left as it is.")
                    )
            except OSError as exc:
                raise storage_error(exc, opening=True) from None
            if existed and wal_drops_commits(file):
                raise DamagedDatabaseError(
                    _(
                        "The database's write-ahead log is damaged: opening it would lose "
                        "changes that were saved. The files were left as they are."
                    )
                )
        try:
            db = cls._open(file, key, kdf_iter, migrate, existed)
        except WrongPassphraseError:
            if not passphrase or key == passphrase or not existed:
                raise
            # a store made before passphrases were normalised: open it with the form typed
            # then, and re-key it to the normalised form (the same letters, so no new secret)
            db = cls._open(file, passphrase, kdf_iter, migrate, existed)
            db.rekey(key or "")
            log.info("the passphrase was re-keyed to its normalised form")
        except BaseException:
            if file is not None and not existed:  # a half-made new file would look damaged
                for side in ("", "-wal", "-shm", "-journal", SALT_SUFFIX):
                    file.with_name(file.name + side).unlink(missing_ok=True)
            raise
        db.keep_salt()
        return db

    @classmethod
    def _open(
        cls,
        file: Path | None,
        passphrase: str | None,
        kdf_iter: int | None,
        migrate: bool,
        existed: bool,
    ) -> Database:
        engine = _engine(file, passphrase, kdf_iter)
        db = cls(engine, file, encrypted=bool(passphrase), kdf_iter=kdf_iter)
        db.check_readable()
        try:
            if existed:
                db.check_ours()
            if migrate:
                from core.migrations import upgrade

                upgrade(db)  # refuses a newer file before anything below writes to it
            db.use_wal()
        except BaseException:
            engine.dispose()
            raise
        return db

    def check_ours(self) -> None:
        """Refuse a database that is not a Blauwe Map one (tables, but not ours), and one that
        is shorter than its own pages say (truncated)."""
        try:
            with self.engine.connect() as conn:
                names = {
                    str(n)
                    for n in conn.exec_driver_sql(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                    ).scalars()
                }
                pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
                page_size = int(conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise storage_error(exc, opening=True, folder=self.folder) from None
        if names and "alembic_version" not in names:
            raise ForeignDatabaseError(
                _(
                    "This file is a database, but not a Blauwe Map one. It was not opened or "
                    "changed; move it away or choose another data folder."
                )
            )
        if self.path is None:
            return
        wal = self.path.with_name(self.path.name + "-wal")
        has_wal = wal.exists() and wal.stat().st_size > 0
        if not has_wal and pages * page_size > self.path.stat().st_size:
            raise DamagedDatabaseError(damaged_message())

    # ------------------------------------------------------------------ the salt beside the file
    @property
    def folder(self) -> Path | None:
        return None if self.path is None else self.path.parent

    @property
    def salt_path(self) -> Path | None:
        return None if self.path is None else self.path.with_name(self.path.name + SALT_SUFFIX)

    def keep_salt(self) -> None:
        """Keep a copy of an encrypted file's salt (its first 16 bytes) beside it: a file whose
        salt still matches but will not open is damaged or the passphrase is wrong, a file whose
        salt differs was replaced. Written at creation, re-key and every open; not secret."""
        if not self.encrypted or self.salt_path is None or self.path is None:
            return
        try:
            salt = read_salt(self.path)
            if salt is not None and stored_salt(self.path) != salt:
                write_private(self.salt_path, salt)
        except OSError:
            log.warning("the salt copy could not be written")

    def use_wal(self) -> None:
        """Write-ahead logging: a commit is one append, readers never see half a transaction.
        WAL mode is stored in the file itself, so it is set once per open, not per connection."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            self.engine.dispose()
            raise storage_error(exc, opening=True, folder=self.folder) from None

    def check_readable(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            self.engine.dispose()
            raise storage_error(exc, opening=True, folder=self.folder) from None

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
        new_passphrase = normalise_passphrase(new_passphrase) or ""
        self.engine.dispose()  # other pooled connections must not keep pages under the old key
        quoted = new_passphrase.replace('"', '""')
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f'PRAGMA rekey = "{quoted}"')
                conn.commit()
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            raise storage_error(exc, folder=self.folder) from None
        old = self.engine
        self.engine = _engine(self.path, new_passphrase, self.kdf_iter)
        self.sessions.configure(bind=self.engine)
        old.dispose()
        self.check_readable()
        self.keep_salt()

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
        tmp = target.with_name(target.name + private_files.PART)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            open_private_new(tmp).close()  # 0600, and never a link SQLite would write through
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
                try:
                    cur.execute("SELECT sqlcipher_export('backup')")
                finally:  # the pooled connection must not keep it attached after a failure
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
            raise storage_error(exc, folder=tmp.parent) from None
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
            if self.server is not None:
                raise self.translate_error(exc) from None
            if isinstance(exc, OperationalError) or is_storage_failure(exc):
                raise storage_error(exc, folder=self.folder) from None
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


SALT_SUFFIX = ".salt"
SALT_SIZE = 16  # SQLCipher keeps the key derivation's salt in the file's first 16 bytes


def normalise_passphrase(passphrase: str | None) -> str | None:
    """The same letters typed on another keyboard (NFC or NFD) are the same passphrase."""
    if passphrase is None:
        return None
    if "\x00" in passphrase:
        raise ValidationError(_("A passphrase cannot contain a NUL character."), field="passphrase")
    return unicodedata.normalize("NFC", passphrase)


def read_salt(path: Path) -> bytes | None:
    """The first 16 bytes of an encrypted database file; None for a plain or short file."""
    with path.open("rb") as fh:
        head = fh.read(SALT_SIZE)
    if len(head) < SALT_SIZE or head == SQLITE_MAGIC:
        return None
    return head


def stored_salt(path: Path) -> bytes | None:
    """The salt kept beside the database file, if there is one."""
    try:
        data = path.with_name(path.name + SALT_SUFFIX).read_bytes()
    except OSError:
        return None
    return data if len(data) == SALT_SIZE else None


def file_kind(path: Path) -> str:
    """``missing``, ``empty`` (0 bytes), ``plain`` (an SQLite header) or ``encrypted``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        raise storage_error(exc, opening=True) from None
    if not head:
        return "empty"
    return "plain" if head == SQLITE_MAGIC else "encrypted"


_WAL_MAGIC = (0x377F0682, 0x377F0683)  # checksums little- or big-endian
_WAL_HEADER, _FRAME_HEADER = 32, 24


def _wal_checksum(data: bytes, big: bool, s1: int, s2: int) -> tuple[int, int]:
    words = struct.unpack((">" if big else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def wal_drops_commits(db_file: Path) -> bool:
    """Whether SQLite, opening ``db_file``, would silently drop committed transactions from its
    write-ahead log: a frame of the current log fails its checksum while a later commit frame
    of the same log follows. (A torn last frame is normal after a crash: it was never
    reported as committed.)"""
    wal = db_file.with_name(db_file.name + "-wal")
    try:
        with wal.open("rb") as fh:
            data = fh.read()
    except OSError:
        return False
    if len(data) < _WAL_HEADER:
        return False
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:32])
    if magic not in _WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
        return False
    big = magic & 1 == 1
    s1, s2 = _wal_checksum(data[:24], big, 0, 0)
    if (s1, s2) != (c1, c2):
        return False  # a log SQLite ignores as a whole: no committed frame in it
    frame = _FRAME_HEADER + page_size
    offset = _WAL_HEADER
    broken = False
    while offset + frame <= len(data):
        head = data[offset : offset + _FRAME_HEADER]
        _page, commit, f1, f2, k1, k2 = struct.unpack(">6I", head)
        ours = (f1, f2) == (salt1, salt2)
        if broken:
            if ours and commit:
                return True
        elif not ours:
            return False  # the rest is an older log's leftovers
        else:
            s1, s2 = _wal_checksum(head[:8], big, s1, s2)
            s1, s2 = _wal_checksum(data[offset + _FRAME_HEADER : offset + frame], big, s1, s2)
            broken = (s1, s2) != (k1, k2)
        offset += frame
    return False


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
    # the normalised passphrase first; a backup made before normalisation has the typed form
    keys: list[str | None] = [None]
    if not plain:
        keys = list(dict.fromkeys([normalise_passphrase(passphrase), passphrase]))
    for n, key in enumerate(keys, 1):
        try:
            conn = driver.connect(uri, uri=True)
        except driver.Error as exc:
            raise storage_error(exc) from None
        try:
            cur = conn.cursor()
            if key is not None:
                cur.execute("PRAGMA cipher_log_level = NONE")
                cur.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
                if kdf_iter:
                    cur.execute(f"PRAGMA kdf_iter = {int(kdf_iter)}")
            try:
                cur.execute("SELECT count(*) FROM sqlite_master")
            except driver.Error as exc:
                error = storage_error(exc)
                if isinstance(error, WrongPassphraseError) and n < len(keys):
                    continue
                raise error from None
            except UnicodeDecodeError:
                # A schema page scribbled over: SQLite's "malformed schema" message quotes the
                # garbage, which the driver cannot even decode. The file is damaged.
                raise DamagedDatabaseError(damaged_message()) from None
            yield cur, driver
            return
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


__all__ = ["SQLITE_MAGIC", "Database", "NewerDatabaseError", "storage_error"]
