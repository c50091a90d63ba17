"""Restoring a backup from the window: the store is swapped, the dossier shown again, and what
today's PIP check says of the restored (older) data is said, not silently kept."""

from __future__ import annotations

import datetime as dt

from core import models as m
from core.services.backup import make_backup
from gui.dialogs import common
from gui.restore import restore_into


def test_restore_from_the_window_says_what_the_pip_check_finds(
    qtbot, ctx, demo_id, make_window, monkeypatch, tmp_path
):
    with ctx.store.transaction() as session:  # a PIP an older version could have stored
        session.add(
            m.PipVersion(
                person_id=demo_id,
                version_no=9,
                dagtekening=dt.date(2026, 10, 1),
                leerroute="Z",
                niveau="B1",
                trigger="wijziging",
            )
        )
    backup = make_backup(ctx.store.db, tmp_path / "backups", "manual")
    shown: list[str] = []
    monkeypatch.setattr(common, "show_message", lambda _p, _t, text, **_k: shown.append(text))
    window = make_window(ctx)
    window.open_dossier(demo_id)
    restore_into(window, backup)
    assert window.person.id == demo_id
    assert shown and "today's PIP check would say" in shown[0]
    assert f"Dossier {demo_id}" in shown[0]
    window.ctx.store.db.close()
