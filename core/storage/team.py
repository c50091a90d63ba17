"""A team on one PostgreSQL server: group roles, row-level security, the triggers that let the
database (not the app) fill in who did what, and the beheerder's commands. PostgreSQL-only DDL
lives here and nowhere else; the portable schema is in the Alembic revisions.

The rules, enforced by PostgreSQL for every client (the app, psql, a report tool):

* ``blauwemap_consultant`` reads and writes only the dossiers assigned to them
  (``person.assigned_to = current_user``), and every record hanging off those dossiers;
* ``blauwemap_teamleider`` also those assigned to the members of their team;
* ``blauwemap_beheerder`` manages logins, teams and assignments: it sees each dossier's id and
  assignee, never its contents;
* the login that ran ``team init`` owns the tables (a database administrator's account).

Every table with a ``person_id`` is a dossier table (derived from the models, so a new record kind
is covered without touching this file) and gets ``FORCE ROW LEVEL SECURITY``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from core import models as m
from core.db import Database
from core.errors import NotFoundError, ValidationError
from core.i18n import _
from core.storage.roles import BEHEERDER, CONSULTANT, ROLES, TEAMLEIDER

WORKERS = f"{ROLES[CONSULTANT]}, {ROLES[TEAMLEIDER]}"
ALL_GROUPS = f"{WORKERS}, {ROLES[BEHEERDER]}"
__all__ = ["BEHEERDER", "CONSULTANT", "ROLES", "TEAMLEIDER", "add_member", "assign"]
SHARED_TABLES = ("provider",)  # reference data, not about a person
LOGIN_PATTERN = re.compile(r"[a-z_][a-z0-9_]{0,62}")
REASON_SETTING = "blauwemap.reason"
MIN_PASSWORD = 8


def dossier_tables() -> list[str]:
    """``person`` and every table whose rows belong to one person."""
    children = sorted(t.name for t in m.Base.metadata.sorted_tables if "person_id" in t.columns)
    return ["person", *children]


# Whose dossiers the current login sees: its own, and a teamleider also those of the team. The
# policies compare ``assigned_to`` with this list through a scalar subquery, so PostgreSQL works
# it out once per statement (an InitPlan) and can use the index on ``person.assigned_to``; a
# per-row function call made every read of 100,000 dossiers 15× slower than the same query
# without row-level security. Measured on 5,000 dossiers with the columns below: each read
# 0.8–1.5× the same query without it.
SEES = f"""
CREATE OR REPLACE FUNCTION blauwemap_visible_logins() RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
    -- plpgsql keeps this plan for the session (an SQL function is planned on every call,
    -- which cost opening a dossier, 25 statements, 2 ms)
    RETURN (
        SELECT array_append(COALESCE(array_agg(them.login::text), '{{}}'), current_user::text)
        FROM team_member me JOIN team_member them ON them.team = me.team
        WHERE me.login = current_user AND me.role = '{TEAMLEIDER}' AND them.login <> me.login);
END $$;
CREATE OR REPLACE FUNCTION blauwemap_sees(assignee text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT assignee = ANY (blauwemap_visible_logins())
$$;
"""
SEES_ROW = "assigned_to = ANY ((SELECT blauwemap_visible_logins())::text[])"
# Every record carries its dossier's assignee in a column of its own (``assignee``, PostgreSQL
# only: added and kept by ``team init``, filled by a trigger from ``person`` with the writer's own
# rights, so a record can only be written into a dossier the writer sees). A record's policy is
# then the same one-column comparison as the person's, with an index where a list reads many
# rows: measured on 20,000 dossiers, a join to ``person`` per row made the "needs attention" read
# 18× and opening a dossier 11× slower than without row-level security, a set per statement made
# the first page 21× and opening 120× slower.
ASSIGNEE = "assignee"
VISIBLE = f"{ASSIGNEE} = ANY ((SELECT blauwemap_visible_logins())::text[])"
INDEXED = ("clock", "hour_entry", "audit_entry")  # the tables a list reads across dossiers

ASSIGNEE_COPY = """
CREATE OR REPLACE FUNCTION blauwemap_assignee_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- with the writer's rights: a dossier it cannot see gives NULL, which no policy lets through
    NEW.assignee := (SELECT p.assigned_to FROM person p WHERE p.id = NEW.person_id);
    RETURN NEW;
END $$;
"""


def _assignee_sql(table: str) -> Iterable[str]:
    """The assignee column of one record table, its trigger and (for long lists) its index."""
    yield f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {ASSIGNEE} varchar(63);"
    yield f"DROP TRIGGER IF EXISTS blauwemap_assignee_copy ON {table};"
    yield (
        f"CREATE TRIGGER blauwemap_assignee_copy BEFORE INSERT OR UPDATE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION blauwemap_assignee_copy();"
    )
    if table in INDEXED:
        yield f"CREATE INDEX IF NOT EXISTS ix_{table}_{ASSIGNEE} ON {table} ({ASSIGNEE});"


def backfill_sql(dossier: str | None = None) -> str:
    """Every record's assignee from its dossier (after ``team init`` on existing data, after a
    bulk load without triggers, and in a hand-over for one dossier)."""
    parts = []
    for table in dossier_tables()[1:]:
        only = f" AND t.person_id = {dossier}" if dossier is not None else ""
        parts.append(
            f"UPDATE {table} t SET {ASSIGNEE} = p.assigned_to FROM person p "
            f"WHERE p.id = t.person_id AND t.{ASSIGNEE} IS DISTINCT FROM p.assigned_to{only};"
        )
    return "\n".join(parts)


TRIGGERS = f"""
CREATE OR REPLACE FUNCTION blauwemap_person_assignee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.assigned_to := COALESCE(NEW.assigned_to, current_user);
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS blauwemap_assignee ON person;
CREATE TRIGGER blauwemap_assignee BEFORE INSERT ON person
    FOR EACH ROW EXECUTE FUNCTION blauwemap_person_assignee();

CREATE OR REPLACE FUNCTION blauwemap_record_transfer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO transfer (person_id, at, from_login, to_login, by_login, reason)
    VALUES (NEW.id, now() AT TIME ZONE 'UTC', OLD.assigned_to, NEW.assigned_to, current_user,
            NULLIF(current_setting('{REASON_SETTING}', true), ''));
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS blauwemap_transfer ON person;
CREATE TRIGGER blauwemap_transfer AFTER UPDATE OF assigned_to ON person
    FOR EACH ROW WHEN (OLD.assigned_to IS DISTINCT FROM NEW.assigned_to)
    EXECUTE FUNCTION blauwemap_record_transfer();

CREATE OR REPLACE FUNCTION blauwemap_transfer_by() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.by_login := session_user;  -- the login, also inside blauwemap_hand_over()
    NEW.at := now() AT TIME ZONE 'UTC';
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS blauwemap_transfer_by ON transfer;
CREATE TRIGGER blauwemap_transfer_by BEFORE INSERT ON transfer
    FOR EACH ROW EXECUTE FUNCTION blauwemap_transfer_by();

-- the audit trail's user is the database's, never the client's; an entry about a dossier the
-- writer cannot see (deleted in this transaction, or someone else's) keeps no link to it
CREATE OR REPLACE FUNCTION blauwemap_audit_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN  -- who wrote a line stays who wrote it (a hand-over moves it)
        NEW.db_user := OLD.db_user;
        RETURN NEW;
    END IF;
    NEW.db_user := current_user;
    IF NEW.person_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = NEW.person_id) THEN
        IF NEW.entity <> 'person' THEN
            RETURN NULL;
        END IF;
        NEW.person_id := NULL;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS blauwemap_audit_user ON audit_entry;
CREATE TRIGGER blauwemap_audit_user BEFORE INSERT OR UPDATE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION blauwemap_audit_user();

-- deleting a dossier takes its trail along (the writer can no longer see those rows)
CREATE OR REPLACE FUNCTION blauwemap_purge_trail() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    DELETE FROM audit_entry WHERE person_id = OLD.id;
    RETURN OLD;
END $$;
REVOKE ALL ON FUNCTION blauwemap_purge_trail() FROM PUBLIC;
DROP TRIGGER IF EXISTS blauwemap_purge_trail ON person;
CREATE TRIGGER blauwemap_purge_trail AFTER DELETE ON person
    FOR EACH ROW EXECUTE FUNCTION blauwemap_purge_trail();
"""


# A hand-over by the team itself: the consultant gives their own dossier, a teamleider one of the
# team's, to a member of their own team (leave, a changed caseload); the beheerder and the owner
# to anyone. Row-level security alone cannot say this (a row's new assignee is one the giver may
# no longer see), so the rule is this one function, run with the owner's rights, that checks the
# caller (session_user: the login, which a non-superuser cannot change) first.
HAND_OVER = f"""
CREATE OR REPLACE FUNCTION blauwemap_hand_over(dossier integer, to_login text, why text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    caller text := session_user;
    assignee text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM team_member WHERE login = to_login) THEN
        RETURN 'no-login';
    END IF;
    SELECT assigned_to INTO assignee FROM person WHERE id = dossier;
    IF NOT FOUND THEN
        RETURN 'no-dossier';
    END IF;
    IF NOT (pg_has_role(caller, '{ROLES[BEHEERDER]}', 'MEMBER')
            OR caller = (SELECT tableowner FROM pg_tables
                         WHERE schemaname = 'public' AND tablename = 'person')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = caller)) THEN
        IF NOT (assignee = caller OR EXISTS (
                SELECT 1 FROM team_member me JOIN team_member them ON them.team = me.team
                WHERE me.login = caller AND me.role = '{TEAMLEIDER}' AND them.login = assignee))
        THEN
            RETURN 'no-dossier';  -- not theirs to give: as if it did not exist
        END IF;
        IF NOT EXISTS (
                SELECT 1 FROM team_member me JOIN team_member them ON them.team = me.team
                WHERE me.login = caller AND them.login = to_login) THEN
            RETURN 'not-in-team';
        END IF;
    END IF;
    PERFORM set_config('{REASON_SETTING}', COALESCE(why, ''), true);
    UPDATE person SET assigned_to = to_login WHERE id = dossier;
    {{records}}
    RETURN 'ok';
END $$;
REVOKE ALL ON FUNCTION blauwemap_hand_over(integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION blauwemap_hand_over(integer, text, text) TO {ALL_GROUPS};
"""


def _roles_sql() -> str:
    creates = "\n".join(
        f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} NOLOGIN; END IF;"
        for role in ROLES.values()
    )
    return f"DO $$ BEGIN\n{creates}\nEND $$;"


def _policy(
    table: str, name: str, roles: str, clause: str, using: str | None, check: str | None
) -> str:
    using_sql = f" USING ({using})" if using is not None else ""
    check_sql = f" WITH CHECK ({check})" if check is not None else ""
    return (
        f"DROP POLICY IF EXISTS {name} ON {table};\n"
        f"CREATE POLICY {name} ON {table} {clause} TO {roles}{using_sql}{check_sql};\n"
    )


def _table_sql(table: str) -> Iterable[str]:
    yield f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;"
    yield f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;"
    yield _policy(table, "bm_owner", "CURRENT_USER", "FOR ALL", "true", "true")
    visible = VISIBLE
    if table == "person":
        yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON person TO {WORKERS};"
        sees = SEES_ROW
        yield _policy("person", "bm_team", WORKERS, "FOR ALL", sees, sees)
        beheerder = ROLES[BEHEERDER]
        yield f"GRANT SELECT (id, assigned_to, version_id) ON person TO {beheerder};"
        yield f"GRANT UPDATE (assigned_to) ON person TO {beheerder};"
        yield _policy("person", "bm_beheerder_read", beheerder, "FOR SELECT", "true", None)
        yield _policy("person", "bm_beheerder_assign", beheerder, "FOR UPDATE", "true", "true")
    elif table == "audit_entry":
        # append-only for the team; their own lines without a dossier stay readable to them
        yield f"GRANT SELECT, INSERT, DELETE ON audit_entry TO {WORKERS};"
        own = "(person_id IS NULL AND db_user = current_user)"
        yield _policy(table, "bm_read", WORKERS, "FOR SELECT", f"{visible} OR {own}", None)
        yield _policy(table, "bm_append", WORKERS, "FOR INSERT", None, "true")
        yield _policy(table, "bm_purge", WORKERS, "FOR DELETE", visible, None)
    elif table == "transfer":
        # the history of a dossier is read, never rewritten; it goes when the dossier goes.
        # Only blauwemap_hand_over() writes it (with the owner's rights): nobody can record a
        # transfer that did not happen, nor move a dossier past the function's checks.
        yield f"REVOKE INSERT, UPDATE ON transfer FROM {ALL_GROUPS};"
        yield f"GRANT SELECT, DELETE ON transfer TO {WORKERS};"
        yield "DROP POLICY IF EXISTS bm_record ON transfer;"
        yield _policy(table, "bm_team", WORKERS, "FOR SELECT", visible, None)
        yield _policy(table, "bm_drop", WORKERS, "FOR DELETE", visible, None)
    else:
        yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {WORKERS};"
        yield _policy(table, "bm_team", WORKERS, "FOR ALL", visible, visible)


def policies_sql() -> str:
    parts = [_roles_sql(), f"GRANT USAGE ON SCHEMA public TO {ALL_GROUPS};"]
    parts.append("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;")
    parts.append(f"GRANT SELECT ON alembic_version, team_member TO {ALL_GROUPS};")
    parts.append(f"GRANT INSERT, UPDATE, DELETE ON team_member TO {ROLES[BEHEERDER]};")
    for table in SHARED_TABLES:
        parts.append(f"GRANT SELECT, INSERT, UPDATE ON {table} TO {WORKERS};")
    parts.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ALL_GROUPS};")
    parts.append(SEES)
    parts.append(TRIGGERS)
    parts.append(ASSIGNEE_COPY)
    for table in dossier_tables()[1:]:
        parts.extend(_assignee_sql(table))
    parts.append(HAND_OVER.replace("{records}", backfill_sql("dossier")))
    for table in dossier_tables():
        parts.extend(_table_sql(table))
    parts.append(backfill_sql())
    return "\n".join(parts)


def init_team_server(db: Database) -> str | None:
    """Bring the server's schema to this version and (re)apply the roles, grants, policies and
    triggers; safe to run again after every upgrade. Returns the schema revision before."""
    from core.migrations import schema_revision, upgrade

    before = schema_revision(db)
    upgrade(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(policies_sql())
    return before


def check_login(login: str) -> str:
    if not LOGIN_PATTERN.fullmatch(login):
        raise ValidationError(
            _("A login has lowercase letters, digits and _ only, at most 63."), field="login"
        )
    return login


def _execute_quoted(conn: Connection, template: str, *args: str) -> None:
    """DDL cannot take bind parameters: the server quotes identifiers (%I) and literals (%L)."""
    names = ", ".join(f"CAST(:a{i} AS text)" for i in range(len(args)))
    values = {"t": template, **{f"a{i}": a for i, a in enumerate(args)}}
    statement = conn.execute(text(f"SELECT format(CAST(:t AS text), {names})"), values).scalar_one()
    conn.exec_driver_sql(statement)


def add_member(db: Database, login: str, password: str, role: str, team: str | None) -> None:
    """A PostgreSQL login role in the group of ``role``, and its team."""
    check_login(login)
    if role not in ROLES:
        raise ValidationError(_("Unknown role."), field="role")
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            _("Choose a passphrase of at least {n} characters.").format(n=MIN_PASSWORD),
            field="password",
        )
    with db.engine.begin() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}
        ).first()
        if exists:
            raise ValidationError(_("This login exists already."), field="login")
        extra = " CREATEROLE" if role == BEHEERDER else ""
        _execute_quoted(
            conn,
            f"CREATE ROLE %I LOGIN{extra} PASSWORD %L IN ROLE %I",
            login,
            password,
            ROLES[role],
        )
        conn.execute(
            text("INSERT INTO team_member (login, team, role) VALUES (:l, :t, :r)"),
            {"l": login, "t": team, "r": role},
        )


def remove_member(db: Database, login: str) -> None:
    """Drop the login; refused while dossiers are still assigned to it (transfer them first)."""
    check_login(login)
    with db.engine.begin() as conn:
        if not conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}
        ).first():
            raise NotFoundError(_("There is no such login."))
        assigned = conn.execute(
            text("SELECT count(*) FROM person WHERE assigned_to = :l"), {"l": login}
        ).scalar_one()
        if assigned:
            raise ValidationError(
                _("{n} dossiers are still assigned to this login; transfer them first.").format(
                    n=assigned
                ),
                field="login",
            )
        conn.execute(text("DELETE FROM team_member WHERE login = :l"), {"l": login})
        _execute_quoted(conn, "DROP ROLE %I", login)


def assign(db: Database, dossier_id: int, to_login: str, reason: str | None = None) -> None:
    """Move a dossier to another member; the database checks who may (``blauwemap_hand_over``)
    and records who, when and why."""
    check_login(to_login)
    with db.engine.begin() as conn:
        outcome = conn.execute(
            text("SELECT blauwemap_hand_over(:d, :l, :r)"),
            {"d": dossier_id, "l": to_login, "r": reason or ""},
        ).scalar_one()
    if outcome == "no-login":
        raise NotFoundError(_("There is no such login."))
    if outcome == "no-dossier":
        raise NotFoundError(_("This dossier does not exist (any more)."))
    if outcome == "not-in-team":
        raise ValidationError(
            _("You can hand a dossier over only to a member of your own team."), field="to"
        )


@dataclass(frozen=True)
class Member:
    login: str
    team: str | None
    role: str


def members(db: Database) -> list[Member]:
    """Everyone on the team server (logins, teams and roles are no dossier contents)."""
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT login, team, role FROM team_member ORDER BY team NULLS LAST, login")
        ).all()
    return [Member(str(r[0]), r[1], str(r[2])) for r in rows]


def colleagues(db: Database, me: str) -> list[Member]:
    """Whom ``me`` may hand a dossier over to: the members of their own team (a beheerder:
    every consultant and teamleider)."""
    everyone = members(db)
    mine = next((m for m in everyone if m.login == me), None)
    if mine is None or mine.role == BEHEERDER:
        return [m for m in everyone if m.role != BEHEERDER and m.login != me]
    return [m for m in everyone if m.team is not None and m.team == mine.team and m.login != me]
