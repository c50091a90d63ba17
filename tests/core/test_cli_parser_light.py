"""Building the command line's parser loads no SQLAlchemy, models or export code: the app's
window paints before the database layer is loaded (docs/benchmark.md, cold start)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.export import section_codes, sections

ROOT = Path(__file__).resolve().parents[2]
CHECK = """
import sys
import core.cli
args = core.cli.build_parser().parse_args(["--data-dir", "x", "export", "--dossier", "1",
                                           "--format", "json", "--out", "o.json"])
assert args.format == "json", args
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "jsonschema", "reportlab", "alembic") or m == "core.models")
print(heavy)
"""


def test_parser_loads_no_database_layer():
    proc = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]"


def test_sections_reexports_the_model_free_codes():
    assert sections.ALL_CODES == section_codes.ALL_CODES
    assert sections.FORMATS is section_codes.FORMATS
    assert "health" in sections.ALL_CODES and "health" not in sections.DEFAULT_CODES
    assert sections.BY_CODE["hours"].lists == ("hour",)
