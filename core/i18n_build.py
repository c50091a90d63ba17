"""Compile locales/*/LC_MESSAGES/messages.po into .mo files (run by the set-up scripts)."""

from __future__ import annotations

import io
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


def compile_in_memory(po_path: Path) -> io.BytesIO:
    """The ``.mo`` bytes of ``po_path``, for reading a catalogue without writing anything."""
    with po_path.open("rb") as fh:
        catalog = pofile.read_po(fh, locale=po_path.parent.parent.name)
    buf = io.BytesIO()
    mofile.write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return buf


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
