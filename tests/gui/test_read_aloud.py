"""Reading the map aloud: the system's speech engine in the person's language where it has a
voice (a real espeak-ng, which ./check installs), a calm word where it has none."""

from __future__ import annotations

import shutil

import pytest

from gui.read_aloud import render_wav, voice_for
from gui.views.overview import OverviewView
from tests.gui.conftest import make_context

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (./check installs it)"
)


def test_no_voice_for_tigrinya_or_somali():
    assert voice_for("ti") is None
    assert voice_for("so") is None


@needs_espeak
@pytest.mark.parametrize("code", ["nl", "ar", "fa", "fa_AF", "tr", "uk"])
def test_the_system_voice_speaks_the_language(code):
    wav = render_wav("Inburgering: de PIP, 16 uur per week.", code)
    assert wav is not None and wav.startswith(b"RIFF") and len(wav) > 10_000


def _overview(qtbot, store, demo_id):
    from core.services.dossiers import load_dossier

    view = OverviewView(make_context(store, "participant"))
    qtbot.addWidget(view)
    view.set_dossier(load_dossier(store, demo_id))
    view.show()
    return view


def test_participant_without_a_voice_is_told_calmly(qtbot, qapp, store, demo_id):
    from gui.i18n_qt import apply_language

    apply_language(qapp, "ti")
    try:
        view = _overview(qtbot, store, demo_id)
        assert view.read_row.isVisible()
        assert view.read_aloud() is False
        assert "ትግርኛ" in view.read_note.text()  # names the language in its own words
    finally:
        apply_language(qapp, "en")


@needs_espeak
def test_participant_hears_the_next_steps(qtbot, store, demo_id):
    view = _overview(qtbot, store, demo_id)
    text = view.spoken_text()
    assert "Register for the KNM exam" in text and "by " in text
    assert view.read_aloud() is True
    assert view.read_aloud() is False  # a second press stops it
    assert view.read_note.text() == ""


def test_consultants_do_not_get_the_button(qtbot, store, demo_id):
    from core.services.dossiers import load_dossier

    view = OverviewView(make_context(store, "consultant"))
    qtbot.addWidget(view)
    view.set_dossier(load_dossier(store, demo_id))
    view.show()
    assert not view.read_row.isVisible()
