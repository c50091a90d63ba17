"""Logging: named module loggers into a rotating file. Log lines never carry personal data:
messages name record ids and kinds, never names, BSN, V-numbers, notes or health data."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

LOG_FILE = "blauwemap.log"
MAX_BYTES = 1_000_000
BACKUPS = 3

# A second line of defence: messages are written without personal data, but an exception text
# from a library may quote a value. These shapes are masked before anything reaches the file.
_REDACTIONS = (
    (re.compile(r"(?<![\w.])(?:\d{9,10}|\d{4}\.\d{2}\.\d{3})(?![\w])"), "[number]"),  # BSN, V-nr
    (re.compile(r"(?<![\w+])(?:\+31|0031|0)[ \-]?\d{1,3}[ \-]?\d{6,8}(?!\w)"), "[phone]"),
    (re.compile(r"[^@\s<>()\[\]'\"]+@[^@\s<>()\[\]'\"]+\.[A-Za-z]{2,}"), "[email]"),
    (re.compile(r"“[^”]*”"), "“…”"),  # values quoted in the app's own messages
    (re.compile(r"\[parameters: .*?\](?=\n|$)", re.S), "[parameters hidden]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Masks BSN-, V-number- and phone-like digit runs, e-mail addresses and quoted values in
    the message, the traceback and the stack of every record the file handler writes."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RotatingFile(logging.FileHandler):
    """The log file; when a record would make it reach ``max_bytes`` it becomes ``.1`` (``.1``
    becomes ``.2``, … up to ``backups``) and a new file starts. What the standard library's
    RotatingFileHandler does, without importing logging.handlers (socket, pickle, queue…): the
    log is set up before the app's first window paints, and that import would delay it."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (a full disk, a read-only folder) is skipped: it must
        not print a traceback over the command's own message."""

    def _would_overflow(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.seek(0, os.SEEK_END)
        line = self.format(record) + self.terminator
        return size > 0 and size + len(line.encode("utf-8")) >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # FileHandler reopens it on the next emit
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if os.path.exists(base):
            if self.backups > 0:
                os.replace(base, f"{base}.1")
            else:
                os.remove(base)


def setup_logging(log_dir: Path, verbose: bool = False) -> None:
    handler: logging.Handler
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = RotatingFile(log_dir / LOG_FILE)
    except OSError:  # a read-only or full data folder: the command still says what is wrong
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
        if any(isinstance(f, RedactingFilter) for f in old.filters):
            old.close()  # our own log file from an earlier call: release the file
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
