"""One copy of the app per data folder.

A second copy that opened the same database could interleave its changes with the first one's
idea of the dossier, or replace the file under it during a restore. So the app takes an OS-level
lock on ``<data folder>/blauwemap.lock`` at start; a second copy gets :class:`AlreadyOpenError`
with a clear message. The lock belongs to the open file, so the operating system releases it when
the process ends in any way — a crash or a kill leaves no stale lock to clean up. The file's
contents (the process id) are informative only.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from core.errors import AlreadyOpenError, StorageError
from core.i18n import _

log = logging.getLogger(__name__)

LOCK_NAME = "blauwemap.lock"

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fh: IO[str]) -> bool:
        fh.seek(0)
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh: IO[str]) -> bool:
        # flock, not lockf: it belongs to this open file, so even a second lock attempt from the
        # same process (a second window, a test) is refused.
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        return True

    def _unlock(fh: IO[str]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class InstanceLock:
    """``with InstanceLock(folder):`` — or ``acquire()`` at start and ``release()`` at exit."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._fh: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> InstanceLock:
        if self._fh is not None:
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - held until release()
        except OSError:
            raise StorageError(
                _("The data folder cannot be used: its lock file cannot be created.")
            ) from None
        if not _try_lock(fh):
            fh.close()
            log.info("another copy of the app holds the data folder")
            raise AlreadyOpenError(
                _(
                    "Blauwe Map is already open with this data folder, in another window or by "
                    "another user. Close the other copy first; two copies at once could mix up "
                    "changes."
                )
            )
        try:  # unbuffered: a full disk must not leave a write pending for close() to fail on
            os.ftruncate(fh.fileno(), 0)
            os.pwrite(fh.fileno(), f"{os.getpid()}\n".encode("ascii"), 0)
        except (OSError, AttributeError):  # os.pwrite does not exist on Windows
            pass  # the pid is only informative; the lock is what counts
        self._fh = fh
        return self

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        _unlock(fh)
        with contextlib.suppress(OSError):  # releasing never hides the error that ended the run
            fh.close()

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        _exc_type: type[BaseException] | None,
        _exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.release()


def other_instance_running(folder: Path) -> bool:
    """Whether another copy holds the folder (without keeping the lock)."""
    probe = InstanceLock(folder)
    try:
        probe.acquire()
    except AlreadyOpenError:
        return True
    probe.release()
    return False
