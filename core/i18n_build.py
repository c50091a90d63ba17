"""Compile locales/*/LC_MESSAGES/messages.po into .mo files (run by the set-up scripts)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages import mofile, pofile

from core.paths import LOCALES


def compile_catalogue(po_path: Path, mo_path: Path) -> None:
    with po_path.open("rb") as fh:
        catalog = pofile.read_po(fh, locale=po_path.parent.parent.name)
    tmp = mo_path.with_suffix(".mo.tmp")
    with tmp.open("wb") as fh:
        mofile.write_mo(fh, catalog, use_fuzzy=False)
    tmp.replace(mo_path)


def compile_all(root: Path = LOCALES) -> list[Path]:
    done = []
    for po in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        compile_catalogue(po, mo)
        done.append(mo)
    return done


if __name__ == "__main__":
    built = compile_all()
    print(f"compiled {len(built)} catalogues")
    sys.exit(0)
