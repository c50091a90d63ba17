"""The blauwe map / PID: the azc phase, COA locations, Voorinburgering, trainings, skills,
education, work and ambitions (DOMAIN.md §3, §11; seed 000 L686-765)."""

from __future__ import annotations

from typing import Any

from core import models as m
from core.i18n import N_, _, format_hours
from core.labels import label
from core.models import enums as e
from core.rules.table import RULES
from core.services.records import SECTIONS, set_section
from gui.views.section_base import SectionView
from gui.widgets.form import specs_for
from gui.widgets.record_table import Column

AZC = specs_for(m.AzcPhase)
HOUR_FIELDS = (
    ("nt2_hours", "voorinburgering_nt2_hours"),
    ("knm_hours", "voorinburgering_knm_hours"),
    ("intromap_hours", "voorinburgering_intromap_hours"),
    ("begeleiding_hours", "voorinburgering_begeleiding_hours"),
)
VOORINBURGERING = specs_for(m.Voorinburgering)
COA_LOCATION = specs_for(m.CoaLocation)
TRAINING = specs_for(m.Training)
SKILL = specs_for(m.Skill)
EDUCATION = specs_for(m.Education)
WORK = specs_for(m.WorkExperience)
AMBITION = specs_for(m.Ambition)


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
            self.commit_checked(
                SECTIONS[section],
                getattr(self.person, section),
                lambda base: set_section(store, pid, section, values, base_version=base),
            )

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
