"""Changing the passphrase of the encrypted dossier file: one path for the window and the CLI.

The file is re-encrypted in one SQLCipher transaction (:meth:`core.db.Database.rekey`), then a
backup is made under the new passphrase at once: the older backups keep the old one, and a damaged
file is told apart from a wrong passphrase by the newest backup opening with the same one.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import ValidationError
from core.i18n import _
from core.services.backup import MANUAL, make_backup
from core.services.store import Store
from core.session import check_new_passphrase


def change_passphrase(
    store: Store, new: str, *, backups: Path, keep: int, current: str | None = None
) -> Path:
    """Re-key the store with ``new`` and return the backup made under it.

    ``current``, when given (the window asks for it), must be the passphrase the file is open
    with. Nothing is changed when a check fails."""
    db = store.db
    if not db.encrypted:
        raise ValidationError(
            _("This database is not encrypted, so it has no passphrase to change."),
            field="passphrase",
        )
    if current is not None and current != (db.passphrase or ""):
        raise ValidationError(_("The current passphrase is wrong."), field="current")
    check_new_passphrase(new)
    db.rekey(new)
    return make_backup(db, backups, MANUAL, keep=keep)
