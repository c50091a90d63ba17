"""The main window: navigation on the left, one instance of each dossier view in a stack, the
caseload first in consultant mode, menus, undo, the "saved" state and a live language switch."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore  # QtCore.Qt when used: not built before the first paint (set_by_name)
from PySide6.QtCore import QByteArray, QSize, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from core import i18n
from core.errors import DossierError, NotFoundError
from core.i18n import _, isolate
from gui import probes
from gui.i18n_qt import switch_language
from gui.icons import directional_icon, icon
from gui.qt_names import set_by_name
from gui.views.registry import view_classes

if TYPE_CHECKING:
    from core.models import Person
    from core.services.store import Store
    from gui.context import AppContext
    from gui.lock import IdleLock
    from gui.views.base import DossierView
    from gui.views.caseload import CaseloadView

log = logging.getLogger(__name__)
CASELOAD_KEY = "caseload"
DEFAULT_SIZE = QSize(1180, 780)  # shrunk to the screen by MainWindow.fit_to_screen
VIEWS_DELAY_MS = 200


class MainWindow(QMainWindow):
    """``opening=True``: the window is shown (menus, navigation, "Opening…") before the
    database and SQLAlchemy are loaded; :meth:`attach_store` then builds the pages."""

    def __init__(self, ctx: AppContext, *, opening: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        self.person: Person | None = None
        self.setObjectName("main_window")
        self.setWindowIcon(icon("app"))
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(280)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.caseload: CaseloadView | None = None
        self._fitted = False
        self.opening = QLabel(self.stack) if opening else None  # "Opening…"
        if self.opening is not None:
            set_by_name(self.opening, "alignment", "AlignCenter")
            self.stack.addWidget(self.opening)
        elif ctx.consultant_mode:
            self._add_caseload()
        self.views: list[DossierView] = []
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.dossier_label = QLabel(self)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_label")
        self.statusBar().addWidget(self.dossier_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(4000)
        self._saved_timer.timeout.connect(self.saved_label.clear)

        self._build_actions()
        ctx.signals.saved.connect(self.show_saved)
        ctx.signals.dossier_changed.connect(self.reload_dossier)
        self.lock: IdleLock | None = None
        probes.watch_first_paint(self)
        if self.opening is None:
            self._schedule_views()
        self.retranslate_ui()
        self._restore_geometry()
        self._update_nav()

    def _add_caseload(self) -> None:
        from gui.views.caseload import CaseloadView

        self.caseload = CaseloadView(self.ctx, self)
        self.caseload.open_requested.connect(self.open_dossier)
        self._add_page(self.caseload, CASELOAD_KEY, "caseload")
        if probes.memory_probe_wanted():
            self.caseload.attention_ready.connect(lambda: probes.report_memory(self.ensure_views))

    def _schedule_views(self) -> None:
        # The caseload paints first; the views follow (or come at once when a dossier opens).
        if self.caseload is None:
            return self.ensure_views()
        QTimer.singleShot(VIEWS_DELAY_MS, self.ensure_views)

    def attach_store(self, store: Store) -> None:
        """The database is open (after the first paint): build the caseload and the views."""
        self.ctx.store = store
        if self.opening is not None:
            self.stack.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None
        if self.ctx.consultant_mode:
            self._add_caseload()
        self._schedule_views()
        self.retranslate_ui()
        self._update_nav()

    def ensure_views(self) -> None:
        """One instance of every view of the registry, in navigation order (built once)."""
        if self.views:
            return
        for cls in view_classes():
            view = cls(self.ctx, self)
            self.views.append(view)
            self._add_page(view, view.key, view.icon_name)
            view.set_dossier(self.person)
        self._retranslate_nav()
        self._update_nav()

    # ------------------------------------------------------------------ building
    def _add_page(self, widget: QWidget, key: str, icon_name: str) -> None:
        item = QListWidgetItem(icon(icon_name), "")
        item.setData(QtCore.Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 40 if self.ctx.consultant_mode else 48))
        self.nav.addItem(item)
        self.stack.addWidget(widget)

    def _action(
        self,
        icon_name: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(icon(icon_name), "", self)
        if shortcut is not None:
            # setShortcut()'s and QKeySequence(QKeySequence)'s overloads (Qt.Key…) would build
            # the Qt namespace before the first paint (gui.qt_names.set_by_name)
            seq = shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)
            action.setShortcuts([seq])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action("new", self.new_dossier, QKeySequence.StandardKey.New)
        self.act_caseload = self._action("back", self.show_caseload, "Ctrl+L")
        self.act_export = self._action("export", self.export_dossier, "Ctrl+E")
        self.act_phone = self._action("export", self.copy_to_phone)
        self.act_import = self._action("import", self.import_file, "Ctrl+I")
        self.act_backup = self._action("backup", self.open_backups)
        self.act_quit = self._action("quit", self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self._action("undo", self.undo_last, QKeySequence.StandardKey.Undo)
        self.act_redo = self._action("redo", self.redo_last, QKeySequence.StandardKey.Redo)
        self.act_print = self._action("print", self.print_dossier, QKeySequence.StandardKey.Print)
        self.act_find = self._action("search", self.find_dossier, QKeySequence.StandardKey.Find)
        self.act_settings = self._action("settings", self.open_settings, "Ctrl+,")
        self.act_glossary = self._action("glossary", self.open_glossary, QKeySequence("F1"))
        self.act_about = self._action("help", self.show_about)
        self.act_lock = self._action("lock", self.lock_now, "Ctrl+Shift+L")
        self.act_example = self._action("open", self.toggle_example)
        self.act_delete_example = self._action("delete", self.delete_example)
        self.act_hand_over = self._action("new", self.hand_over)  # a team server only
        self.act_history = self._action("search", self.show_history)
        self._example_id: int | None = None  # the fictional example dossier, when there is one
        self.act_caseload.setVisible(self.caseload is not None)
        self.act_new.setVisible(self.caseload is not None)

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        for act in (
            self.act_new,
            self.act_caseload,
            self.act_example,
            self.act_delete_example,
            None,
            self.act_export,
            self.act_phone,
            self.act_print,
            self.act_import,
            self.act_backup,
            None,
            self.act_history,
            self.act_hand_over,
            None,
            self.act_lock,
            self.act_quit,
        ):
            self.menu_file.addSeparator() if act is None else self.menu_file.addAction(act)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_edit.addAction(self.act_find)
        self.menu_edit.addAction(self.act_settings)
        self.menu_view = bar.addMenu("")
        self.menu_language = QMenu(self.menu_view)
        self.menu_language.setIcon(icon("language"))
        self.menu_view.addMenu(self.menu_language)
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            act = QAction(lang.native_name, self, checkable=True)
            act.setData(lang.code)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, code=lang.code: self.set_language(code))
            self.menu_language.addAction(act)
            self.language_actions[lang.code] = act
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_glossary)
        self.menu_help.addAction(self.act_about)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(22, 22))
        set_by_name(self.toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
        for act in (
            self.act_caseload,
            self.act_new,
            self.act_undo,
            self.act_export,
            self.act_glossary,
            self.act_settings,
        ):
            self.toolbar.addAction(act)
        self.addToolBar(self.toolbar)

    def retranslate_ui(self) -> None:
        store = self.ctx.store
        server = store.db.server if store is not None else None
        # where the data lives: on a team server its address (without the password)
        self.setWindowTitle(_("Blauwe Map") + (f" — {server}" if server else ""))
        texts = {
            self.act_new: _("New dossier…"),
            self.act_caseload: _("Back to caseload"),
            self.act_export: _("Export…"),
            self.act_phone: _("Copy to phone…"),
            self.act_import: _("Import…"),
            self.act_backup: _("Backups…"),
            self.act_quit: _("Quit"),
            self.act_undo: _("Undo"),
            self.act_redo: _("Redo"),
            self.act_print: _("Print…"),
            self.act_find: _("Find a dossier"),
            self.act_settings: _("Settings…"),
            self.act_glossary: _("Word list (glossary)"),
            self.act_about: _("About Blauwe Map"),
            self.act_lock: _("Lock now"),
            self.act_delete_example: _("Delete the example dossier…"),
            self.act_hand_over: _("Hand over to a colleague…"),
            self.act_history: _("Who did what…"),
        }
        for act, text in texts.items():
            act.setText(text)
            act.setToolTip(text.rstrip("…"))
        rtl = i18n.current_language().rtl
        self.act_caseload.setIcon(directional_icon("back", rtl))
        self.act_undo.setIcon(directional_icon("undo", rtl))
        self.act_redo.setIcon(directional_icon("redo", rtl))
        self.menu_file.setTitle(_("&File"))
        self.menu_edit.setTitle(_("&Edit"))
        self.menu_view.setTitle(_("&View"))
        self.menu_language.setTitle(_("Language"))
        self.menu_help.setTitle(_("&Help"))
        self.toolbar.setWindowTitle(_("Toolbar"))
        if self.opening is not None:
            self.opening.setText(_("Opening…"))
        self.nav.setAccessibleName(_("Sections of the dossier"))
        self.stack.setAccessibleName(_("Dossier section"))
        code = i18n.current_language().code
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)
        self._retranslate_nav()
        if self.caseload is not None:
            self.caseload.retranslate_ui()
        for view in self.views:
            view.retranslate_ui()
        self.refresh_actions()  # first: it finds the example dossier the label names
        self._update_dossier_label()

    def _retranslate_nav(self) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            page = self.stack.widget(row)
            text = _("Caseload") if page is self.caseload else cast("DossierView", page).title()
            item.setText(text)
            item.setToolTip(text)
            item.setData(QtCore.Qt.ItemDataRole.AccessibleTextRole, text)

    def refresh_actions(self) -> None:
        self.act_caseload.setVisible(self.caseload is not None)
        self.act_new.setVisible(self.caseload is not None)
        self.act_export.setEnabled(self.person is not None)
        self.act_phone.setEnabled(self.person is not None)
        self.act_print.setEnabled(self.person is not None)
        self.act_history.setEnabled(self.person is not None)
        on_server = self.ctx.store is not None and self.ctx.store.db.server is not None
        self.act_hand_over.setVisible(on_server)
        self.act_hand_over.setEnabled(on_server and self.person is not None)
        self.act_find.setEnabled(self.caseload is not None)
        ready = self.opening is None  # while opening, nothing that needs the database
        for act in (self.act_new, self.act_import, self.act_backup, self.act_settings):
            act.setEnabled(ready)
        self._update_example_actions()
        self._update_undo()

    # ------------------------------------------------------------------ the example dossier
    def _showing_example(self) -> bool:
        return self.person is not None and self.person.id == self._example_id

    def _update_example_actions(self) -> None:
        """Participants open the fictional example (when they asked for one) and go back to
        their own dossier from the File menu, and delete the example there when done with it."""
        if self.opening is None and self.person is not None:
            from core.services.demo import example_dossier

            self._example_id = example_dossier(self.ctx.store)
        has_example = self._example_id is not None and not self.ctx.consultant_mode
        self.act_example.setVisible(has_example)
        self.act_delete_example.setVisible(has_example)
        self.act_example.setText(
            _("Back to my own dossier")
            if self._showing_example()
            else _("Open the example dossier")
        )

    def toggle_example(self) -> None:
        if self._example_id is None:
            return
        if self._showing_example():
            from core.services.dossiers import list_dossiers

            own = [r.id for r in list_dossiers(self.ctx.store, limit=2) if r.id != self._example_id]
            if own:
                self.open_dossier(own[0])
        else:
            self.open_dossier(self._example_id)

    def delete_example(self) -> None:
        from core.services.dossiers import delete_dossier
        from gui.dialogs import common

        example = self._example_id
        if example is None or not common.ask_yes_no(
            self,
            _("Delete the example dossier…").rstrip("…"),
            _("Delete the example dossier? Your own dossier stays as it is."),
        ):
            return
        if self._showing_example():
            self.toggle_example()
        self.ctx.commit(
            None, lambda: delete_dossier(self.ctx.store, example), saved_text=_("Deleted")
        )
        self._example_id = None
        self.refresh_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # the frame (title bar) is known once the window is shown
            self._fitted = True
            self.fit_to_screen()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock is not None and self.lock.screen is not None:
            self.lock.screen.setGeometry(self.rect())

    # ------------------------------------------------------------------ navigation
    def _nav_changed(self, row: int) -> None:
        if row >= 0:
            self.save_pending_edits()  # what was typed on the page we leave is kept
            self.stack.setCurrentIndex(row)

    def save_pending_edits(self) -> bool:
        """Save typed, unsaved values of every view (on leaving a page, switching dossier,
        locking and closing). False when a view refused a value: its message is shown next to
        the field and what was typed stays there."""
        ok = True
        for view in self.views:
            save = getattr(view, "save_pending", None)
            if save is not None and self.person is not None:
                ok = save() and ok
        return ok

    def page_index(self, key: str) -> int:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(QtCore.Qt.ItemDataRole.UserRole) == key:
                return row
        raise KeyError(key)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.page_index(key))

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(QtCore.Qt.ItemDataRole.UserRole)) if item else ""

    def view(self, key: str) -> DossierView:
        return next(v for v in self.views if v.key == key)

    def _update_nav(self) -> None:
        """Hide views that do not apply to this dossier's regime or to participant mode."""
        participant = not self.ctx.consultant_mode
        regime = self.person.regime if self.person is not None else None
        for row in range(self.nav.count()):
            page = self.stack.widget(row)
            if page is self.caseload:
                continue
            view = cast("DossierView", page)
            hidden = self.person is None
            hidden |= participant and not view.participant_visible
            hidden |= regime is not None and regime not in view.regimes
            self.nav.item(row).setHidden(hidden)
        if self.nav.currentItem() is None or self.nav.currentItem().isHidden():
            first = next(
                (r for r in range(self.nav.count()) if not self.nav.item(r).isHidden()), -1
            )
            self.nav.setCurrentRow(first)

    def show_caseload(self) -> None:
        if self.caseload is not None:
            self.caseload.refresh()
            self.show_page(CASELOAD_KEY)

    # ------------------------------------------------------------------ dossier
    def open_dossier(self, dossier_id: int) -> None:
        from core.services.dossiers import load_dossier  # not at import: startup cost

        self.ensure_views()
        self.save_pending_edits()
        try:
            person = load_dossier(self.ctx.store, dossier_id)
        except NotFoundError as exc:
            from gui.errors import show_exception  # the error dialogs load after the first paint

            show_exception(exc, self)
            return
        self.ctx.undo_stack.clear()
        self._show_person(person)
        if self.ctx.store.db.server is None:  # a team server's ids are not this computer's
            self.ctx.settings.last_dossier = dossier_id
        self._save_settings()
        self.ctx.signals.dossier_opened.emit(dossier_id)
        self.show_page("overview")

    def close_dossier(self) -> None:
        self.save_pending_edits()
        self.ctx.undo_stack.clear()
        self._show_person(None)
        if self.caseload is not None:
            self.show_caseload()

    def reload_dossier(self, dossier_id: int) -> None:
        if self.person is None or self.person.id != dossier_id:
            if self.caseload is not None:
                self.caseload.refresh()
            return
        from core.services.dossiers import load_dossier

        try:
            person = load_dossier(self.ctx.store, dossier_id)
        except NotFoundError:
            self.close_dossier()
            return
        self._show_person(person)

    def _show_person(self, person: Person | None) -> None:
        self.person = person
        for view in self.views:
            try:
                view.set_dossier(person)
            except DossierError as exc:
                from gui.errors import show_exception

                show_exception(exc, self)
        self._update_nav()
        self.refresh_actions()  # first: it finds the example dossier the label names
        self._update_dossier_label()

    def _update_dossier_label(self) -> None:
        if self.person is None:
            self.dossier_label.setText(_("No dossier open"))
        elif self._showing_example():
            self.dossier_label.setText(
                _("Example dossier (a made-up person): {name}").format(
                    name=isolate(self.person.display_name)
                )
            )
        else:
            self.dossier_label.setText(
                _("Dossier: {name}").format(name=isolate(self.person.display_name))
            )

    # ------------------------------------------------------------------ saving, undo
    def show_saved(self, text: str) -> None:
        self.saved_label.setText("✓ " + text)
        self._saved_timer.start()
        self._update_undo()

    def _update_undo(self) -> None:
        stack = self.ctx.undo_stack
        self.act_undo.setEnabled(bool(stack))
        self.act_undo.setToolTip(
            _("Undo: {what}").format(what=stack[-1].label) if stack else _("Nothing to undo")
        )
        self.act_redo.setEnabled(bool(self.ctx.redo_stack))

    def undo_last(self) -> None:
        if self.ctx.undo_stack:
            item = self.ctx.undo_stack[-1]
            text = _("Undone: {what}").format(what=item.label)
            self._run_history(lambda dossier: self.ctx.undo(item, dossier, saved_text=text))

    def redo_last(self) -> None:
        if self.ctx.redo_stack:
            text = _("Done again")
            self._run_history(lambda dossier: self.ctx.redo(dossier, saved_text=text))

    def _run_history(self, step: Callable[[int | None], object]) -> None:
        try:
            step(self.person.id if self.person is not None else None)
        except DossierError as exc:
            from gui.errors import show_exception

            show_exception(exc, self)
        self._update_undo()

    def find_dossier(self) -> None:
        """Ctrl+F: the caseload, with the cursor in its search field."""
        if self.caseload is not None:
            self.show_caseload()
            self.caseload.search.setFocus()
            self.caseload.search.selectAll()

    def print_dossier(self) -> None:
        """Ctrl+P: the export dialog with the PIP chosen and its Print… button ready."""
        self.export_dossier(initial_format="pip-pdf")

    def copy_to_phone(self) -> None:
        """The export dialog with the map for a phone chosen (one HTML file, maybe protected)."""
        self.export_dossier(initial_format="html")

    # ------------------------------------------------------------------ actions
    def new_dossier(self) -> None:
        if self.caseload is not None:
            self.show_caseload()
            self.caseload.new_dossier()

    def export_dossier(self, initial_format: str | None = None) -> None:
        from gui.dialogs import common

        if self.person is None:
            common.show_message(self, _("Export"), _("Open a dossier first."))
            return
        from gui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.ctx.store,
            self.person.id,
            self,
            preferred_language=self.person.preferred_language or "nl",
            today=self.ctx.today(),
        )
        if initial_format is not None:
            dialog.choose_format(initial_format)
        common.run_dialog(dialog)
        self.reload_dossier(self.person.id)  # an export is logged in the dossier

    def import_file(self) -> None:
        from gui.dialogs import common
        from gui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx.store, self)
        imported: list[int] = []
        dialog.imported.connect(imported.append)
        common.run_dialog(dialog)
        if imported:
            if self.caseload is not None:
                self.caseload.refresh()
            self.open_dossier(imported[-1])

    def open_backups(self) -> None:
        self.open_settings(page="backups")

    def open_settings(self, page: str = "") -> None:
        from gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self, page=page or "general")
        dialog.language_chosen.connect(self.set_language)
        dialog.restore_requested.connect(self.restore_from)
        dialog.mode_chosen.connect(self.set_mode)
        from gui.dialogs import common

        common.run_dialog(dialog)
        self.ctx.save_settings()
        if self.lock is not None:
            self.lock.set_minutes(self.ctx.settings.idle_lock_minutes)

    def open_glossary(self) -> None:
        from gui.dialogs.glossary_dialog import GlossaryDialog

        GlossaryDialog.show_for(self)

    def hand_over(self) -> None:
        """Give the open dossier to a member of the team (the server checks and records it)."""
        from gui.dialogs import common
        from gui.dialogs.hand_over import HandOverDialog

        server = self.ctx.store.db.server
        if self.person is None or server is None or not self.save_pending_edits():
            return
        dossier_id = self.person.id
        me = server.split("@", 1)[0]
        dialog = HandOverDialog(self.ctx.store.db, me, dossier_id, self.person.display_name, self)
        if not common.run_dialog(dialog) or dialog.handed_to is None:
            return
        self.show_saved(_("Handed over to {login}").format(login=dialog.handed_to))
        if self.caseload is not None:
            self.caseload.refresh()
        self.reload_dossier(dossier_id)  # a teamleider still sees it; a consultant no longer
        if self.person is None:
            self.show_caseload()

    def show_history(self) -> None:
        """Who did what with the open dossier (the audit trail and the hand-overs)."""
        from core.services.privacy import dossier_history
        from gui.dialogs import common
        from gui.dialogs.history_dialog import HistoryDialog

        if self.person is None:
            return
        lines = dossier_history(self.ctx.store, self.person.id)
        common.run_dialog(HistoryDialog(lines, self.person.display_name, self))

    def show_about(self) -> None:
        from gui.dialogs import common
        from gui.dialogs.about_dialog import AboutDialog

        common.run_dialog(AboutDialog(self, server=self.ctx.store.db.server))

    def lock_now(self) -> None:
        self.save_pending_edits()
        if self.lock is not None:
            self.lock.lock()

    def set_language(self, code: str) -> None:
        switch_language(code)
        self.ctx.settings.language = code
        self._save_settings()
        self.retranslate_ui()
        glossary = sys.modules.get("gui.dialogs.glossary_dialog")
        if glossary is not None and glossary.GlossaryDialog._open is not None:
            glossary.GlossaryDialog._open.retranslate_ui()
        self.ctx.signals.language_changed.emit(code)

    def set_mode(self, mode: str) -> None:
        """Switch participant/consultant mode live: the caseload page comes or goes."""
        self.ctx.settings.mode = mode
        self._save_settings()
        if mode == "consultant" and self.caseload is None:
            from gui.views.caseload import CaseloadView

            self.caseload = CaseloadView(self.ctx, self)
            self.caseload.open_requested.connect(self.open_dossier)
            item = QListWidgetItem(icon("caseload"), _("Caseload"))
            item.setData(QtCore.Qt.ItemDataRole.UserRole, CASELOAD_KEY)
            self.nav.insertItem(0, item)
            self.stack.insertWidget(0, self.caseload)
        elif mode != "consultant" and self.caseload is not None:
            row = self.page_index(CASELOAD_KEY)
            self.nav.takeItem(row)
            self.stack.removeWidget(self.caseload)
            self.caseload.deleteLater()
            self.caseload = None
        self.ctx.signals.mode_changed.emit(mode)
        self.retranslate_ui()
        self._update_nav()
        if self.caseload is None and self.person is None:
            from core.services.dossiers import list_dossiers

            rows = list_dossiers(self.ctx.store, limit=1)
            if rows:
                self.open_dossier(rows[0].id)

    def restore_from(self, backup: Path) -> None:
        """Close the database, put the backup in its place (checked first), open it again."""
        from gui.restore import restore_into

        restore_into(self, backup)

    # ------------------------------------------------------------------ window state
    def _save_settings(self) -> None:
        try:
            self.ctx.save_settings()
        except OSError:
            log.warning("settings could not be written")

    def _restore_geometry(self) -> None:
        raw = self.ctx.settings.window_geometry
        if not (raw and self.restoreGeometry(QByteArray.fromBase64(raw.encode("ascii")))):
            self.resize(DEFAULT_SIZE)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area: a 1366×768 or 1280×720 laptop at 100 %, 125 %
        or 150 % scaling (853×480 logical pixels) shows the whole window, title bar included."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), free.width() - frame.width())
        height = min(self.height(), free.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, self.minimumSizeHint().width()), max(height, 1))
        if not free.contains(self.frameGeometry()):
            self.move(free.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_pending_edits():
            # A typed value was refused: stay open (nothing typed lost); the message says why.
            event.ignore()
            return
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode(
            "ascii"
        )
        if self.opening is None and self.ctx.store.db.server is None:
            # (closed while opening, or a team server: the last dossier stays as it was)
            self.ctx.settings.last_dossier = self.person.id if self.person is not None else None
        self._save_settings()
        if self.lock is not None:
            self.lock.stop()
        super().closeEvent(event)
