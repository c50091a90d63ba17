"""An unexpected exception in a command: a short message, exit code 1, a traceback in the log
file that holds the exception's type but not its message (which may quote personal data)."""

from __future__ import annotations

import argparse

from core import cli, paths
from core.logsetup import setup_logging

SECRET = "Amanuel Tesfay Gebremedhin 111222333"


def _boom(args: argparse.Namespace) -> int:
    def render_the_page(text: str) -> None:
        raise RuntimeError(text)  # the frame's source line is logged, the message is not

    render_the_page(SECRET)
    return 0


def test_unexpected_error_is_a_short_message_and_a_logged_traceback(monkeypatch, capsys):
    log_dir = paths.current().logs
    setup_logging(log_dir)
    monkeypatch.setitem(cli.STORELESS_COMMANDS, "boom", _boom)
    code = cli.run(argparse.Namespace(command="boom"))
    assert code == 1
    err = capsys.readouterr().err.strip()
    log_file = log_dir / "blauwemap.log"
    assert err == (f"main.py: an unexpected error occurred; details are in the log file {log_file}")
    logged = log_file.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in logged
    assert "render_the_page" in logged and "test_cli_unexpected_error.py" in logged
    assert "Amanuel" not in logged and "111222333" not in logged
