"""The account area in a real browser (headless Chromium on the live server), and the
tokens it makes used by Kanboard's official Python client over real HTTP."""

from __future__ import annotations

import re

import kanboard
import pyotp
import pytest
from captcha.models import CaptchaStore
from selenium.webdriver.support.wait import WebDriverWait

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

PHONE = (390, 844)


@pytest.fixture
def alice(seeded):
    return UserFactory(username="alice", name="Alice Martin")


def api(live_server, username: str, secret: str) -> kanboard.Client:
    return kanboard.Client(f"{live_server.url}/jsonrpc.php", username, secret)


def sign_in(page, username: str, password: str, *, captcha: bool = False) -> None:
    page.open("/account/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    if captcha:
        solve_captcha(page)
    page.submit()


def solve_captcha(page) -> None:
    """Read the challenge the page shows from the captcha store, as a person reads the image."""
    hashkey = page.find("input[name=captcha_0]").get_attribute("value")
    page.fill("#id_captcha_1", CaptchaStore.objects.get(hashkey=hashkey).response)


def new_token(page, name: str, *, read_only: bool = False) -> str:
    page.open("/account/")
    page.fill("#id_name", name)
    if read_only:
        page.find("#id_read_only").click()
    page.submit("form[action='/account/'] button")
    return page.find("#new-token-secret").text


def test_sign_in_and_out(page, alice):
    page.open("/account/")
    assert page.path.startswith("/account/sign-in/")
    page.screenshot("sign-in")

    sign_in(page, "alice", PASSWORD)

    assert page.path == "/account/"
    assert "Signed in as alice" in page.text
    page.submit("header button")
    assert page.path == "/account/sign-in/"


def test_three_wrong_passwords_bring_the_captcha(page, alice):
    for attempt in range(3):
        assert not page.has("img.captcha"), attempt
        sign_in(page, "alice", "wrong")
        assert "Bad username or password" in page.text

    assert page.find("img.captcha").is_displayed()
    # The image, drawn by the server, has loaded.
    WebDriverWait(page.driver, 15).until(
        lambda driver: driver.execute_script(
            "const image = document.querySelector('img.captcha');"
            "return image.complete && image.naturalWidth > 0"
        )
    )
    page.screenshot("captcha")


def test_an_account_locked_through_the_api_is_unlocked_by_the_form(
    page, alice, live_server, settings
):
    for _ in range(settings.BRUTEFORCE_LOCKDOWN + 1):
        with pytest.raises(kanboard.ClientError, match="401"):
            api(live_server, "alice", "wrong").get_me()
    with pytest.raises(kanboard.ClientError, match="401"):
        api(live_server, "alice", PASSWORD).get_me()

    sign_in(page, "alice", PASSWORD)
    assert "Bad username or password" in page.text
    assert page.has("img.captcha")
    page.fill("#id_password", PASSWORD)
    solve_captcha(page)
    page.submit()

    assert page.path == "/account/"
    assert User.objects.get(pk=alice.pk).lock_expiration_date == 0
    assert api(live_server, "alice", PASSWORD).get_me()["username"] == "alice"


def test_a_token_made_in_the_browser_works_until_revoked(page, alice, live_server):
    sign_in(page, "alice", PASSWORD)

    secret = new_token(page, "phone")

    assert re.fullmatch(r"kbp_[A-Za-z0-9]{40}", secret)
    page.screenshot("new-token")
    page.screenshot("new-token-phone", PHONE)
    client = api(live_server, "alice", secret)
    assert client.get_me()["username"] == "alice"

    page.open("/account/")
    assert secret not in page.text
    page.submit("button[aria-label='Revoke phone']")

    assert "revoked" in page.text
    with pytest.raises(kanboard.ClientError, match="401"):
        client.get_me()


def test_a_read_only_token_is_refused_on_a_write(page, alice, live_server):
    sign_in(page, "alice", PASSWORD)
    client = api(live_server, "alice", new_token(page, "dashboard", read_only=True))

    assert client.get_my_projects() == []
    with pytest.raises(kanboard.ClientError, match="403"):
        client.create_my_private_project(name="x")
    page.open("/account/")
    assert "read-only" in page.text
    page.screenshot("tokens")


def test_two_factor_set_up_then_the_api_takes_tokens_only(page, alice, live_server):
    sign_in(page, "alice", PASSWORD)
    token = new_token(page, "cli")
    page.open("/account/two-factor/")
    assert page.find(".qr svg").is_displayed()
    page.screenshot("two-factor")
    secret = page.find("#twofactor-secret").text

    page.fill("#id_code", pyotp.TOTP(secret).now())
    page.submit()

    assert len(page.find("#recovery-codes").find_elements("css selector", "li")) == 10
    page.screenshot("recovery-codes")
    with pytest.raises(kanboard.ClientError, match="401"):
        api(live_server, "alice", PASSWORD).get_me()
    assert api(live_server, "alice", token).get_me()["twofactor_activated"] is True

    page.submit("header button")
    sign_in(page, "alice", PASSWORD)
    assert page.path == "/account/sign-in/code/"
    page.fill("#id_code", pyotp.TOTP(secret).now())
    page.submit()
    assert page.path == "/account/"


def test_password_change_in_the_browser(page, alice, live_server):
    sign_in(page, "alice", PASSWORD)
    page.open("/account/password/")
    page.fill("#id_current_password", PASSWORD)
    page.fill("#id_new_password", "brand-new-pw")
    page.fill("#id_confirmation", "brand-new-pw")
    page.submit()

    assert "Your password is changed." in page.text
    with pytest.raises(kanboard.ClientError, match="401"):
        api(live_server, "alice", PASSWORD).get_me()
    assert api(live_server, "alice", "brand-new-pw").get_me()["username"] == "alice"
