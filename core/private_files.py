"""Files with personal data written outside the database: exports, the inzage, a restore's
staging copy, document copies opened for viewing.

Every one is created the same way: exclusively (``O_EXCL``), never through a link planted at its
name (``O_NOFOLLOW``), readable by this user only (0600). A file written beside its target and
renamed into place (``<name>.part``) is first noted in ``<data folder>/pending/``, so when a kill
interrupts the write, :func:`clean_leftovers` removes it at the next start, wherever it was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
from pathlib import Path
from typing import BinaryIO

from core import paths

log = logging.getLogger(__name__)

PART = ".part"
RESTORING = ".restoring"
PENDING = "pending"
OPENED_COPIES = "tmp"  # document copies opened for viewing (gui), in clear while open
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def open_private_new(path: Path, *, replace_leftover: bool = True) -> BinaryIO:
    """Create ``path`` for writing: 0600, exclusive, without following a link. A leftover at the
    name (an interrupted write, or a link planted there) is removed first, never written
    through; a folder there is an OSError."""
    try:
        fd = os.open(path, _FLAGS, 0o600)
    except FileExistsError:
        if not replace_leftover or (path.is_dir() and not path.is_symlink()):
            raise
        path.unlink()  # a link is removed, not what it points to
        fd = os.open(path, _FLAGS, 0o600)
    return os.fdopen(fd, "wb")


def _pending_folder() -> Path | None:
    try:
        return paths.current().data / PENDING
    except RuntimeError:
        return None


def _note(tmp: Path) -> Path | None:
    folder = _pending_folder()
    if folder is None:
        return None
    folder.mkdir(mode=0o700, exist_ok=True)
    note = folder / f"{secrets.token_hex(8)}.txt"
    with open_private_new(note, replace_leftover=False) as fh:
        fh.write(os.fsencode(tmp.resolve()))
        fh.flush()
        os.fsync(fh.fileno())
    return note


def stage(path: Path, data: bytes) -> tuple[Path, Path | None]:
    """Write ``data`` to ``<path>.part`` (noted as pending) and make it durable; return the
    staged file and its note for :func:`commit_staged` or :func:`discard_staged`."""
    tmp = path.with_name(path.name + PART)
    note = _note(tmp)
    try:
        with open_private_new(tmp) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        discard_staged(tmp, note)
        raise
    return tmp, note


def commit_staged(tmp: Path, note: Path | None, path: Path) -> None:
    """Rename the staged file into place (a link at ``path`` is replaced, not followed)."""
    try:
        os.replace(tmp, path)
    except BaseException:
        discard_staged(tmp, note)
        raise
    if note is not None:
        note.unlink(missing_ok=True)


def discard_staged(tmp: Path, note: Path | None) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)
    if note is not None:
        with contextlib.suppress(OSError):
            note.unlink(missing_ok=True)


def write_private(path: Path, data: bytes) -> None:
    """Write a whole file atomically, 0600, never through a link; raises OSError."""
    tmp, note = stage(path, data)
    commit_staged(tmp, note, path)


def clean_leftovers(app: paths.AppPaths) -> list[Path]:
    """Remove what an interrupted run left behind: staged exports wherever they were written,
    a restore's staging copy, half-written backups and document copies opened for viewing.
    Call only while holding the data folder's instance lock. Returns what was removed."""
    removed: list[Path] = []

    def remove(path: Path) -> None:
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError:
            log.warning("a leftover temporary file could not be removed")
            return
        removed.append(path)

    pending = app.data / PENDING
    for note in sorted(pending.glob("*.txt")) if pending.is_dir() else []:
        try:
            target = Path(os.fsdecode(note.read_bytes()))
        except OSError:
            continue
        if target.name.endswith(PART):  # only ever a file this module named
            remove(target)
        with contextlib.suppress(OSError):
            note.unlink()
    remove(app.database.with_name(app.database.name + RESTORING))
    for folder in (app.data, app.backups):
        for leftover in folder.glob("*" + PART) if folder.is_dir() else []:
            remove(leftover)
    opened = app.data / OPENED_COPIES
    if opened.is_dir():
        removed.extend(p for p in sorted(opened.rglob("*")) if not p.is_dir())
        shutil.rmtree(opened, ignore_errors=True)
    if removed:
        log.info("removed %d leftover temporary file(s)", len(removed))
    return removed


def clean_leftovers_if_free(app: paths.AppPaths) -> list[Path]:
    """:func:`clean_leftovers` when no copy of the app holds the data folder (its files may be
    in use there); nothing otherwise."""
    from core.errors import StorageError
    from core.instance import InstanceLock

    try:
        with InstanceLock(app.data):
            return clean_leftovers(app)
    except StorageError:  # held by the app, or the folder cannot be locked
        return []
