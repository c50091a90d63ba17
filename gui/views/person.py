"""The person: identity, languages, contact details, the inburgeringsplicht, vrijstellingen and
ontheffingen, and the note for the next teacher (DOMAIN.md §2, §4.4, §9)."""

from __future__ import annotations

from typing import Any

from core import models as m
from core.errors import ConflictError
from core.i18n import LANGUAGES, N_, _
from core.labels import label
from core.models import enums as e
from core.rules.bsn import is_valid_bsn, normalize_bsn
from core.rules.gemeenten import all_gemeenten
from core.services.dossiers import update_person
from gui.dialogs import common
from gui.views.section_base import SectionView
from gui.widgets.conflict import conflict_text
from gui.widgets.form import specs_for
from gui.widgets.record_table import Column


def language_options() -> list[tuple[Any, str]]:
    return [(lang.code, f"{lang.native_name} ({_(lang.english_name)})") for lang in LANGUAGES]


IDENTITY = specs_for(m.Person, group="identity", options={"preferred_language": language_options})


def gemeente_names() -> list[str]:
    """CBS's gemeenten in their official spelling (DUO's PIP form needs one of them)."""
    return [g.name for g in all_gemeenten()]


CONTACT = specs_for(m.Person, group="contact", suggestions={"gemeente": gemeente_names})
PLICHT = specs_for(m.Person, group="plicht")
NOTES = specs_for(m.Person, group="notes")
VRIJSTELLING = specs_for(m.Vrijstelling, group="")
ONTHEFFING = specs_for(m.Ontheffing, group="")


def split_languages(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    return [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]


class PersonView(SectionView):
    key = "person"
    icon_name = "person"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.identity = self.add_panel(N_("Who"), IDENTITY, self._save, lambda p: p, columns=2)
        self.contact = self.add_panel(
            N_("Contact details"), CONTACT, self._save, lambda p: p, columns=2
        )
        self.plicht = self.add_panel(
            N_("Inburgeringsplicht (obligation to integrate)"),
            PLICHT,
            self._save,
            lambda p: p,
            columns=2,
        )
        self.notes = self.add_panel(N_("Notes"), NOTES, self._save, lambda p: p)
        self.vrijstellingen = self.add_table(
            "vrijstelling",
            N_("Exemptions (vrijstellingen)"),
            VRIJSTELLING,
            (
                Column(N_("Code"), lambda r: r.code, lambda v: label(e.VrijstellingCode, v)),
                Column(
                    N_("Part"),
                    lambda r: r.onderdeel,
                    lambda v: label(e.Onderdeel, v) if v else _("All"),
                ),
                Column(N_("Decision"), lambda r: r.decision, lambda v: label(e.Decision, v)),
                Column(N_("Decision date"), lambda r: r.decision_date),
                Column(N_("Valid until"), lambda r: r.valid_until),
            ),
            lambda p: p.vrijstellingen,
            noun=N_("exemption"),
        )
        self.ontheffingen = self.add_table(
            "ontheffing",
            N_("Releases (ontheffingen)"),
            ONTHEFFING,
            (
                Column(N_("Ground"), lambda r: r.grond, lambda v: label(e.OntheffingGrond, v)),
                Column(
                    N_("Part"),
                    lambda r: r.onderdeel,
                    lambda v: label(e.Onderdeel, v) if v else _("All"),
                ),
                Column(N_("Decision"), lambda r: r.decision, lambda v: label(e.Decision, v)),
                Column(N_("Decision date"), lambda r: r.decision_date),
            ),
            lambda p: p.ontheffingen,
            noun=N_("release"),
        )
        self.page.finish()
        self.identity.form.edited.connect(self._check_bsn)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Person")

    def _save(self, values: dict[str, Any]) -> None:
        assert self.person is not None
        if "languages_spoken" in values:
            values["languages_spoken"] = split_languages(values["languages_spoken"])
        store, pid, version = self.ctx.store, self.person.id, self.person.version_id
        try:
            warnings = self.commit(lambda: update_person(store, pid, values, base_version=version))
        except ConflictError as exc:
            # someone else saved this dossier since it was shown: both values, and a choice
            if not common.ask_yes_no(self, _("Blauwe Map"), conflict_text(exc, m.Person)):
                self.ctx.signals.dossier_changed.emit(pid)  # show theirs
                return
            warnings = self.commit(lambda: update_person(store, pid, values))
        if warnings:  # another dossier with the same BSN: said next to the field, kept
            self.identity.form.set_hint("bsn", "\n".join(warnings), warning=True)

    def _check_bsn(self, name: str) -> None:
        """The elfproef as the person types, next to the field (the save checks it again)."""
        if name != "bsn":
            return
        text = str(self.identity.form.value("bsn") or "")
        digits = normalize_bsn(text)
        if not text.strip():
            self.identity.form.set_hint("bsn", "")
        elif len(digits) < 9:
            self.identity.form.set_hint("bsn", _("A BSN has 9 digits."))
        elif is_valid_bsn(digits):
            self.identity.form.set_hint("bsn", "✓ " + _("This BSN passes the elfproef."))
        else:
            self.identity.form.set_hint(
                "bsn",
                _("This BSN is not valid: it fails the eleven-test (elfproef)."),
                warning=True,
            )

    def refresh(self, person: Any) -> None:
        if person is not None:
            self.identity.form.set_hint("bsn", "")
