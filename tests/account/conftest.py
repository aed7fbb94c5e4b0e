"""The account area's fixtures: a browser-like client, and headless Chromium (browser tests)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from captcha.models import CaptchaStore
from django.test import Client

from tests.factories import UserFactory

SIGN_IN = "/account/sign-in/"


def captcha_key(html: str) -> str | None:
    found = re.search(r'name="captcha_0" value="([0-9a-f]+)"', html)
    return found.group(1) if found else None


def captcha_answer(hashkey: str | None = None) -> dict[str, str]:
    """A captcha challenge (the page's, or a new one) solved by reading its stored answer."""
    hashkey = hashkey or CaptchaStore.generate_key()
    return {"captcha_0": hashkey, "captcha_1": CaptchaStore.objects.get(hashkey=hashkey).response}


class Browser:
    """Django's test client with the habits of a browser: it reads pages before posting."""

    def __init__(self) -> None:
        self.client = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.7")

    def get(self, url: str):
        return self.client.get(url)

    def post(self, url: str, data: dict):
        return self.client.post(url, data)

    def sign_in(self, username: str, password: str, *, solve_captcha: bool = False, **extra):
        data = {"username": username, "password": password, **extra}
        if solve_captcha:
            data.update(captcha_answer())
        return self.client.post(SIGN_IN, data)


@pytest.fixture
def browser(seeded) -> Browser:
    return Browser()


@pytest.fixture
def alice(seeded):
    return UserFactory(username="alice")


DESKTOP = (1100, 850)


class Page:
    """The browser on the live server, with the few gestures the tests need."""

    def __init__(self, driver, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def find(self, css: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def has(self, css: str) -> bool:
        from selenium.webdriver.common.by import By

        self.driver.implicitly_wait(0)
        try:
            return bool(self.driver.find_elements(By.CSS_SELECTOR, css))
        finally:
            self.driver.implicitly_wait(5)

    def fill(self, css: str, value: str) -> None:
        field = self.find(css)
        field.clear()
        field.send_keys(value)

    def submit(self, css: str = "main button[type=submit]") -> None:
        """Click a submit button and wait for the next page (every form here navigates)."""
        from selenium.common.exceptions import WebDriverException
        from selenium.webdriver.support.wait import WebDriverWait

        previous = self.find("html")
        self.find(css).click()

        def left_the_page(driver) -> bool:
            try:
                previous.is_enabled()
            except WebDriverException:
                # Stale, or (caught mid-navigation) "does not belong to the document".
                return True
            return False

        WebDriverWait(self.driver, 15).until(left_the_page)

    @property
    def text(self) -> str:
        return self.find("body").text

    @property
    def path(self) -> str:
        return self.driver.current_url.removeprefix(self.base_url)

    def screenshot(self, name: str, size: tuple[int, int] = DESKTOP) -> None:
        """Saved for the README when SCREENSHOT_DIR is set (docs/screenshots)."""
        directory = os.environ.get("SCREENSHOT_DIR")
        if not directory:
            return
        self.driver.set_window_size(*size)
        self.driver.save_screenshot(str(Path(directory) / f"account-{name}.png"))
        self.driver.set_window_size(*DESKTOP)


@pytest.fixture
def page(chromium, live_server, transactional_db, seeded):
    chromium.delete_all_cookies()
    chromium.set_window_size(*DESKTOP)
    return Page(chromium, live_server.url)
