"""Find the export and import functions of ``core.export`` by name at run time.

The benchmark measures whatever the app ships; a function that does not exist yet gives a
"not available" row instead of an error. Arguments are bound by parameter name, so small
signature differences (``dossier_id`` or ``person_id``, ``path`` or ``out``) do not matter.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.services.store import Store

Exporter = Callable[[Store, int, Path, dt.date], Any]
Importer = Callable[[Store, Path, dt.date], Any]

PDF_CANDIDATES = (
    (
        "core.export.pdf",
        ("klantprofiel_pdf", "export_klantprofiel_pdf", "write_klantprofiel", "export_pdf"),
    ),
    ("core.export.klantprofiel_pdf", ("klantprofiel_pdf", "export_pdf", "write_pdf", "build_pdf")),
    ("core.export.klantprofiel", ("klantprofiel_pdf", "export_pdf", "write_pdf")),
)
JSON_EXPORT_CANDIDATES = (
    ("core.export.json_export", ("export_dossier", "export_json", "write_json", "dossier_to_json")),
    (
        "core.export.klantprofiel_json",
        ("export_dossier", "export_json", "write_json", "klantprofiel_json"),
    ),
    ("core.export.json", ("export_dossier", "export_json", "write_json")),
    ("core.export.klantprofiel", ("export_json", "klantprofiel_json", "write_json")),
)
JSON_IMPORT_CANDIDATES = (
    ("core.export.json_import", ("import_dossier", "import_json", "import_file", "read_json")),
    ("core.export.importer", ("import_dossier", "import_json", "import_file")),
    ("core.export.klantprofiel_json", ("import_dossier", "import_json", "import_file")),
    ("core.export.json", ("import_dossier", "import_json", "import_file")),
)

_STORE = ("store",)
_DOSSIER = ("dossier_id", "dossier", "person_id", "pid")
_PATH = (
    "path",
    "out",
    "out_path",
    "target",
    "dest",
    "destination",
    "file",
    "filename",
    "source",
    "src",
)
_TODAY = ("today", "on", "as_of")


def _find(candidates: tuple[tuple[str, tuple[str, ...]], ...]) -> Callable[..., Any] | str:
    for module_name, functions in candidates:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        for name in functions:
            fn = getattr(module, name, None)
            if callable(fn):
                return fn
    names = ", ".join(f"{mod}.{fns[0]}" for mod, fns in candidates[:2])
    return f"{names} not found"


def _bind(fn: Callable[..., Any], values: dict[tuple[str, ...], Any]) -> Callable[[], Any] | str:
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(fn).parameters.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        for names, value in values.items():
            if param.name in names:
                kwargs[param.name] = value
                break
        else:
            if param.default is param.empty:
                return f"{fn.__module__}.{fn.__name__} needs an argument {param.name!r} the benchmark cannot supply"
    return lambda: fn(**kwargs)


def _write(result: Any, path: Path) -> None:
    """Functions that return the document instead of writing it: write it, as a user would."""
    if isinstance(result, bytes):
        path.write_bytes(result)
    elif isinstance(result, str) and not path.exists():
        path.write_text(result, encoding="utf-8")
    elif isinstance(result, dict | list) and not path.exists():
        import json

        path.write_text(json.dumps(result, ensure_ascii=False, default=str), encoding="utf-8")


def _exporter(candidates: tuple[tuple[str, tuple[str, ...]], ...]) -> Exporter | str:
    fn = _find(candidates)
    if isinstance(fn, str):
        return fn

    def run(store: Store, pid: int, path: Path, today: dt.date) -> None:
        call = _bind(fn, {_STORE: store, _DOSSIER: pid, _PATH: path, _TODAY: today})
        if isinstance(call, str):
            raise TypeError(call)
        _write(call(), path)

    probe = _bind(fn, {_STORE: None, _DOSSIER: 0, _PATH: Path(), _TODAY: None})
    return probe if isinstance(probe, str) else run


def pdf_exporter() -> Exporter | str:
    return _exporter(PDF_CANDIDATES)


def json_exporter() -> Exporter | str:
    return _exporter(JSON_EXPORT_CANDIDATES)


def json_importer() -> Importer | str:
    fn = _find(JSON_IMPORT_CANDIDATES)
    if isinstance(fn, str):
        return fn
    probe = _bind(fn, {_STORE: None, _PATH: Path(), _TODAY: None})
    if isinstance(probe, str):
        return probe

    def run(store: Store, path: Path, today: dt.date) -> None:
        call = _bind(fn, {_STORE: store, _PATH: path, _TODAY: today})
        assert not isinstance(call, str)
        call()

    return run
