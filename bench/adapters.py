"""The export and import actions as the user runs them (``core.services.exports``).

The export formats are written by other parts of the app; an action whose module does not exist
yet gives a "not available" row instead of an error.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.services.store import Store

Exporter = Callable[[Store, int, Path, dt.date], Any]
Importer = Callable[[Store, Path], int]
FORMAT_MODULES = {"pdf": "core.export.klantprofiel_pdf", "json": "core.export.json_io"}


def _missing(*modules: str) -> str:
    for name in modules:
        try:
            if importlib.util.find_spec(name) is None:
                return f"{name} does not exist yet"
        except ModuleNotFoundError:
            return f"{name} does not exist yet"
    return ""


def all_sections() -> tuple[str, ...]:
    """A full klantprofiel: every section, the sensitive ones and the files included."""
    from core.export.sections import ALL_CODES

    return tuple(ALL_CODES)


def exporter(fmt: str, lang: str = "nl") -> Exporter | str:
    """``export_dossier`` with every section in ``lang``, or why it cannot run."""
    why = _missing("core.services.exports", FORMAT_MODULES[fmt])
    if why:
        return why
    from core.services.exports import export_dossier

    def run(store: Store, pid: int, path: Path, today: dt.date) -> None:
        export_dossier(store, pid, fmt, path, sections=all_sections(), lang=lang, today=today)

    return run


def importer() -> Importer | str:
    """Preview, then apply: the two steps of an import in the app."""
    why = _missing("core.services.exports", "core.export.json_io")
    if why:
        return why
    from core.services.exports import apply_import, preview_import

    def run(store: Store, path: Path) -> int:
        return apply_import(store, preview_import(store, path.read_bytes()))

    return run
