"""Opening a damaged database: its newest good backup is offered right where the error is
shown, instead of sending the person to Settings (which a damaged database cannot open)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import paths
from core.errors import DossierError
from core.i18n import _

if TYPE_CHECKING:
    from core.db import Database


def offer_newest_backup(
    parent: Any, exc: BaseException, db_path: Path, passphrase: str | None, kdf_iter: int | None
) -> Database | None:
    """The database did not open because it is damaged: offer its newest good backup right
    here (the damaged file is kept in the backups folder) and open the restored one; None when
    there is no such backup, the person says no, or the restore failed (said)."""
    from core.db import Database
    from core.errors import DamagedDatabaseError
    from core.services.backup import restore_backup
    from gui.dialogs import common

    backup = getattr(exc, "backup", None) if isinstance(exc, DamagedDatabaseError) else None
    if backup is None:
        return None
    question = (
        str(exc)
        + "\n\n"
        + _("Restore the newest good backup ({name}) now? The damaged file is kept.").format(
            name=Path(backup).name
        )
    )
    if not common.ask_yes_no(parent, _("Blauwe Map"), question):
        return None
    try:
        restore_backup(
            Path(backup),
            db_path,
            passphrase,
            backups_dir=paths.current().backups,
            kdf_iter=kdf_iter,
        )
        return Database.open(db_path, passphrase, kdf_iter=kdf_iter)
    except DossierError as error:
        common.show_message(parent, _("Blauwe Map"), str(error), warning=True)
        return None
