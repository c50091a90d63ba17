"""Schema migrations (Alembic). ``upgrade`` runs at every start.

A database already at ``HEAD`` is recognised without importing Alembic (it costs start-up time).
A database stamped with a revision this version does not know was written by a newer version:
it is refused and left untouched. Before an upgrade of a non-empty database a backup is taken;
each revision runs in its own transaction, so a failure rolls back and the backup stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import MigrationError, NewerDatabaseError

if TYPE_CHECKING:
    from core.db import Database

log = logging.getLogger(__name__)

HEAD = "0011"  # keep equal to the newest revision in versions/ (a test checks it)
SCRIPT_LOCATION = Path(__file__).resolve().parent

# Called with the database before an upgrade of a non-empty database (set by the backup service).
before_upgrade: list[Callable[[Database, str | None], None]] = []


def _config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def schema_revision(db: Database) -> str | None:
    """The Alembic revision stamped in the database, or None for an empty database."""
    from sqlalchemy import inspect, text

    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database, target: str = "head") -> None:
    current = schema_revision(db)
    if current == HEAD and target == "head":
        return
    if current is not None and current not in known_revisions():
        raise NewerDatabaseError(
            "This dossier was saved by a newer version of Blauwe Map. "
            "Install the newer version to open it; the file was not changed."
        )
    if current is not None:
        for hook in before_upgrade:
            hook(db, current)
    from alembic import command

    cfg = _config()
    try:
        with db.migration_connection() as conn:  # one real transaction, foreign keys checked
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except Exception as exc:
        log.exception("migration from %s failed", current)
        raise MigrationError(
            "Upgrading the dossier to this version failed. Nothing was changed; "
            "a backup was kept in the backups folder."
        ) from exc
