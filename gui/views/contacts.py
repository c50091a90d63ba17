"""Contacts (one of them the vaste aanspreekpunt, shown first and clearly) and the conversation
log, held and planned (DOMAIN.md §10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from core import models as m
from core.export.section_codes import BY_CODE, SECTIONS
from core.i18n import N_, _, isolate
from core.labels import label
from core.models import enums as e
from core.services.records import update_record
from gui import style
from gui.views.section_base import SectionView
from gui.widgets.form import specs_for
from gui.widgets.panel import note_label
from gui.widgets.record_table import Column

CONTACT = specs_for(m.Contact)
STAR = "★ "


class ContactsView(SectionView):
    key = "contacts"
    icon_name = "contacts"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.vaste_box = QGroupBox(self.page.inner)
        box = QVBoxLayout(self.vaste_box)
        self.vaste_text = note_label(self.vaste_box)
        self.vaste_text.setStyleSheet(style.size(1.3))
        box.addWidget(self.vaste_text)
        self.page.add(self.vaste_box)
        self.contacts = self.add_table(
            "contact",
            N_("Contacts"),
            CONTACT,
            (
                Column(
                    N_("Name"),
                    lambda r: r.name,
                    lambda v: v,
                    colour=lambda r: "info" if r.is_vaste_aanspreekpunt else None,
                ),
                Column(N_("Role"), lambda r: r.role, lambda v: label(e.ContactRole, v)),
                Column(N_("Organisation"), lambda r: r.organisation),
                Column(N_("Phone"), lambda r: isolate(r.phone) if r.phone else ""),
                Column(N_("E-mail"), lambda r: r.email),
                Column(
                    N_("Fixed contact"),
                    lambda r: r.is_vaste_aanspreekpunt,
                    lambda v: STAR + _("Fixed contact") if v else "",
                ),
            ),
            lambda p: sorted(
                p.contacts, key=lambda c: (not c.is_vaste_aanspreekpunt, c.name.lower())
            ),
            noun=N_("contact"),
        )
        row = QHBoxLayout()
        self.make_vaste_button = QPushButton(self.page.inner)
        self.make_vaste_button.clicked.connect(self.make_vaste)
        row.addStretch(1)
        row.addWidget(self.make_vaste_button)
        self.page.column.addLayout(row)
        self.conversations = self.add_table(
            "conversation",
            N_("Conversations"),
            specs_for(m.Conversation, options={"contact_id": self._contact_options}),
            (
                Column(N_("Date"), lambda r: r.date),
                Column(
                    N_("Held or planned"),
                    lambda r: r.planned,
                    lambda v: _("Planned") if v else _("Held"),
                    colour=lambda r: "info" if r.planned else None,
                ),
                Column(N_("Kind"), lambda r: r.type, lambda v: label(e.ConversationType, v)),
                Column(N_("How"), lambda r: r.channel, lambda v: label(e.Channel, v)),
                Column(
                    N_("Interpreter"), lambda r: r.interpreter, lambda v: label(e.Interpreter, v)
                ),
                Column(N_("Summary"), lambda r: (r.summary or "").split("\n")[0][:120]),
            ),
            lambda p: sorted(p.conversations, key=lambda c: c.date, reverse=True),
            noun=N_("conversation"),
            defaults=self._conversation_defaults,
        )
        self.conversations.dialog_opened.connect(lambda d: d.form.refresh_options())
        self.referrals = self.add_table(
            "referral",
            N_("Referrals to partners"),
            specs_for(
                m.Referral,
                options={"consent_sections": lambda: [(s.code, _(s.title)) for s in SECTIONS]},
            ),
            (
                Column(N_("Referred on"), lambda r: r.referred_on),
                Column(N_("Partner organisation"), lambda r: r.partner),
                Column(
                    N_("Kind of partner"),
                    lambda r: r.partner_kind,
                    lambda v: label(e.PartnerKind, v),
                ),
                Column(
                    N_("Outcome"),
                    lambda r: r.outcome,
                    lambda v: label(e.ReferralOutcome, v),
                    colour=lambda r: "info" if r.outcome == "lopend" else None,
                ),
                Column(
                    N_("Agreed to share"),
                    lambda r: tuple(r.consent_sections or ()),
                    lambda v: ", ".join(_(BY_CODE[c].title) for c in v if c in BY_CODE) or "—",
                ),
            ),
            lambda p: sorted(p.referrals, key=lambda r: r.referred_on, reverse=True),
            noun=N_("referral"),
            defaults=lambda: {"referred_on": self.ctx.today(), "outcome": "lopend"},
        )
        self.page.finish()
        self.retranslate_ui()

    def title(self) -> str:
        return _("Contacts")

    def _contact_options(self) -> list[tuple[Any, str]]:
        return [(c.id, c.name) for c in (self.person.contacts if self.person else [])]

    def _conversation_defaults(self) -> dict[str, Any]:
        now = dt.datetime.combine(self.ctx.today(), dt.time(10, 0))
        vaste = next(
            (c for c in (self.person.contacts if self.person else []) if c.is_vaste_aanspreekpunt),
            None,
        )
        return {
            "date": now,
            "type": "begeleiding",
            "channel": "in_person",
            "interpreter": "none",
            "contact_id": vaste.id if vaste else None,
        }

    def make_vaste(self) -> None:
        contact = self.contacts.selected()
        if contact is None:
            return
        store = self.ctx.store
        self.commit(
            lambda: update_record(store, "contact", contact.id, {"is_vaste_aanspreekpunt": True})
        )

    def refresh(self, person: Any) -> None:
        vaste = next(
            (c for c in (person.contacts if person else []) if c.is_vaste_aanspreekpunt), None
        )
        if vaste is None:
            self.vaste_text.setText(_("No fixed contact person yet. Choose one in the list below."))
            return
        lines = [
            STAR
            + "<b>"
            + _escape(vaste.name)
            + "</b> — "
            + _escape(label(e.ContactRole, vaste.role)),
        ]
        if vaste.organisation:
            lines.append(_escape(vaste.organisation))
        contact_bits = [b for b in (vaste.phone, vaste.email) if b]
        if contact_bits:
            lines.append(" · ".join(_escape(isolate(b)) for b in contact_bits))
        self.vaste_text.setText("<br>".join(lines))

    def apply_mode(self) -> None:
        super().apply_mode()
        self.make_vaste_button.setMinimumHeight(44 if not self.ctx.consultant_mode else 0)

    def retranslate_ui(self) -> None:
        self.vaste_box.setTitle(_("Your fixed contact person (vaste aanspreekpunt)"))
        self.make_vaste_button.setText(STAR + _("Make the selected contact the fixed contact"))
        super().retranslate_ui()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
