"""Contacts (one vaste aanspreekpunt) and the conversation log (DOMAIN.md §10)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import Channel, ContactRole, ConversationType, Interpreter
from core.models.fields import declare

if TYPE_CHECKING:
    from core.models.person import Person


class Contact(Versioned, Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), info=declare(N_("Name")))
    role: Mapped[str] = mapped_column(
        coded(30), default="other", info=declare(N_("Role"), enum=ContactRole)
    )
    organisation: Mapped[str | None] = mapped_column(String(200), info=declare(N_("Organisation")))
    phone: Mapped[str | None] = mapped_column(String(40), info=declare(N_("Phone")))
    email: Mapped[str | None] = mapped_column(String(200), info=declare(N_("E-mail")))
    is_vaste_aanspreekpunt: Mapped[bool] = mapped_column(
        default=False, info=declare(N_("Fixed contact person (vaste aanspreekpunt)"))
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="contacts")


class Conversation(Versioned, Base):
    """A gesprek held or planned (planned ones are appointments in the calendar export)."""

    __tablename__ = "conversation"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.datetime] = mapped_column(
        info=declare(N_("Date"), form_label=N_("Date and time"))
    )
    planned: Mapped[bool] = mapped_column(default=False, info=declare(N_("Planned (not held yet)")))
    type: Mapped[str] = mapped_column(
        coded(20),
        info=declare(N_("Type"), form_label=N_("Kind of conversation"), enum=ConversationType),
    )
    channel: Mapped[str] = mapped_column(
        coded(20),
        default="in_person",
        info=declare(N_("Channel"), form_label=N_("How"), enum=Channel),
    )
    location: Mapped[str | None] = mapped_column(
        String(200), info=declare(N_("Location"), form_label=N_("Where"))
    )
    interpreter: Mapped[str] = mapped_column(
        coded(20), default="none", info=declare(N_("Interpreter"), enum=Interpreter)
    )
    language: Mapped[str | None] = mapped_column(coded(10), info=declare(N_("Language spoken")))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), info=declare(N_("With"), printed=False)
    )
    participants: Mapped[str | None] = mapped_column(String(500), info=declare(N_("Who took part")))
    summary: Mapped[str | None] = mapped_column(Text, info=declare(N_("Summary")))
    agreements: Mapped[str | None] = mapped_column(
        Text, info=declare(N_("Agreements"), form_label=N_("Agreements made"))
    )
    follow_up: Mapped[str | None] = mapped_column(Text, info=declare(N_("Follow-up")))
    person: Mapped[Person] = relationship(back_populates="conversations")
