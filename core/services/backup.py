"""Backups: encrypted copies of the database, made before every migration and once a day,
kept in a rotation, checked before anything is restored from them.

A backup is written with the SQLite online backup API (``Database.backup_to``) under the same key
as the database, so it holds nothing in clear that the database does not. Restoring first checks
the backup is whole (it opens with the passphrase, passes ``PRAGMA integrity_check``, and comes
from a schema this version knows), then swaps it in with one atomic rename, after keeping a copy
of the database it replaces. Whoever restores holds the data folder's instance lock
(core.instance) and has closed the database.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from core import models as m
from core import paths
from core.db import SQLITE_MAGIC, Database, fsync_path, storage_error
from core.errors import NewerDatabaseError, StorageError, WrongPassphraseError
from core.i18n import _
from core.private_files import RESTORING, open_private_new

log = logging.getLogger(__name__)

PREFIX = "blauwemap-"
SUFFIX = ".db"
DAILY, MANUAL, MIGRATION, REPLACED = "daily", "manual", "migration", "replaced"
REASONS = (DAILY, MANUAL, MIGRATION, REPLACED)
DEFAULT_KEEP = 7
_NAME = re.compile(
    r"^blauwemap-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z]+)(?:-(?P<rev>[0-9a-z_]+))?\.db$"
)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime  # local time, from the file name
    reason: str  # daily / manual / migration / replaced
    size: int
    revision: str | None = None  # for a backup before a migration: the schema it was at
    seq: int = 1  # the second backup within one second is numbered 2, and so on


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    revision: str | None
    replaced_copy: Path | None  # where the database that was replaced was kept


# --------------------------------------------------------------------------- making backups
def backups_folder(db: Database | None = None) -> Path:
    """The app's backups folder, or one beside the database when paths were not set up."""
    try:
        return paths.current().backups
    except RuntimeError:
        if db is not None and db.path is not None:
            return db.path.parent / "backups"
        raise


def _target(folder: Path, reason: str, now: dt.datetime, revision: str | None) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    tail = f"-{reason}" + (f"-{revision}" if revision else "") + SUFFIX
    target = folder / f"{PREFIX}{stamp}{tail}"
    n = 1
    while target.exists():  # two backups in one second: number them, never overwrite
        n += 1
        target = folder / f"{PREFIX}{stamp}-{n}{tail}"
    return target


def make_backup(
    db: Database,
    backups_dir: Path | None = None,
    reason: str = MANUAL,
    *,
    keep: int | None = None,
    revision: str | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Copy the open database into the backups folder; check the copy; rotate when ``keep``."""
    if reason not in REASONS:
        raise ValueError(reason)
    folder = backups_dir or backups_folder(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc) from None
    target = _target(folder, reason, now or dt.datetime.now(), revision)
    db.backup_to(target)
    try:
        Database.verify_file(target, db.passphrase, kdf_iter=db.kdf_iter)
    except StorageError:
        target.unlink(missing_ok=True)
        log.error("a fresh backup failed its check and was removed")
        raise StorageError(_("The backup could not be made whole. Check the disk.")) from None
    log.info("backup made (%s): %s", reason, target.name)
    if keep is not None:
        rotate(folder, keep)
    return target


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """The backups in the folder, newest first. Files that are not backups are left out."""
    found: list[BackupInfo] = []
    try:
        entries = list(backups_dir.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise storage_error(exc) from None
    for path in entries:
        match = _NAME.match(path.name)
        if not match or match["reason"] not in REASONS or not path.is_file():
            continue
        try:
            created = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        seq = int(match["n"] or 1)
        found.append(BackupInfo(path, created, match["reason"], size, match["rev"], seq))
    found.sort(key=lambda b: (b.created, b.seq, b.path.name), reverse=True)
    return found


def rotate(backups_dir: Path, keep: int) -> list[Path]:
    """Keep the ``keep`` newest backups of each kind; return what was removed.

    Kinds rotate separately, so a burst of manual backups never pushes out the copy taken before
    a migration or the database replaced by a restore."""
    keep = max(1, int(keep))
    removed: list[Path] = []
    by_reason: dict[str, list[BackupInfo]] = {}
    for info in list_backups(backups_dir):
        by_reason.setdefault(info.reason, []).append(info)
    for infos in by_reason.values():
        for info in infos[keep:]:
            try:
                info.path.unlink()
                removed.append(info.path)
            except FileNotFoundError:
                continue
            except OSError:
                log.warning("an old backup could not be removed: %s", info.path.name)
    if removed:
        log.info("rotation removed %d old backup(s)", len(removed))
    return removed


def _has_dossiers(db: Database) -> bool:
    with db.sessions() as session:
        return bool(session.execute(select(func.count()).select_from(m.Person)).scalar_one())


def daily_backup(
    db: Database,
    backups_dir: Path | None = None,
    keep: int = DEFAULT_KEEP,
    *,
    now: dt.datetime | None = None,
) -> Path | None:
    """Make today's backup when there is none yet (called each time the app opens the store).

    Returns the new backup, or None when one from today exists or there is nothing to keep.
    Raises StorageError when the backup cannot be written; the caller shows it and goes on."""
    if db.path is None:
        return None
    now = now or dt.datetime.now()
    folder = backups_dir or backups_folder(db)
    if any(b.created.date() == now.date() for b in list_backups(folder)):
        return None
    if not _has_dossiers(db):
        return None
    return make_backup(db, folder, DAILY, keep=keep, now=now)


# --------------------------------------------------------------------------- before migrations
def _settings_keep() -> int:
    from core.settings import Settings

    try:
        return Settings.load(paths.current().settings_file).backups_keep
    except RuntimeError:
        return DEFAULT_KEEP


def backup_before_migration(db: Database, current_revision: str | None) -> None:
    """The ``core.migrations.before_upgrade`` hook: no upgrade runs without a fresh backup.

    If the backup cannot be made the upgrade does not run (the StorageError propagates)."""
    if db.path is None:
        return
    make_backup(db, backups_folder(db), MIGRATION, keep=_settings_keep(), revision=current_revision)


def install_migration_backup() -> None:
    """Register :func:`backup_before_migration` once (called where the app opens databases)."""
    from core import migrations

    if backup_before_migration not in migrations.before_upgrade:
        migrations.before_upgrade.append(backup_before_migration)


# --------------------------------------------------------------------------- checking, restoring
def is_encrypted_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) != SQLITE_MAGIC
    except OSError as exc:
        raise storage_error(exc) from None


def verify_backup(path: Path, passphrase: str | None, *, kdf_iter: int | None = None) -> str:
    """Check that ``path`` is a whole Blauwe Map database this version can open; return its
    schema revision. Raises WrongPassphraseError, NewerDatabaseError or StorageError."""
    from core.migrations import known_revisions

    if not path.is_file():
        raise StorageError(_("There is no backup file at this place."))
    try:
        revision = Database.verify_file(path, passphrase, kdf_iter=kdf_iter)
    except WrongPassphraseError:
        if not passphrase:
            raise
        raise WrongPassphraseError(
            _(
                "The passphrase does not open this backup. If it was made before the passphrase "
                "was changed, give the passphrase that was in use then."
            )
        ) from None
    if revision is None:
        raise StorageError(_("This file is not a Blauwe Map backup."))
    if revision not in known_revisions():
        raise NewerDatabaseError(
            _(
                "This backup was made by a newer version of Blauwe Map. Install the newer "
                "version to restore it; nothing was changed."
            )
        )
    return revision


def _keep_replaced(
    db_path: Path, passphrase: str | None, backups_dir: Path, kdf_iter: int | None, keep: int
) -> Path | None:
    """Keep a copy of the database about to be replaced: a clean backup when it still opens,
    otherwise the raw file (and its write-ahead log) as it is."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    key = None if not is_encrypted_file(db_path) else passphrase
    current: Database | None = None
    try:
        current = Database.open(db_path, key, kdf_iter=kdf_iter, migrate=False)
        copy = make_backup(current, backups_dir, REPLACED)
        current.checkpoint()  # the -wal is now empty; removing it below loses nothing
        return copy
    except StorageError:
        log.warning("the database being replaced does not open; keeping its raw files")
    finally:
        if current is not None:
            current.close()
    copy = _target(backups_dir, REPLACED, dt.datetime.now(), None)
    try:
        shutil.copyfile(db_path, copy)
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    except OSError as exc:
        copy.unlink(missing_ok=True)
        raise storage_error(exc) from None
    return copy


def restore_backup(
    backup: Path,
    db_path: Path,
    passphrase: str | None,
    *,
    backups_dir: Path | None = None,
    kdf_iter: int | None = None,
    keep: int = DEFAULT_KEEP,
    into_encrypted: bool | None = None,
) -> RestoreResult:
    """Replace the (closed) database at ``db_path`` by ``backup`` after checking it.

    On any failure the database stays as it was. The replaced database is kept in the backups
    folder (kind ``replaced``), so a restore can itself be undone. A backup that is not
    encrypted is refused for an encrypted store (``into_encrypted``, by default: a passphrase
    is given): it would silently turn the store into a plain file."""
    backup = Path(backup)
    if into_encrypted is None:
        into_encrypted = bool(passphrase)
    if into_encrypted and backup.is_file() and not is_encrypted_file(backup):
        raise StorageError(
            _(
                "This backup is not encrypted, and your dossier is. Restoring it would store "
                "the dossier without encryption, so it was not restored; nothing was changed."
            )
        )
    revision = verify_backup(backup, passphrase, kdf_iter=kdf_iter)
    folder = backups_dir or db_path.parent / "backups"
    staging = db_path.with_name(db_path.name + RESTORING)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with backup.open("rb") as src, open_private_new(staging) as fh:
            shutil.copyfileobj(src, fh)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise storage_error(exc) from None
    try:
        Database.verify_file(staging, passphrase, kdf_iter=kdf_iter)  # the copy, too, is whole
        replaced = _keep_replaced(db_path, passphrase, folder, kdf_iter, keep)
        for side in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + side).unlink(missing_ok=True)
        os.replace(staging, db_path)
    except OSError as exc:
        raise storage_error(exc) from None
    finally:
        staging.unlink(missing_ok=True)
    fsync_path(db_path.parent)
    rotate(folder, keep)
    log.info("restored a backup of schema %s", revision)
    return RestoreResult(backup, revision, replaced)
