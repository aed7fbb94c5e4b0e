"""Signing in to the account area: the User API's checks, lockout and history, a captcha
after failures, unlocking by the form, rate limits, and no user enumeration."""

from __future__ import annotations

import logging
import re
import time

import pyotp
import pytest
from django.test import Client

from accounts import tokens, twofactor
from accounts.models import LastLogin, User
from tests.account.conftest import SIGN_IN, captcha_key
from tests.conftest import Credentials
from tests.factories import PASSWORD, UserFactory

BAD = b"Bad username or password"


def reload(user) -> User:
    return User.objects.get(pk=user.pk)


def signed_in_user_id(browser):
    return browser.client.session.get("_auth_user_id")


def test_the_sign_in_page_is_a_csrf_protected_form(browser):
    page = browser.get(SIGN_IN)

    assert page.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in page.content
    assert b'name="captcha_1"' not in page.content
    assert page["X-Frame-Options"] == "DENY"


def test_a_post_without_the_csrf_token_is_refused(alice):
    client = Client(enforce_csrf_checks=True)

    response = client.post(SIGN_IN, {"username": "alice", "password": PASSWORD})

    assert response.status_code == 403
    assert reload(alice).nb_failed_login == 0


def test_the_right_password_signs_in_like_an_api_login(browser, alice):
    User.objects.filter(pk=alice.pk).update(nb_failed_login=2)

    response = browser.sign_in("alice", PASSWORD, HTTP_USER_AGENT="ignored")

    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert signed_in_user_id(browser) == str(alice.pk)
    assert reload(alice).nb_failed_login == 0
    login = LastLogin.objects.get(user=alice)
    assert (login.auth_type, login.ip) == ("Database", "10.0.0.7")


def test_a_wrong_password_counts_like_an_api_failure(browser, alice):
    response = browser.sign_in("alice", "wrong")

    assert response.status_code == 200
    assert BAD in response.content
    assert reload(alice).nb_failed_login == 1
    assert signed_in_user_id(browser) is None


def test_unknown_users_and_wrong_passwords_get_the_same_answer(browser, alice):
    for attempt in range(1, 5):
        unknown = browser.sign_in("nobody", "wrong").content.decode()
        other = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.0.0.8")
        wrong = other.post(SIGN_IN, {"username": "alice", "password": "wrong"}).content.decode()

        assert BAD.decode() in unknown and BAD.decode() in wrong
        # Identical but for the per-page secrets (CSRF token, captcha key) and the name.
        assert strip_secrets(unknown).replace("nobody", "alice") == strip_secrets(wrong), attempt


def strip_secrets(html: str) -> str:
    html = re.sub(r'value="[0-9a-f]{40}"', "", html)
    html = re.sub(r"/captcha/image/[0-9a-f]+/", "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_captcha_appears_after_three_failures(browser, alice, settings):
    assert settings.BRUTEFORCE_CAPTCHA == 3
    for _ in range(2):
        assert b'name="captcha_1"' not in browser.sign_in("alice", "wrong").content

    third = browser.sign_in("alice", "wrong")

    assert b'name="captcha_1"' in third.content
    assert b'<img src="/account/captcha/image/' in third.content


def test_failures_through_the_api_also_bring_the_captcha(rpc, alice):
    for _ in range(3):
        assert rpc.status("getVersion", as_=Credentials("alice", "wrong")) == 401
    other_address = Client(HTTP_HOST="localhost", REMOTE_ADDR="10.9.9.9")

    page = other_address.post(SIGN_IN, {"username": "alice", "password": PASSWORD})

    assert BAD in page.content and b'name="captcha_1"' in page.content
    assert other_address.session.get("_auth_user_id") is None


def test_a_wrong_captcha_refuses_without_checking_the_password(browser, alice):
    User.objects.filter(pk=alice.pk).update(nb_failed_login=3)
    hashkey = captcha_key(browser.sign_in("alice", "wrong").content.decode())
    failures = reload(alice).nb_failed_login

    page = browser.sign_in("alice", PASSWORD, captcha_0=hashkey, captcha_1="nope")

    assert BAD in page.content
    assert signed_in_user_id(browser) is None
    assert reload(alice).nb_failed_login == failures


def test_a_locked_account_is_unlocked_by_the_right_password_and_the_captcha(
    rpc, browser, alice, settings
):
    for _ in range(settings.BRUTEFORCE_LOCKDOWN + 1):
        rpc.status("getVersion", as_=Credentials("alice", "wrong"))
    assert reload(alice).lock_expiration_date > time.time()
    assert rpc.status("getVersion", as_=Credentials("alice", PASSWORD)) == 401

    refused = browser.sign_in("alice", PASSWORD)
    assert BAD in refused.content and b'name="captcha_1"' in refused.content
    assert signed_in_user_id(browser) is None

    unlocked = browser.sign_in("alice", PASSWORD, solve_captcha=True)

    assert unlocked.status_code == 302
    assert (reload(alice).nb_failed_login, reload(alice).lock_expiration_date) == (0, 0)
    assert rpc.status("getVersion", as_=Credentials("alice", PASSWORD)) == 200


def test_a_locked_account_stays_locked_after_a_wrong_password_with_the_captcha(browser, alice):
    locked_until = int(time.time()) + 600
    User.objects.filter(pk=alice.pk).update(nb_failed_login=7, lock_expiration_date=locked_until)

    page = browser.sign_in("alice", "wrong", solve_captcha=True)

    assert BAD in page.content
    assert reload(alice).lock_expiration_date == locked_until


def test_tokens_are_refused_on_the_sign_in_form(browser, alice):
    _, secret = tokens.create_token(alice, "cli")
    User.objects.filter(pk=alice.pk).update(api_access_token="t" * 60)

    assert BAD in browser.sign_in("alice", secret).content
    assert BAD in browser.sign_in("alice", "t" * 60).content
    assert signed_in_user_id(browser) is None


def test_inactive_users_cannot_sign_in(browser, alice):
    User.objects.filter(pk=alice.pk).update(is_active=False)

    assert BAD in browser.sign_in("alice", PASSWORD).content


def test_sign_in_attempts_are_rate_limited_per_account(alice, settings):
    settings.SIGN_IN_LIMIT_PER_ACCOUNT = 2
    first, second, third = (
        Client(REMOTE_ADDR=f"10.1.0.{n}").post(SIGN_IN, {"username": "alice", "password": "x"})
        for n in range(3)
    )

    assert [first.status_code, second.status_code] == [200, 200]
    assert third.status_code == 429
    assert third["Retry-After"] == "300"
    assert reload(alice).nb_failed_login == 2


def test_sign_in_attempts_are_rate_limited_per_address(browser, settings):
    settings.SIGN_IN_LIMIT_PER_ADDRESS = 2
    UserFactory(username="bob")

    statuses = [browser.sign_in(name, "x").status_code for name in ("alice", "bob", "carol")]

    assert statuses == [200, 200, 429]


def test_the_next_page_must_be_on_this_site(browser, alice):
    local = browser.sign_in("alice", PASSWORD, next="/account/password/")
    assert local["Location"] == "/account/password/"
    browser.post("/account/sign-out/", {})

    elsewhere = browser.sign_in("alice", PASSWORD, next="https://evil.example/")
    assert elsewhere["Location"] == "/account/"


def test_sign_out_ends_the_session(browser, alice):
    browser.sign_in("alice", PASSWORD)

    response = browser.post("/account/sign-out/", {})

    assert response.status_code == 302
    assert signed_in_user_id(browser) is None
    assert browser.get("/account/")["Location"].startswith("/account/sign-in/")


def test_failures_are_logged_with_ids_only(browser, alice, caplog):
    with caplog.at_level(logging.WARNING):
        browser.sign_in("alice", "hunter2-secret")
        browser.sign_in("hunter3-typed-as-name", "x")

    logged = caplog.text
    assert f"user id {alice.pk}" in logged
    assert "alice" not in logged and "hunter" not in logged


@pytest.fixture
def two_factor_alice(alice):
    secret = twofactor.new_secret()
    codes = twofactor.enable(alice, secret, pyotp.TOTP(secret).now())
    return alice, secret, codes


def test_two_factor_users_give_a_code_after_the_password(browser, two_factor_alice):
    alice, secret, _ = two_factor_alice

    step = browser.sign_in("alice", PASSWORD)
    assert step["Location"] == "/account/sign-in/code/"
    assert signed_in_user_id(browser) is None
    assert not LastLogin.objects.filter(user=alice).exists()

    done = browser.post("/account/sign-in/code/", {"code": pyotp.TOTP(secret).now()})

    assert done["Location"] == "/account/"
    assert signed_in_user_id(browser) == str(alice.pk)
    assert LastLogin.objects.filter(user=alice, auth_type="Database").count() == 1


def test_a_wrong_code_counts_as_a_failed_login(browser, two_factor_alice):
    alice, _, _ = two_factor_alice
    browser.sign_in("alice", PASSWORD)

    page = browser.post("/account/sign-in/code/", {"code": "000000"})

    assert b"The code is not valid" in page.content
    assert reload(alice).nb_failed_login == 1
    assert signed_in_user_id(browser) is None


def test_a_recovery_code_replaces_the_app_once(browser, two_factor_alice):
    _, _, codes = two_factor_alice
    browser.sign_in("alice", PASSWORD)
    assert browser.post("/account/sign-in/code/", {"code": codes[0]})["Location"] == "/account/"
    browser.post("/account/sign-out/", {})

    browser.sign_in("alice", PASSWORD)
    again = browser.post("/account/sign-in/code/", {"code": codes[0]})

    assert b"The code is not valid" in again.content


def test_the_code_step_needs_the_password_step_first(browser, two_factor_alice):
    response = browser.get("/account/sign-in/code/")

    assert response["Location"] == "/account/sign-in/"


def test_a_locked_two_factor_user_unlocks_with_password_captcha_and_code(browser, two_factor_alice):
    alice, secret, _ = two_factor_alice
    User.objects.filter(pk=alice.pk).update(
        nb_failed_login=7, lock_expiration_date=int(time.time()) + 600
    )

    step = browser.sign_in("alice", PASSWORD, solve_captcha=True)
    assert step["Location"] == "/account/sign-in/code/"
    assert reload(alice).lock_expiration_date > 0

    done = browser.post("/account/sign-in/code/", {"code": pyotp.TOTP(secret).now()})

    assert done["Location"] == "/account/"
    assert (reload(alice).nb_failed_login, reload(alice).lock_expiration_date) == (0, 0)


def test_wrong_codes_that_lock_the_account_send_back_to_the_password(
    browser, two_factor_alice, settings
):
    alice, secret, _ = two_factor_alice
    browser.sign_in("alice", PASSWORD)
    for _ in range(settings.BRUTEFORCE_LOCKDOWN + 1):
        browser.post("/account/sign-in/code/", {"code": "000000"})
    assert reload(alice).lock_expiration_date > time.time()

    response = browser.post("/account/sign-in/code/", {"code": pyotp.TOTP(secret).now()})

    assert response["Location"] == "/account/sign-in/"
    assert signed_in_user_id(browser) is None


def test_a_code_of_the_app_works_once(browser, two_factor_alice):
    _, secret, _ = two_factor_alice
    code = pyotp.TOTP(secret).now()
    browser.sign_in("alice", PASSWORD)
    assert browser.post("/account/sign-in/code/", {"code": code})["Location"] == "/account/"
    browser.post("/account/sign-out/", {})

    browser.sign_in("alice", PASSWORD)
    replayed = browser.post("/account/sign-in/code/", {"code": code})

    assert b"The code is not valid" in replayed.content
    assert signed_in_user_id(browser) is None


def test_behind_a_proxy_the_configured_header_gives_the_address(alice, settings):
    settings.SIGN_IN_ADDRESS_HEADER = "X-Forwarded-For"
    settings.SIGN_IN_LIMIT_PER_ADDRESS = 1
    proxy = Client(REMOTE_ADDR="127.0.0.1")

    def attempt(forwarded):
        data = {"username": "alice", "password": PASSWORD}
        return proxy.post(SIGN_IN, data, HTTP_X_FORWARDED_FOR=forwarded)

    assert attempt("spoofed, 203.0.113.5").status_code == 302
    proxy.post("/account/sign-out/", {})
    assert attempt("203.0.113.6").status_code == 302
    proxy.post("/account/sign-out/", {})
    assert attempt("198.51.100.1, 203.0.113.5").status_code == 429
    addresses = set(LastLogin.objects.filter(user=alice).values_list("ip", flat=True))
    assert addresses == {"203.0.113.5", "203.0.113.6"}


def test_the_admin_signs_in_through_the_account_area(browser):
    UserFactory(username="boss", role="app-admin")

    to_login = browser.get("/admin/")
    login = browser.get(to_login["Location"])
    assert login["Location"] == "/account/sign-in/?next=/admin/"

    assert browser.sign_in("boss", PASSWORD, next="/admin/")["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200


def test_two_factor_protects_the_admin_too(browser):
    boss = UserFactory(username="boss", role="app-admin")
    secret = twofactor.new_secret()
    twofactor.enable(boss, secret, pyotp.TOTP(secret).now())

    assert browser.sign_in("boss", PASSWORD, next="/admin/")["Location"] == "/account/sign-in/code/"
    assert browser.get("/admin/")["Location"].startswith("/admin/login/")

    done = browser.post("/account/sign-in/code/", {"code": pyotp.TOTP(secret).now()})
    assert done["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200


def test_signed_in_users_who_may_not_use_the_admin_land_on_their_account(browser, alice):
    browser.sign_in("alice", PASSWORD)

    to_login = browser.get("/admin/")
    to_sign_in = browser.get(to_login["Location"])
    landing = browser.get(to_sign_in["Location"])

    assert landing["Location"] == "/account/"
    assert browser.get("/account/").status_code == 200
