"""Starting the app window: QApplication, fonts, translations, the error hook, the single-instance
lock, opening (or creating) the database, then the main window.

Heavy modules (ReportLab, Alembic, export) are imported only when used, so the first paint is fast.
Before that paint the app loads no more than the window needs: the other scripts' fonts, the error
dialogs, Babel and the database layer come after it (docs/benchmark.md, cold start).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication

from core import APP_DESKTOP_ID, i18n, paths
from core.errors import DossierError, StorageError, WrongPassphraseError
from core.i18n import _
from core.private_files import clean_leftovers
from core.storage.commands import database_url

if TYPE_CHECKING:
    from types import TracebackType

    from core.db import Database
    from core.settings import Settings
    from gui.context import AppContext
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)
PASSPHRASE_ENV = "BLAUWEMAP_PASSPHRASE"  # as core.cli.PASSPHRASE_ENV (not imported: startup cost)


def apply_language(code: str, *, first_frame: bool = False) -> None:
    """Switch the running app's language (gui.i18n_qt.switch_language)."""
    from gui.i18n_qt import switch_language

    switch_language(code, first_frame=first_frame)


def register_other_fonts() -> None:
    """Every bundled font, for text in other scripts (names, the language menu, dialogs)."""
    from gui.fonts import register_bundled_fonts

    register_bundled_fonts()


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """The error hook until the first error: gui.errors (its dialogs) loads only then."""
    from gui import errors

    errors.install()
    errors.excepthook(exc_type, exc, tb)


def system_language() -> str:
    name = QLocale.system().name()  # e.g. "ar_SY"
    codes = i18n.shipped_codes()
    if name in codes:
        return name
    return name.split("_")[0] if name.split("_")[0] in codes else "en"


def setup_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Blauwe Map")
    app.setApplicationDisplayName("Blauwe Map")
    app.setOrganizationName("Blauwe Map")
    app.setDesktopFileName(APP_DESKTOP_ID)  # Wayland matches the window to the desktop entry
    sys.excepthook = _excepthook
    return app


def open_app_database(settings: Settings, *, kdf_iter: int | None = None) -> Database | None:
    """The user's database: plain, unlocked by the env var, or via the first-start/unlock
    dialog. None when the user cancelled or gave a wrong passphrase three times."""
    from core.session import database_exists, is_plain_sqlite, open_database
    from gui.dialogs import common
    from gui.dialogs.first_start import CREATE, PLAIN, UNLOCK, FirstStartDialog

    db_path = paths.current().database
    exists = database_exists(db_path)
    env = os.environ.get(PASSPHRASE_ENV)
    first = settings.mode is None
    if exists and is_plain_sqlite(db_path):
        if not first:
            return open_database(db_path, None)
        need = PLAIN
    elif env and (exists or not first):
        try:
            db = open_database(db_path, env, kdf_iter=kdf_iter)
        except WrongPassphraseError:
            common.show_message(None, _("Blauwe Map"), _("The passphrase is wrong."), warning=True)
            return None
        except StorageError as exc:
            from gui.dialogs.recover import offer_newest_backup

            restored = offer_newest_backup(None, exc, db_path, env, kdf_iter)
            if restored is None:
                raise
            db = restored
        if first:
            settings.mode = "participant"
        return db
    else:
        need = UNLOCK if exists else CREATE
    dialog = FirstStartDialog(settings, db_path, need, setup=first, kdf_iter=kdf_iter)
    if not common.run_dialog(dialog) or dialog.db is None:
        if dialog.tries_left <= 0:
            common.show_message(
                None,
                _("Blauwe Map"),
                _("The passphrase was wrong three times. Blauwe Map will close."),
                warning=True,
            )
        return None
    if first and need == CREATE and dialog.db.server is None:  # a new store: nothing in it yet
        first_dossiers(dialog.db, settings, example=dialog.wants_demo())
    return dialog.db


def first_dossiers(db: Database, settings: Settings, *, example: bool) -> None:
    """At first start a participant gets their own, empty dossier (it opens from now on); the
    example dossier only when asked for, beside it, marked as an example and removable."""
    from core.services.store import Store

    store = Store(db)
    if settings.mode != "consultant":
        from core.services.dossiers import create_dossier

        settings.last_dossier = create_dossier(store, {})
    if example:
        from core.services.demo import create_demo_dossier

        create_demo_dossier(store)


def start_dossier(window: MainWindow, ctx: AppContext) -> None:
    """Open the last dossier; in participant mode the only (or first) dossier, made if none."""
    from core.errors import NotFoundError
    from core.services.dossiers import create_dossier, list_dossiers, load_dossier

    if ctx.store.db.server is not None:  # a team server: the caseload first (ids are its own)
        window.show_page("caseload")
        return
    last = ctx.settings.last_dossier
    if last is not None:
        try:
            load_dossier(ctx.store, last)
        except NotFoundError:
            last = None
    if last is None and not ctx.consultant_mode:
        from core.services.demo import example_dossier

        example = example_dossier(ctx.store)
        own = [row.id for row in list_dossiers(ctx.store, limit=2) if row.id != example]
        last = own[0] if own else create_dossier(ctx.store, {})  # never the example
    if last is not None:
        window.open_dossier(last)
    elif window.caseload is not None:
        window.show_page("caseload")


def backup_in_background(ctx: AppContext) -> None:
    from core.services.backup import daily_backup
    from gui.workers import run_in_background

    db, folder, keep = ctx.store.db, paths.current().backups, ctx.settings.backups_keep
    run_in_background(
        lambda _p: daily_backup(db, folder, keep),
        on_failure=lambda exc: log.warning("daily backup failed: %s", type(exc).__name__),
    )


def run_gui(args: argparse.Namespace, settings: Settings) -> int:
    app = setup_application()
    chosen = getattr(args, "lang", None)
    apply_language(chosen or settings.language or system_language(), first_frame=True)
    from core.instance import InstanceLock

    try:
        lock = InstanceLock(paths.current().data).acquire()
    except DossierError as exc:
        from gui.dialogs import common

        common.show_message(None, _("Blauwe Map"), str(exc), warning=True)
        return 1
    clean_leftovers(paths.current())  # what a crashed session left (only we hold the folder)
    try:
        url = database_url(args) or settings.server_url
        if url:
            register_other_fonts()
            server_db = open_server_database(settings, url, offer_local=not database_url(args))
            if server_db is None:
                return 0
            if server_db is not LOCAL_CHOSEN:
                settings.mode = settings.mode or "consultant"
                return _run_window(app, server_db, settings)  # type: ignore[arg-type]
        if opens_without_asking(settings):
            return _run_opening_window(app, settings)
        register_other_fonts()  # the first-start dialog lists every language in its own script
        from gui.dialogs import common

        try:
            db = open_app_database(settings)
        except (StorageError, DossierError) as exc:
            common.show_message(None, _("Blauwe Map"), str(exc), warning=True)
            return 1
        if db is None:
            return 0
        if settings.language and not chosen:  # the first-start dialog may have chosen one
            apply_language(settings.language)
        return _run_window(app, db, settings)
    finally:
        lock.release()


LOCAL_CHOSEN = object()  # the person chose this computer's dossiers in the login dialog


def open_server_database(settings: Settings, url: str, *, offer_local: bool) -> object | None:
    """A team server's database: with the password from libpq's own places or the keyring
    without asking, else (or when that fails) through the login dialog. None when cancelled;
    ``LOCAL_CHOSEN`` when the person chose this computer's dossiers instead."""
    from core.errors import PasswordNeededError
    from gui.dialogs.server_login import LOCAL, ServerLoginDialog, open_with_kept_password

    error = ""
    try:
        return open_with_kept_password(url)
    except PasswordNeededError:
        pass  # nothing kept: simply ask
    except DossierError as exc:  # refused, down, TLS, not set up: said in the dialog
        error = str(exc)
    dialog = ServerLoginDialog(settings, url, error=error, offer_local=offer_local)
    result = dialog.exec()
    if result == LOCAL:
        settings.server_url = ""
        return LOCAL_CHOSEN
    if result and dialog.db is not None:
        return dialog.db
    return None


def opens_without_asking(settings: Settings) -> bool:
    """After the first start, a plain database or an encrypted one whose passphrase is in the
    environment: no dialog, so the window can paint first (the key derivation of an encrypted
    database, ~0.3 s, then runs behind the "Opening…" page)."""
    from core.session import database_exists, is_plain_sqlite

    db_path = paths.current().database
    if settings.mode is None or not database_exists(db_path):
        return False
    return is_plain_sqlite(db_path) or bool(os.environ.get(PASSPHRASE_ENV))


def _run_opening_window(
    app: QApplication, settings: Settings, *, kdf_iter: int | None = None
) -> int:
    """Paint the main window (menus, navigation, "Opening…") first; register the other fonts,
    load SQLAlchemy, open the database and fill the caseload or the dossier just after the first
    paint."""
    from gui.context import AppContext
    from gui.main_window import MainWindow

    ctx = AppContext(store=None, settings=settings)  # type: ignore[arg-type]  # set below
    window = MainWindow(ctx, opening=True)
    opened: list[Database] = []
    failed: list[int] = []

    def finish() -> None:
        from core.services.store import Store
        from core.session import open_database
        from gui.dialogs import common
        from gui.lock import IdleLock

        register_other_fonts()
        try:
            ctx.save_settings()
        except OSError:
            log.warning("settings could not be written")
        from core.session import is_plain_sqlite

        db_path = paths.current().database
        passphrase = None if is_plain_sqlite(db_path) else os.environ.get(PASSPHRASE_ENV)
        try:
            db = open_database(db_path, passphrase, kdf_iter=kdf_iter)
        except (StorageError, DossierError) as exc:
            from gui.dialogs.recover import offer_newest_backup

            restored = offer_newest_backup(None, exc, db_path, passphrase, kdf_iter)
            if restored is None:
                wrong = isinstance(exc, WrongPassphraseError)
                text = _("The passphrase is wrong.") if wrong else str(exc)
                common.show_message(None, _("Blauwe Map"), text, warning=True)
                failed.append(1)
                window.hide()
                app.quit()
                return
            db = restored
        opened.append(db)
        window.lock = IdleLock(window, db.passphrase, settings.idle_lock_minutes)
        window.attach_store(Store(db))
        start_dossier(window, ctx)
        backup_in_background(ctx)  # a worker; a quick quit waits for it (wait_all below)

    window.installEventFilter(_AfterFirstPaint(window, finish))
    window.show()
    try:
        code = app.exec()
        return 1 if failed else code
    finally:
        from gui.workers import wait_all

        wait_all()
        for db in opened:
            db.close()


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, from the event loop, after the window's first paint (or after
    ``FALLBACK_MS`` if the window is not painted, e.g. started minimised)."""

    FALLBACK_MS = 1000

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self.then: Callable[[], None] | None = then
        QTimer.singleShot(self.FALLBACK_MS, self, self.fire)

    def fire(self) -> None:
        if self.then is not None:
            then, self.then = self.then, None
            then()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            QTimer.singleShot(0, self, self.fire)
        return False


def _run_window(app: QApplication, db: Database, settings: Settings) -> int:
    from core.services.store import Store
    from gui.context import AppContext
    from gui.lock import IdleLock
    from gui.main_window import MainWindow

    actor = None
    if db.server is not None:
        from core.models.enums import ActorKind
        from core.services.store import Actor
        from core.storage.postgres import current_login

        actor = Actor(ActorKind.CONSULTANT.value, current_login(db))
    ctx = AppContext(store=Store(db, actor), settings=settings)
    try:
        ctx.save_settings()
    except OSError:
        log.warning("settings could not be written")
    window = MainWindow(ctx)
    check = None
    if db.server is not None:  # the lock asks the server for the login's password
        from core.storage.postgres import check_password

        def check(password: str) -> None:
            check_password(db, password)

    window.lock = IdleLock(window, db.passphrase, settings.idle_lock_minutes, check=check)
    start_dossier(window, ctx)
    window.show()
    if db.server is None:  # a team server is backed up by its beheerder (pg_dump)
        QTimer.singleShot(0, lambda: backup_in_background(ctx))
    try:
        return app.exec()
    finally:
        from gui.workers import wait_all

        wait_all()
        db.close()
