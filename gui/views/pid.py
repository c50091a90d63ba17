"""The blauwe map / PID: the azc phase, COA locations, Voorinburgering, trainings, skills,
education, work and ambitions (DOMAIN.md §3, §11; seed 000 L686-765)."""

from __future__ import annotations

from typing import Any

from core.i18n import N_, _, format_hours
from core.labels import label
from core.models import enums as e
from core.rules.table import RULES
from core.services.records import set_section
from gui.views.section_base import SectionView
from gui.widgets.form import BOOL, DATE, ENUM, INT, MULTILINE, NUMBER, TRIBOOL, FieldSpec
from gui.widgets.record_table import Column

AZC = (
    FieldSpec("vergunning_date", N_("Residence permit granted on"), DATE),
    FieldSpec("koppeling_date", N_("Linked to a gemeente on (koppeling)"), DATE),
    FieldSpec("koppeling_gemeente", N_("Linked to gemeente")),
    FieldSpec("first_coa_gesprek_date", N_("First COA conversation on"), DATE),
    FieldSpec("blauwe_map_received", N_("Blauwe map received"), BOOL),
    FieldSpec("huisvesting_date", N_("Keys to the home on (huisvesting)"), DATE),
    FieldSpec("vestiging_date", N_("Settled in the gemeente on (vestiging)"), DATE),
    FieldSpec("brp_inschrijving_date", N_("Registered in the BRP on"), DATE),
    FieldSpec("notes", N_("Notes"), MULTILINE, consultant_only=True),
)
HOUR_FIELDS = (
    ("nt2_hours", "voorinburgering_nt2_hours"),
    ("knm_hours", "voorinburgering_knm_hours"),
    ("intromap_hours", "voorinburgering_intromap_hours"),
    ("begeleiding_hours", "voorinburgering_begeleiding_hours"),
)
VOORINBURGERING = (
    FieldSpec(
        "toestemming", N_("Permission to take part"), ENUM, enum=e.Toestemming, optional=False
    ),
    FieldSpec("toestemming_date", N_("Permission given on"), DATE),
    FieldSpec("wachtlijst", N_("On the waiting list"), BOOL),
    FieldSpec("start_date", N_("Started on"), DATE),
    FieldSpec("end_date", N_("Ended on"), DATE),
    FieldSpec("level_reached", N_("Dutch level reached"), ENUM, enum=e.Niveau),
    FieldSpec("nt2_hours", N_("Hours of Dutch (NT2)"), NUMBER),
    FieldSpec("knm_hours", N_("Hours of KNM and IntroPVT"), NUMBER),
    FieldSpec("intromap_hours", N_("Hours of IntroMAP"), NUMBER),
    FieldSpec("begeleiding_hours", N_("Hours of guidance"), NUMBER),
    FieldSpec("placement_test", N_("Placement test"), consultant_only=True),
    FieldSpec("class_group", N_("Class group"), consultant_only=True),
    FieldSpec("stopped_early", N_("Stopped early"), BOOL),
    FieldSpec("stop_reason", N_("Reason for stopping")),
    FieldSpec("overdracht_date", N_("Handed over to the gemeente on"), DATE, consultant_only=True),
    FieldSpec("notes", N_("Notes"), MULTILINE, consultant_only=True),
)
COA_LOCATION = (
    FieldSpec("name", N_("Location")),
    FieldSpec("place", N_("Place")),
    FieldSpec("kind", N_("Kind (azc, noodopvang…)")),
    FieldSpec("from_date", N_("From"), DATE),
    FieldSpec("until_date", N_("Until"), DATE),
    FieldSpec("move_reason", N_("Reason for moving")),
)
TRAINING = (
    FieldSpec("title", N_("Title")),
    FieldSpec("kind", N_("Training or information session")),
    FieldSpec("provider", N_("Given by")),
    FieldSpec("date", N_("Date"), DATE),
    FieldSpec("certificate", N_("Certificate received"), BOOL),
    FieldSpec("notes", N_("Notes"), MULTILINE),
)
SKILL = (
    FieldSpec("name", N_("Skill")),
    FieldSpec("level", N_("Level")),
    FieldSpec("evidence", N_("Shown by")),
)
EDUCATION = (
    FieldSpec("level", N_("Level of education")),
    FieldSpec("field", N_("Subject")),
    FieldSpec("institution", N_("School or university")),
    FieldSpec("country", N_("Country")),
    FieldSpec("from_year", N_("From (year)"), INT),
    FieldSpec("to_year", N_("Until (year)"), INT),
    FieldSpec("diploma", N_("Diploma"), BOOL),
    FieldSpec("idw_status", N_("Diploma valuation (IDW)"), ENUM, enum=e.IdwStatus, optional=False),
    FieldSpec("idw_result", N_("IDW result")),
    FieldSpec("idw_date", N_("IDW date"), DATE),
    FieldSpec("notes", N_("Notes"), MULTILINE),
)
WORK = (
    FieldSpec("role", N_("Job or task")),
    FieldSpec("employer", N_("Employer or organisation")),
    FieldSpec("country", N_("Country")),
    FieldSpec("from_date", N_("From"), DATE),
    FieldSpec("until_date", N_("Until"), DATE),
    FieldSpec("volunteering", N_("Volunteer work"), BOOL),
    FieldSpec("hours_per_week", N_("Hours a week"), NUMBER),
    FieldSpec("dutch_speaking", N_("Dutch spoken at work"), TRIBOOL),
    FieldSpec("description", N_("Description"), MULTILINE),
)
AMBITION = (
    FieldSpec("text", N_("Ambition"), MULTILINE),
    FieldSpec("term", N_("Term"), ENUM, enum=e.AfspraakTerm),
    FieldSpec("noted_on", N_("Noted on"), DATE),
)


class PidView(SectionView):
    key = "pid"
    icon_name = "pid"
    participant_visible = True

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(ctx, parent)
        self.azc = self.add_panel(
            N_("From permit to home (azc phase)"),
            AZC,
            self._saver("azc"),
            lambda p: p.azc,
            columns=2,
        )
        self.coa = self.add_table(
            "coa_location",
            N_("COA locations"),
            COA_LOCATION,
            (
                Column(N_("Location"), lambda r: r.name),
                Column(N_("Place"), lambda r: r.place),
                Column(N_("From"), lambda r: r.from_date),
                Column(N_("Until"), lambda r: r.until_date),
                Column(N_("Reason for moving"), lambda r: r.move_reason),
            ),
            lambda p: p.coa_locations,
            noun=N_("COA location"),
        )
        self.voorinburgering = self.add_panel(
            N_("Voorinburgering (COA course before moving)"),
            VOORINBURGERING,
            self._saver("voorinburgering"),
            lambda p: p.voorinburgering,
            columns=2,
        )
        self.trainings = self.add_table(
            "training",
            N_("Trainings and information sessions"),
            TRAINING,
            (
                Column(N_("Title"), lambda r: r.title),
                Column(N_("Kind"), lambda r: r.kind),
                Column(N_("Given by"), lambda r: r.provider),
                Column(N_("Date"), lambda r: r.date),
                Column(N_("Certificate"), lambda r: r.certificate),
            ),
            lambda p: p.trainings,
            noun=N_("training"),
        )
        self.skills = self.add_table(
            "skill",
            N_("Skills"),
            SKILL,
            (
                Column(N_("Skill"), lambda r: r.name),
                Column(N_("Level"), lambda r: r.level),
                Column(N_("Shown by"), lambda r: r.evidence),
            ),
            lambda p: p.skills,
            noun=N_("skill"),
        )
        self.education = self.add_table(
            "education",
            N_("Education"),
            EDUCATION,
            (
                Column(N_("Level"), lambda r: r.level),
                Column(N_("Subject"), lambda r: r.field),
                Column(N_("Country"), lambda r: r.country),
                Column(N_("Years"), lambda r: (r.from_year, r.to_year), lambda v: _years(*v)),
                Column(N_("Diploma"), lambda r: r.diploma),
                Column(N_("IDW"), lambda r: r.idw_status, lambda v: label(e.IdwStatus, v)),
            ),
            lambda p: p.education,
            noun=N_("education"),
        )
        self.work = self.add_table(
            "work",
            N_("Work and volunteering"),
            WORK,
            (
                Column(N_("Job or task"), lambda r: r.role),
                Column(N_("Employer"), lambda r: r.employer),
                Column(N_("Country"), lambda r: r.country),
                Column(N_("From"), lambda r: r.from_date),
                Column(N_("Until"), lambda r: r.until_date),
                Column(N_("Volunteer"), lambda r: r.volunteering),
            ),
            lambda p: p.work,
            noun=N_("work"),
        )
        self.ambitions = self.add_table(
            "ambition",
            N_("Ambitions"),
            AMBITION,
            (
                Column(N_("Ambition"), lambda r: r.text),
                Column(N_("Term"), lambda r: r.term, lambda v: label(e.AfspraakTerm, v)),
                Column(N_("Noted on"), lambda r: r.noted_on),
            ),
            lambda p: p.ambitions,
            noun=N_("ambition"),
        )
        self.page.finish()
        self.voorinburgering.form.edited.connect(lambda _n: self._show_norms())
        self.retranslate_ui()

    def title(self) -> str:
        return _("Blauwe map (PID)")

    def _saver(self, section: str) -> Any:
        def save(values: dict[str, Any]) -> None:
            assert self.person is not None
            store, pid = self.ctx.store, self.person.id
            self.commit(lambda: set_section(store, pid, section, values))

        return save

    def _show_norms(self) -> None:
        """Each Voorinburgering hour field shows the norm and what is still missing."""
        form = self.voorinburgering.form
        for name, norm_name in HOUR_FIELDS:
            norm = float(getattr(RULES, norm_name))
            raw = form.value(name)
            try:
                done = float(str(raw).replace(",", ".")) if raw not in (None, "") else 0.0
            except ValueError:
                form.set_hint(name, "")
                continue
            text = _("{done} of the norm of {norm}").format(
                done=format_hours(done), norm=format_hours(norm)
            )
            form.set_hint(name, ("✓ " if done >= norm else "") + text, warning=done < norm)

    def refresh(self, person: Any) -> None:
        self._show_norms()


def _years(start: int | None, end: int | None) -> str:
    if start is None and end is None:
        return "—"
    return f"{start or '…'}–{end or '…'}"
