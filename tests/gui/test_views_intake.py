"""IntakeView and the guided intake conversation, driven like a user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.rules.intake_topics import TOPICS
from core.services.dossiers import load_dossier
from gui.views.intake import IntakeView
from gui.views.intake_conversation import IntakeConversation, first_open_topic
from tests.gui.section_support import save_shot, show_view


def _topic(store, demo_id, code):
    return next((t for t in load_dossier(store, demo_id).intake_topics if t.topic == code), None)


def test_choose_a_topic_change_its_status_and_save(qtbot, store, demo_id):
    view = show_view(qtbot, IntakeView, store, demo_id)
    row = next(i for i, t in enumerate(TOPICS) if t.code == "digitale_vaardigheden")
    view.topic_list.setCurrentRow(row)
    assert "Digital" in view.topic_title.text()
    form = view.topic_panel.form
    form.editors["status"].setCurrentIndex(form.editors["status"].findData("known"))
    qtbot.keyClicks(form.editors["answers"], "Uses WhatsApp and DigiD with help.")
    qtbot.mouseClick(view.topic_panel.save_button, Qt.MouseButton.LeftButton)
    stored = _topic(store, demo_id, "digitale_vaardigheden")
    assert stored.status == "known"
    assert stored.answers == "Uses WhatsApp and DigiD with help."
    assert view.topic_list.item(row).data(Qt.ItemDataRole.UserRole) == "known"
    assert "8 of 18" in view.progress.format()


def test_switching_topic_saves_what_was_typed(qtbot, store, demo_id):
    view = show_view(qtbot, IntakeView, store, demo_id)
    view.topic_list.setCurrentRow(2)
    code = view.current_code()
    qtbot.keyClicks(view.topic_panel.form.editors["notes"], "Worked as an electrician.")
    view.topic_list.setCurrentRow(3)
    assert "electrician" in (_topic(store, demo_id, code).notes or "")


def test_the_conversation_resumes_at_the_first_unknown_topic_and_saves_each_page(
    qtbot, store, demo_id
):
    view = show_view(qtbot, IntakeView, store, demo_id)
    person = load_dossier(store, demo_id)
    start = first_open_topic(person)
    known = {t.topic for t in person.intake_topics if t.status == "known"}
    assert TOPICS[start].code not in known and all(t.code in known for t in TOPICS[:start])
    qtbot.mouseClick(view.conversation_button, Qt.MouseButton.LeftButton)
    dialog = view.conversation
    assert isinstance(dialog, IntakeConversation)
    assert dialog.index == start
    assert dialog.title_label.text() == TOPICS[start].title
    qtbot.keyClicks(dialog.answers, "Can repair bicycles and wire a house.")
    dialog.radios["known"].click()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    stored = _topic(store, demo_id, TOPICS[start].code)
    assert stored.status == "known" and "bicycles" in stored.answers
    assert stored.source == "conversation"
    assert dialog.index == start + 1
    save_shot(dialog, "intake_conversation")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    # Resuming starts after the topic that is now known.
    assert first_open_topic(load_dossier(store, demo_id)) > start
    save_shot(view, "intake")


def test_the_conversation_shows_the_title_in_the_persons_language(
    qtbot, store, demo_id, monkeypatch
):
    import gui.views.intake_conversation as conv

    class FakeCatalogue:
        def gettext(self, msgid):
            return "«" + msgid + "»"

    monkeypatch.setattr(conv, "load_translations", lambda code: FakeCatalogue())
    view = show_view(qtbot, IntakeView, store, demo_id)
    dialog = view.open_conversation()
    assert dialog.title_own.text() == "«" + TOPICS[dialog.index].title + "»"
    dialog.reject()


def test_participant_mode_has_no_conversation_and_no_consultant_notes(qtbot, store, demo_id):
    view = show_view(qtbot, IntakeView, store, demo_id, mode="participant")
    assert not view.conversation_button.isVisible()
    assert not view.topic_panel.form.editors["notes"].isVisible()
    assert view.topic_panel.form.editors["answers"].isVisible()


def test_the_persons_lines_read_in_their_own_direction_in_an_arabic_window(
    qtbot, qapp, store, demo_id
):
    """A Dutch-speaking person in an Arabic window: the Dutch title and questions read left to
    right (their own first strong character), not in the window's direction."""
    from core.services.dossiers import update_person
    from gui.i18n_qt import apply_language
    from gui.widgets.panel import LRM, RLM

    update_person(store, demo_id, {"preferred_language": "nl"})
    apply_language(qapp, "ar")
    try:
        view = show_view(qtbot, IntakeView, store, demo_id)
        dialog = view.open_conversation()
        assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert dialog.title_own.isVisible()
        assert dialog.title_own.layoutDirection() == Qt.LayoutDirection.LeftToRight
        shown = QLabel.text(dialog.questions).split("\n")  # with the direction marks
        assert shown[0].startswith(RLM)  # the Arabic question: the window's direction
        assert shown[1].startswith(LRM)  # its Dutch translation: its own
        dialog.reject()
    finally:
        apply_language(qapp, "en")


def test_the_conversation_works_with_the_keyboard_alone(qtbot, store, demo_id):
    """Type the answers, Tab on, Alt+1 for "known", Ctrl+Enter to save and go on; Alt+Left back."""
    from core.services.dossiers import load_dossier

    view = show_view(qtbot, IntakeView, store, demo_id)
    dialog = view.open_conversation()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    start = dialog.index
    code = TOPICS[start].code
    assert dialog.answers.hasFocus()
    qtbot.keyClicks(dialog.answers, "Bike to the language school")
    qtbot.keyClick(dialog.answers, Qt.Key.Key_Tab)
    assert dialog.notes.hasFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert dialog.status() == "known"
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.index == start + 1
    stored = next(t for t in load_dossier(store, demo_id).intake_topics if t.topic == code)
    assert stored.status == "known" and "Bike" in stored.answers
    qtbot.keyClick(dialog.answers, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dialog.index == start
    dialog.reject()
