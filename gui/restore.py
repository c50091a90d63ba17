"""Restoring a backup from the settings: close the database, put the checked backup in its
place, open it again and show the same dossier (kept out of gui/main_window.py for its size)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core import paths
from core.errors import DossierError
from core.i18n import _
from gui.errors import show_exception

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def restore_into(window: MainWindow, backup: Path) -> None:
    from core.db import Database
    from core.services.backup import restore_backup
    from core.services.store import Store

    db = window.ctx.store.db
    assert db.path is not None
    passphrase, kdf_iter, db_path = db.passphrase, db.kdf_iter, db.path
    dossier_id = window.person.id if window.person is not None else None
    db.close()
    try:
        restore_backup(
            backup,
            db_path,
            passphrase,
            backups_dir=paths.current().backups,
            kdf_iter=kdf_iter,
            keep=window.ctx.settings.backups_keep,
        )
        restored = True
    except DossierError as exc:
        show_exception(exc, window)
        restored = False
    window.ctx.store = Store(
        Database.open(db_path, passphrase, kdf_iter=kdf_iter), window.ctx.store.actor
    )
    if window.caseload is not None:
        window.caseload.model.store = window.ctx.store
        window.caseload.refresh()
    window.ctx.undo_stack.clear()
    if dossier_id is not None:
        window.reload_dossier(dossier_id)
    if restored:
        window.show_saved(_("Backup restored"))
        _say_findings(window)


def _say_findings(window: MainWindow) -> None:
    """Today's PIP check on the restored dossiers: an older backup never met it (kept as is)."""
    from core.services.pip import dossiers_with_findings
    from gui.dialogs import common

    found = dossiers_with_findings(window.ctx.store)
    if not found:
        return
    lines = [
        _("Dossier {id} ({name}), current PIP: {finding}").format(
            id=dossier, name=name, finding=finding.text()
        )
        for dossier, name, findings in found[:20]
        for finding in findings
    ]
    common.show_message(
        window,
        _("Backup restored"),
        _("Restored as it was; today's PIP check would say:") + "\n\n" + "\n".join(lines),
        warning=True,
    )
