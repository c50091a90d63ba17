"""Screenshots of every view, as a person would see them on a given laptop screen, and a check that
nothing is clipped.

    .venv/bin/python scripts/screenshots.py [--screen 1366x768] [--scale 1.25] [--langs nl,ar,ti]
                                           [--out screenshots/1366x768@1.25] [--mode consultant]

The screen is Qt's offscreen platform with the given size in logical pixels (the physical size
divided by the scaling, minus a 40-pixel task bar), so 1366×768 at 150 % is a 911×472 desktop. The
main window starts as it would on that screen (its default size fitted to it), shows the demo
dossier, and every page is grabbed to ``OUT/<lang>/NN_<page>.png``, together with the first-start
dialog and the lock screen.

Exit code 1, with one line per problem, when the window does not fit the screen or a visible
label, button, check box or table header is narrower than its text (a clipped text). Nothing is
written outside OUT and a temporary data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TASKBAR = 40
TODAY = dt.date(2026, 11, 23)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screen", default="1366x768", help="physical size, WIDTHxHEIGHT")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling, e.g. 1.25")
    parser.add_argument("--langs", default="nl,ar,ti")
    parser.add_argument("--mode", choices=("consultant", "participant"), default="consultant")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        width, height = (int(x) for x in args.screen.lower().split("x"))
    except ValueError:
        parser.error(f"--screen takes WIDTHxHEIGHT, such as 1366x768 (got {args.screen!r})")
    if not 1.0 <= args.scale <= 3.0:
        parser.error("--scale is between 1.0 and 3.0")
    out = args.out or ROOT / "screenshots" / f"{width}x{height}@{args.scale:g}"
    if os.environ.get("BLAUWEMAP_SHOTS_CHILD") != "1":
        return _respawn(width, height, args.scale, argv)
    return _shoot(out, args.langs.split(","), args.mode)


def _respawn(width: int, height: int, scale: float, argv: list[str] | None) -> int:
    """Run again on an offscreen screen of the logical size (the platform is chosen at start)."""
    logical = {"width": round(width / scale), "height": round(height / scale) - TASKBAR}
    screen = {"name": "Laptop", "x": 0, "y": 0, **logical, "logicalDpi": 96, "dpr": 1}
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screens.json"
        config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            "BLAUWEMAP_SHOTS_CHILD": "1",
        }
        args = sys.argv[1:] if argv is None else argv
        return subprocess.run([sys.executable, __file__, *args], env=env).returncode


def _shoot(out: Path, langs: list[str], mode: str) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from core import paths
    from core.models.enums import ActorKind
    from core.services.demo import create_demo_dossier
    from core.services.store import Actor, Store
    from core.session import open_database
    from core.settings import Settings

    app = QApplication(sys.argv[:1])
    from gui.context import AppContext
    from gui.main_window import MainWindow

    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        app_paths = paths.init(tmp).ensure()
        actor = Actor(ActorKind.CONSULTANT.value, "Screenshots")
        store = Store(open_database(app_paths.database, None), actor)
        demo = create_demo_dossier(store, TODAY)
        settings = Settings(mode=mode, language="en")
        ctx = AppContext(store=store, settings=settings, today_override=TODAY)
        window = MainWindow(ctx)
        window.show()
        app.processEvents()
        screen = app.primaryScreen().availableGeometry()
        if not screen.contains(window.frameGeometry()):
            problems.append(f"window {window.frameGeometry()} does not fit the screen {screen}")
        try:
            for code in langs:
                problems += _shoot_language(app, window, demo, out / code, code)
        finally:
            window.set_language("en")
            window.close()
            store.db.close()
    for line in problems:
        print(line)
    print(f"{len(problems)} problems; screenshots in {out}", file=sys.stderr)
    return 1 if problems else 0


def _shoot_language(app, window, demo: int, folder: Path, code: str) -> list[str]:
    from gui.dialogs.first_start import CREATE, FirstStartDialog

    folder.mkdir(parents=True, exist_ok=True)
    window.set_language(code)
    problems: list[str] = []
    pages = []
    if window.caseload is not None:
        window.show_caseload()
        pages.append(("00_caseload", window.caseload))
    window.open_dossier(demo)
    for number, view in enumerate(window.views, start=1):
        pages.append((f"{number:02d}_{view.key}", view))
    for name, page in pages:
        window.show_page("caseload" if page is window.caseload else page.key)
        app.processEvents()
        window.grab().save(str(folder / f"{name}.png"))
        problems += [f"{code} {name}: {p}" for p in clipped(page)]
    from core import paths

    dialog = FirstStartDialog(window.ctx.settings, paths.current().database, CREATE)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(folder / "first_start.png"))
    problems += [f"{code} first start: {p}" for p in clipped(dialog)]
    dialog.close()
    return problems


def clipped(root) -> list[str]:
    """Visible texts narrower (or, wrapped, lower) than they need: what a person sees cut off."""
    from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel

    found: list[str] = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisibleTo(root) or not widget.text():
            continue
        text = widget.text().replace("\n", " ")[:50]
        if isinstance(widget, QLabel) and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 2:
                found.append(f"“{text}” needs {need} px height, has {widget.height()}")
        elif widget.sizeHint().width() > widget.width() + 2:
            found.append(f"“{text}” needs {widget.sizeHint().width()} px, has {widget.width()}")
    for header in root.findChildren(QHeaderView):
        if not header.isVisibleTo(root) or header.orientation().name != "Horizontal":
            continue
        model = header.model()
        if model is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            need = header.sectionSizeFromContents(section).width()
            has = header.sectionSize(section)
            title = str(model.headerData(section, header.orientation()))[:40]
            stretched = header.stretchLastSection() and section == header.count() - 1
            if need > has + 2 and not stretched:
                found.append(f"column “{title}” needs {need} px, has {has}")
    return found


if __name__ == "__main__":
    sys.exit(main())
