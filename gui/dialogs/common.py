"""Small, injectable wrappers around Qt's file and message dialogs.

Every view asks through these helpers (never QFileDialog/QMessageBox directly), so tests can
monkeypatch them and nothing ever blocks a test run (Vorta's ``choose_file_dialog`` fixture).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def documents_folder() -> Path:
    """Where open and save dialogs start: the user's documents folder (home if there is none),
    never the program's own folder or wherever it was started from."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_path(suggested: str = "") -> str:
    """``suggested`` (a file name) in the documents folder; a full path is kept as it is."""
    if suggested and Path(suggested).is_absolute():
        return suggested
    return str(documents_folder() / suggested) if suggested else str(documents_folder())


def ask_open_file(parent: QWidget | None, title: str, filters: str = "") -> str | None:
    """A path the user picked, or None when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(parent, title, start_path(), filters)
    return path or None


def ask_save_file(
    parent: QWidget | None, title: str, suggested: str = "", filters: str = ""
) -> str | None:
    """A path to write to, or None when cancelled."""
    path, _selected = QFileDialog.getSaveFileName(parent, title, start_path(suggested), filters)
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


def fit_to_contents(dialog: QWidget) -> None:
    """Give a dialog the room its wrapped texts need, within the screen.

    Qt's automatic size keeps a top-level window within two thirds of the screen, which squeezes
    a dialog of wrapped texts on a small or scaled laptop screen (1280×720 at 150 %) until lines
    are cut off. This grows the dialog until every wrapped label has its height; where the screen
    is too low for that, it grows wider instead, so the lines get longer and fewer.
    """
    from PySide6.QtWidgets import QLabel

    layout = dialog.layout()
    if layout is None:
        return
    screen = dialog.screen()
    free = screen.availableGeometry() if screen is not None else None
    max_w = free.width() if free is not None else 10_000
    max_h = free.height() - 40 if free is not None else 10_000  # room for the title bar
    width = min(max(dialog.width(), dialog.minimumWidth()), max_w)
    height = min(max(dialog.height(), layout.totalSizeHint().height()), max_h)
    labels = [w for w in dialog.findChildren(QLabel) if w.wordWrap() and w.isVisibleTo(dialog)]
    for _round in range(16):
        dialog.resize(width, height)
        layout.activate()
        short = max((w.heightForWidth(w.width()) - w.height() for w in labels), default=0)
        if short <= 0:
            return
        if height + short <= max_h:
            height += short
        elif width < max_w:
            width = min(max_w, int(width * 1.2))
        else:
            return
