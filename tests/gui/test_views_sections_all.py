"""Every section view: built with the demo dossier in both modes, retranslated after a language
switch (also right-to-left), and screenshotted for people to look at (build/screenshots)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from core import i18n
from gui.views.contacts import ContactsView
from gui.views.documents import DocumentsView
from gui.views.exams import ExamsView
from gui.views.hours import HoursView
from gui.views.intake import IntakeView
from gui.views.person import PersonView
from gui.views.pid import PidView
from gui.views.pip import PipView
from gui.views.termijn import TermijnView
from tests.gui.section_support import save_shot, show_view

VIEWS = (
    PersonView,
    PidView,
    IntakeView,
    PipView,
    HoursView,
    ExamsView,
    TermijnView,
    ContactsView,
    DocumentsView,
)


@pytest.mark.parametrize("view_class", VIEWS, ids=lambda c: c.key)
@pytest.mark.parametrize("mode", ["consultant", "participant"])
def test_each_view_shows_the_demo_dossier(qtbot, store, demo_id, view_class, mode):
    view = show_view(qtbot, view_class, store, demo_id, mode=mode)
    assert view.key and view.icon_name
    texts = " ".join(label.text() for label in view.findChildren(QLabel))
    assert view.title() in texts
    save_shot(view, f"{view.key}_{mode}")


@pytest.mark.parametrize("view_class", VIEWS, ids=lambda c: c.key)
def test_each_view_retranslates_right_to_left(qtbot, store, demo_id, view_class):
    view = show_view(qtbot, view_class, store, demo_id)
    app = QApplication.instance()
    try:
        i18n.set_language("ar")
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        view.retranslate_ui()
        assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
        save_shot(view, f"{view.key}_ar")
        i18n.set_language("nl")
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        view.retranslate_ui()
        assert view.heading.text() == view.title()
    finally:
        i18n.set_language("en")
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_the_undo_bar_does_nothing_after_the_main_window_undid(qtbot, store, demo_id):
    from core.services.dossiers import load_dossier

    view = show_view(qtbot, ContactsView, store, demo_id)
    table = view.contacts
    table.view.selectRow(2)
    qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    item = view.ctx.undo_stack.pop()
    view.ctx.commit(demo_id, item.undo, saved_text="Undone")
    count = len(load_dossier(store, demo_id).contacts)
    qtbot.mouseClick(table.undo_button, Qt.MouseButton.LeftButton)
    assert len(load_dossier(store, demo_id).contacts) == count == 3
