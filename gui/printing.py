"""Printing the PID, the PIP and the klantprofiel straight from the app, with a print preview.

The documents are the same PDFs the export writes (core.services.exports.print_document); each page
is rasterised with PDFium at the printer's resolution (at most 300 dpi) and painted onto the
QPrinter, so what comes out of the printer is exactly what a saved PDF shows — Arabic and Ethiopic
shaping included — whatever printer driver the system has.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

MAX_DPI = 300
_FORMATS = {3: QImage.Format.Format_RGB888, 4: QImage.Format.Format_RGBA8888}


def paint_pdf(printer: QPrinter, data: bytes) -> int:
    """Paint every page of the PDF ``data`` onto ``printer``; return the number of pages."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        raise OSError("the printer could not be started")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        for index in range(len(document)):
            if index:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                _FORMATS[bitmap.n_channels],
            ).copy()  # own the pixels before PDFium frees its buffer
            page.close()
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), size.toSizeF()), image)
        return len(document)
    finally:
        painter.end()
        document.close()


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF carries its own margins
    return printer


def preview_and_print(parent: QWidget | None, data: bytes, title: str) -> QPrintPreviewDialog:
    """A print preview of the PDF ``data``; the person prints from it (or closes it)."""
    printer = a4_printer()
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_kept = printer  # type: ignore[attr-defined]  # the dialog does not own it
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda target: paint_pdf(target, data))
    return dialog
