"""Build hook for the wheel: lays the repository out as one installed package, ``blauwemap``.

The repository keeps its own layout (``main.py``, ``core/``, ``gui/``, ``locales/`` and
``resources/`` at the top, run as they are by ``./run`` and ``./check``). The wheel puts all of them
below ``site-packages/blauwemap/``, compiles the ``.po`` catalogues into ``.mo`` files there (so the
installed app never writes beside its own code), and adds ``blauwemap/launcher.py``, the entry point
of the ``blauwemap`` command. The launcher puts that folder first on ``sys.path`` for the app's own
process only, so the app's internal names ``core``, ``gui`` and ``main`` are never importable by, and
never collide with, other packages in the same environment.

Everything else (name, version, dependencies, the commands) is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PACKAGE = "blauwemap"
CODE = ("main.py", "core", "gui")
DATA = ("resources",)
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "*.tmp")

INIT = '''"""Blauwe Map, installed. The app's own modules live in this folder; see launcher.py."""
'''

LAUNCHER = '''"""Entry point of the installed ``blauwemap`` command (written by setup.py at build time).

The app's modules (``main``, ``core``, ``gui``) live in this package's folder, which is put first on
``sys.path`` of this process only; other packages in the environment never see those names.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _prepare() -> None:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))


def main() -> int:
    """``blauwemap [options] [subcommand]``: the window, or a subcommand for scripts."""
    _prepare()
    import main as app_main

    return app_main.main()


def main_gui() -> int:
    """``blauwemap-gui``: the same, started from a desktop menu (no console on Windows)."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
'''


class BuildPackage(build_py):
    """Copy the app into ``blauwemap/`` and compile its catalogues (no run-time writes)."""

    def run(self) -> None:
        target = Path(self.build_lib) / PACKAGE
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        (target / "__init__.py").write_text(INIT, encoding="utf-8")
        (target / "launcher.py").write_text(LAUNCHER, encoding="utf-8")
        for name in CODE + DATA:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=SKIP)
            else:
                shutil.copy2(source, target / name)
        compiled = compile_catalogues(HERE / "locales", target / "locales")
        self.announce(f"compiled {compiled} catalogues into {target / 'locales'}", level=2)


def compile_catalogues(source: Path, target: Path) -> int:
    try:
        from babel.messages import mofile, pofile
    except ImportError:  # pragma: no cover - build requirement, see pyproject.toml
        sys.exit(
            "Building Blauwe Map needs Babel: it is in [build-system] requires of pyproject.toml"
        )
    count = 0
    for po in sorted(source.glob("*/LC_MESSAGES/messages.po")):
        code = po.parent.parent.name
        with po.open("rb") as fh:
            catalog = pofile.read_po(fh, locale=code)
        out = target / code / "LC_MESSAGES" / "messages.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as fh:
            mofile.write_mo(fh, catalog, use_fuzzy=False)
        count += 1
    if count == 0:
        sys.exit(f"No catalogues found under {source}: the wheel would have no translations")
    return count


setup(
    packages=[PACKAGE],
    package_dir={PACKAGE: "."},  # build_py above fills the package; nothing is picked up by name
    include_package_data=False,
    zip_safe=False,
    cmdclass={"build_py": BuildPackage},
)
