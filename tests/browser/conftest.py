"""A real browser for the admin: Debian's headless Chromium driven by Selenium, against
pytest-django's live server.

The browser and its driver are the system's (``chromium``, ``chromium-driver``), given by
path so that Selenium never tries to download one. One browser serves the whole session;
each test starts from a clean cookie jar. The live server serves static files as
production does (WhiteNoise from the collected files, under their hashed names), not
through Django's development handler, which knows nothing of the hashed names.
"""

from __future__ import annotations

import pytest

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
def browser(chromium, live_server) -> Browser:
    """The session's browser, starting logged out."""
    chromium.delete_all_cookies()
    chromium.set_window_size(*WINDOW)
    yield Browser(chromium, live_server.url)
    chromium.delete_all_cookies()
