"""One exception tree for every known problem.

Known problems (bad input, a wrong passphrase, a full disk, a database from a newer version) are
subclasses of :class:`DossierError` and carry a message that is safe to show and to log: it never
contains personal data. Anything else that escapes is a bug and is shown with a traceback.
"""

from __future__ import annotations


class UsageError(Exception):
    """Bad arguments on the command line: exit code 2 (core/cli.py)."""


class DossierError(Exception):
    """Base of every known, user-explainable problem."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DossierError):
    """Input that cannot be stored as it is. ``field`` names the offending field, if any."""

    def __init__(
        self, message: str, *, field: str | None = None, errors: dict[str, str] | None = None
    ) -> None:
        super().__init__(message, field=field)
        self.errors: dict[str, str] = dict(errors or ({field: message} if field else {}))


class NotFoundError(DossierError):
    """A dossier or record that does not (or no longer) exist."""


class StorageError(DossierError):
    """The database or a file could not be read or written (disk full, read-only, locked)."""


class WrongPassphraseError(StorageError):
    """The database could not be opened with the given passphrase."""


class NewerDatabaseError(StorageError):
    """The database was written by a newer version of the app; it is left untouched."""


class MigrationError(StorageError):
    """A schema upgrade failed; the database was rolled back and a backup kept."""


class ImportFileError(DossierError):
    """A file offered for import is malformed, truncated, too large or of the wrong version."""


class AlreadyOpenError(StorageError):
    """Another copy of the app has this data folder open."""


class DamagedDatabaseError(StorageError):
    """The database file (or its write-ahead log) is damaged, empty or truncated; it was left as
    it is. ``backup``: the newest backup that opens with the passphrase given, if one does."""

    def __init__(self, message: str, *, backup: object | None = None) -> None:
        super().__init__(message)
        self.backup = backup


class ForeignDatabaseError(StorageError):
    """The file is a database, but not a Blauwe Map one; it is not taken over."""


class ServerLoginError(StorageError):
    """A team server refused the login (wrong user or password, or none given)."""


class PasswordNeededError(ServerLoginError):
    """A team server wants a password and none was found or given (not a refusal)."""


class ConflictError(DossierError):
    """Someone else saved the same record in the meantime; nothing of this save was written.
    ``conflicts`` maps each field to (the value now stored, the value this save wanted)."""

    def __init__(
        self, message: str, *, conflicts: dict[str, tuple[object, object]] | None = None
    ) -> None:
        super().__init__(message)
        self.conflicts = dict(conflicts or {})
