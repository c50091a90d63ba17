"""The one normal form of stored text: NFC, nothing invisible, one line where one is meant."""

from __future__ import annotations

import pytest

from core.rules.text import clean_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffAmanuel", "Amanuel"),  # a byte order mark pasted from a Windows file
        ("Ama\u200bnuel", "Amanuel"),  # zero width space
        ("\u200fيوسف\u200e", "يوسف"),  # stray direction marks
        ("Tesfay\u2060", "Tesfay"),  # word joiner
        ("e\ufeff\u0301", "é"),  # removed first, then composed (NFC)
        ("Jose\u0301", "José"),
        ("  Tesfay  ", "Tesfay"),
        ("Tesfay\nGebremedhin", "Tesfay Gebremedhin"),
        ("Tesfay \r\n  Gebremedhin", "Tesfay Gebremedhin"),
        ("Tesfay\tGebremedhin", "Tesfay Gebremedhin"),
        ("Tesfay\u2028Gebremedhin", "Tesfay Gebremedhin"),
        ("Tesfay\x85Gebremedhin", "Tesfay Gebremedhin"),  # NEL, the C1 line break
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian keeps its zero width non-joiner
    ],
)
def test_one_line_text(raw, expected):
    assert clean_text(raw, multiline=False) == expected


def test_multi_line_text_keeps_its_lines_in_one_spelling():
    assert clean_text("line 1\r\nline 2\rline 3\u2029line 4", multiline=True) == (
        "line 1\nline 2\nline 3\nline 4"
    )
    assert clean_text("a\tb\n\nc\ufeff", multiline=True) == "a\tb\n\nc"


@pytest.mark.parametrize(
    "bad",
    [
        "Bell\x07",
        "a\x00b",
        "esc\x1b",
        "del\x7f",
        "c1\x9b",
        "evil\u202ename",
        "\u2066x\u2069",
        "\ud800",
    ],
)
@pytest.mark.parametrize("multiline", [False, True])
def test_controls_and_overrides_are_refused(bad, multiline):
    with pytest.raises(ValueError, match="control characters"):
        clean_text(bad, multiline=multiline)
