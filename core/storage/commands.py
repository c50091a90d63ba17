"""``main.py team …`` (the beheerder's commands) and ``--database-url`` (registered in
core/cli.py): which store a command opens, and the password prompts for a team server."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from core.errors import UsageError
from core.i18n import _
from core.storage.roles import BEHEERDER, CONSULTANT, TEAMLEIDER

DATABASE_URL_ENV = "BLAUWEMAP_DATABASE_URL"
NEW_USER_PASSWORD_ENV = "BLAUWEMAP_NEW_USER_PASSWORD"


def database_url(args: argparse.Namespace) -> str | None:
    """The team server's address from --database-url or the environment; None: the local file."""
    return getattr(args, "database_url", None) or os.environ.get(DATABASE_URL_ENV) or None


def ask_server_password(where: str) -> str | None:
    """libpq found no password (PGPASSWORD, ~/.pgpass): the one kept in the system keyring (the
    window's login dialog keeps it there when asked), else ask on a terminal, else give up."""
    from core.storage import credentials

    kept = credentials.saved(where)
    if kept:
        return kept
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(_("Password for {where}: ").format(where=where))
    return None


def open_server_db(args: argparse.Namespace, *, check_schema: bool = True) -> Any:
    from core.storage.postgres import open_server

    url = database_url(args)
    assert url is not None
    return open_server(url, ask_server_password, check_schema=check_schema)


def _new_user_password() -> str:
    if os.environ.get(NEW_USER_PASSWORD_ENV):
        return os.environ[NEW_USER_PASSWORD_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(_("Password for the new login: "))
        if getpass.getpass(_("Repeat the password: ")) != first:
            raise UsageError(_("The two passwords differ."))
        return first
    raise UsageError(
        _("Give the new login's password in the environment variable {env}.").format(
            env=NEW_USER_PASSWORD_ENV
        )
    )


def cmd_team(args: argparse.Namespace) -> int:
    """The beheerder's commands; each opens the server itself (init may find it empty)."""
    from core.storage import team

    if not database_url(args):
        raise UsageError(
            _("Give the team server's address with --database-url or {env}.").format(
                env=DATABASE_URL_ENV
            )
        )
    if args.team_command is None:
        raise UsageError(_("Name a team command: init, add-consultant, remove-consultant, assign."))
    password = _new_user_password() if args.team_command == "add-consultant" else None
    db = open_server_db(args, check_schema=args.team_command != "init")
    try:
        if args.team_command == "init":
            team.init_team_server(db)
            from core.migrations import HEAD

            print(_("The team server is set up (schema {rev}).").format(rev=HEAD))
        elif args.team_command == "add-consultant":
            assert password is not None
            team.add_member(db, args.login, password, args.role, args.team)
            print(args.login)
        elif args.team_command == "remove-consultant":
            team.remove_member(db, args.login)
            print(args.login)
        else:
            team.assign(db, args.dossier, args.to, args.reason)
            print(f"{args.dossier} → {args.to}")
    finally:
        db.close()
    return 0


def add_team_parser(sub: Any) -> None:
    p = sub.add_parser("team", help=_("set up a team server and manage its logins (beheerder)"))
    team = p.add_subparsers(dest="team_command", metavar="TEAM_COMMAND")
    team.add_parser("init", help=_("create or upgrade the tables, roles and access rules"))
    t = team.add_parser("add-consultant", help=_("add a login"))
    t.add_argument("login", metavar="LOGIN")
    t.add_argument("--role", choices=(CONSULTANT, TEAMLEIDER, BEHEERDER), default=CONSULTANT)
    t.add_argument("--team", metavar="NAME")
    t = team.add_parser("remove-consultant", help=_("remove a login without dossiers"))
    t.add_argument("login", metavar="LOGIN")
    t = team.add_parser("assign", help=_("move a dossier to another login"))
    t.add_argument("--dossier", type=int, metavar="ID", required=True)
    t.add_argument("--to", metavar="LOGIN", required=True)
    t.add_argument("--reason", metavar="TEXT")
