"""main.py export / import."""

from __future__ import annotations

import json

from tests.core.export_support import pdf_pages
from tests.core.test_cli import (  # noqa: F401  (fixtures)
    _restore_logging,
    data_dir,
    run,
    slow_data_dir,
)


def test_export_every_format_and_import(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    code, _out, _err = run(capsys, *base, "demo", "--today", "2026-11-23")
    assert code == 0
    code, out, err = run(
        capsys,
        *base,
        "export",
        "--dossier",
        "1",
        "--format",
        "json",
        "--out",
        str(tmp_path / "k.json"),
        "--today",
        "2026-11-23",
    )
    assert code == 0, err
    assert "only the non-sensitive sections" in err
    content = json.loads((tmp_path / "k.json").read_text(encoding="utf-8"))
    assert "health" not in content["secties"] and "identity" in content["secties"]
    for fmt in ("pdf", "pip-pdf", "pid-pdf", "ics"):
        code, out, err = run(
            capsys,
            *base,
            "export",
            "--dossier",
            "1",
            "--format",
            fmt,
            "--out",
            str(tmp_path / f"x.{fmt}"),
            "--sections",
            "identity,plicht,exams,pip,hours,contacts",
            "--recipient",
            "Gemeente Utrecht",
            "--today",
            "2026-11-23",
        )
        assert code == 0, err
        assert "SHA-256" in out
    assert "Amanuel" in pdf_pages(str(tmp_path / "x.pdf"))[0]
    code, out, err = run(capsys, *base, "import", str(tmp_path / "k.json"))
    assert code == 0
    assert "existing dossier" in out and "Nothing written" in err
    code, out, err = run(capsys, *base, "import", str(tmp_path / "k.json"), "--yes")
    assert code == 0 and "Imported into dossier 1" in out


def test_bad_arguments_and_bad_files(capsys, data_dir, tmp_path):  # noqa: F811
    base = ["--data-dir", str(data_dir)]
    run(capsys, *base, "demo", "--today", "2026-11-23")
    code, _out, err = run(
        capsys,
        *base,
        "export",
        "--dossier",
        "1",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "x.pdf"),
        "--sections",
        "identity,secrets",
    )
    assert code == 2 and "secrets" in err
    code, _out, err = run(
        capsys,
        *base,
        "export",
        "--dossier",
        "42",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and "does not exist" in err
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"formaat": "blauwemap-klantprofiel", "versie": 1, "export": {', encoding="utf-8"
    )
    code, _out, err = run(capsys, *base, "import", str(bad))
    assert code == 2 and "not valid JSON" in err
    code, _out, err = run(capsys, *base, "import", str(tmp_path / "missing.json"))
    assert code == 2 and "no file" in err


def test_import_refuses_a_pip_the_form_refuses_with_exit_code_2(capsys, data_dir, tmp_path):  # noqa: F811
    """Issue 15: the command line passes the same PIP gate: DUO rejects an onderwijsroute at
    A2, so nothing is written and the form's message is printed."""
    base = ["--data-dir", str(data_dir)]
    run(capsys, *base, "demo", "--today", "2026-11-23")
    out_file = tmp_path / "k.json"
    code, _out, err = run(
        capsys, *base, "export", "--dossier", "1", "--format", "json", "--out", str(out_file)
    )
    assert code == 0, err
    content = json.loads(out_file.read_text(encoding="utf-8"))
    content["secties"]["pip"]["pipVersies"][-1].update(
        leerroute="O", niveau="A2", geschatteIntensiteitB1Route=None
    )
    out_file.write_text(json.dumps(content), encoding="utf-8")
    code, out, err = run(capsys, *base, "import", str(out_file), "--yes")
    assert code == 2
    assert "DUO rejects level A2 with the onderwijsroute" in err
    assert "Imported" not in out
