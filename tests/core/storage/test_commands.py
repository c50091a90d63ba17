"""``--database-url`` and ``team …`` on a real server: the whole story of issue 17 from the
command line, and every kind of bad input named and refused with nothing written."""

from __future__ import annotations

import json
import logging

import psycopg
import pytest

import main
from core import migrations, paths
from core.storage.commands import DATABASE_URL_ENV, NEW_USER_PASSWORD_ENV

PASSWORD = "a-team-password"


@pytest.fixture(autouse=True)
def _restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        if h not in handlers:
            h.close()
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def admin_url(pg_server, pg_database, monkeypatch):
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")  # nothing of the machine's own set-up
    return f"postgresql://bm@/{pg_database}?host={pg_server.folder}&port={pg_server.port}"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _as(monkeypatch, password: str | None = PASSWORD) -> None:
    if password is None:
        monkeypatch.delenv("PGPASSWORD", raising=False)
    else:
        monkeypatch.setenv("PGPASSWORD", password)  # libpq reads it itself


def test_two_consultants_a_dossier_and_a_transfer(capsys, monkeypatch, admin_url, pg_server,
                                                  pg_database):  # fmt: skip
    assert run(capsys, "--database-url", admin_url, "team", "init")[0] == 0
    code, out, _err = run(capsys, "--database-url", admin_url, "team", "init")  # an upgrade
    assert code == 0 and migrations.HEAD in out
    monkeypatch.setenv(NEW_USER_PASSWORD_ENV, PASSWORD)
    for login in ("anna", "bert"):
        assert run(capsys, "--database-url", admin_url, "team", "add-consultant", login)[0] == 0
    _as(monkeypatch)
    monkeypatch.setenv(DATABASE_URL_ENV, pg_server.url("anna", pg_database))
    code, out, err = run(capsys, "demo", "--json")
    assert code == 0, err
    dossier = json.loads(out)["dossier"]
    bert = pg_server.url("bert", pg_database)
    code, out, _err = run(capsys, "--database-url", bert, "list", "--json")
    assert (code, json.loads(out)) == (0, [])
    with psycopg.connect(bert.replace("bert@", f"bert:{PASSWORD}@")) as conn:
        assert conn.execute("SELECT count(*) FROM hour_entry").fetchone() == (0,)
    code, _out, err = run(capsys, "--database-url", bert, "export", "--dossier", str(dossier),
                          "--format", "json", "--out", "/tmp/never-written.json")  # fmt: skip
    assert code == 2 and "does not exist" in err
    monkeypatch.delenv(DATABASE_URL_ENV)
    _as(monkeypatch, None)
    code, _out, err = run(capsys, "--database-url", admin_url, "team", "assign",
                          "--dossier", str(dossier), "--to", "bert", "--reason", "leave")  # fmt: skip
    assert code == 0, err
    _as(monkeypatch)
    code, out, _err = run(capsys, "--database-url", bert, "list", "--json")
    assert [row["dossier"] for row in json.loads(out)] == [dossier]
    code, _out, err = run(capsys, "--database-url", bert, "delete", "--dossier", str(dossier),
                          "--yes")  # fmt: skip
    assert code == 0, err
    assert not paths.current().database.exists()  # the local file was never made


def test_bad_addresses_and_logins_are_named_and_nothing_is_written(
    capsys, monkeypatch, admin_url, pg_server, pg_database
):
    assert run(capsys, "--database-url", admin_url, "team", "init")[0] == 0
    monkeypatch.setenv(NEW_USER_PASSWORD_ENV, PASSWORD)
    assert run(capsys, "--database-url", admin_url, "team", "add-consultant", "anna")[0] == 0
    pg_server.admin_sql("CREATE ROLE nobody LOGIN PASSWORD 'a-team-password'")
    anna = pg_server.url("anna", pg_database)
    cases = [
        ("mysql://anna@host/db", None, 2, "not a team server address"),
        (anna, "wrong password", 2, "refused the login"),
        (anna, None, 2, "needs a password"),
        (anna.replace(str(pg_server.port), "1"), PASSWORD, 1, "cannot be reached"),
        (anna.replace(pg_database, "no_such_db"), PASSWORD, 1, "no database of this name"),
        (anna + "?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt", PASSWORD, 1,
         "certificate could not be verified (sslmode=verify-full)"),
        (pg_server.url("nobody", pg_database), PASSWORD, 1, "no rights"),
    ]  # fmt: skip
    for url, password, expected, words in cases:
        _as(monkeypatch, password)
        code, out, err = run(capsys, "--database-url", url, "demo")
        assert (code, out) == (expected, ""), (url, err)
        assert words in err, err
        assert PASSWORD not in err and "wrong password" not in err
    with psycopg.connect(
        f"host={pg_server.folder} port={pg_server.port} user=bm dbname={pg_database}"
    ) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (0,)
    assert not paths.current().database.exists()


def test_commands_for_the_local_file_point_to_the_servers_tools(capsys, admin_url):
    for argv in (["backup"], ["passphrase"], ["restore", "/tmp/x.db"]):
        code, _out, err = run(capsys, "--database-url", admin_url, *argv)
        assert code == 2 and "pg_dump" in err, argv
    code, _out, err = run(capsys, "team", "init")
    assert code == 2 and "--database-url" in err
    assert not paths.current().database.exists()
