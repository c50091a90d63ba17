"""Which validator should check an imported klantprofiel? (issue 14, item 6)

    .venv/bin/python -m bench.schema_validators [--repeat 20]

Compares, on the demo dossier's full JSON export (every section):

- ``fast_schema``: core/export/fast_schema.py, the hand-written "surely valid" check in use;
- ``fastjsonschema``: a compiled validator (code generated from the schema, then ``exec``-ed);
- ``jsonschema``: one cached ``Draft202012Validator``, as the fallback in core/export/json_io.py.

Each is measured for its import (a fresh interpreter, ``wall clock of
``import`` plus building the validator once: what the first import of a file costs) and for the
validation of the export (best of ``--repeat`` runs). Prints milliseconds and ratios to the fastest.
A validator that is not installed is reported as such: fastjsonschema is not in uv.lock (the
measurement kept fast_schema; see its docstring), so install it for this run only with
``uv pip install --python .venv/bin/python fastjsonschema`` (the next ``uv sync`` removes it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: import the validator and build it for the klantprofiel schema.
SETUP = {
    "fast_schema": (
        "from core.export.fast_schema import surely_valid\n"
        "from core.export.schema import load_schema\n"
        "schema = load_schema()\n"
    ),
    "fastjsonschema": (
        "import fastjsonschema\n"
        "from core.export.schema import load_schema\n"
        "check = fastjsonschema.compile(load_schema())\n"
    ),
    "jsonschema": (
        "import jsonschema\n"
        "from core.export.schema import load_schema\n"
        "check = jsonschema.Draft202012Validator(load_schema())\n"
    ),
}
BASELINE = "from core.export.schema import load_schema\nload_schema()\n"


def _fresh_ms(code: str, runs: int) -> float:
    """Best wall-clock milliseconds of ``code`` in a new interpreter (the interpreter's own
    start-up measured inside, so it is left out)."""
    timed = (
        "import time\nstart = time.perf_counter()\n"
        + code
        + "print((time.perf_counter() - start) * 1000)\n"
    )
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", timed],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def demo_export() -> dict[str, Any]:
    from core import paths
    from core.db import Database
    from core.export.sections import ALL_CODES
    from core.services import exports as ex
    from core.services.demo import create_demo_dossier
    from core.services.store import Store

    with tempfile.TemporaryDirectory() as folder:
        paths.init(Path(folder) / "data").ensure()
        db = Database.open(Path(folder) / "bench.db", None)
        try:
            store = Store(db)
            dossier = create_demo_dossier(store)
            out = Path(folder) / "demo.json"
            ex.export_dossier(store, dossier, "json", out, sections=ALL_CODES)
            return json.loads(out.read_bytes())
        finally:
            db.close()


def validators() -> dict[str, Callable[[dict[str, Any]], Any] | None]:
    from core.export.fast_schema import surely_valid
    from core.export.schema import load_schema

    schema = load_schema()
    found: dict[str, Callable[[dict[str, Any]], Any] | None] = {
        "fast_schema": lambda value: surely_valid(schema, value)
    }
    try:
        import fastjsonschema
    except ImportError:
        found["fastjsonschema"] = None
    else:
        found["fastjsonschema"] = fastjsonschema.compile(schema)
    import jsonschema

    found["jsonschema"] = jsonschema.Draft202012Validator(schema).validate
    return found


def _best_ms(check: Callable[[dict[str, Any]], Any], value: dict[str, Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        check(value)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.schema_validators")
    parser.add_argument("--repeat", type=int, default=20, help="validation runs (best counts)")
    parser.add_argument("--fresh-runs", type=int, default=5, help="fresh interpreters per import")
    args = parser.parse_args(argv)

    content = demo_export()
    size = len(json.dumps(content))
    baseline = _fresh_ms(BASELINE, args.fresh_runs)
    rows: dict[str, tuple[float, float] | None] = {}
    for name, check in validators().items():
        if check is None:
            rows[name] = None
            continue
        assert check(content) in (True, None, content), f"{name} refused the demo export"
        setup = _fresh_ms(SETUP[name], args.fresh_runs) - baseline
        rows[name] = (max(setup, 0.0), _best_ms(check, content, args.repeat))

    measured = {k: v for k, v in rows.items() if v is not None}
    # below 1 ms an import is within the noise of a fresh interpreter: ratios count it as 1 ms
    fastest_setup = max(min(v[0] for v in measured.values()), 1.0)
    fastest_check = min(v[1] for v in measured.values()) or 1e-9
    print(f"demo export, every section: {size:,} bytes of JSON")
    print(
        f"import+build leaves out loading the schema itself ({baseline:.0f} ms, the same for all)"
    )
    print(f"{'validator':<16}{'import+build ms':>16}{'ratio':>8}{'validate ms':>14}{'ratio':>8}")
    for name, row in rows.items():
        if row is None:
            print(f"{name:<16}{'not installed':>16}")
            continue
        setup, check_ms = row
        print(
            f"{name:<16}{setup:>16.1f}{max(setup, 1.0) / fastest_setup:>8.1f}"
            f"{check_ms:>14.2f}{check_ms / fastest_check:>8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
