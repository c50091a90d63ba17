"""Files with personal data outside the database: never written through a planted link, 0600,
exclusive; no export file without its log entry; what a kill leaves is cleaned at the next start
and by ``delete --yes``."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import event, select

from core import models as m
from core import paths, private_files
from core.errors import StorageError
from core.services.exports import default_sections, export_dossier, export_log
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- links and modes
def test_a_link_planted_at_the_part_path_is_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "inzage.json"
    out.with_name(out.name + ".part").symlink_to(victim)
    private_files.write_private(out, b"personal data")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert out.read_bytes() == b"personal data" and not out.is_symlink()
    assert _mode(out) == 0o600
    assert not out.with_name(out.name + ".part").exists()


def test_cli_inzage_does_not_follow_a_link_and_writes_0600(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    assert run(capsys, *base, "demo", "--today", "2026-11-23")[0] == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "inzage.json"
    out.with_name("inzage.json.part").symlink_to(victim)
    code, _out, err = run(capsys, *base, "inzage", "--dossier", "1", "--out", str(out))
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "blauwemap-inzage"
    assert _mode(out) == 0o600


def test_an_export_is_private_and_not_written_through_a_link(store, demo_id, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "k.json"
    out.with_name("k.json.part").symlink_to(victim)
    export_dossier(store, demo_id, "json", out, sections=default_sections())
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert _mode(out) == 0o600 and json.loads(out.read_bytes())


def test_a_backup_is_private(store, demo_id):
    from core.services.backup import MANUAL, make_backup

    assert _mode(make_backup(store.db, paths.current().backups, MANUAL)) == 0o600


# --------------------------------------------------------------------------- log first
def test_no_export_file_without_its_log_entry(store, demo_id, tmp_path):
    def read_only(dbapi_conn, _record):  # the store can be read, not written
        dbapi_conn.execute("PRAGMA query_only = ON")

    event.listen(store.db.engine, "connect", read_only)
    store.db.engine.dispose()
    out = tmp_path / "k.json"
    try:
        with pytest.raises(StorageError, match="read-only"):
            export_dossier(store, demo_id, "json", out, sections=default_sections())
    finally:
        event.remove(store.db.engine, "connect", read_only)
        store.db.engine.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("k.json")) == []
    assert export_log(store, demo_id) == []


def test_a_file_that_cannot_be_put_in_place_leaves_no_log_entry(
    store, demo_id, tmp_path, monkeypatch
):
    def fail(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private_files.os, "replace", fail)
    out = tmp_path / "out" / "k.json"
    with pytest.raises(StorageError, match="could not be written"):
        export_dossier(store, demo_id, "json", out, sections=default_sections())
    assert list(out.parent.iterdir()) == []
    assert export_log(store, demo_id) == []


# --------------------------------------------------------------------------- leftovers
KILLED_EXPORT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from core import paths, private_files
    from core.services.demo import create_demo_dossier
    from core.services.exports import default_sections, export_dossier
    from core.services.store import Store
    from core.session import open_database
    app = paths.init({data!r}).ensure()
    store = Store(open_database(app.database, None))
    pid = create_demo_dossier(store)
    def killed(_src, _dst):  # the power goes at the worst moment
        os.kill(os.getpid(), signal.SIGKILL)
    private_files.os.replace = killed
    export_dossier(store, pid, "json", Path({out!r}), sections=default_sections())
    """
)


def test_a_kill_during_export_leaves_a_file_that_the_next_start_removes(capsys, tmp_path):
    data = tmp_path / "killed"
    out = tmp_path / "desktop" / "klantprofiel.json"
    out.parent.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_EXPORT.format(root=str(ROOT), data=str(data), out=str(out))],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    part = out.with_name(out.name + ".part")
    assert b"Amanuel" in part.read_bytes()  # personal data, in clear, outside the data folder
    opened = data / "tmp"
    opened.mkdir()
    (opened / "scan.pdf").write_bytes(b"%PDF personal")
    (data / "blauwemap.db.restoring").write_bytes(b"a copy")
    (data / "backups" / "blauwemap-20261123-120000-daily.db.part").write_bytes(b"half")
    code, _out, err = run(capsys, "--data-dir", str(data), "list")
    assert code == 0, err
    assert not part.exists() and not out.exists()
    assert not opened.exists() and not (data / "blauwemap.db.restoring").exists()
    assert list((data / "backups").glob("*.part")) == []
    assert list((data / "pending").iterdir()) == []


def test_leftovers_are_kept_while_another_copy_holds_the_folder(store):
    from core.instance import InstanceLock

    app = paths.current()
    leftover = app.data / "tmp" / "open-in-viewer.pdf"
    leftover.parent.mkdir()
    leftover.write_bytes(b"%PDF")
    with InstanceLock(app.data):
        assert private_files.clean_leftovers_if_free(app) == []
    assert leftover.exists()


def test_delete_removes_and_reports_the_leftover_copies(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    assert run(capsys, *base, "demo", "--today", "2026-11-23")[0] == 0
    assert run(capsys, *base, "backup")[0] == 0
    out = tmp_path / "k.json"
    tmp, _note = private_files.stage(out, b"Amanuel, half exported")  # as a kill leaves it
    copy = data_dir / "tmp" / "scan.pdf"
    copy.parent.mkdir()
    copy.write_bytes(b"%PDF Amanuel")
    code, text, err = run(capsys, *base, "delete", "--dossier", "1", "--yes")
    assert code == 0, err
    assert not tmp.exists() and not copy.exists()
    assert "2 temporary files that could hold personal data were removed" in text
    assert str(tmp) in text and str(copy) in text
    assert "2 backups still hold it" in text  # today's and the one just made, named


def test_a_restore_stages_privately(store, demo_id):
    from core.db import Database
    from core.services.backup import MANUAL, make_backup, restore_backup

    backup = make_backup(store.db, paths.current().backups, MANUAL)
    db_path = store.db.path
    store.db.close()
    staging = db_path.with_name(db_path.name + ".restoring")
    victim = db_path.parent / "victim"
    victim.write_bytes(b"keep me")
    staging.symlink_to(victim)
    restore_backup(backup, db_path, None)
    assert victim.read_bytes() == b"keep me" and not staging.exists()
    db = Database.open(db_path, None)
    with db.sessions() as session:
        assert session.scalars(select(m.Person.id)).all() == [demo_id]
    db.close()
    assert os.access(db_path, os.R_OK)
