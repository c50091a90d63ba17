"""Printing straight from the app: the export dialog's Print… opens a print preview of the same PDF
and records the printout; every page reaches the printer with its ink (a real QPrinter writing
its own PDF, read back with poppler)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from core.export import pip_pdf
from core.services import exports as ex
from core.services.dossiers import load_dossier
from gui.dialogs.export_dialog import ExportDialog
from gui.printing import a4_printer, paint_pdf
from tests.conftest import TODAY


def _ink(png: bytes) -> int:
    image = QImage.fromData(png)
    step = 2
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y).lightness() < 128
    )


def test_every_page_of_the_arabic_pip_reaches_the_printer(qtbot, store, demo_id, tmp_path):
    buf = io.BytesIO()
    pip_pdf.render(load_dossier(store, demo_id), buf, "ar", today=TODAY)
    printer = a4_printer()
    printer.setOutputFormat(printer.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = paint_pdf(printer, buf.getvalue())
    assert pages >= 2
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is missing: ./check installs it")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(rf"^Pages:\s+{pages}$", info.stdout, re.MULTILINE)
    original = tmp_path / "original.pdf"
    original.write_bytes(buf.getvalue())
    printed, source = (_page_png(path) for path in (out, original))
    # The printed sheet carries the same ink as the PDF itself: nothing lost, nothing blank.
    assert _ink(source) > 0
    assert 0.9 <= _ink(printed) / _ink(source) <= 1.1


def _page_png(path) -> bytes:
    return subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(path)],
        capture_output=True,
        check=True,
    ).stdout


def test_print_button_opens_the_preview_and_records_the_printout(qtbot, store, demo_id):
    dialog = ExportDialog(store, demo_id, preferred_language="ar", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.consent.setChecked(True)
    assert not dialog.print_button.isEnabled()  # a JSON file is not printed
    dialog.format.setCurrentIndex(dialog.format.findData("pip-pdf"))
    assert dialog.print_button.isEnabled()
    before = len(ex.export_log(store, demo_id))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.isVisible()
    log = ex.export_log(store, demo_id)
    assert len(log) == before + 1
    assert log[-1].kind == "pip_pdf" and log[-1].recipient == "Printed on paper"
    dialog.preview.reject()
