"""A real browser for the admin: Debian's headless Chromium driven by Selenium, against
pytest-django's live server.

The browser and its driver are the system's (``chromium``, ``chromium-driver``), given by
path so that Selenium never tries to download one. One browser serves the whole session;
each test starts from a clean cookie jar. The live server serves static files as
production does (WhiteNoise from the collected files, under their hashed names), not
through Django's development handler, which knows nothing of the hashed names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WINDOW = (1280, 900)


@pytest.fixture(scope="session")
def live_server(_collected_static_files):
    """pytest-django's live server, whose static files take the production path."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    # Requests reach Django's stack (and so WhiteNoise) as under gunicorn.
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _browser_session(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(f"Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}): apt-get install "
                    "chromium chromium-driver")  # fmt: skip
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


class Browser:
    """The WebDriver, with the few steps every admin test takes."""

    def __init__(self, driver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url

    def __getattr__(self, name):
        return getattr(self.driver, name)

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def css(self, selector: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def css_all(self, selector: str) -> list:
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def log_in(self, username: str, password: str) -> None:
        """The admin signs in through the account area's form (lockout, captcha, 2FA)."""
        self.open("/admin/")
        self.css("#id_username").send_keys(username)
        self.css("#id_password").send_keys(password)
        self.css("button[type=submit]").click()
        self.wait_until_away_from("/account/sign-in/")

    def wait_until_away_from(self, path: str) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        WebDriverWait(self.driver, 10).until(lambda driver: path not in driver.current_url)

    def text(self) -> str:
        return self.css("body").text


@pytest.fixture
def browser(_browser_session, live_server) -> Browser:
    """The session's browser, starting logged out."""
    _browser_session.delete_all_cookies()
    yield Browser(_browser_session, live_server.url)
    _browser_session.delete_all_cookies()
