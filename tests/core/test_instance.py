"""Two copies of the app on one data folder: the second is refused with a clear message; the lock
goes away with the process that held it, however that process ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core import cli, paths
from core.errors import AlreadyOpenError, StorageError
from core.instance import LOCK_NAME, InstanceLock, other_instance_running

HOLDER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from core.instance import InstanceLock
    lock = InstanceLock(Path({folder!r})).acquire()
    print("LOCKED", flush=True)
    sys.stdin.readline()  # hold the lock until told (or killed)
    """
)


def _holder(folder: Path) -> subprocess.Popen[str]:
    root = str(Path(__file__).resolve().parents[2])
    code = HOLDER.format(root=root, folder=str(folder))
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "LOCKED"
    return proc


def test_a_second_lock_on_the_same_folder_is_refused(tmp_path):
    first = InstanceLock(tmp_path).acquire()
    with pytest.raises(AlreadyOpenError, match="already open with this data folder"):
        InstanceLock(tmp_path).acquire()
    assert other_instance_running(tmp_path)
    first.release()
    assert not other_instance_running(tmp_path)
    with InstanceLock(tmp_path) as again:
        assert again.held
        assert (tmp_path / LOCK_NAME).read_text(encoding="ascii").strip() == str(os.getpid())
    assert not again.held


def test_other_folders_are_independent(tmp_path):
    with InstanceLock(tmp_path / "a"), InstanceLock(tmp_path / "b") as b:
        assert b.held


def test_acquire_twice_on_one_object_is_harmless(tmp_path):
    lock = InstanceLock(tmp_path)
    assert lock.acquire() is lock.acquire()
    lock.release()
    lock.release()
    assert not other_instance_running(tmp_path)


def test_another_process_holding_the_folder_refuses_this_one(tmp_path):
    proc = _holder(tmp_path)
    try:
        with pytest.raises(AlreadyOpenError):
            InstanceLock(tmp_path).acquire()
    finally:
        proc.communicate("\n")
    assert proc.returncode == 0
    with InstanceLock(tmp_path) as lock:  # released when the other copy ended normally
        assert lock.held


def test_a_killed_process_leaves_no_stale_lock(tmp_path):
    proc = _holder(tmp_path)
    assert other_instance_running(tmp_path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert (tmp_path / LOCK_NAME).exists()  # the file stays, the lock does not
    with InstanceLock(tmp_path) as lock:
        assert lock.held


def test_a_folder_that_cannot_hold_a_lock_file_is_a_storage_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    with pytest.raises(StorageError, match="lock file"):
        InstanceLock(blocker / "data").acquire()


def test_cli_restore_is_refused_while_the_app_has_the_folder(store, capsys):
    from core.services.backup import MANUAL, make_backup

    backup = make_backup(store.db, paths.current().backups, MANUAL)
    with InstanceLock(paths.current().data):
        args = cli.build_parser().parse_args(["restore", str(backup)])
        assert cli.run(args) == 1
    assert "already open" in capsys.readouterr().err
    assert not paths.current().database.exists()  # nothing was restored
