"""The command line beside the GUI, for consultants' scripts and for tests.

Exit codes: 0 done; 1 a known problem with the data or the disk (message on stderr); 2 bad
arguments or a wrong passphrase (message on stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core import paths
from core.errors import DossierError, NotFoundError, ValidationError, WrongPassphraseError
from core.i18n import _
from core.models.enums import ActorKind
from core.services.store import Actor, Store
from core.session import database_exists, is_plain_sqlite, open_database

PASSPHRASE_ENV = "BLAUWEMAP_PASSPHRASE"


class UsageError(Exception):
    """Bad arguments: exit code 2."""


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{text}” is not a date; use YYYY-MM-DD.").format(text=text[:30])
        ) from None


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("“{text}” is not a number.").format(text=text[:30])) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(_("Give a number above zero."))
    return value


def read_passphrase(args: argparse.Namespace, creating: bool) -> str | None:
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError):
            raise UsageError(_("The passphrase file cannot be read or is empty.")) from None
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(_("Passphrase: ") if not creating else _("Choose a passphrase: "))
        if creating and getpass.getpass(_("Repeat the passphrase: ")) != first:
            raise UsageError(_("The two passphrases differ."))
        return first
    raise UsageError(
        _(
            "The dossier is encrypted. Give the passphrase in the environment variable "
            "{env} or with --passphrase-file FILE."
        ).format(env=PASSPHRASE_ENV)
    )


def open_cli_store(args: argparse.Namespace) -> Store:
    db_path = paths.current().ensure().database
    exists = database_exists(db_path)
    passphrase = None if exists and is_plain_sqlite(db_path) else read_passphrase(args, not exists)
    try:
        db = open_database(db_path, passphrase)
    except WrongPassphraseError:
        raise UsageError(_("The passphrase is wrong.")) from None
    return Store(db, Actor(ActorKind.CONSULTANT.value, os.environ.get("USER")))


# --------------------------------------------------------------------------- commands
def cmd_demo(args: argparse.Namespace, store: Store) -> int:
    from core.services.demo import create_demo_dossier

    dossier = create_demo_dossier(store, args.today)
    print(json.dumps({"dossier": dossier}) if args.json else _("Demo dossier created: {id}").format(id=dossier))
    return 0


def cmd_list(args: argparse.Namespace, store: Store) -> int:
    from core.services.dossiers import list_dossiers

    rows = list_dossiers(store, args.search or "")
    if args.json:
        out = [
            {
                "dossier": r.id,
                "name": r.name,
                "bsn": r.bsn,
                "v_nummer": r.v_nummer,
                "gemeente": r.gemeente,
                "doelgroep": r.doelgroep,
                "regime": r.regime,
                "plicht_status": r.plicht_status,
                "leerroute": r.leerroute,
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("No dossiers."))
    for r in rows:
        print(f"{r.id:>6}  {r.name:<32}  {r.gemeente or '':<16}  {r.leerroute or '-':<2}  {r.plicht_status}")
    return 0


def cmd_deadlines(args: argparse.Namespace, store: Store) -> int:
    from core.services.deadlines import caseload_clocks

    today = args.today or dt.date.today()
    if args.dossier is not None:
        from core.services.dossiers import load_dossier

        load_dossier(store, args.dossier)  # NotFoundError → exit 2
    items = caseload_clocks(store, today, dossier_id=args.dossier)
    if args.status:
        items = [i for i in items if i.clock.status == args.status]
    if args.within_weeks is not None:
        limit = today + dt.timedelta(weeks=args.within_weeks)
        items = [i for i in items if i.clock.date is not None and i.clock.date <= limit]
    if args.json:
        print(json.dumps([i.as_json() for i in items], ensure_ascii=False, indent=2))
        return 0
    for i in items:
        when = i.clock.date.isoformat() if i.clock.date else "—"
        print(f"{i.dossier:>6}  {when:<10}  {i.clock.status:<8}  {i.clock.text()}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "demo": cmd_demo,
    "list": cmd_list,
    "deadlines": cmd_deadlines,
}
EXTRA_COMMANDS: dict[str, Callable[[argparse.ArgumentParser], None]] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=_("Blauwe Map: your inburgering dossier. Without a command the app window opens."),
    )
    parser.add_argument("--data-dir", metavar="PATH", help=_("keep the database, settings, logs and backups here"))
    parser.add_argument("--passphrase-file", metavar="FILE", help=_("read the passphrase from the first line of FILE"))
    parser.add_argument("--lang", metavar="CODE", help=_("language of the interface and the output, e.g. nl, ar, ti"))
    parser.add_argument("--verbose", action="store_true", help=_("more detail in the log file"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("gui", help=_("open the app window (the default)"))
    p = sub.add_parser("demo", help=_("create a fictional demo dossier"))
    p.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help=_("print the new dossier id as JSON"))
    p = sub.add_parser("list", help=_("list the dossiers in the database"))
    p.add_argument("--search", metavar="TEXT", help=_("only dossiers whose name, BSN, V-number or gemeente matches"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p = sub.add_parser("deadlines", help=_("every clock of every dossier"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--dossier", type=positive_int, metavar="ID", help=_("only this dossier"))
    p.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help=_("compute as if today were this date"))
    p.add_argument("--status", choices=("open", "done", "overdue"), help=_("only clocks with this status"))
    p.add_argument("--within-weeks", type=positive_int, metavar="N", help=_("only clocks due within N weeks"))
    for add in EXTRA_COMMANDS.values():
        add(sub)  # type: ignore[arg-type]
    return parser


def run(args: argparse.Namespace) -> int:
    handler = COMMANDS[args.command]
    try:
        store = open_cli_store(args)
    except UsageError as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 2
    except DossierError as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 1
    try:
        return handler(args, store)
    except (UsageError, NotFoundError, ValidationError) as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 2
    except DossierError as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 1
    finally:
        store.db.close()


def data_arg(value: Any) -> Path | None:
    return Path(value) if value else None
