"""Contacts (one vaste aanspreekpunt) and the conversation log (DOMAIN.md §10)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base, coded

if TYPE_CHECKING:
    from core.models.person import Person


class Contact(Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(coded(30), default="other")
    organisation: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    is_vaste_aanspreekpunt: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    person: Mapped[Person] = relationship(back_populates="contacts")


class Conversation(Base):
    """A gesprek held or planned (planned ones are appointments in the calendar export)."""

    __tablename__ = "conversation"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.datetime]
    planned: Mapped[bool] = mapped_column(default=False)
    type: Mapped[str] = mapped_column(coded(20))
    channel: Mapped[str] = mapped_column(coded(20), default="in_person")
    location: Mapped[str | None] = mapped_column(String(200))
    interpreter: Mapped[str] = mapped_column(coded(20), default="none")
    language: Mapped[str | None] = mapped_column(coded(10))
    participants: Mapped[str | None] = mapped_column(String(500))
    summary: Mapped[str | None] = mapped_column(Text)
    agreements: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    person: Mapped[Person] = relationship(back_populates="conversations")
