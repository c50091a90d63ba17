"""A team server's password kept in the operating system's keyring (GNOME Keyring / KWallet
through the Secret Service, macOS Keychain, Windows Credential Locker), only when the person asks
for it. Keyed by the server address without the password (``user@host:port/db``), never the URL.

Where no keyring is available (a server without a desktop session, a locked keyring that refuses)
each function says so instead of failing: ``available()`` is False, ``saved()`` finds nothing,
and ``save()`` raises a :class:`StorageError` that names the cause.
"""

from __future__ import annotations

import logging

from core.errors import StorageError
from core.i18n import _

log = logging.getLogger(__name__)
SERVICE = "Blauwe Map team server"


def _backend() -> object | None:
    """The keyring's backend when it can keep secrets; None where it cannot."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - keyring is a dependency; a stripped bundle
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is "no keyring"
        log.info("no usable keyring")
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def available() -> bool:
    return _backend() is not None


def saved(where: str) -> str | None:
    """The password kept for ``where`` (as ``core.storage.postgres.describe`` writes it)."""
    if _backend() is None:
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, where)
    except KeyringError:
        log.info("the keyring did not give the password")
        return None


def save(where: str, password: str) -> None:
    if _backend() is None:
        raise StorageError(_("This computer has no keyring to keep the password in."))
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, where, password)
    except KeyringError:
        raise StorageError(_("The keyring refused to keep the password (is it locked?).")) from None


def forget(where: str) -> None:
    """Remove a kept password; nothing happens when none was kept."""
    if _backend() is None:
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, where)
    except PasswordDeleteError:
        pass
    except KeyringError:
        log.info("the keyring did not forget the password")
