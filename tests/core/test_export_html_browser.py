"""The map for a phone in a real browser: Debian's chromium, headless, offline, via file://.

One browser session serves the whole module. Skipped, saying why, where chromium or its driver
is missing (./check installs both on Debian)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.export import html_map
from core.services.demo import DEMO_NAME
from core.services.dossiers import load_dossier
from tests.conftest import TODAY

DRIVER = Path("/usr/bin/chromedriver")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")

pytestmark = pytest.mark.skipif(
    not (DRIVER.exists() and BROWSER),
    reason="Debian's chromium and chromium-driver are not installed "
    "(apt-get install chromium chromium-driver)",
)

SECTIONS = ("identity", "plicht", "pip", "hours", "exams", "contacts")
PASS = "blue map on a phone"
NAME = " ".join(DEMO_NAME)


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(BROWSER)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    # Offline: no proxy is reachable, so nothing could be fetched even if the page asked.
    options.add_argument("--proxy-server=http://127.0.0.1:9")
    options.add_argument("--window-size=390,844")  # a phone's screen
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


def _open(browser, tmp_path, store, demo_id, lang, passphrase=None):
    page = html_map.render(
        load_dossier(store, demo_id), SECTIONS, lang=lang, today=TODAY, passphrase=passphrase
    )
    path = tmp_path / "map.html"
    path.write_bytes(page)
    browser.get(path.as_uri())
    return browser


def _wait(browser, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 30, poll_frequency=0.05).until(condition)


def test_the_open_map_shows_the_name_right_to_left(browser, tmp_path, store, demo_id):
    _open(browser, tmp_path, store, demo_id, "ar")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert browser.execute_script("return document.documentElement.lang") == "ar"
    text = browser.find_element("id", "map").text
    assert NAME in text and "المهل والمواعيد النهائية" in text  # "Clocks and deadlines"
    # Laid out for the phone: nothing wider than the screen.
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth"
    )


def test_a_protected_map_opens_with_its_passphrase(browser, tmp_path, store, demo_id):
    _open(browser, tmp_path, store, demo_id, "nl", PASS)
    assert NAME not in browser.page_source
    assert not browser.find_element("id", "map").is_displayed()
    browser.find_element("id", "passphrase").send_keys("not the passphrase")
    browser.find_element("id", "open").click()
    error = browser.find_element("id", "error")
    _wait(browser, lambda _d: error.text)
    assert error.text == (
        "Dit wachtwoord opent de map niet. Controleer het en probeer het opnieuw."
    )
    field = browser.find_element("id", "passphrase")
    field.clear()
    field.send_keys(PASS)
    browser.find_element("id", "open").click()
    _wait(browser, lambda d: d.find_element("id", "map").is_displayed())
    assert NAME in browser.find_element("id", "map").text
    assert not browser.find_element("id", "lock").is_displayed()
    assert error.text == ""
