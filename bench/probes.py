"""Measurements that need a fresh process: cold start (app vs a bare PySide6 window) and peak
memory. Run as ``python -m bench.probes memory DB`` inside the benchmark; not meant for users.

Cold start: the app is started as ``python main.py --data-dir D`` with the environment variable
``BLAUWEMAP_BENCH_EXIT_AFTER_PAINT=1``. The app then prints ``PAINTED <time.monotonic()>`` on
stdout after the first paint of its main window and quits. The bare baseline does the same with
an empty QMainWindow. Both clocks are the system's monotonic clock, so the parent subtracts the
moment it spawned the process.
"""

from __future__ import annotations

import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

EXIT_AFTER_PAINT = "BLAUWEMAP_BENCH_EXIT_AFTER_PAINT"
MARKER = "PAINTED"
ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 720)

class FirstPaint(QObject):
    done = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("{MARKER}", time.monotonic(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

spy = FirstPaint()
window.installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""


def _env(passphrase: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[EXIT_AFTER_PAINT] = "1"
    env.pop("BLAUWEMAP_PASSPHRASE", None)
    if passphrase is not None:
        env["BLAUWEMAP_PASSPHRASE"] = passphrase
    # The warm-up run writes the bytecode an installed app has; with this set (some sandboxes
    # and CI set it) every measured start would compile the app's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_to_paint(
    cmd: list[str], timeout: float, passphrase: str | None = None
) -> tuple[float | None, str]:
    """Milliseconds from spawning ``cmd`` to its PAINTED line, or (None, why)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=_env(passphrase),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None, (
            f"no {MARKER} line within {timeout:.0f} s: does the app honour {EXIT_AFTER_PAINT}=1?"
        )
    for line in out.splitlines():
        if line.startswith(MARKER):
            try:
                return (float(line.split()[1]) - start) * 1000, ""
            except (IndexError, ValueError):
                break
    tail = (err.strip().splitlines() or ["no output"])[-1][:160]
    return None, f"exited with code {proc.returncode} without a {MARKER} line ({tail})"


def gui_available() -> str:
    """Empty when the app's GUI entry point exists, else why not."""
    if importlib.util.find_spec("gui.app") is None:
        return "gui/app.py does not exist yet"
    source = (ROOT / "gui" / "app.py").read_text(encoding="utf-8")
    if "def run_gui" not in source:
        return "gui.app.run_gui does not exist yet"
    sources = [ROOT / "main.py", *(ROOT / "gui").rglob("*.py")]
    if EXIT_AFTER_PAINT not in "".join(
        p.read_text(encoding="utf-8", errors="ignore") for p in sources
    ):
        return f"the app does not honour {EXIT_AFTER_PAINT} yet"
    return ""


def prepare_data_dir(data_dir: Path) -> None:
    """Settings that open the caseload straight away (consultant mode, no first-run questions)."""
    settings = {
        "mode": "consultant",
        "language": "en",
        "consultant_name": "Bench",
        "demo_offered": True,
        "encrypted": False,
    }
    (data_dir / "settings.json").write_text(json.dumps(settings), encoding="utf-8")


def encrypted_copy(plain: Path, target: Path, passphrase: str) -> None:
    """``plain`` (an SQLite file) copied into a new SQLCipher file with the app's default
    cipher settings, as the app makes every new database."""
    import sqlcipher3

    target.unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(plain))
    try:
        conn.execute("ATTACH DATABASE ? AS enc KEY ?", (str(target), passphrase))
        conn.execute("SELECT sqlcipher_export('enc')")
        conn.execute("DETACH DATABASE enc")
    finally:
        conn.close()


def cold_start(
    data_dir: Path, runs: int, timeout: float = 60.0, passphrase: str | None = None
) -> dict[str, Any]:
    """Best time to first paint of the app and of the bare window, run alternately; with
    ``passphrase``, the app's (encrypted) database is unlocked from the environment."""
    why = gui_available()
    if why:
        return {"error": why}
    prepare_data_dir(data_dir)
    bare_cmd = [sys.executable, "-c", BARE_WINDOW]
    app_cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)]
    for cmd in (bare_cmd, app_cmd):  # warm-up: bytecode and the OS file cache
        _ms, why = time_to_paint(cmd, timeout, passphrase if cmd is app_cmd else None)
        if why:
            return {"error": ("bare window: " if cmd is bare_cmd else "app: ") + why}
    bare: list[float] = []
    app: list[float] = []
    for _ in range(runs):
        for cmd, into in ((bare_cmd, bare), (app_cmd, app)):
            ms, why = time_to_paint(cmd, timeout, passphrase if cmd is app_cmd else None)
            if ms is None:
                return {"error": why}
            into.append(ms)
    return {
        "app_ms": min(app),
        "bare_ms": min(bare),
        "app_runs": app,
        "bare_runs": bare,
    }


MEMORY_ENV = "BLAUWEMAP_BENCH_MEMORY"
MEMORY_MARKER = "MEMORY"
BARE_WINDOW_MEMORY = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 720)
window.show()

def report():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            print("{MEMORY_MARKER}", line.split()[1], flush=True)
    app.quit()

QTimer.singleShot(200, report)
sys.exit(app.exec())
"""


def _peak_of(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float | None, str]:
    """The MB a process reports on its MEMORY line, or (None, why)."""
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None, f"no {MEMORY_MARKER} line within {timeout:.0f} s"
    for line in proc.stdout.splitlines():
        if line.startswith(MEMORY_MARKER):
            return int(line.split()[1]) / 1024, ""
    tail = (proc.stderr.strip().splitlines() or ["no output"])[-1][:160]
    return None, f"exited with code {proc.returncode} without a {MEMORY_MARKER} line ({tail})"


def app_memory(data_dir: Path, timeout: float = 120.0) -> dict[str, Any]:
    """Peak memory of the app showing the caseload with its attention column and every page
    built, and of a bare PySide6 window."""
    why = gui_available()
    if why:
        return {"error": why}
    prepare_data_dir(data_dir)
    env = _env()
    env.pop(EXIT_AFTER_PAINT, None)
    env[MEMORY_ENV] = "1"
    app_mb, why = _peak_of(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)], env, timeout
    )
    if app_mb is None:
        return {"error": "app: " + why}
    bare_mb, why = _peak_of([sys.executable, "-c", BARE_WINDOW_MEMORY], _env(), timeout)
    if bare_mb is None:
        return {"error": "bare window: " + why}
    return {"app_mb": app_mb, "bare_mb": bare_mb}


# --------------------------------------------------------------------------- memory
def _rss_mb() -> float:
    """Peak resident memory of this process. Linux keeps ``ru_maxrss`` across exec, so a child
    of the (large) benchmark process would report its parent's peak: read VmHWM instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 2**10  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


def memory_probe(db_path: str, baseline: bool) -> dict[str, float]:
    import datetime as dt

    from core.db import Database
    from core.services.clock_cache import first_open_clocks
    from core.services.deadlines import caseload_clocks
    from core.services.dossiers import count_dossiers, list_dossiers, load_dossier
    from core.services.store import Store

    store = Store(Database.open(Path(db_path), None))
    if not baseline:
        rows = list_dossiers(store, "", limit=50)
        count_dossiers(store, "")
        first_open_clocks(store, dt.date(2026, 11, 23))  # the caseload's attention column
        caseload_clocks(store, dt.date(2026, 11, 23))  # and every clock, as the CLI lists them
        load_dossier(store, rows[0].id)
    store.db.close()
    return {"rss_mb": _rss_mb()}


def memory(db_path: Path) -> dict[str, float]:
    out = {}
    for label, extra in (("baseline", ["--baseline"]), ("open", [])):
        proc = subprocess.run(
            [sys.executable, "-m", "bench.probes", "memory", str(db_path), *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        out[label] = json.loads(proc.stdout.strip().splitlines()[-1])["rss_mb"]
    return out


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "memory":
        print(json.dumps(memory_probe(sys.argv[2], "--baseline" in sys.argv[3:])))
    else:
        sys.exit("usage: python -m bench.probes memory DB [--baseline]")
