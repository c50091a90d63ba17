"""Access decided by PostgreSQL itself: raw SQL per role sees what the app shows, no more."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from core import migrations
from core.errors import NotFoundError, ValidationError
from core.services.demo import create_demo_dossier
from core.services.dossiers import count_dossiers, create_dossier, list_dossiers, load_dossier
from core.storage import team
from tests.conftest import TODAY


def _counts(conn, dossier: int) -> dict[str, int]:
    out = {}
    for table in team.dossier_tables():
        column = "id" if table == "person" else "person_id"
        out[table] = conn.execute(
            f"SELECT count(*) FROM {table} WHERE {column} = %s", (dossier,)
        ).fetchone()[0]
    return out


def test_every_dossier_table_forces_row_level_security(team_server):
    tables = team.dossier_tables()
    assert {"person", "hour_entry", "exam_attempt", "document", "audit_entry", "export_log",
            "transfer", "clock"} <= set(tables)  # fmt: skip
    with team_server.admin.db.engine.connect() as conn:
        rows = dict(
            conn.execute(
                text(
                    "SELECT relname, relrowsecurity AND relforcerowsecurity FROM pg_class "
                    "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
                )
            ).all()
        )
    assert all(rows[t] for t in tables), {t: rows[t] for t in tables}
    # the shared tables are the only ones without it
    assert {t for t, forced in rows.items() if not forced} == {
        "alembic_version", "provider", "team_member"
    }  # fmt: skip


def test_running_init_again_changes_nothing_and_keeps_the_dossiers(team_server):
    team_server.add("anna")
    dossier = create_demo_dossier(team_server.store("anna"), TODAY)
    assert team.init_team_server(team_server.admin.db) == migrations.HEAD
    with team_server.raw("anna") as conn:
        assert _counts(conn, dossier)["hour_entry"] > 10


def test_a_consultant_sees_nothing_of_anothers_dossier_in_any_table(team_server):
    team_server.add("anna")
    team_server.add("bert")
    team_server.add("lotte", team.TEAMLEIDER)
    team_server.add("carla", team_name="zuid")
    team_server.add("ben", team.BEHEERDER, None)
    anna = team_server.store("anna")
    dossier = create_demo_dossier(anna, TODAY)
    with team_server.raw("anna") as conn:
        mine = _counts(conn, dossier)
    assert mine["person"] == 1 and mine["hour_entry"] > 10 and mine["audit_entry"] > 10
    assert mine["exam_attempt"] and mine["document"] and mine["contact"]
    for other in ("bert", "carla"):
        with team_server.raw(other) as conn:
            assert set(_counts(conn, dossier).values()) == {0}, other
            assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 0
        assert list_dossiers(team_server.store(other), "") == []
        with pytest.raises(NotFoundError):
            load_dossier(team_server.store(other), dossier)
    with team_server.raw("lotte") as conn:  # the teamleider of anna's team
        assert _counts(conn, dossier) == mine
    with team_server.raw("ben") as conn:  # the beheerder: who has it, never what is in it
        assert conn.execute("SELECT id, assigned_to FROM person").fetchall() == [(dossier, "anna")]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT family_name FROM person")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM hour_entry")


def test_raw_sql_cannot_write_into_anothers_dossier(team_server):
    team_server.add("anna")
    team_server.add("bert")
    dossier = create_demo_dossier(team_server.store("anna"), TODAY)
    with team_server.raw("bert") as conn:
        assert conn.execute("UPDATE person SET notes = 'x' WHERE id = %s", (dossier,)).rowcount == 0
        assert conn.execute("DELETE FROM hour_entry WHERE person_id = %s", (dossier,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # row-level security
            conn.execute(
                "INSERT INTO contact (person_id, role, name) VALUES (%s, 'other', 'x')",
                (dossier,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # nor give one away
            conn.execute("INSERT INTO person (given_names, assigned_to) VALUES ('x', 'anna')")


def test_the_database_writes_who_did_it_in_the_trail_reads_included(team_server):
    team_server.add("anna")
    anna = team_server.store("anna")
    dossier = create_demo_dossier(anna, TODAY)
    load_dossier(anna, dossier)
    with team_server.raw("anna") as conn:
        users = conn.execute(
            "SELECT DISTINCT db_user FROM audit_entry WHERE person_id = %s", (dossier,)
        ).fetchall()
        assert users == [("anna",)]
        assert (
            conn.execute(
                "SELECT count(*) FROM audit_entry WHERE person_id = %s AND action = 'read'",
                (dossier,),
            ).fetchone()[0]
            == 1
        )
        conn.execute(
            "INSERT INTO audit_entry (person_id, at, actor_kind, action, entity, fields, db_user)"
            " VALUES (%s, now(), 'consultant', 'update', 'person', '[]', 'bert')",
            (dossier,),
        )
        forged = conn.execute(
            "SELECT db_user FROM audit_entry WHERE person_id = %s ORDER BY id DESC LIMIT 1",
            (dossier,),
        ).fetchone()
        assert forged == ("anna",)


def test_a_transfer_moves_the_dossier_and_records_who_when_why(team_server):
    team_server.add("anna")
    team_server.add("bert", team_name="zuid")
    team_server.add("ben", team.BEHEERDER, None)
    dossier = create_demo_dossier(team_server.store("anna"), TODAY)
    beheerder = team_server.store("ben")
    team.assign(beheerder.db, dossier, "bert", "leave")
    with team_server.raw("anna") as conn:
        assert set(_counts(conn, dossier).values()) == {0}
    with team_server.raw("bert") as conn:
        counts = _counts(conn, dossier)
        assert counts["person"] == 1 and counts["hour_entry"] > 10
        row = conn.execute(
            "SELECT from_login, to_login, by_login, reason, at IS NOT NULL FROM transfer "
            "WHERE person_id = %s",
            (dossier,),
        ).fetchall()
    assert row == [("anna", "bert", "ben", "leave", True)]
    assert load_dossier(team_server.store("bert"), dossier).assigned_to == "bert"
    with pytest.raises(NotFoundError):
        team.assign(beheerder.db, dossier, "nobody", None)
    with pytest.raises(NotFoundError):
        team.assign(beheerder.db, dossier + 1000, "anna", None)


def test_a_consultant_hands_their_own_dossier_to_a_team_member_only(team_server):
    team_server.add("anna")
    team_server.add("bert")
    team_server.add("carla", team_name="zuid")
    anna, bert = team_server.store("anna"), team_server.store("bert")
    dossier = create_demo_dossier(anna, TODAY)
    with pytest.raises(ValidationError):  # carla is in another team
        team.assign(anna.db, dossier, "carla", "leave")
    with pytest.raises(NotFoundError):  # not bert's to give away
        team.assign(bert.db, dossier, "carla", None)
    assert [m.login for m in team.colleagues(anna.db, "anna")] == ["bert"]
    team.assign(anna.db, dossier, "bert", "verlof")
    assert list_dossiers(anna, "") == []
    assert load_dossier(bert, dossier).assigned_to == "bert"
    with team_server.raw("bert") as conn:
        row = conn.execute(
            "SELECT from_login, to_login, by_login, reason FROM transfer WHERE person_id = %s",
            (dossier,),
        ).fetchall()
    assert row == [("anna", "bert", "anna", "verlof")]
    # and nobody can forge a transfer record by hand
    with team_server.raw("anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO transfer (person_id, at, from_login, to_login, by_login) "
            "VALUES (%s, now(), 'x', 'y', 'bert')",
            (dossier,),
        )


def test_a_teamleider_moves_a_dossier_within_the_team(team_server):
    team_server.add("anna")
    team_server.add("bert")
    team_server.add("lotte", team.TEAMLEIDER)
    team_server.add("carla", team_name="zuid")
    dossier = create_demo_dossier(team_server.store("anna"), TODAY)
    lotte = team_server.store("lotte")
    with pytest.raises(ValidationError):
        team.assign(lotte.db, dossier, "carla")
    # only through the checked, recorded path
    with team_server.raw("lotte") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE person SET assigned_to = 'bert' WHERE id = %s", (dossier,))
    team.assign(lotte.db, dossier, "bert", "werkverdeling")
    assert [d.id for d in list_dossiers(lotte, "")] == [dossier]  # still the team's
    assert load_dossier(team_server.store("bert"), dossier).assigned_to == "bert"


def test_removing_a_login_that_still_has_dossiers_is_refused(team_server):
    team_server.add("anna")
    team_server.add("bert")
    dossier = create_demo_dossier(team_server.store("anna"), TODAY)
    with pytest.raises(ValidationError):
        team.remove_member(team_server.admin.db, "anna")
    team.assign(team_server.admin.db, dossier, "bert")
    team.remove_member(team_server.admin.db, "anna")
    with pytest.raises(psycopg.OperationalError):
        team_server.raw("anna")
    with pytest.raises(ValidationError):
        team.add_member(team_server.admin.db, "Robert'; DROP", "long enough", "consultant", None)


def test_deleting_for_good_on_the_server_leaves_no_row_of_the_dossier(team_server):
    from core.services.privacy import delete_dossier_for_good, inzage

    team_server.add("anna")
    anna = team_server.store("anna")
    dossier = create_demo_dossier(anna, TODAY)
    assert inzage(anna, dossier)["audit_trail"]
    report = delete_dossier_for_good(anna, dossier)
    assert report.still_in_backups == []
    with team_server.admin.db.engine.connect() as conn:  # the owner sees every row
        for table in team.dossier_tables():
            column = "id" if table == "person" else "person_id"
            left = conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} = :d"), {"d": dossier}
            ).scalar()
            assert left == 0, table
        kept = conn.execute(
            text(
                "SELECT db_user, note FROM audit_entry WHERE person_id IS NULL AND entity_id = :d"
                " AND note IS NOT NULL"
            ),
            {"d": dossier},
        ).all()
    assert kept == [("anna", "deleted for good")]


def test_a_teamleider_lists_the_team_and_each_consultants_own(team_server):
    team_server.add("anna")
    team_server.add("bert")
    team_server.add("lotte", team.TEAMLEIDER)
    annas = create_dossier(team_server.store("anna"), {"given_names": "A"})
    berts = create_dossier(team_server.store("bert"), {"given_names": "B"})
    lotte = team_server.store("lotte")
    rows = list_dossiers(lotte, "")
    assert {(r.id, r.assigned_to) for r in rows} == {(annas, "anna"), (berts, "bert")}
    assert [r.id for r in list_dossiers(lotte, "", assigned_to="bert")] == [berts]
    assert count_dossiers(lotte, "", assigned_to="anna") == 1
    assert list_dossiers(lotte, "", assigned_to="lotte") == []


def test_every_table_pointing_at_a_person_is_a_dossier_table():
    """A new record kind (another branch's table) is covered by ``team init`` only through its
    ``person_id`` column; a table that points at ``person`` under another name, or a new table
    that is neither a dossier table nor declared shared, would slip past row-level security."""
    from core import models as m

    tables = set(team.dossier_tables())
    for table in m.Base.metadata.sorted_tables:
        points_at_person = any(fk.column.table.name == "person" for fk in table.foreign_keys)
        if points_at_person and table.name != "person":
            assert "person_id" in table.columns and table.name in tables, table.name
    infrastructure = {"alembic_version", "team_member", *team.SHARED_TABLES}
    undecided = {t.name for t in m.Base.metadata.sorted_tables} - tables - infrastructure
    assert undecided == set(), f"neither a dossier table nor shared: {sorted(undecided)}"


def test_every_dossier_table_has_a_policy_for_the_team(team_server):
    """Forcing RLS without a policy would hide a table from everyone; a policy without forcing
    would let the owner's role through. Each dossier table needs both, for the workers' roles."""
    with team_server.admin.db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT tablename, roles::text[] FROM pg_policies WHERE schemaname = 'public'")
        ).all()
    covered: dict[str, set[str]] = {}
    for table, roles in rows:
        covered.setdefault(table, set()).update(roles)
    workers = {team.ROLES[team.CONSULTANT], team.ROLES[team.TEAMLEIDER]}
    missing = {t for t in team.dossier_tables() if not workers <= covered.get(t, set())}
    assert missing == set(), f"dossier tables without a team policy: {sorted(missing)}"


def test_every_record_carries_its_dossiers_assignee_and_a_hand_over_moves_it(team_server):
    """The policies compare one column per record (fast on large tables); the database fills
    it from the dossier, so a client can neither forge nor forget it."""
    team_server.add("anna")
    team_server.add("bert")
    anna = team_server.store("anna")
    dossier = create_demo_dossier(anna, TODAY)
    with team_server.raw("anna") as conn:
        conn.execute("UPDATE hour_entry SET assignee = 'bert' WHERE person_id = %s", (dossier,))
        kinds = {
            table: conn.execute(
                f"SELECT DISTINCT assignee FROM {table} WHERE person_id = %s", (dossier,)
            ).fetchall()
            for table in team.dossier_tables()[1:]
        }
    assert {rows[0] for rows in kinds.values() if rows} == {("anna",)}, kinds
    team.assign(anna.db, dossier, "bert", "verlof")
    with team_server.raw("bert") as conn:
        for table in team.dossier_tables()[1:]:
            rows = conn.execute(
                f"SELECT DISTINCT assignee FROM {table} WHERE person_id = %s", (dossier,)
            ).fetchall()
            assert rows in ([], [("bert",)]), (table, rows)
        trail = conn.execute(
            "SELECT DISTINCT db_user FROM audit_entry WHERE person_id = %s", (dossier,)
        ).fetchall()
    assert ("anna",) in trail  # who wrote the trail stays who wrote it
