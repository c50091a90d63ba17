"""What the About dialog shows: the version, the licence and the third-party software the app
ships with their licences. Declared here once; the dialog and the licence tests read it."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from core import __version__
from core.paths import RESOURCES

LICENSE = "EUPL-1.2"
LICENSES_DIR = RESOURCES / "licenses"


def app_version() -> str:
    """The installed package's version; the source tree's ``core.__version__`` otherwise."""
    try:
        return metadata.version("blauwemap")
    except metadata.PackageNotFoundError:
        return __version__


@dataclass(frozen=True)
class Component:
    name: str
    licence: str  # SPDX identifier
    distribution: str | None = None  # the Python distribution whose METADATA states the licence
    text: str | None = None  # file in resources/licenses/


THIRD_PARTY: tuple[Component, ...] = (
    Component("Qt 6, PySide6", "LGPL-3.0-only", "PySide6-Essentials", "LGPL-3.0.txt"),
    Component("ICU (with Qt)", "Unicode-3.0"),
    Component("Noto fonts", "OFL-1.1", None, "OFL-1.1.txt"),
    Component("SQLCipher", "BSD-3-Clause"),
    Component("sqlcipher3", "Zlib", "sqlcipher3"),
    Component("SQLAlchemy", "MIT", "SQLAlchemy"),
    Component("Alembic", "MIT", "alembic"),
    Component("Babel, Unicode CLDR", "BSD-3-Clause", "Babel"),
    Component("ReportLab", "BSD-3-Clause", "reportlab"),
    Component("HarfBuzz, uharfbuzz", "Apache-2.0", "uharfbuzz", "Apache-2.0.txt"),
    Component("python-stdnum", "LGPL-2.1-or-later", "python-stdnum"),
    Component("jsonschema", "MIT", "jsonschema"),
    Component("icalendar", "BSD-2-Clause", "icalendar"),
    Component("platformdirs", "MIT", "platformdirs"),
    Component("psycopg, libpq", "LGPL-3.0-only", "psycopg", "LGPL-3.0.txt"),
    Component("cryptography", "Apache-2.0 OR BSD-3-Clause", "cryptography", "Apache-2.0.txt"),
    Component("pypdfium2, PDFium", "Apache-2.0 OR BSD-3-Clause", "pypdfium2", "Apache-2.0.txt"),
    Component("python-bidi", "LGPL-3.0-or-later", "python-bidi", "LGPL-3.0.txt"),
    Component("keyring", "MIT", "keyring"),
    Component("SecretStorage", "BSD-3-Clause", "SecretStorage"),
    Component("jeepney", "MIT", "jeepney"),
    Component("Python", "PSF-2.0"),
    Component("OpenSSL", "Apache-2.0", None, "Apache-2.0.txt"),
)
