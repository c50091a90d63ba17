"""The person: identity, languages, contact details, the inburgeringsplicht, vrijstellingen and
ontheffingen, and the note for the next teacher (DOMAIN.md §2, §4.4, §9)."""

from __future__ import annotations

from typing import Any

from core.errors import ConflictError
from core.export.field_labels import label_msgid
from core.i18n import LANGUAGES, N_, _
from core.labels import label
from core.models import enums as e
from core.rules.bsn import is_valid_bsn, normalize_bsn
from core.rules.gemeenten import all_gemeenten
from core.services.dossiers import update_person
from gui.dialogs import common
from gui.views.section_base import SectionView
from gui.widgets.form import BOOL, CHOICE, DATE, ENUM, MULTILINE, NUMBER, FieldSpec
from gui.widgets.record_table import Column


def language_options() -> list[tuple[Any, str]]:
    return [(lang.code, f"{lang.native_name} ({_(lang.english_name)})") for lang in LANGUAGES]


IDENTITY = (
    FieldSpec("given_names", N_("Given names")),
    FieldSpec("family_name", N_("Family name")),
    FieldSpec("date_of_birth", N_("Date of birth"), DATE),
    FieldSpec(
        "bsn",
        N_("BSN (citizen service number)"),
        help=N_("Nine digits; checked with the elfproef."),
    ),
    FieldSpec(
        "v_nummer",
        N_("V-number"),
        help=N_("Ten digits, from the IND or COA."),
        consultant_only=True,
    ),
    FieldSpec("nationality", N_("Nationality")),
    FieldSpec("country_of_origin", N_("Country of origin")),
    FieldSpec(
        "languages_spoken",
        N_("Languages spoken"),
        help=N_("Language codes separated by commas, e.g. ti, ar, en."),
    ),
    FieldSpec(
        "preferred_language",
        N_("Language for printouts"),
        CHOICE,
        options=language_options,
        optional=False,
    ),
    FieldSpec("literacy", N_("Reading and writing (literacy)"), ENUM, enum=e.Alfabetisering),
)


def gemeente_names() -> list[str]:
    """CBS's gemeenten in their official spelling (DUO's PIP form needs one of them)."""
    return [g.name for g in all_gemeenten()]


CONTACT = (
    FieldSpec("phone", N_("Phone")),
    FieldSpec("email", N_("E-mail")),
    FieldSpec("address", N_("Address")),
    FieldSpec("postcode", N_("Postcode")),
    FieldSpec("woonplaats", N_("Place of residence")),
    FieldSpec("gemeente", N_("Gemeente (municipality)"), suggestions=gemeente_names),
    FieldSpec("household", N_("Household"), MULTILINE, consultant_only=True),
)
PLICHT = (
    FieldSpec("regime", N_("Law (regime)"), ENUM, enum=e.Regime, optional=False),
    FieldSpec("doelgroep", N_("Target group (doelgroep)"), ENUM, enum=e.Doelgroep, optional=False),
    FieldSpec(
        "gedetailleerde_doelgroep",
        N_("Detailed target group"),
        ENUM,
        enum=e.GedetailleerdeDoelgroep,
        consultant_only=True,
    ),
    FieldSpec(
        "plicht_status", N_("Status of the obligation"), ENUM, enum=e.PlichtStatus, optional=False
    ),
    FieldSpec("plicht_begindatum", N_("Obligation starts on"), DATE),
    FieldSpec(
        "datum_kennisgeving", N_("Date of notification (Wi2013)"), DATE, consultant_only=True
    ),
    FieldSpec("plicht_einddatum", N_("Obligation ended on"), DATE),
    FieldSpec("reden_geen_plicht", N_("Reason not obliged"), consultant_only=True),
    FieldSpec(
        "pip_clock_start",
        N_("The 10-week PIP clock starts at"),
        ENUM,
        enum=e.PipClockStart,
        optional=False,
        consultant_only=True,
        help=N_(
            "The law does not fix this event; DUO starts its clock when the person has left COA "
            "(M2M event SS139). Housing is the default."
        ),
    ),
    FieldSpec(
        "bijstand_start", N_("Social assistance (bijstand) since"), DATE, consultant_only=True
    ),
    FieldSpec("datum_eindgesprek_map", N_("MAP final interview held on"), DATE),
    FieldSpec("datum_ondertekening_pvt", N_("Participation statement (PVT) signed on"), DATE),
    FieldSpec("datum_afronding_zroute", N_("Z-route completed on"), DATE),
    FieldSpec(
        "datum_taalschakeldiploma", N_("Taalschakeltraject diploma on"), DATE, consultant_only=True
    ),
    FieldSpec("map_omitted_working", N_("No MAP: already working"), BOOL, consultant_only=True),
)
NOTES = (
    FieldSpec(
        "note_next_teacher",
        N_("Note for the next teacher"),
        MULTILINE,
        help=N_("What a new school or counsellor should know first."),
    ),
    FieldSpec("notes", N_("Other notes"), MULTILINE, consultant_only=True),
)
VRIJSTELLING = (
    FieldSpec("code", N_("Code"), ENUM, enum=e.VrijstellingCode, optional=False),
    FieldSpec("onderdeel", N_("Part (empty: the whole obligation)"), ENUM, enum=e.Onderdeel),
    FieldSpec("niveau", N_("Level"), ENUM, enum=e.Niveau),
    FieldSpec("decision", N_("Decision"), ENUM, enum=e.Decision, optional=False),
    FieldSpec("decision_date", N_("Decision date"), DATE),
    FieldSpec("valid_until", N_("Valid until"), DATE),
    FieldSpec("notes", N_("Notes"), MULTILINE),
)
ONTHEFFING = (
    FieldSpec("grond", N_("Ground"), ENUM, enum=e.OntheffingGrond, optional=False),
    FieldSpec("onderdeel", N_("Part (empty: the whole obligation)"), ENUM, enum=e.Onderdeel),
    FieldSpec("decision", N_("Decision"), ENUM, enum=e.Decision, optional=False),
    FieldSpec("decision_date", N_("Decision date"), DATE),
    FieldSpec("uren_belastbaarheid", N_("Hours a week the person can take part"), NUMBER),
    FieldSpec("notes", N_("Notes"), MULTILINE),
)


def split_languages(text: Any) -> Any:
    if not isinstance(text, str):
        return text
    return [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]


def conflict_text(exc: ConflictError) -> str:
    """The message, each field with the value saved by the other and the one typed here, and
    the question (Yes: keep what was typed here)."""
    lines = [str(exc), ""]
    for name, (theirs, mine) in exc.conflicts.items():
        msgid = label_msgid("Person", name)
        field = _(msgid) if msgid else name
        lines.append(f"{field}: {theirs or '—'} → {mine or '—'}")
    lines += ["", _("Save your values over theirs?")]
    return "\n".join(lines)


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
            if not common.ask_yes_no(self, _("Blauwe Map"), conflict_text(exc)):
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
