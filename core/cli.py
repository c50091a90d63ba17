"""The command line beside the GUI, for consultants' scripts and for tests.

Exit codes: 0 done; 1 a known problem with the data or the disk (message on stderr); 2 bad
arguments or a wrong passphrase (message on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import cli_export as export_commands
from core import paths
from core.cli_args import iso_date, positive_int, weeks
from core.errors import (
    DamagedDatabaseError,
    DossierError,
    NotFoundError,
    ServerLoginError,
    UsageError,
    ValidationError,
    WrongPassphraseError,
)
from core.i18n import _
from core.session import database_exists, is_plain_sqlite, open_database
from core.storage.commands import (
    DATABASE_URL_ENV,
    add_team_parser,
    cmd_team,
    database_url,
    open_server_db,
)

if TYPE_CHECKING:  # SQLAlchemy is loaded when a command opens the store, not for the parser
    from core.services.store import Store

PASSPHRASE_ENV = "BLAUWEMAP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "BLAUWEMAP_NEW_PASSPHRASE"
# commands that only make sense for the file on this computer
LOCAL_ONLY = {"backup", "restore", "passphrase"}


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
    if creating:
        raise UsageError(
            _(
                "There is no database in this data folder yet; a new one is encrypted. Choose a "
                "passphrase and give it in the environment variable {env} or with "
                "--passphrase-file FILE."
            ).format(env=PASSPHRASE_ENV)
        )
    raise UsageError(
        _(
            "The dossier is encrypted. Give the passphrase in the environment variable "
            "{env} or with --passphrase-file FILE."
        ).format(env=PASSPHRASE_ENV)
    )


def open_cli_store(args: argparse.Namespace) -> Store:
    from core.models.enums import ActorKind
    from core.services.store import Actor, Store

    if database_url(args):
        from core.storage.postgres import current_login

        db = open_server_db(args)
        return Store(db, Actor(ActorKind.CONSULTANT.value, current_login(db)))
    db_path = paths.current().ensure().database
    exists = database_exists(db_path)
    passphrase = None if exists and is_plain_sqlite(db_path) else read_passphrase(args, not exists)
    try:
        db = open_database(db_path, passphrase)
    except WrongPassphraseError:
        raise UsageError(_("The passphrase is wrong.")) from None
    except DamagedDatabaseError as exc:
        if exc.backup is None:
            raise
        raise DamagedDatabaseError(
            " ".join(
                [
                    str(exc),
                    _("The newest good backup is {path}; restore it with: {command}").format(
                        path=exc.backup, command=f"main.py restore {exc.backup}"
                    ),
                ]
            ),
            backup=exc.backup,
        ) from None
    from core.private_files import clean_leftovers_if_free

    if args.command != "delete":  # delete removes them itself, and says which
        clean_leftovers_if_free(paths.current())  # what an interrupted run left behind
    _daily_backup(db)
    return Store(db, Actor(ActorKind.CONSULTANT.value, os.environ.get("USER")))


def _daily_backup(db: Any) -> None:
    """Once a day, on opening: a failed backup is reported but does not stop the command."""
    from core.services.backup import daily_backup
    from core.settings import Settings

    app = paths.current()
    try:
        daily_backup(db, app.backups, Settings.load(app.settings_file).backups_keep)
    except DossierError as exc:
        print(
            _("main.py: warning: no backup was made today: {reason}").format(reason=exc),
            file=sys.stderr,
        )


# --------------------------------------------------------------------------- commands
def cmd_demo(args: argparse.Namespace, store: Store) -> int:
    from core.services.demo import create_demo_dossier

    dossier = create_demo_dossier(store, args.today)
    print(
        json.dumps({"dossier": dossier})
        if args.json
        else _("Demo dossier created: {id}").format(id=dossier)
    )
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
                "assigned_to": r.assigned_to,
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("No dossiers."))
    for r in rows:
        print(
            f"{r.id:>6}  {r.name:<32}  {r.gemeente or '':<16}  {r.leerroute or '-':<2}  {r.plicht_status}"
        )
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


# --------------------------------------------------------------------------- trust (issue 6)
def _keep() -> int:
    from core.settings import Settings

    return Settings.load(paths.current().settings_file).backups_keep


def cmd_backup(args: argparse.Namespace, store: Store) -> int:
    from core.services.backup import MANUAL, make_backup

    print(make_backup(store.db, paths.current().backups, MANUAL, keep=_keep()))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Check the backup, then swap it in (the current database is kept in the backups folder)."""
    from core.db import file_kind
    from core.errors import WrongPassphraseError as Wrong
    from core.instance import InstanceLock
    from core.services.backup import is_encrypted_file, restore_backup, verify_backup

    app = paths.current().ensure()
    backup = Path(args.path).expanduser()
    if not backup.is_file():
        raise UsageError(_("There is no backup file at this place."))
    with InstanceLock(app.data):  # AlreadyOpenError (exit 1) while the app has the folder open
        passphrase = read_passphrase(args, False) if is_encrypted_file(backup) else None
        store_encrypted = file_kind(app.database) == "encrypted"
        try:
            revision = verify_backup(backup, passphrase)
            if args.check_only:
                print(_("The backup is whole (schema {rev}).").format(rev=revision))
                return 0
            result = restore_backup(
                backup,
                app.database,
                passphrase,
                backups_dir=app.backups,
                keep=_keep(),
                into_encrypted=store_encrypted,
            )
        except Wrong as exc:
            raise UsageError(str(exc)) from None
    print(_("The backup was checked and restored."))
    if result.replaced_copy is not None:
        print(_("The database it replaced was kept as: {path}").format(path=result.replaced_copy))
    for line in restored_findings(app.database, passphrase):
        print(line)
    return 0


def restored_findings(database: Path, passphrase: str | None) -> list[str]:
    """What today's PIP check says of the restored dossiers (an older backup never met it):
    one line per finding, kept as the backup had it."""
    from core.services.pip import dossiers_with_findings
    from core.services.store import Store

    db = open_database(database, passphrase)
    try:
        found = dossiers_with_findings(Store(db))
    finally:
        db.close()
    lines = []
    for dossier, name, findings in found:
        for finding in findings:
            lines.append(
                _("Dossier {id} ({name}), current PIP: {finding}").format(
                    id=dossier, name=name, finding=finding.text()
                )
            )
    if lines:
        lines.insert(0, _("Restored as it was; today's PIP check would say:"))
    return lines


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file:
        try:
            return Path(args.new_passphrase_file).read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError):
            raise UsageError(_("The new passphrase file cannot be read or is empty.")) from None
    if os.environ.get(NEW_PASSPHRASE_ENV):
        return os.environ[NEW_PASSPHRASE_ENV]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(_("New passphrase: "))
        if getpass.getpass(_("Repeat the new passphrase: ")) != first:
            raise UsageError(_("The two passphrases differ."))
        return first
    raise UsageError(
        _(
            "Give the new passphrase in the environment variable {env} or with --new-passphrase-file FILE."
        ).format(env=NEW_PASSPHRASE_ENV)
    )


def cmd_passphrase(args: argparse.Namespace, store: Store) -> int:
    """Re-key the database, then back it up under the new passphrase (older backups keep the
    old one)."""
    from core.instance import InstanceLock
    from core.services.passphrase import change_passphrase

    if not store.db.encrypted:
        raise UsageError(_("This database is not encrypted, so it has no passphrase to change."))
    new = _new_passphrase(args)
    with InstanceLock(paths.current().data):
        backup = change_passphrase(store, new, backups=paths.current().backups, keep=_keep())
    print(_("The passphrase was changed."))
    print(_("A backup under the new passphrase was made: {path}").format(path=backup))
    return 0


def cmd_inzage(args: argparse.Namespace, store: Store) -> int:
    from core.private_files import write_private
    from core.services.privacy import inzage

    out = Path(args.out).expanduser()
    if out.is_dir() or not out.parent.is_dir():
        raise UsageError(_("Give a file name in an existing folder for --out."))
    data = inzage(store, args.dossier, with_document_contents=not args.without_documents)
    try:
        write_private(out, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError:
        from core.errors import StorageError

        raise StorageError(_("The file could not be written.")) from None
    print(out)
    return 0


def cmd_delete(args: argparse.Namespace, store: Store) -> int:
    from core.services.privacy import delete_dossier_for_good

    if not args.yes:
        raise UsageError(_("Deleting a dossier cannot be undone. Add --yes to confirm."))
    report = delete_dossier_for_good(store, args.dossier, paths.current().backups)
    print(report.message())
    for path in [*report.still_in_backups, *report.removed_files]:
        print(f"  {path}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Store], int]] = {
    "demo": cmd_demo,
    "list": cmd_list,
    "deadlines": cmd_deadlines,
    "backup": cmd_backup,
    "passphrase": cmd_passphrase,
    "inzage": cmd_inzage,
    "delete": cmd_delete,
    "export": export_commands.cmd_export,
    "import": export_commands.cmd_import,
}
# commands that must not open the database first (it may be the damaged one being replaced)
STORELESS_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "restore": cmd_restore,
    "team": cmd_team,
}
EXTRA_COMMANDS: dict[str, Callable[[argparse.ArgumentParser], None]] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=_(
            "Blauwe Map: your inburgering dossier. Without a command the app window opens."
        ),
    )
    parser.add_argument(
        "--data-dir", metavar="PATH", help=_("keep the database, settings, logs and backups here")
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_("read the passphrase from the first line of FILE"),
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=_(
            "use a team server instead of the file on this computer: "
            "postgresql://USER@HOST:PORT/DATABASE (or {env})"
        ).format(env=DATABASE_URL_ENV),
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=_("language of the interface and the output, e.g. nl, ar, ti"),
    )
    parser.add_argument("--verbose", action="store_true", help=_("more detail in the log file"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("gui", help=_("open the app window (the default)"))
    p = sub.add_parser("demo", help=_("create a fictional demo dossier"))
    p.add_argument("--today", type=iso_date, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help=_("print the new dossier id as JSON"))
    p = sub.add_parser("list", help=_("list the dossiers in the database"))
    p.add_argument(
        "--search",
        metavar="TEXT",
        help=_("only dossiers whose name, BSN, V-number or gemeente matches"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p = sub.add_parser("deadlines", help=_("every clock of every dossier"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--dossier", type=positive_int, metavar="ID", help=_("only this dossier"))
    p.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help=_("compute as if today were this date")
    )
    p.add_argument(
        "--status", choices=("open", "done", "overdue"), help=_("only clocks with this status")
    )
    p.add_argument(
        "--within-weeks", type=weeks, metavar="N", help=_("only clocks due within N weeks")
    )
    p = sub.add_parser("backup", help=_("make a backup now and print its path"))
    p = sub.add_parser("restore", help=_("check a backup, then restore it"))
    p.add_argument("path", metavar="PATH", help=_("the backup file"))
    p.add_argument(
        "--check-only", action="store_true", help=_("only check that the backup is whole")
    )
    p = sub.add_parser("passphrase", help=_("change the passphrase (re-encrypts the database)"))
    p.add_argument(
        "--new-passphrase-file", metavar="FILE", help=_("read the new passphrase from FILE")
    )
    p = sub.add_parser("inzage", help=_("everything held about one person, as JSON (AVG inzage)"))
    p.add_argument(
        "--dossier", type=positive_int, metavar="ID", required=True, help=_("the dossier")
    )
    p.add_argument("--out", metavar="PATH", required=True, help=_("the JSON file to write"))
    p.add_argument(
        "--without-documents", action="store_true", help=_("leave out the documents' contents")
    )
    p = sub.add_parser("delete", help=_("delete a dossier for good"))
    p.add_argument(
        "--dossier", type=positive_int, metavar="ID", required=True, help=_("the dossier")
    )
    p.add_argument("--yes", action="store_true", help=_("confirm: this cannot be undone"))
    export_commands.add_parsers(sub)
    add_team_parser(sub)
    for add in EXTRA_COMMANDS.values():
        add(sub)  # type: ignore[arg-type]
    return parser


def _unexpected(args: argparse.Namespace, exc: Exception) -> int:
    """A bug, not a user error: a short message, and the traceback in the log file.

    Only the exception types and the traceback frames are logged, never ``str(exc)``: an
    exception's message may quote a value from the dossier."""
    import logging
    import traceback

    parts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(parts) < 5:
        frames = "".join(traceback.format_tb(seen.__traceback__))
        parts.append(f"{type(seen).__module__}.{type(seen).__qualname__}\n{frames}")
        seen = seen.__cause__ or seen.__context__
    logging.getLogger(__name__).error(
        "unexpected error in command %s: %s", args.command, "\nwhile handling: ".join(parts)
    )
    log_file = next(
        (
            h.baseFilename
            for h in logging.getLogger().handlers
            if isinstance(h, logging.FileHandler)
        ),
        str(paths.current().logs / "blauwemap.log"),
    )
    print(
        "main.py: "
        + _("an unexpected error occurred; details are in the log file {path}").format(
            path=log_file
        ),
        file=sys.stderr,
    )
    return 1


def _exit_code(args: argparse.Namespace, call: Callable[[], int]) -> int:
    """Run one step of a command; known problems become a message and an exit code (2: bad
    arguments or input, 1: data or disk), anything else a logged bug (1)."""
    try:
        return call()
    except (UsageError, NotFoundError, ValidationError, ServerLoginError) as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 2
    except DossierError as exc:
        print(f"main.py: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``deadlines | head``): not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not complain again.
        with contextlib.suppress(OSError, ValueError):  # stdout may be no real file (tests)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        from core.db import is_storage_failure, storage_error

        if is_storage_failure(exc):  # a damaged page, a full disk met while reading or writing
            print(f"main.py: {storage_error(exc)}", file=sys.stderr)
            return 1
        return _unexpected(args, exc)


def _local_only(args: argparse.Namespace) -> int:
    raise UsageError(
        _(
            "This command is for the file on this computer. A team server is backed up with "
            "pg_dump, and its passwords are kept by the beheerder (see docs/team-server.md)."
        )
    )


def run(args: argparse.Namespace) -> int:
    if args.command in LOCAL_ONLY and database_url(args):
        return _exit_code(args, lambda: _local_only(args))
    if args.command in STORELESS_COMMANDS:
        return _exit_code(args, lambda: STORELESS_COMMANDS[args.command](args))
    handler = COMMANDS[args.command]
    stores: list[Store] = []

    def open_store() -> int:
        stores.append(open_cli_store(args))
        return 0

    code = _exit_code(args, open_store)
    if not stores:
        return code
    try:
        return _exit_code(args, lambda: handler(args, stores[0]))
    finally:
        stores[0].db.close()


def data_arg(value: Any) -> Path | None:
    return Path(value) if value else None
