"""Idle lock: after ``settings.idle_lock_minutes`` without keyboard or mouse input the dossier is
hidden behind a lock screen that asks for the passphrase again (issue 6)."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from gui import style
from gui.icons import icon_pixmap

if TYPE_CHECKING:
    from gui.main_window import MainWindow

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """Covers the whole window; the dossier widgets underneath are hidden as well."""

    def __init__(self, lock: IdleLock, parent: QWidget) -> None:
        super().__init__(parent)
        self.lock = lock
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lock_screen { background: palette(alternate-base); }")
        self.picture = QLabel(self)
        self.picture.setPixmap(icon_pixmap("lock", 64))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.text.setStyleSheet(style.size(1.4))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("lock_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaximumWidth(360)
        self.passphrase.returnPressed.connect(self.lock.try_unlock)
        self.error = QLabel(self)
        self.error.setStyleSheet(style.colour_css("error") + " font-weight: bold;")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.lock.try_unlock)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.picture, self.text, self.passphrase, self.error, self.button):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        needs = self.lock.needs_secret
        if self.lock.check is not None:
            ask = "\n" + _("Type your team server password to go on.")
        else:
            ask = "\n" + _("Type your passphrase to go on.") if needs else ""
        self.text.setText(_("Blauwe Map is locked because nobody used it for a while.") + ask)
        self.passphrase.setVisible(needs)
        self.passphrase.setAccessibleName(
            _("Password") if self.lock.check is not None else _("Passphrase")
        )
        self.button.setText(_("Unlock"))


class IdleLock(QObject):
    """``passphrase``: the local file's, compared here; ``check``: on a team server, a call that
    asks the server whether the typed password is the login's (raises when it is not)."""

    def __init__(
        self,
        window: MainWindow,
        passphrase: str | None,
        minutes: int,
        *,
        check: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.passphrase = passphrase
        self.check = check
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def needs_secret(self) -> bool:
        return self.passphrase is not None or self.check is not None

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            if not self.locked:
                self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.locked and self.minutes > 0 and event.type() in INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.timer.stop()
        w = self.window
        save = getattr(w, "save_pending_edits", None)
        if save is not None:
            save()  # typed values are saved before the dossier is hidden
        central = w.centralWidget()
        if central is not None:
            central.hide()
        w.menuBar().setEnabled(False)
        w.toolbar.setEnabled(False)
        for action in w.actions():
            action.setEnabled(False)
        self.screen = LockScreen(self, w)
        w.statusBar().hide()
        self.screen.setGeometry(w.rect())
        self.screen.show()
        self.screen.raise_()
        self.screen.passphrase.setFocus()

    def try_unlock(self) -> None:
        screen = self.screen
        if screen is None:
            return
        typed = screen.passphrase.text()
        if self.check is not None:
            from core.errors import DossierError, ServerLoginError

            try:
                self.check(typed)
            except ServerLoginError:
                screen.passphrase.clear()
                screen.error.setText(_("The password is wrong. Try again."))
                return
            except DossierError as exc:  # the server cannot be asked now: say why, keep it
                screen.error.setText(str(exc))
                return
        elif self.passphrase is not None and not hmac.compare_digest(
            typed.encode("utf-8"), self.passphrase.encode("utf-8")
        ):
            screen.passphrase.clear()
            screen.error.setText(_("The passphrase is wrong. Try again."))
            return
        self.unlock()

    def unlock(self) -> None:
        w = self.window
        if self.screen is not None:
            self.screen.hide()
            self.screen.deleteLater()
            self.screen = None
        central = w.centralWidget()
        if central is not None:
            central.show()
        w.statusBar().show()
        w.menuBar().setEnabled(True)
        w.toolbar.setEnabled(True)
        for action in w.actions():
            action.setEnabled(True)
        w.refresh_actions()
        self.set_minutes(self.minutes)
