"""Small, injectable wrappers around Qt's file and message dialogs.

Every view asks through these helpers (never QFileDialog/QMessageBox directly), so tests can
monkeypatch them and nothing ever blocks a test run (Vorta's ``choose_file_dialog`` fixture).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_open_file(parent: QWidget | None, title: str, filters: str = "") -> str | None:
    """A path the user picked, or None when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def ask_save_file(
    parent: QWidget | None, title: str, suggested: str = "", filters: str = ""
) -> str | None:
    """A path to write to, or None when cancelled."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_password(parent: QWidget | None, title: str, label: str) -> str | None:
    """A password typed (hidden), or None when cancelled."""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def show_message(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    if warning:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


def run_dialog(dialog: QDialog) -> bool:
    """Run a modal dialog; True when accepted. Tests replace this to drive the dialog instead."""
    return dialog.exec() == QDialog.DialogCode.Accepted
