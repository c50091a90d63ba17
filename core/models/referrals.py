"""Referrals to partners (issue 18 part 4): who, why, when, the outcome, and what the person
agreed to share with that partner.

A referral sends the person to VluchtelingenWerk, the language school, GGZ, schuldhulpverlening,
the werkgeversservicepunt or another partner. ``consent_sections`` holds the klantprofiel
sections (core/export/section_codes.py) the person agreed to share *for this referral*; an
export made for the referral records its id in the export log (``ExportLog.referral_id``), so
"what was shared with whom on which consent" can be read back (AVG art. 5(2) and 30:
accountability and the record of processing, https://eur-lex.europa.eu/eli/reg/2016/679/oj).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.i18n import N_
from core.models.base import Base, Versioned, coded
from core.models.enums import PartnerKind, ReferralOutcome
from core.models.fields import CHECKLIST, declare

if TYPE_CHECKING:
    from core.models.person import Person


class Referral(Versioned, Base):
    """One referral to a partner organisation and the consent it was made on."""

    __tablename__ = "referral"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    partner: Mapped[str] = mapped_column(
        String(200),
        info=declare(N_("Partner organisation"), form_label=N_("Referred to (organisation)")),
    )
    partner_kind: Mapped[str] = mapped_column(
        coded(), default="overig", info=declare(N_("Kind of partner"), enum=PartnerKind)
    )
    reason: Mapped[str | None] = mapped_column(Text, info=declare(N_("Reason for the referral")))
    referred_on: Mapped[dt.date] = mapped_column(
        info=declare(
            N_("Referred on"),
            past=N_("This date lies in the future: enter the day the referral was made."),
        )
    )
    outcome: Mapped[str] = mapped_column(
        coded(), default="lopend", info=declare(N_("Outcome"), enum=ReferralOutcome)
    )
    outcome_notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("What came of it")))
    consent_sections: Mapped[list] = mapped_column(
        JSON,
        default=list,
        info=declare(
            N_("Agreed to share"),
            help=N_(
                "The parts of the dossier the person agreed to share with this partner for "
                "this referral. An export made for the referral contains only these."
            ),
            widget=CHECKLIST,
        ),
    )
    notes: Mapped[str | None] = mapped_column(Text, info=declare(N_("Notes")))
    person: Mapped[Person] = relationship(back_populates="referrals")
