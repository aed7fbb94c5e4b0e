"""Who may call the API: the application token, passwords, personal tokens, the
alternative header, and the bookkeeping of successful logins."""

from __future__ import annotations

import base64
import json

import pytest

from accounts import passwords
from accounts.config import rotate_application_token
from accounts.models import LastLogin, User
from tests.conftest import Credentials
from tests.factories import PASSWORD, UserFactory

GET_VERSION = '{"jsonrpc":"2.0","method":"getVersion","id":1}'


def status(rpc, credentials=None, **headers) -> int:
    return rpc.post(GET_VERSION, credentials, **headers).status


def test_application_token_authenticates_the_application(rpc):
    assert status(rpc, rpc.app) == 200


def basic(raw: bytes) -> str:
    return "Basic " + base64.b64encode(raw).decode()


@pytest.mark.parametrize(
    "authorization",
    [
        lambda token: None,
        lambda token: f"Bearer {token}",
        lambda token: basic(b"jsonrpc:wrong"),
        lambda token: basic(b"jsonrpc:"),
        lambda token: basic(f"JSONRPC:{token}".encode()),
        lambda token: basic(f" jsonrpc:{token}".encode()),
        lambda token: basic(f"jsonrpc:{token[:-1]}é".encode()),
        lambda token: "Basic !!!notbase64",
        lambda token: basic(b"jsonrpc:\xff\xfe"),
        lambda token: basic(b"nocolon"),
        lambda token: "Basic ",
        lambda token: basic(("jsonrpc:" + "é" * 10_000).encode()),
    ],
    ids=[
        "none",
        "bearer",
        "wrong",
        "empty",
        "upper-case-user",
        "space-before-user",
        "non-ascii",
        "not-base64",
        "not-utf8",
        "no-colon",
        "empty-basic",
        "huge",
    ],
)
def test_anything_but_the_right_token_is_unauthorized(rpc, app_token, authorization):
    header = authorization(app_token)
    headers = {"HTTP_AUTHORIZATION": header} if header else {}

    reply = rpc.post(GET_VERSION, **headers)

    assert reply.status == 401
    assert reply.headers["WWW-Authenticate"] == 'Basic realm="JsonRPC"'


def test_wrong_application_tokens_lock_nothing(rpc, world):
    for _ in range(20):
        assert status(rpc, Credentials("jsonrpc", "wrong")) == 401

    assert status(rpc, rpc.app) == 200
    assert not User.objects.exclude(nb_failed_login=0).exists()


def test_a_user_named_jsonrpc_cannot_log_in(rpc):
    UserFactory(username="jsonrpc")

    assert status(rpc, Credentials("jsonrpc", PASSWORD)) == 401


def test_environment_token_overrides_the_stored_one(rpc, app_token, settings):
    settings.API_AUTHENTICATION_TOKEN = "e" * 40

    assert status(rpc, Credentials("jsonrpc", app_token)) == 401
    assert status(rpc, Credentials("jsonrpc", "e" * 40)) == 200


def test_empty_application_token_authenticates_nobody(rpc, settings):
    from accounts.config import set_config

    set_config("api_token", "")

    assert status(rpc, Credentials("jsonrpc", "")) == 401


def test_rotated_token_takes_effect_at_once(rpc, app_token):
    new_token = rotate_application_token()

    assert status(rpc, Credentials("jsonrpc", app_token)) == 401
    assert status(rpc, Credentials("jsonrpc", new_token)) == 200


def test_user_password_authenticates_and_records_the_login(rpc, world):
    reply = rpc.post(GET_VERSION, world["member"], HTTP_USER_AGENT="tests/1.0")

    assert reply.status == 200
    login = LastLogin.objects.get(user=world.users["member"])
    assert (login.auth_type, login.ip, login.user_agent) == ("Database", "127.0.0.1", "tests/1.0")


def test_password_containing_colons_is_split_at_the_first(rpc):
    UserFactory(username="colon", password="a:b:c:d")

    assert status(rpc, Credentials("colon", "a:b:c:d")) == 200


def test_personal_token_and_password_both_work(rpc, world):
    member = world.users["member"]
    member.api_access_token = "t" * 60
    member.save()

    assert status(rpc, Credentials("usr", "t" * 60)) == 200
    assert status(rpc, world["member"]) == 200
    assert LastLogin.objects.filter(user=member, auth_type="API Access Token").exists()


def test_empty_stored_token_never_matches(rpc, world):
    User.objects.filter(pk=world.users["member"].pk).update(api_access_token="")

    assert status(rpc, Credentials("usr", "")) == 401


def test_two_factor_users_may_use_their_token_only(rpc, world):
    User.objects.filter(username="usr").update(twofactor_activated=True, api_access_token="t" * 60)

    assert status(rpc, world["member"]) == 401
    assert User.objects.get(username="usr").nb_failed_login == 1
    assert status(rpc, Credentials("usr", "t" * 60)) == 200


def test_disabled_login_form_refuses_the_password_but_not_the_token(rpc, world):
    User.objects.filter(username="usr").update(disable_login_form=True, api_access_token="t" * 60)

    assert status(rpc, world["member"]) == 401
    assert status(rpc, Credentials("usr", "t" * 60)) == 200


def test_inactive_users_cannot_authenticate(rpc, world):
    User.objects.filter(username="usr").update(is_active=False, api_access_token="t" * 60)

    assert status(rpc, world["member"]) == 401
    assert status(rpc, Credentials("usr", "t" * 60)) == 401


def test_removed_user_token_stops_working(rpc, world):
    User.objects.filter(username="out").update(api_access_token="t" * 60)
    rpc.call("removeUser", [world.users["outsider"].pk])

    assert status(rpc, Credentials("out", "t" * 60)) == 401


def test_lookalike_usernames_are_distinct_accounts(rpc):
    UserFactory(username="ｕｓｒ", password="fullwidth1")
    UserFactory(username="usr", password="ascii1234")

    assert status(rpc, Credentials("usr", "fullwidth1")) == 401
    assert status(rpc, Credentials("ｕｓｒ", "ascii1234")) == 401
    assert status(rpc, Credentials("ｕｓｒ", "fullwidth1")) == 200


def test_only_the_newest_ten_logins_are_kept(rpc, world):
    for _ in range(13):
        assert status(rpc, world["member"]) == 200

    assert LastLogin.objects.filter(user=world.users["member"]).count() == 10


def test_one_login_row_and_one_password_check_per_http_request(rpc, world, monkeypatch):
    checks = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(
        "accounts.credentials.passwords.verify_password",
        lambda raw, stored: checks.append(raw) or real_verify(raw, stored),
    )
    batch = json.dumps([{"jsonrpc": "2.0", "method": "getVersion", "id": n} for n in range(50)])

    reply = rpc.post(batch, world["member"])

    assert len(reply.json) == 50
    assert len(checks) == 1
    assert LastLogin.objects.filter(user=world.users["member"]).count() == 1


def test_successful_password_checks_are_remembered_until_the_password_changes(
    rpc, world, monkeypatch
):
    from accounts.users import set_password

    checks = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(
        "accounts.credentials.passwords.verify_password",
        lambda raw, stored: checks.append(raw) or real_verify(raw, stored),
    )

    for _ in range(3):
        assert status(rpc, world["member"]) == 200
    set_password(world.users["member"], "another-password")

    assert status(rpc, world["member"]) == 401
    assert status(rpc, Credentials("usr", "another-password")) == 200
    assert len(checks) == 3


def test_failed_checks_are_not_remembered(rpc, world, monkeypatch):
    checks = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(
        "accounts.credentials.passwords.verify_password",
        lambda raw, stored: checks.append(raw) or real_verify(raw, stored),
    )

    for _ in range(3):
        assert status(rpc, Credentials("usr", "wrong")) == 401

    assert len(checks) == 3


def test_the_user_row_is_read_again_for_every_batch_element(rpc, world):
    world.users["admin"].api_access_token = "a" * 60
    world.users["admin"].save()
    admin_id = world.users["admin"].pk
    batch = json.dumps(
        [
            {
                "jsonrpc": "2.0",
                "method": "updateUser",
                "params": [admin_id, None, None, None, "app-user"],
                "id": 1,
            },
            {"jsonrpc": "2.0", "method": "getAllUsers", "id": 2},
        ]
    )

    reply = rpc.post(batch, world["admin"])

    assert reply.status == 403
    assert User.objects.get(pk=admin_id).role == "app-user"


def test_disabling_oneself_inside_a_batch_ends_the_batch(rpc, world):
    admin_id = world.users["admin"].pk
    batch = json.dumps(
        [
            {"jsonrpc": "2.0", "method": "disableUser", "params": [admin_id], "id": 1},
            {"jsonrpc": "2.0", "method": "getVersion", "id": 2},
        ]
    )

    reply = rpc.post(batch, world["admin"])

    assert reply.status == 401


def test_unknown_users_cost_a_password_check(rpc, monkeypatch):
    spent = []
    monkeypatch.setattr("accounts.credentials.passwords.spend_dummy_check", spent.append)

    assert status(rpc, Credentials("nosuchuser", "x")) == 401
    assert spent == ["x"]
    assert not User.objects.filter(username="nosuchuser").exists()


def test_application_token_is_compared_in_constant_time(rpc, app_token, monkeypatch):
    compared = []
    from django.utils import crypto

    real = crypto.constant_time_compare
    monkeypatch.setattr(
        "accounts.credentials.constant_time_compare",
        lambda given, expected: compared.append((given, expected)) or real(given, expected),
    )

    assert status(rpc, Credentials("jsonrpc", "guess")) == 401
    assert compared == [("guess", app_token)]


def test_forged_proxy_headers_change_nothing(rpc, world):
    reply = rpc.post(
        GET_VERSION, HTTP_X_REMOTE_USER="admin", REMOTE_USER="admin", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    rpc.post(GET_VERSION, world["member"], HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert reply.status == 401
    assert LastLogin.objects.get(user=world.users["member"]).ip == "127.0.0.1"


class TestAlternativeHeader:
    @pytest.fixture(autouse=True)
    def _configured(self, settings):
        settings.API_AUTHENTICATION_HEADER = "X-API-Auth"

    def encoded(self, text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    def test_bare_base64_credentials_authenticate(self, rpc, app_token):
        assert status(rpc, HTTP_X_API_AUTH=self.encoded(f"jsonrpc:{app_token}")) == 200

    def test_basic_prefix_and_garbage_are_refused(self, rpc, app_token):
        prefixed = "Basic " + self.encoded(f"jsonrpc:{app_token}")

        assert status(rpc, HTTP_X_API_AUTH=prefixed) == 401
        assert status(rpc, HTTP_X_API_AUTH="@@@") == 401

    def test_valid_header_wins_over_wrong_basic(self, rpc, app_token):
        headers = {"HTTP_X_API_AUTH": self.encoded(f"jsonrpc:{app_token}")}

        assert status(rpc, Credentials("jsonrpc", "wrong"), **headers) == 200

    def test_invalid_header_loses_even_with_right_basic(self, rpc):
        assert status(rpc, rpc.app, HTTP_X_API_AUTH=self.encoded("jsonrpc:wrong")) == 401

    def test_empty_header_parts_fall_back_to_basic(self, rpc):
        assert status(rpc, rpc.app, HTTP_X_API_AUTH=self.encoded("jsonrpc:")) == 200

    def test_secret_with_colons_is_split_at_the_first(self, rpc):
        UserFactory(username="colon", password="a:b:c")

        assert status(rpc, HTTP_X_API_AUTH=self.encoded("colon:a:b:c")) == 200


def test_alternative_header_is_ignored_unless_configured(rpc, app_token):
    header = base64.b64encode(f"jsonrpc:{app_token}".encode()).decode()

    assert status(rpc, HTTP_X_API_AUTH=header) == 401
