"""The overview answers "what do I do next, and by when" for the demo dossier."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QProgressBar

from core.i18n import format_date, format_duration_days
from core.services.deadlines import dossier_overview
from core.services.dossiers import load_dossier
from gui.views.overview import OverviewView, clock_state, time_left_text
from tests.gui.conftest import TODAY, make_context


def show(qtbot, store, demo_id, mode="consultant"):
    ctx = make_context(store, mode)
    view = OverviewView(ctx)
    qtbot.addWidget(view)
    view.set_dossier(load_dossier(store, demo_id))
    view.resize(1000, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


def texts(widget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel) if lab.isVisible()]


def test_next_steps_and_clocks_with_time_left(qtbot, store, demo_id):
    view = show(qtbot, store, demo_id)
    assert "Amanuel Tesfay Gebremedhin" in view.heading.text()
    data = dossier_overview(load_dossier(store, demo_id), TODAY)
    steps = texts(view.boxes["steps"])
    first = data["next_steps"][0]
    assert first.text() in steps
    assert f"by {format_date(first.date)}" in steps
    clocks = texts(view.boxes["clocks"])
    running = [c for c in data["clocks"] if c.status == "open" and c.date]
    assert running
    for clock in running:
        left = view.findChild(QLabel, f"clock_left_{clock.kind}")
        assert left is not None
        assert clock.text() in clocks
    knm = next(c for c in running if c.kind == "exam_registration")
    assert time_left_text(knm, TODAY) == f"{format_duration_days(knm.days_left(TODAY))} left"
    assert clock_state(knm, TODAY) == "soon"  # within four weeks: amber


def test_hours_progress_exams_and_contact(qtbot, store, demo_id):
    view = show(qtbot, store, demo_id)
    data = dossier_overview(load_dossier(store, demo_id), TODAY)
    hours = [r for r in data["requirements"] if r.kind == "hours"]
    bars = view.boxes["hours"].findChildren(QProgressBar)
    assert len(bars) == len(hours) > 0
    for bar, req in zip(bars, hours, strict=True):
        assert bar.value() == int(req.fraction * 1000)
        assert bar.accessibleName() == req.text()
    exams = texts(view.boxes["exams"])
    assert any("free attempt" in t for t in exams)
    assert any(t.startswith("KNM") for t in exams)
    contact = " ".join(texts(view.boxes["contact"]))
    assert "M. de Vries" in contact and "Gemeente Enschede" in contact


def test_participant_mode_uses_simple_words_and_bigger_text(qtbot, store, demo_id):
    view = show(qtbot, store, demo_id, "participant")
    assert view.title() == "What to do now"
    titles = [box.title() for box in view.findChildren(QGroupBox)]
    assert "What to do next" in titles and "Your exams" in titles
    label = view.boxes["steps"].findChildren(QLabel)[1]
    from gui import style

    # 1.3 times the system font (1.1 for consultants), not a fixed size
    assert f"font-size: {style.points(1.3)}pt" in label.styleSheet()
    assert style.points(1.3) > style.base_pt()


def test_no_dossier_shows_a_plain_message(qtbot, store):
    view = OverviewView(make_context(store))
    qtbot.addWidget(view)
    view.set_dossier(None)
    assert view.heading.text() == "No dossier open"
    assert all(box.isHidden() for box in view.boxes.values())


def test_each_clock_says_which_start_date_it_uses(qtbot, store, demo_id):
    view = show(qtbot, store, demo_id)
    name = view.boxes["clocks"].findChild(QLabel, "clock_name_termijn_end")
    tip = name.toolTip()
    assert "the date of the first PIP" in tip and "Wet inburgering 2021, art. 11" in tip
    assert "seed" not in tip


def test_each_next_step_shows_the_pictogram_of_its_part_of_the_map(qtbot, store, demo_id):
    """'Plan the exam' carries the exams picture, hours to go the hours picture; an urgent
    step keeps the warning sign. Every picture is one of the navigation's own icons."""
    from core.paths import RESOURCES
    from core.rules.next_step import STEP_TEXTS
    from gui.views.overview import STEP_PICTOGRAMS

    assert set(STEP_PICTOGRAMS) <= set(STEP_TEXTS)
    assert all((RESOURCES / "icons" / f"{name}.svg").is_file() for name in STEP_PICTOGRAMS.values())
    view = show(qtbot, store, demo_id, "participant")
    steps = dossier_overview(load_dossier(store, demo_id), TODAY)["next_steps"][:6]
    shown = [
        lab.property("pictogram")
        for lab in view.boxes["steps"].findChildren(QLabel)
        if lab.property("pictogram")
    ]
    expected = ["urgent" if s.urgent else STEP_PICTOGRAMS.get(s.code, "step") for s in steps]
    assert shown == expected
    assert any(name not in ("urgent", "step") for name in shown)


def test_each_requirement_shows_the_pictogram_of_its_part(qtbot, store, demo_id):
    """The MAP's lines carry the briefcase, the participatieverklaring's the signed page, and
    every picture exists as an icon of the app."""
    from core.paths import RESOURCES
    from core.rules.requirements import LABELS
    from gui.views.overview import REQUIREMENT_PICTOGRAMS

    assert set(REQUIREMENT_PICTOGRAMS) <= set(LABELS)
    names = set(REQUIREMENT_PICTOGRAMS.values()) | {"hours"}
    assert all((RESOURCES / "icons" / f"{name}.svg").is_file() for name in names)
    view = show(qtbot, store, demo_id, "participant")
    reqs = dossier_overview(load_dossier(store, demo_id), TODAY)["requirements"]
    shown = [
        lab.property("pictogram")
        for lab in view.boxes["hours"].findChildren(QLabel)
        if lab.property("pictogram")
    ]
    assert shown == [
        REQUIREMENT_PICTOGRAMS.get(r.code, "hours") for r in reqs if r.kind == "hours"
    ] + [REQUIREMENT_PICTOGRAMS.get(r.code, "hours") for r in reqs if r.kind != "hours"]
    assert {"map", "pvt"} & set(shown), shown
