"""The signed-in pages: personal tokens, password change, two-factor set-up."""

from __future__ import annotations

import re

import pyotp
import pytest

from accounts import tokens, twofactor
from accounts.credentials import password_checks
from accounts.models import PersonalToken, RecoveryCode, User
from tests.account.conftest import Browser
from tests.conftest import Credentials
from tests.factories import PASSWORD, UserFactory


@pytest.fixture
def signed_in(browser, alice):
    assert browser.sign_in("alice", PASSWORD).status_code == 302
    return browser


def reload(user) -> User:
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize(
    "url", ["/account/", "/account/password/", "/account/two-factor/", "/account/tokens/1/revoke/"]
)
def test_the_pages_need_a_signed_in_user(browser, url):
    response = browser.get(url) if "revoke" not in url else browser.post(url, {})

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=")


def test_pages_showing_secrets_are_never_cached(signed_in):
    for url in ("/account/", "/account/two-factor/"):
        assert "no-store" in signed_in.get(url)["Cache-Control"]


def test_a_new_token_is_shown_once_then_listed_by_its_ends(rpc, signed_in, alice):
    created = signed_in.post("/account/", {"name": "phone", "expires_in": "30", "read_only": ""})
    assert created["Location"] == "/account/"

    page = signed_in.get("/account/").content.decode()
    secret = re.search(r'id="new-token-secret">(kbp_\w+)<', page).group(1)
    token = PersonalToken.objects.get(user=alice)
    assert (token.name, token.read_only) == ("phone", False)
    assert 29 <= (token.expires - token.created).days <= 30
    assert rpc.call("getMe", as_=Credentials("alice", secret))["username"] == "alice"

    again = signed_in.get("/account/").content.decode()
    assert secret not in again
    assert f"{token.prefix}…{token.last_characters}" in again


def test_a_read_only_token_made_on_the_page_cannot_write(rpc, signed_in, alice):
    signed_in.post("/account/", {"name": "dashboard", "expires_in": "", "read_only": "on"})
    secret = re.search(r"(kbp_\w+)", signed_in.get("/account/").content.decode()).group(1)

    assert rpc.status("getMyProjects", as_=Credentials("alice", secret)) == 200
    assert rpc.status("createMyPrivateProject", ["x"], as_=Credentials("alice", secret)) == 403


def test_a_token_needs_a_name(signed_in, alice):
    page = signed_in.post("/account/", {"name": "", "expires_in": ""})

    assert page.status_code == 200
    assert b"This field is required." in page.content
    assert not PersonalToken.objects.exists()


def test_revoking_a_token_on_the_page_refuses_it_at_once(rpc, signed_in, alice):
    token, secret = tokens.create_token(alice, "laptop")

    signed_in.post(f"/account/tokens/{token.pk}/revoke/", {})

    assert rpc.status("getMe", as_=Credentials("alice", secret)) == 401
    assert "revoked" in signed_in.get("/account/").content.decode()


def test_nobody_revokes_another_users_token(signed_in):
    token, _ = tokens.create_token(UserFactory(username="bob"), "bob's")

    signed_in.post(f"/account/tokens/{token.pk}/revoke/", {})

    assert PersonalToken.objects.get(pk=token.pk).revoked is None


def test_the_legacy_token_can_be_removed(rpc, signed_in, alice):
    User.objects.filter(pk=alice.pk).update(api_access_token="t" * 60)
    assert "Kanboard-style API token" in signed_in.get("/account/").content.decode()

    signed_in.post("/account/tokens/legacy/remove/", {})

    assert reload(alice).api_access_token is None


def change_password(browser, current, new, confirmation=None):
    return browser.post(
        "/account/password/",
        {"current_password": current, "new_password": new, "confirmation": confirmation or new},
    )


def test_the_current_password_is_required_to_change_it(signed_in, alice):
    before = reload(alice).password

    page = change_password(signed_in, "wrong", "new-password")

    assert b"Wrong password" in page.content
    assert reload(alice).password == before


def test_a_new_password_has_kanboards_minimum_length(signed_in, alice):
    page = change_password(signed_in, PASSWORD, "12345")

    assert b"The minimum length is 6 characters" in page.content
    assert (
        b"Passwords don&#x27;t match"
        in change_password(signed_in, PASSWORD, "123456", "1234567").content
    )


def test_a_changed_password_ends_every_cached_check_of_the_old_one(rpc, signed_in, alice):
    # The API remembers this success in the worker's cache of password checks...
    assert rpc.status("getMe", as_=Credentials("alice", PASSWORD)) == 200
    stored = reload(alice).password
    assert password_checks.verified("alice", PASSWORD, stored)

    response = change_password(signed_in, PASSWORD, "brand-new-pw")

    assert response["Location"] == "/account/"
    # ...and the entry is keyed by the old hash, so it can no longer match.
    assert rpc.status("getMe", as_=Credentials("alice", PASSWORD)) == 401
    assert rpc.status("getMe", as_=Credentials("alice", "brand-new-pw")) == 200
    # This session stays signed in.
    assert signed_in.get("/account/").status_code == 200


def test_a_password_change_signs_out_the_other_sessions(signed_in):
    other = Browser()
    other.sign_in("alice", PASSWORD)
    assert other.get("/account/").status_code == 200

    change_password(signed_in, PASSWORD, "brand-new-pw")

    assert other.get("/account/").status_code == 302


def test_two_factor_is_turned_on_with_a_code_from_the_app(rpc, signed_in, alice):
    page = signed_in.get("/account/two-factor/").content.decode()
    assert "<svg" in page
    secret = re.search(r'id="twofactor-secret">([A-Z2-7]+)<', page).group(1)
    _, token = tokens.create_token(alice, "cli")

    wrong = signed_in.post("/account/two-factor/", {"code": "000000"})
    assert b"The code is not valid" in wrong.content
    assert not reload(alice).twofactor_activated

    done = signed_in.post("/account/two-factor/", {"code": pyotp.TOTP(secret).now()})

    codes = re.findall(r"<li>([0-9a-f]{5}-[0-9a-f]{5})</li>", done.content.decode())
    assert len(codes) == 10
    assert (reload(alice).twofactor_activated, reload(alice).twofactor_secret) == (True, secret)
    assert RecoveryCode.objects.filter(user=alice).count() == 10
    assert rpc.status("getMe", as_=Credentials("alice", PASSWORD)) == 401
    assert rpc.call("getMe", as_=Credentials("alice", token))["twofactor_activated"] is True


def test_the_set_up_secret_stays_the_same_until_confirmed(signed_in):
    first = re.search(
        r'id="twofactor-secret">(\w+)<', signed_in.get("/account/two-factor/").content.decode()
    )
    second = re.search(
        r'id="twofactor-secret">(\w+)<', signed_in.get("/account/two-factor/").content.decode()
    )

    assert first.group(1) == second.group(1)


@pytest.fixture
def with_two_factor(signed_in, alice):
    secret = twofactor.new_secret()
    twofactor.enable(alice, secret, pyotp.TOTP(secret).now())
    return signed_in


def test_turning_two_factor_off_needs_the_password(rpc, with_two_factor, alice):
    refused = with_two_factor.post(
        "/account/two-factor/", {"current_password": "x", "action": "disable"}
    )
    assert b"Wrong password" in refused.content
    assert reload(alice).twofactor_activated

    with_two_factor.post(
        "/account/two-factor/", {"current_password": PASSWORD, "action": "disable"}
    )

    assert (reload(alice).twofactor_activated, reload(alice).twofactor_secret) == (False, None)
    assert not RecoveryCode.objects.filter(user=alice).exists()
    assert rpc.status("getMe", as_=Credentials("alice", PASSWORD)) == 200


def test_new_recovery_codes_replace_the_old_ones(with_two_factor, alice):
    old_hashes = set(RecoveryCode.objects.filter(user=alice).values_list("code_hash", flat=True))

    page = with_two_factor.post(
        "/account/two-factor/", {"current_password": PASSWORD, "action": "recovery_codes"}
    )

    assert len(re.findall(r"<li>[0-9a-f]{5}-[0-9a-f]{5}</li>", page.content.decode())) == 10
    new_hashes = set(RecoveryCode.objects.filter(user=alice).values_list("code_hash", flat=True))
    assert len(new_hashes) == 10 and not old_hashes & new_hashes
