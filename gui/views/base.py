"""The contract every dossier view follows.

A view shows one section of a dossier. It receives a detached snapshot of the whole dossier
(``core.services.dossiers.load_dossier``) in ``set_dossier`` and never touches a database
session: every change goes through a service function via ``ctx.commit(...)``. All texts are set
in ``retranslate_ui()``, which the main window calls again after a language switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from core.models import Person
    from gui.context import AppContext


class DossierView(QWidget):
    key: str = ""  # stable id, e.g. "overview", "hours"
    icon_name: str = ""  # a file in resources/icons/ (without .svg)
    participant_visible: bool = True  # shown in participant mode too
    regimes: tuple[str, ...] = ("Wi2021", "Wi2013", "Wi2007")  # hide where it does not apply

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: Person | None = None

    def title(self) -> str:
        """The translated title shown in the navigation."""
        raise NotImplementedError

    def set_dossier(self, person: Person | None) -> None:
        """Show this dossier snapshot (None: no dossier open)."""
        self.person = person

    def retranslate_ui(self) -> None:
        """Set every user-visible text again in the active language."""
