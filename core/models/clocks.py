"""Each dossier's clock plan, stored (derived data, never typed by anyone).

The plans are what the dossier's facts fix before the day is known (``core.rules.clocks.
PlannedClock``); the statuses follow from the day when they are read, in SQL or in Python.
``ClockFresh`` marks the dossiers whose stored plan is current: every audited change of a
dossier removes its mark in the same transaction (``core.services.store``), and
``core.services.clock_cache`` computes the unmarked ones again. Rebuilding the whole table is
always safe: nothing here exists anywhere else.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.i18n import N_
from core.models.base import Base, coded
from core.models.fields import declare


class StoredClock(Base):
    __tablename__ = "clock"
    __table_args__ = (
        Index("ix_clock_person_date", "person_id", "date"),
        # Covers the "needs attention" query: the open clocks of every dossier, by date.
        Index(
            "ix_clock_open",
            *("met", "person_id", "date", "closes", "shown_from", "shown_until", "order_key"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(coded(24), info=declare(N_("Kind")))
    date: Mapped[dt.date] = mapped_column(info=declare(N_("Date")))
    source: Mapped[str] = mapped_column(Text)  # a citation (core/rules/sources.py), any length
    start: Mapped[dt.date | None]
    detail: Mapped[str] = mapped_column(String(80), default="")
    met: Mapped[bool] = mapped_column(default=False)
    closes: Mapped[bool] = mapped_column(default=False)
    shown_from: Mapped[dt.date | None]
    shown_until: Mapped[dt.date | None]
    # "date|kind|position in the plan|detail": its minimum is a dossier's first clock in plan
    # order, so "each dossier's first open clock" is one GROUP BY on the covering index.
    order_key: Mapped[str] = mapped_column(String(130))


class ClockFresh(Base):
    """The dossier's stored plan is current for this version of the clock rules."""

    __tablename__ = "clock_fresh"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    plan_version: Mapped[str] = mapped_column(String(60))
