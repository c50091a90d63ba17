"""DocumentsView: attach (off the GUI thread), errors shown clearly, open a private copy, save a
copy, link as evidence, delete with undo."""

from __future__ import annotations

import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from core import paths
from core.services.dossiers import load_dossier
from gui.dialogs import common
from gui.views import documents as docs_module
from gui.views.documents import DocumentsView
from tests.gui.section_support import save_shot, show_view

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def opened_urls(monkeypatch):
    urls = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True)
    )
    return urls


def _attach(qtbot, view, monkeypatch, path):
    monkeypatch.setattr(common, "ask_open_file", lambda *a, **k: str(path))
    qtbot.mouseClick(view.attach_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.attach_button.isEnabled() and view.status.text() != "Attaching…")


def test_attach_a_pdf(qtbot, store, demo_id, monkeypatch, tmp_path):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    path = tmp_path / "urenverklaring-december.pdf"
    path.write_bytes(PDF)
    _attach(qtbot, view, monkeypatch, path)
    stored = [d for d in load_dossier(store, demo_id).documents if d.filename == path.name]
    assert len(stored) == 1 and stored[0].kind == "urenverklaring" and stored[0].size == len(PDF)
    assert "Attached" in view.status.text()
    assert view.model.records[0].filename == path.name
    save_shot(view, "documents")


def test_a_file_of_the_wrong_type_or_too_large_is_explained(
    qtbot, store, demo_id, monkeypatch, tmp_path
):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    before = len(load_dossier(store, demo_id).documents)
    bad = tmp_path / "virus.exe"
    bad.write_bytes(b"MZ....")
    _attach(qtbot, view, monkeypatch, bad)
    assert "cannot be attached" in view.status.text()
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"not a pdf at all")
    _attach(qtbot, view, monkeypatch, fake)
    assert "do not match" in view.status.text()
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF" + b"0" * (docs_module.MAX_DOCUMENT_BYTES + 1))
    _attach(qtbot, view, monkeypatch, big)
    assert "too large" in view.status.text()
    assert len(load_dossier(store, demo_id).documents) == before


def test_open_writes_a_private_copy_in_the_data_folder(qtbot, store, demo_id, opened_urls):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    view.select_row(0)
    target = view.open_selected()
    assert target.parent == paths.current().data / "tmp"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"%PDF")
    assert opened_urls and opened_urls[0].toLocalFile() == str(target)
    docs_module.remove_opened()
    assert not target.exists()


def test_save_a_copy_as(qtbot, store, demo_id, monkeypatch, tmp_path):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    out = tmp_path / "copy.pdf"
    monkeypatch.setattr(common, "ask_save_file", lambda *a, **k: str(out))
    view.select_row(0)
    qtbot.mouseClick(view.save_copy_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")


def test_link_a_document_to_an_exam(qtbot, store, demo_id):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    person = load_dossier(store, demo_id)
    exam = next(x for x in person.exams if x.resultaat == "Gezakt")
    view.select_row(0)
    dialog = view.link_selected()
    dialog.choose("exam", exam.id)
    dialog.save()
    assert (
        next(x for x in load_dossier(store, demo_id).exams if x.id == exam.id).document_id
        == view.model.records[0].id
    )
    assert "exam" in view.links_text(view.model.records[0].id)


def test_delete_asks_first_and_can_be_undone(qtbot, store, demo_id, monkeypatch):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    title = view.model.records[0].title
    monkeypatch.setattr(common, "ask_yes_no", lambda *a, **k: False)
    view.select_row(0)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(load_dossier(store, demo_id).documents) == 1
    monkeypatch.setattr(common, "ask_yes_no", lambda *a, **k: True)
    view.select_row(0)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert load_dossier(store, demo_id).documents == []
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    restored = load_dossier(store, demo_id).documents
    assert [d.title for d in restored] == [title]


def test_undo_of_a_delete_restores_the_evidence_link(qtbot, store, demo_id, monkeypatch):
    view = show_view(qtbot, DocumentsView, store, demo_id)
    exam = next(x for x in load_dossier(store, demo_id).exams if x.resultaat == "Gezakt")
    view.select_row(0)
    dialog = view.link_selected()
    dialog.choose("exam", exam.id)
    dialog.save()
    monkeypatch.setattr(common, "ask_yes_no", lambda *a, **k: True)
    view.select_row(0)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert (
        next(x for x in load_dossier(store, demo_id).exams if x.id == exam.id).document_id is None
    )
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    person = load_dossier(store, demo_id)
    assert next(x for x in person.exams if x.id == exam.id).document_id == person.documents[0].id
    assert "exam" in view.links_text(person.documents[0].id)
