"""Help → About Blauwe Map: the version from the package metadata, the EUPL, the data folder and
the third-party licences."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from core import __version__, about, i18n, paths

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_version_is_read_from_core():
    """One version: pyproject.toml takes it from core.__version__ (setuptools dynamic)."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        project = tomllib.load(fh)
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "core.__version__"}
    assert __version__.count(".") == 2


def test_version_comes_from_the_package_metadata(monkeypatch):
    monkeypatch.setattr(metadata, "version", lambda name: "9.8.7" if name == "blauwemap" else "")
    assert about.app_version() == "9.8.7"

    def not_installed(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    assert about.app_version() == __version__


@pytest.mark.parametrize("component", about.THIRD_PARTY, ids=lambda c: c.name)
def test_third_party_licences_match_what_the_packages_say(component):
    if component.text is not None:
        assert (about.LICENSES_DIR / component.text).is_file()
    if component.distribution is None:
        return
    meta = metadata.metadata(component.distribution)
    said = " ".join(
        [meta.get("License-Expression") or "", meta.get("License") or ""]
        + [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    ).lower()
    if not said.strip():  # sqlcipher3 states its licence only in its LICENSE file
        dist = metadata.distribution(component.distribution)
        said = " ".join(
            (f.read_text().lower() if (f := dist.locate_file(p)).is_file() else "")
            for p in dist.files or []
            if p.name.upper().startswith("LICENSE")
        )
        assert "provided 'as-is'" in said  # the zlib licence's words
        return
    expected = {"Apache-2.0": "apache", "PSF-2.0": "psf", "Zlib": "zlib"}.get(
        component.licence, component.licence.split("-")[0].lower()
    )
    assert expected in said


def test_the_licences_ship_in_resources():
    texts = {p.name for p in about.LICENSES_DIR.glob("*.txt")}
    assert {"EUPL-1.2.txt", "OFL-1.1.txt", "LGPL-3.0.txt", "GPL-3.0.txt"} <= texts
    assert (ROOT / "LICENSE").read_text(encoding="utf-8") == (
        about.LICENSES_DIR / "EUPL-1.2.txt"
    ).read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_help_menu_opens_the_about_dialog(ctx, make_window, qtbot, monkeypatch):
    from gui.dialogs import common
    from gui.dialogs.about_dialog import AboutDialog

    window = make_window(ctx)
    seen = []

    def record(dialog):
        qtbot.addWidget(dialog)
        seen.append(dialog)
        return False

    monkeypatch.setattr(common, "run_dialog", record)
    assert window.act_about in window.menu_help.actions()
    window.act_about.trigger()
    assert len(seen) == 1 and isinstance(seen[0], AboutDialog)
    dialog = seen[0]
    assert __version__ in dialog.heading.text()
    assert "EUPL" in dialog.summary.text()
    assert str(paths.current().data) in dialog.data.text()
    table = dialog.third_party.toPlainText()
    for component in about.THIRD_PARTY:
        assert component.name in table and component.licence in table
    assert "Software" in table


def test_about_dialog_in_arabic(qtbot):
    from gui.app import apply_language
    from gui.dialogs.about_dialog import AboutDialog

    apply_language("ar")
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() != "About Blauwe Map"
        assert "Third-party software included" not in dialog.third_party.toPlainText()
        assert "LGPL-3.0-only" in dialog.third_party.toPlainText()
    finally:
        apply_language("en")
    assert i18n.current_language().code == "en"
