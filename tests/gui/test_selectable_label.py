"""Selectable labels keep the paragraph direction of the interface, whatever their text starts
with: Qt's text document would otherwise take it from the first Latin letter of a name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.i18n import isolate
from gui.widgets.panel import LRM, RLM, SelectableLabel, note_label

SENTENCE = "⚠ " + isolate("KNM – معرفة المجتمع الهولندي") + " في 2027/01/12: سجّل قبل 2026/12/01."


def _shown(label: SelectableLabel) -> str:
    return QLabel.text(label)  # what Qt lays out, marks included


def test_every_line_starts_with_the_mark_of_the_labels_direction(qtbot):
    label = note_label()
    qtbot.addWidget(label)
    assert isinstance(label, SelectableLabel)
    label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    label.setText(SENTENCE + "\n" + "second line")
    assert _shown(label) == f"{RLM}{SENTENCE}\n{RLM}second line"
    assert label.text() == SENTENCE + "\nsecond line"  # callers get what they set
    label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a language switch
    assert _shown(label) == f"{LRM}{SENTENCE}\n{LRM}second line"
    label.setText("")
    assert _shown(label) == "" and label.text() == ""


def test_the_label_can_still_be_selected_and_wraps(qtbot):
    label = SelectableLabel("text")
    qtbot.addWidget(label)
    assert label.wordWrap()
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
