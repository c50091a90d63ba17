"""The first screen of a dossier: "what do I do next, and by when" at a glance.

Next steps first, then every clock with the time left and a status colour, progress bars for the
hours requirements, the exam status per onderdeel and the vaste aanspreekpunt. In participant mode
the text is bigger and the words simpler; nothing here edits data.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.i18n import (
    _,
    current_language,
    format_date,
    format_duration_days,
    format_hours,
    isolate,
    ngettext,
)
from core.labels import label
from core.models import enums as e
from core.rules.clocks import DONE, OVERDUE, Clock, start_event_text
from core.rules.exams import ExamStatus, exam_status
from core.services.deadlines import dossier_overview
from gui import style
from gui.icons import icon, icon_pixmap
from gui.views.base import DossierView
from gui.widgets.panel import ScrollPage, SelectableLabel, heading

if TYPE_CHECKING:
    from core.models import Person
    from gui.context import AppContext

SOON_DAYS = 28  # a running clock closer than four weeks is shown in amber
COLOURS = {
    "overdue": "error",
    "soon": "warning",
    "open": "info",
    "done": "ok",
}


def clock_state(clock: Clock, today: dt.date) -> str:
    if clock.status == DONE:
        return "done"
    if clock.status == OVERDUE:
        return "overdue"
    left = clock.days_left(today)
    return "soon" if left is not None and left <= SOON_DAYS else "open"


def time_left_text(clock: Clock, today: dt.date) -> str:
    if clock.status == DONE:
        return _("Done")
    left = clock.days_left(today)
    if left is None:
        return _("No date yet")
    if left == 0:
        return _("Today")
    duration = format_duration_days(left)
    if left < 0:
        return _("{duration} late").format(duration=duration)
    return _("{duration} left").format(duration=duration)


def exam_text(status: ExamStatus) -> str:
    if status.exempt:
        return _("Exempted")
    if status.passed:
        return _("Passed ({level})").format(level=status.passed_level or "—")
    if status.next_planned:
        return _("Planned on {date}").format(date=format_date(status.next_planned))
    if status.attempts:
        return _("Not passed yet")
    return _("Not planned yet")


def _clear(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


# The part of the map a next step belongs to, as the navigation shows it: a participant who
# reads little sees at a glance that "plan the exam" is about exams and "hours to go" about
# hours. An urgent step keeps the red warning sign instead.
STEP_PICTOGRAMS: dict[str, str] = {
    "register_exam": "exams",
    "ask_exam_result": "exams",
    "plan_exam": "exams",
    "bezwaar": "documents",
    "beroep": "documents",
    "zorgverzekering": "termijn",  # the start-up checklist is on the Termijn page
    "ask_pip": "pip",
    "wait_pip": "pip",
    "afspraak": "pip",
    "pvt": "pvt",
    "finish_intake": "intake",
    "map_hours": "map",
    "z_hours": "hours",
    "ona_hours": "hours",
    "termijn_soon": "termijn",
    "termijn_over": "termijn",
    "verlenging_pending": "termijn",
    "vaste_aanspreekpunt": "contacts",
    "map_eindgesprek": "map",
    "z_eindgesprek": "contacts",
}


# Each requirement's part of the traject, beside its line in "Your hours": the MAP's briefcase,
# the participatieverklaring's signed page, the clock for lesson hours.
REQUIREMENT_PICTOGRAMS: dict[str, str] = {
    "map_praktijk": "map",
    "map_eindgesprek": "map",
    "pvt_hours": "pvt",
    "pvt_signed": "pvt",
    "exam": "exams",
}


class OverviewView(DossierView):
    key = "overview"
    icon_name = "overview"
    participant_visible = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.page = ScrollPage(self)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page)
        self.heading = heading(self, 1.8)
        self.page.add(self.heading)
        # Reading aloud, for people who read little (participant mode): gui/read_aloud.py
        self.read_row = QWidget(self.page.inner)
        row = QHBoxLayout(self.read_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.read_button = QPushButton(icon("speak"), "", self.read_row)
        self.read_button.setObjectName("read_aloud")
        self.read_button.setMinimumHeight(44)
        self.read_button.clicked.connect(self.read_aloud)
        self.read_note = QLabel(self.read_row)
        self.read_note.setWordWrap(True)
        row.addWidget(self.read_button)
        row.addWidget(self.read_note, 1)
        self.page.add(self.read_row)
        self._reading: Any = None  # the speech process while it reads
        self.boxes: dict[str, QGroupBox] = {}
        self.layouts: dict[str, QVBoxLayout | QGridLayout] = {}
        for key, grid in (
            ("steps", True),
            ("clocks", True),
            ("hours", True),
            ("exams", True),
            ("contact", False),
        ):
            box = QGroupBox(self.page.inner)
            box.setObjectName(f"overview_{key}")
            lay: QVBoxLayout | QGridLayout = QGridLayout(box) if grid else QVBoxLayout(box)
            lay.setSpacing(8)
            self.boxes[key] = box
            self.layouts[key] = lay
            self.page.add(box)
        self.page.finish()
        ctx.signals.mode_changed.connect(lambda _m: self.refresh())
        self.retranslate_ui()

    def title(self) -> str:
        return _("Overview") if self.ctx.consultant_mode else _("What to do now")

    def set_dossier(self, person: Person | None) -> None:
        super().set_dossier(person)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.read_button.setText(_("Read aloud"))
        self.read_note.setText("")
        self.refresh()

    def spoken_text(self) -> str:
        """What reading aloud says: the heading and the next steps with their dates."""
        if self.person is None:
            return ""
        lines = [self.heading.text().replace("\u2068", "").replace("\u2069", "")]
        for step in dossier_overview(self.person, self.ctx.today())["next_steps"][:6]:
            line = step.text()
            if step.date:
                line += ", " + _("by {date}").format(date=format_date(step.date, "long"))
            lines.append(line)
        return ".\n".join(lines) + "."

    def read_aloud(self) -> bool:
        """Read the next steps aloud in the screen's language, or say calmly why not."""
        from gui.read_aloud import speak

        if self._reading is not None and self._reading.poll() is None:
            self._reading.terminate()  # a second press stops it
            self._reading.wait(5)
            self._reading = None
            return False
        code = current_language().code
        self._reading = speak(self.spoken_text(), code)
        if self._reading is None:
            self.read_note.setText(
                _(
                    "This computer has no voice for {language}. Someone you trust can read it "
                    "with you."
                ).format(language=current_language().native_name)
            )
            return False
        self.read_note.setText("")
        return True

    # ------------------------------------------------------------------ building
    def _font_pt(self) -> float:
        return style.points(1.1 if self.ctx.consultant_mode else 1.3)

    def _label(self, text: str, *, bold: bool = False, colour: str = "") -> QLabel:
        lab = SelectableLabel(text, self)
        sheet = f"font-size: {self._font_pt()}pt;"
        if bold:
            sheet += " font-weight: bold;"
        if colour:
            sheet += " " + style.colour_css(colour)
        lab.setStyleSheet(sheet)
        return lab

    def _icon(self, name: str) -> QLabel:
        lab = QLabel(self)
        lab.setProperty("pictogram", name)
        size = 22 if self.ctx.consultant_mode else 28
        lab.setPixmap(icon_pixmap(name, size))
        lab.setFixedSize(size + 4, size + 4)
        return lab

    def _pictogram_line(self, code: str, text: str, *, colour: str = "") -> QWidget:
        """A requirement's pictogram (REQUIREMENT_PICTOGRAMS, or the clock) before its text."""
        line = QWidget(self)
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._icon(REQUIREMENT_PICTOGRAMS.get(code, "hours")))
        label = self._label(text, colour=colour)
        label.setObjectName(f"requirement_{code}")
        row.addWidget(label, 1)
        return line

    def refresh(self) -> None:
        participant = not self.ctx.consultant_mode
        self.read_row.setVisible(participant and self.person is not None)
        box_titles = {
            "steps": _("What to do next") if participant else _("Next steps"),
            "clocks": _("Dates to keep") if participant else _("Deadlines (clocks)"),
            "hours": _("Your hours") if participant else _("Hours and requirements"),
            "exams": _("Your exams") if participant else _("Exams per part"),
            "contact": _("Your contact person") if participant else _("Vaste aanspreekpunt"),
        }
        for key, box in self.boxes.items():
            box.setTitle(box_titles[key])
            box.setStyleSheet(
                f"QGroupBox {{ font-size: {self._font_pt() + 1}pt; font-weight: bold; }}"
            )
            _clear(self.layouts[key])
        person = self.person
        if person is None:
            self.heading.setText(_("No dossier open"))
            for box in self.boxes.values():
                box.hide()
            return
        for box in self.boxes.values():
            box.show()
        self.heading.setText(_("Overview for {name}").format(name=isolate(person.display_name)))
        today = self.ctx.today()
        data = dossier_overview(person, today)
        self._fill_steps(data["next_steps"], today)
        self._fill_clocks(data["clocks"], today)
        self._fill_hours(data["requirements"])
        self._fill_exams(exam_status(data["facts"], today))
        self._fill_contact(person)
        for lay in self.layouts.values():  # new children of a shown widget start hidden
            for i in range(lay.count()):
                item = lay.itemAt(i)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.show()
            lay.activate()
        self.page.column.activate()
        self.page.inner.adjustSize()

    def _fill_steps(self, steps: list, today: dt.date) -> None:
        lay = self.layouts["steps"]
        assert isinstance(lay, QGridLayout)
        if not steps:
            lay.addWidget(self._label(_("Nothing to do right now.")), 0, 0, 1, 3)
            return
        for row, step in enumerate(steps[:6]):
            colour = COLOURS["overdue"] if step.urgent else ""
            picture = "urgent" if step.urgent else STEP_PICTOGRAMS.get(step.code, "step")
            lay.addWidget(self._icon(picture), row, 0)
            text = self._label(step.text(), bold=step.urgent, colour=colour)
            text.setObjectName(f"step_{step.code}")
            lay.addWidget(text, row, 1)
            if step.date:
                when = self._label(
                    _("by {date}").format(date=format_date(step.date)),
                    bold=step.urgent,
                    colour=colour,
                )
                lay.addWidget(when, row, 2)
        lay.setColumnStretch(1, 1)

    def _fill_clocks(self, clocks: list[Clock], today: dt.date) -> None:
        lay = self.layouts["clocks"]
        assert isinstance(lay, QGridLayout)
        if not clocks:
            lay.addWidget(self._label(_("No dates yet.")), 0, 0)
            return
        # Running clocks first (soonest first), then the ones already done.
        order = sorted(
            clocks,
            key=lambda c: (c.status == DONE, c.date or dt.date.max),
        )
        for row, clock in enumerate(order):
            state = clock_state(clock, today)
            colour = COLOURS[state]
            dot = QLabel("●", self)
            dot.setStyleSheet(style.colour_css(colour) + f" font-size: {self._font_pt() + 2}pt;")
            dot.setAccessibleName(state)
            lay.addWidget(dot, row, 0)
            name = self._label(clock.text())
            name.setObjectName(f"clock_name_{clock.kind}")
            if clock.start is not None:  # which start date the clock uses, and its source
                name.setToolTip(
                    _("Counts from {event} ({date}). Source: {source}").format(
                        event=start_event_text(clock.start_event),
                        date=format_date(clock.start),
                        source=clock.source,
                    )
                )
            lay.addWidget(name, row, 1)
            lay.addWidget(self._label(format_date(clock.date)), row, 2)
            left = self._label(time_left_text(clock, today), bold=state != "done", colour=colour)
            left.setObjectName(f"clock_left_{clock.kind}")
            lay.addWidget(left, row, 3)
        lay.setColumnStretch(1, 1)

    def _fill_hours(self, reqs: list) -> None:
        lay = self.layouts["hours"]
        assert isinstance(lay, QGridLayout)
        rows = [r for r in reqs if r.kind == "hours"]
        others = [r for r in reqs if r.kind != "hours"]
        for i, req in enumerate(rows):
            lay.addWidget(self._pictogram_line(req.code, req.text()), i, 0)
            bar = QProgressBar(self)
            bar.setRange(0, 1000)
            bar.setValue(int(req.fraction * 1000))
            bar.setTextVisible(False)
            bar.setMinimumWidth(160)
            bar.setAccessibleName(req.text())
            lay.addWidget(bar, i, 1)
            done_text = _("{done} of {required}").format(
                done=format_hours(req.done), required=format_hours(req.required)
            )
            lay.addWidget(self._label(done_text, colour=COLOURS["done"] if req.met else ""), i, 2)
        start = len(rows)
        for j, req in enumerate(others):
            mark = "✓" if req.met else "○"
            colour = COLOURS["done"] if req.met else ""
            line = self._pictogram_line(req.code, f"{mark} {req.text()}", colour=colour)
            lay.addWidget(line, start + j, 0, 1, 3)
        if not reqs:
            lay.addWidget(self._label(_("No requirements known yet (no PIP).")), 0, 0)
        lay.setColumnStretch(0, 2)
        lay.setColumnStretch(1, 2)

    def _fill_exams(self, statuses: list[ExamStatus]) -> None:
        lay = self.layouts["exams"]
        assert isinstance(lay, QGridLayout)
        if not statuses:
            lay.addWidget(self._label(_("No exams needed or planned yet.")), 0, 0)
            return
        for row, st in enumerate(statuses):
            lay.addWidget(self._icon("done" if st.passed or st.exempt else "exams"), row, 0)
            name = label(e.Onderdeel, st.onderdeel)
            if st.required_level:
                name = _("{part} (level {level})").format(part=name, level=st.required_level)
            lay.addWidget(self._label(name), row, 1)
            colour = COLOURS["done"] if st.passed or st.exempt else ""
            lay.addWidget(self._label(exam_text(st), colour=colour), row, 2)
            free = (
                ngettext("{n} free attempt left", "{n} free attempts left", st.free_left).format(
                    n=st.free_left
                )
                if st.free_left is not None
                else _("Pays own exams")
            )
            lay.addWidget(self._label("" if st.passed or st.exempt else free), row, 3)
        lay.setColumnStretch(1, 2)
        lay.setColumnStretch(2, 2)

    def _fill_contact(self, person: Person) -> None:
        lay = self.layouts["contact"]
        assert isinstance(lay, QVBoxLayout)
        fixed = [c for c in person.contacts if c.is_vaste_aanspreekpunt]
        if not fixed:
            lay.addWidget(
                self._label(_("No fixed contact person recorded yet."), colour=COLOURS["soon"])
            )
            return
        c = fixed[0]
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self._icon("contacts"))
        parts = [isolate(c.name)]
        if c.organisation:
            parts.append(isolate(c.organisation))
        for extra in (c.phone, c.email):
            if extra:
                parts.append(isolate(extra))
        h.addWidget(self._label(" · ".join(parts), bold=True), 1)
        lay.addWidget(row)


__all__ = ["OverviewView"]
