"""Opening the user's dossier database: passphrase rules, plain vs encrypted detection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import ValidationError
from core.i18n import _

if TYPE_CHECKING:  # imported when used: the app checks the file before loading SQLAlchemy
    from core.db import Database
    from core.services.store import Actor, Store

MIN_PASSPHRASE = 8
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            _("Choose a passphrase of at least {n} characters.").format(n=MIN_PASSPHRASE),
            field="passphrase",
        )
    if passphrase.strip() != passphrase:
        raise ValidationError(
            _("A passphrase cannot start or end with a space."), field="passphrase"
        )


def database_exists(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def is_plain_sqlite(path: Path) -> bool:
    """An unencrypted SQLite file starts with a known header; an SQLCipher file looks random."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def open_database(path: Path, passphrase: str | None, *, kdf_iter: int | None = None) -> Database:
    """Open an existing database (plain or encrypted) or create a new encrypted one.

    Any schema upgrade this triggers is preceded by a backup (core.services.backup)."""
    from core.db import Database
    from core.services.backup import install_migration_backup

    install_migration_backup()
    if database_exists(path) and is_plain_sqlite(path):
        return Database.open(path, None)
    if not database_exists(path) and passphrase is not None:
        check_new_passphrase(passphrase)
    return Database.open(path, passphrase, kdf_iter=kdf_iter)


def open_store(path: Path, passphrase: str | None, actor: Actor | None = None) -> Store:
    from core.services.store import Store

    return Store(open_database(path, passphrase), actor)
