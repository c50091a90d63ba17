"""The main window as a user meets it: caseload first, open a dossier with the keyboard, walk the
sections, see "Saved" only after a commit, undo, switch language live, remember the window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import paths
from core.errors import ValidationError
from core.services.dossiers import load_dossier, update_person
from gui import probes
from gui.context import UndoItem
from gui.views.registry import view_classes


def open_demo_from_caseload(qtbot, window, demo_id):
    table = window.caseload.table
    assert window.current_key() == "caseload"
    assert window.caseload.model.rowCount() == 1
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.person is not None)
    assert window.person.id == demo_id


def test_consultant_opens_a_dossier_from_the_caseload(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    open_demo_from_caseload(qtbot, window, demo_id)
    assert window.current_key() == "overview"
    assert "Amanuel" in window.dossier_label.text()
    # Every view of the registry is in the stack, after the caseload, with a visible title.
    keys = [window.nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(window.nav.count())]
    assert keys == ["caseload"] + [cls.key for cls in view_classes()]
    for row in range(window.nav.count()):
        assert window.nav.item(row).text().strip()
    assert ctx.settings.last_dossier == demo_id


def test_keyboard_walks_the_sections(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.nav.setFocus()
    start = window.stack.currentIndex()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.stack.currentIndex() == start + 1
    assert window.stack.currentWidget() is window.view(window.current_key())


def test_back_to_caseload(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.act_caseload.trigger()
    assert window.current_key() == "caseload"


def test_saved_only_after_the_commit_and_the_views_reload(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)

    def failing():
        raise ValidationError("bad", field="bsn")

    with pytest.raises(ValidationError):
        ctx.commit(demo_id, failing, saved_text="Saved")
    assert window.saved_label.text() == ""

    ctx.commit(
        demo_id,
        lambda: update_person(ctx.store, demo_id, {"gemeente": "Zwolle"}),
        saved_text="Saved",
    )
    assert window.saved_label.text().endswith("Saved")
    assert load_dossier(ctx.store, demo_id).gemeente == "Zwolle"
    assert all(view.person.gemeente == "Zwolle" for view in window.views)


def test_undo_the_last_change_with_ctrl_z(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    before = load_dossier(ctx.store, demo_id).gemeente
    ctx.commit(
        demo_id,
        lambda: update_person(ctx.store, demo_id, {"gemeente": "Deventer"}),
        saved_text="Saved",
        undo=UndoItem("gemeente", lambda: update_person(ctx.store, demo_id, {"gemeente": before})),
    )
    assert window.act_undo.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not ctx.undo_stack)
    assert load_dossier(ctx.store, demo_id).gemeente == before
    assert window.person.gemeente == before
    assert not window.act_undo.isEnabled()
    # Redo (Ctrl+Shift+Z / Ctrl+Y) does the change again, and it can be undone again.
    assert window.act_redo.isEnabled()
    window.act_redo.trigger()
    assert load_dossier(ctx.store, demo_id).gemeente == "Deventer"
    assert window.act_undo.isEnabled() and not window.act_redo.isEnabled()
    window.act_undo.trigger()
    assert load_dossier(ctx.store, demo_id).gemeente == before
    # A new change after an undo: the undone one cannot come back over it.
    ctx.commit(
        demo_id,
        lambda: update_person(ctx.store, demo_id, {"gemeente": "Almelo"}),
        saved_text="Saved",
    )
    assert not ctx.redo_stack


def test_undo_and_redo_a_deleted_record(qtbot, ctx, demo_id, make_window):
    """A deleted record comes back with Undo (under a new id) and goes again with Redo."""
    from core.services.dossiers import load_dossier as load

    window = make_window(ctx)
    window.open_dossier(demo_id)
    hours = next(v for v in window.views if type(v).__name__ == "HoursView")
    table = hours.tables[0]
    count = len(load(ctx.store, demo_id).hours)
    table.view.selectRow(0)
    table.delete_selected()
    assert len(load(ctx.store, demo_id).hours) == count - 1
    window.act_undo.trigger()
    assert len(load(ctx.store, demo_id).hours) == count
    window.act_redo.trigger()
    assert len(load(ctx.store, demo_id).hours) == count - 1
    window.act_undo.trigger()
    assert len(load(ctx.store, demo_id).hours) == count


def test_ctrl_f_goes_to_the_caseload_search(qtbot, ctx, demo_id, make_window):
    ctx.settings.mode = "consultant"
    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.caseload
    qtbot.waitUntil(lambda: window.caseload.search.hasFocus())


def test_language_switch_is_live_and_mirrors_for_arabic(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    english = window.nav.item(window.page_index("overview")).text()
    window.language_actions["ar"].trigger()
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert ctx.settings.language == "ar"
        assert window.language_actions["ar"].isChecked()
        # The pseudo-language changes every string: every text was set again, no restart.
        window.set_language("qps_ploc")
        assert window.nav.item(window.page_index("overview")).text() not in ("", english)
        assert window.menu_file.title() != "&File"
        assert window.act_undo.text() != "Undo"
        assert window.view("overview").heading.text() != "Overview for Amanuel"
    finally:
        window.language_actions["en"].trigger()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.nav.item(window.page_index("overview")).text() == english


def test_participant_mode_hides_consultant_views_and_the_caseload(
    qtbot, participant_ctx, demo_id, make_window
):
    window = make_window(participant_ctx)
    assert window.caseload is None
    assert not window.act_caseload.isVisible()
    window.open_dossier(demo_id)
    for row, view in enumerate(window.views):
        assert window.nav.item(row).isHidden() == (not view.participant_visible)
    assert window.view("overview").title() == "What to do now"


def test_views_of_another_regime_are_hidden(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    update_person(ctx.store, demo_id, {"regime": "Wi2013"})
    window.open_dossier(demo_id)
    for view in window.views:
        row = window.page_index(view.key)
        assert window.nav.item(row).isHidden() == ("Wi2013" not in view.regimes)


def test_close_remembers_geometry_and_dossier(qtbot, ctx, demo_id, make_window):
    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.resize(720, 540)
    qtbot.waitUntil(lambda: window.width() == 720)
    window.close()
    saved = json.loads(paths.current().settings_file.read_text(encoding="utf-8"))
    assert saved["last_dossier"] == demo_id
    assert saved["window_geometry"]
    again = make_window(ctx)
    assert (again.width(), again.height()) == (720, 540)


def test_bench_hook_prints_painted_after_first_paint(qtbot, ctx, make_window, monkeypatch, capsys):
    quits = []
    monkeypatch.setenv(probes.BENCH_ENV, "1")
    monkeypatch.setattr(probes, "bench_quit", lambda: quits.append(True))
    window = make_window(ctx)
    window.update()
    qtbot.waitUntil(lambda: bool(quits))
    out = capsys.readouterr().out
    assert out.startswith("PAINTED ")
    float(out.split()[1])


def test_mode_switch_in_the_settings_is_live(qtbot, ctx, demo_id, make_window, monkeypatch):
    from gui.dialogs import common

    window = make_window(ctx)

    def choose_participant(dialog):
        qtbot.addWidget(dialog)
        dialog.mode.setCurrentIndex(dialog.mode.findData("participant"))
        return True

    monkeypatch.setattr(common, "run_dialog", choose_participant)
    window.act_settings.trigger()
    assert ctx.settings.mode == "participant"
    assert window.caseload is None
    assert window.person is not None and window.person.id == demo_id  # the one dossier opens
    assert window.view("overview").title() == "What to do now"
    saved = json.loads(paths.current().settings_file.read_text(encoding="utf-8"))
    assert saved["mode"] == "participant"
    window.set_mode("consultant")
    assert window.page_index("caseload") == 0
    assert window.act_caseload.isVisible()


def test_export_and_import_open_the_export_helpers_dialogs(
    qtbot, ctx, demo_id, make_window, monkeypatch
):
    from gui.dialogs import common
    from gui.dialogs.export_dialog import ExportDialog
    from gui.dialogs.import_dialog import ImportDialog

    window = make_window(ctx)
    seen = []

    def record(dialog):
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return False

    monkeypatch.setattr(common, "run_dialog", record)
    window.open_dossier(demo_id)
    window.act_export.trigger()
    window.act_import.trigger()
    window.act_phone.trigger()
    assert isinstance(seen[0], ExportDialog) and seen[0].dossier_id == demo_id
    assert isinstance(seen[1], ImportDialog)
    phone = seen[2]  # "Copy to phone…": the map for a phone, in the person's language
    assert isinstance(phone, ExportDialog) and phone.format.currentData() == "html"
    assert phone.language.currentData() == window.person.preferred_language
    assert not phone.protect.isHidden() and phone.passphrase.isHidden()


def test_cold_start_paints_and_quits(tmp_path):
    """The real entry point, as the benchmark runs it: existing encrypted data folder, the
    passphrase from the environment, PAINTED on stdout after the first paint."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from core.db import Database
    from core.services.demo import create_demo_dossier
    from core.services.store import Store
    from tests.conftest import TEST_PASSPHRASE

    root = Path(__file__).resolve().parents[2]
    data = tmp_path / "cold"
    data.mkdir()
    db = Database.open(data / "blauwemap.db", TEST_PASSPHRASE)
    create_demo_dossier(Store(db))  # the example, which a participant's start never opens
    db.close()
    (data / "settings.json").write_text(json.dumps({"mode": "participant", "language": "ti"}))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BLAUWEMAP_PASSPHRASE=TEST_PASSPHRASE)
    env[probes.BENCH_ENV] = "1"
    proc = subprocess.run(
        [sys.executable, str(root / "main.py"), "--data-dir", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert any(line.startswith("PAINTED ") for line in proc.stdout.splitlines())
    settings = json.loads((data / "settings.json").read_text(encoding="utf-8"))
    assert settings["last_dossier"] == 2  # the participant's own dossier, made and opened
    assert any((data / "backups").iterdir())  # the daily backup was made


def test_typed_values_are_saved_when_the_user_leaves_the_page(qtbot, ctx, demo_id, make_window):
    from tests.gui.section_support import type_into

    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.show_page("person")
    form = window.view("person").identity.form
    type_into(qtbot, form.editors["family_name"], "Berhane")
    window.show_page("overview")  # no Save click: leaving the page keeps what was typed
    assert load_dossier(ctx.store, demo_id).family_name == "Berhane"


def test_closing_with_a_refused_value_keeps_the_window_and_the_text(
    qtbot, ctx, demo_id, make_window
):
    from tests.gui.section_support import type_into

    window = make_window(ctx)
    window.open_dossier(demo_id)
    window.show_page("person")
    form = window.view("person").identity.form
    type_into(qtbot, form.editors["bsn"], "123456789")  # fails the elfproef
    assert window.close() is False
    assert form.editors["bsn"].text() == "123456789"
    assert "elfproef" in form.error_text("bsn")
    assert load_dossier(ctx.store, demo_id).bsn == "111222333"
    form.editors["bsn"].setText("111222333")
    assert window.close() is True


def test_memory_hook_reports_once_the_caseload_and_every_page_are_ready(
    qtbot, ctx, demo_id, make_window, monkeypatch, capsys
):
    """bench/probes.py's app memory figure: MEMORY <kB> on stdout, then quit."""
    monkeypatch.setenv(probes.MEMORY_ENV, "1")
    quits: list[bool] = []
    monkeypatch.setattr(probes, "bench_quit", lambda: quits.append(True))
    window = make_window(ctx)
    qtbot.waitUntil(lambda: quits == [True], timeout=10000)
    assert window.caseload is not None and window.caseload.model.attention
    assert len(window.views) > 0  # every page was built before measuring
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("MEMORY")]
    assert len(lines) == 1 and int(lines[0].split()[1]) > 10_000  # kB: a real process


def test_participant_opens_and_deletes_the_example_from_the_file_menu(
    qtbot, participant_ctx, demo_id, make_window, monkeypatch
):
    from core.services.dossiers import count_dossiers, create_dossier
    from gui.dialogs import common

    own = create_dossier(participant_ctx.store, {"given_names": "Amal"})
    window = make_window(participant_ctx)
    window.open_dossier(own)
    assert window.act_example.isVisible() or window.act_example.isVisibleTo(window)
    assert window.act_example.text() == "Open the example dossier"
    window.act_example.trigger()
    assert window.person.id == demo_id
    assert window.dossier_label.text().startswith("Example dossier")
    assert window.act_example.text() == "Back to my own dossier"
    monkeypatch.setattr(common, "ask_yes_no", lambda *_a: True)
    window.act_delete_example.trigger()
    assert window.person.id == own  # back in the person's own dossier
    assert count_dossiers(participant_ctx.store) == 1
    assert not window.act_example.isVisible()
