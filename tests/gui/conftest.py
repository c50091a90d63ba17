"""GUI fixtures: a context on a fresh store, a main window that is closed after the test, and a
check that no test leaves a visible top-level window behind (napari's ``make_napari_viewer``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from core.settings import Settings
from gui.context import AppContext

TODAY = dt.date(2026, 11, 23)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    yield
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    from gui.workers import wait_all

    wait_all()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in app.topLevelWidgets() if w.isVisible()]
    for widget in leaked:
        widget.close()
    if leaked:
        names = ", ".join(type(w).__name__ + f"({w.objectName()})" for w in leaked)
        pytest.fail(f"{item.nodeid} left top-level windows open: {names}", pytrace=False)


def make_context(store, mode: str = "consultant") -> AppContext:
    return AppContext(
        store=store, settings=Settings(mode=mode, language="en"), today_override=TODAY
    )


@pytest.fixture
def ctx(store) -> AppContext:
    return make_context(store)


@pytest.fixture
def participant_ctx(store) -> AppContext:
    return make_context(store, "participant")


@pytest.fixture
def make_window(qtbot) -> Iterator[Callable[[AppContext], object]]:
    """Build a shown main window for a context; closed (and its workers waited for) afterwards."""
    from gui.main_window import MainWindow
    from gui.workers import wait_all

    windows: list[MainWindow] = []

    def factory(context: AppContext) -> MainWindow:
        window = MainWindow(context)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield factory
    wait_all()
    for window in windows:
        window.close()
        window.deleteLater()
    wait_all()
