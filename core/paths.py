"""Where the app keeps its data, logs and backups.

Nothing is decided at import time: :func:`init` is called once from ``main.py`` with the optional
``--data-dir``; tests call it with a temporary folder so they never touch the real profile.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

from core import APP_ID


def app_root() -> Path:
    """The folder holding ``resources/`` and ``locales/``: read-only, never written at run time.

    Three ways the app runs: from the repository (``./run``), installed from the wheel (the launcher
    has imported the ``blauwemap`` package, whose folder holds everything; setup.py), or as the
    PyInstaller bundle (``sys._MEIPASS``; packaging/blauwemap.spec).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle)
    if "blauwemap" in sys.modules:
        return Path(str(resources.files("blauwemap")))
    return Path(__file__).resolve().parent.parent


RESOURCES = app_root() / "resources"
LOCALES = app_root() / "locales"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    logs: Path
    backups: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / "blauwemap.db"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    def ensure(self) -> AppPaths:
        for folder in (self.data, self.logs, self.backups, self.config):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # only this user
        return self


_current: AppPaths | None = None


def init(data_dir: str | Path | None = None) -> AppPaths:
    """Decide the folders. With ``data_dir`` everything (settings too) lives below it."""
    global _current
    if data_dir is not None:
        root = Path(data_dir).expanduser().resolve()
        paths = AppPaths(root, root / "logs", root / "backups", root)
    else:
        paths = AppPaths(
            Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "backups",
            Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        )
    _current = paths
    return paths


def current() -> AppPaths:
    if _current is None:
        raise RuntimeError("core.paths.init() was not called")
    return _current
