"""BSN elfproef and V-nummer format (core.rules.bsn)."""

from __future__ import annotations

import pytest
from stdnum.nl import bsn as stdnum_bsn

from core.rules.bsn import is_valid_bsn, is_valid_v_nummer, normalize_bsn


@pytest.mark.parametrize(
    "value",
    [
        "111222333",  # the well-known test number: 9+8+7+12+10+8+9+6-3 = 66 = 6·11
        "123456782",  # 9+16+21+24+25+24+21+16-2 = 154 = 14·11
        "1112.22.333",
        "111 222 333",
        "111-222-333",
        "12345672",  # 8 digits: a leading zero was dropped (012345672)
    ],
)
def test_valid_bsns(value):
    assert is_valid_bsn(value)
    assert stdnum_bsn.is_valid(value)


@pytest.mark.parametrize(
    "value",
    [
        "111222334",  # one digit off
        "123456789",  # fails the eleven-test
        "000000000",  # passes the arithmetic but is not a BSN
        "11122233",  # 8 digits whose zero-padded form fails
        "1112223333",  # 10 digits
        "12345",
        "",
        "11122233a",
        "١١١٢٢٢٣٣٣",  # Arabic-Indic digits are digits to Python, but not a BSN
    ],
)
def test_invalid_bsns(value):
    assert not is_valid_bsn(value)


def test_normalize_bsn():
    assert normalize_bsn("111.222.333") == "111222333"
    assert normalize_bsn(" 1234 5672 ") == "012345672"
    assert normalize_bsn("12-34") == "1234"


def test_known_stdnum_agreement_on_check_digit_variants():
    base = "11122233"
    valid = [d for d in "0123456789" if is_valid_bsn(base + d)]
    assert valid == ["3"]
    assert [d for d in "0123456789" if stdnum_bsn.is_valid(base + d)] == valid


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2701234567", True),
        ("27 0123 4567", True),
        ("270-123-4567", True),
        ("270123456", False),
        ("27012345678", False),
        ("27012345a7", False),
        ("", False),
    ],
)
def test_v_nummer(value, ok):
    assert is_valid_v_nummer(value) is ok


def test_the_elfproef_is_python_stdnums(monkeypatch):
    """The check digit is python-stdnum's, not a second hand-written elfproef."""
    seen = []
    monkeypatch.setattr(stdnum_bsn, "is_valid", lambda number: seen.append(number) or True)
    assert is_valid_bsn("1112.22.334")  # the stand-in accepts what the real one refuses
    assert seen == ["111222334"]


def test_short_numbers_that_stdnum_would_pad_are_not_bsns():
    short = next(str(n) for n in range(1, 10_000) if stdnum_bsn.is_valid(str(n)))
    assert not is_valid_bsn(short)
