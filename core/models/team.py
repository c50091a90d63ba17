"""A team sharing one server: who belongs to which team, and every transfer of a dossier.

On the embedded file both tables stay empty. On a team server ``core.storage.team`` adds the
roles, row-level security and triggers that fill ``transfer`` and the database user columns."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, coded, utcnow
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person

LOGIN_LENGTH = 63  # PostgreSQL's longest role name


class TeamMember(Base):
    """A consultant's or teamleider's login and team (read by the row-level security policies)."""

    __tablename__ = "team_member"
    login: Mapped[str] = mapped_column(String(LOGIN_LENGTH), primary_key=True)
    team: Mapped[str | None] = mapped_column(String(100), index=True)
    role: Mapped[str] = mapped_column(coded(20), default="consultant", info=declare(N_("Role")))


class Transfer(Base):
    """A dossier moved from one consultant to another: who, when and why."""

    __tablename__ = "transfer"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    from_login: Mapped[str | None] = mapped_column(String(LOGIN_LENGTH))
    to_login: Mapped[str | None] = mapped_column(String(LOGIN_LENGTH))
    by_login: Mapped[str | None] = mapped_column(String(LOGIN_LENGTH))
    reason: Mapped[str | None] = mapped_column(Text, info=declare(N_("Why a new version")))
    person: Mapped[Person] = relationship(back_populates="transfers")
