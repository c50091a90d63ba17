"""Opening the user's dossier database: passphrase rules, plain vs encrypted detection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import (
    DamagedDatabaseError,
    StorageError,
    ValidationError,
    WrongPassphraseError,
)
from core.i18n import _

if TYPE_CHECKING:  # imported when used: the app checks the file before loading SQLAlchemy
    from core.db import Database

MIN_PASSPHRASE = 8
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            _("Choose a passphrase of at least {n} characters.").format(n=MIN_PASSPHRASE),
            field="passphrase",
        )
    if "\x00" in passphrase:
        raise ValidationError(_("A passphrase cannot contain a NUL character."), field="passphrase")
    if passphrase.strip() != passphrase:
        raise ValidationError(
            _("A passphrase cannot start or end with a space."), field="passphrase"
        )


def database_exists(path: Path) -> bool:
    """Whether there is a database file, even an empty (0-byte) one: that one is reported as
    damaged when opened, never silently replaced by a new database."""
    return path.exists()


def is_plain_sqlite(path: Path) -> bool:
    """An unencrypted SQLite file starts with a known header; an SQLCipher file looks random."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def open_database(
    path: Path,
    passphrase: str | None,
    *,
    kdf_iter: int | None = None,
    backups_dir: Path | None = None,
) -> Database:
    """Open an existing database (plain or encrypted) or create a new encrypted one.

    A file that will not open is told apart: damaged, empty or truncated, or its write-ahead
    log damaged (DamagedDatabaseError, with the newest backup that opens with this passphrase),
    not a Blauwe Map database (ForeignDatabaseError), or a wrong passphrase. Nothing is
    replaced or changed. Any schema upgrade is preceded by a backup (core.services.backup)."""
    from core.db import Database, file_kind
    from core.services.backup import install_migration_backup

    install_migration_backup()
    kind = file_kind(path)
    folder = backups_dir or _backups_dir(path)
    key = None if kind == "plain" else passphrase
    if kind == "missing" and passphrase is not None:
        check_new_passphrase(passphrase)
    try:
        return Database.open(path, key, kdf_iter=kdf_iter)
    except DamagedDatabaseError as exc:
        if exc.backup is None:
            exc.backup = newest_good_backup(folder, key, kdf_iter=kdf_iter)
        raise
    except WrongPassphraseError as exc:
        if kind != "encrypted" or not passphrase:
            raise
        raise _tell_apart(path, passphrase, kdf_iter, folder) or exc from None


def _backups_dir(path: Path) -> Path:
    from core import paths

    try:
        return paths.current().backups
    except RuntimeError:
        return path.parent / "backups"


def _tell_apart(
    path: Path, passphrase: str, kdf_iter: int | None, folder: Path
) -> DamagedDatabaseError | None:
    """An encrypted file that will not open with ``passphrase``: damaged (its salt no longer
    matches the copy kept beside it, or it matches and the newest backup opens with the same
    passphrase), or else (None) the passphrase is wrong."""
    from core.db import damaged_message, read_salt, stored_salt

    try:
        salt = read_salt(path)
    except OSError:
        salt = None
    kept = stored_salt(path)
    backup = newest_good_backup(folder, passphrase, kdf_iter=kdf_iter)
    if salt is None or (kept is not None and kept != salt):
        return DamagedDatabaseError(
            _(
                "The database file is damaged or was replaced by another file; it was left as it is."
            ),
            backup=backup,
        )
    if backup is not None:
        return DamagedDatabaseError(damaged_message(), backup=backup)
    return None


def newest_good_backup(
    folder: Path, passphrase: str | None, *, kdf_iter: int | None = None, tries: int = 10
) -> Path | None:
    """The newest whole backup in ``folder``, if it opens with ``passphrase``. Damaged backups
    are passed over; the newest whole one decides: an older one under the same passphrase is
    not offered when the newest was made under another (after a change of passphrase)."""
    from core.services.backup import list_backups, verify_backup

    try:
        infos = list_backups(folder)[:tries]
    except StorageError:
        return None
    for info in infos:
        try:
            verify_backup(info.path, passphrase, kdf_iter=kdf_iter)
        except WrongPassphraseError:
            return None
        except StorageError:
            continue
        return info.path
    return None
