"""getMe: the caller's own account, for user credentials only."""

from __future__ import annotations

from accounts.models import User
from tests.conftest import Credentials

ME_KEYS = [
    "id", "username", "is_ldap_user", "name", "email", "google_id", "github_id",
    "notifications_enabled", "timezone", "language", "disable_login_form",
    "twofactor_activated", "twofactor_secret", "token", "notifications_filter",
    "nb_failed_login", "lock_expiration_date", "gitlab_id", "role", "is_active",
    "avatar_path", "api_access_token", "filter", "theme",
]  # fmt: skip


def test_get_me_returns_the_callers_row_without_secrets(rpc, world):
    member = world.users["member"]

    me = rpc.call("getMe", as_=world["member"])

    assert list(me) == ME_KEYS
    assert me == {
        "id": member.pk, "username": "usr", "is_ldap_user": False, "name": "", "email": "",
        "google_id": None, "github_id": None, "notifications_enabled": 0, "timezone": None,
        "language": None, "disable_login_form": 0, "twofactor_activated": False,
        "twofactor_secret": None, "token": "", "notifications_filter": 4,
        "nb_failed_login": 0, "lock_expiration_date": 0, "gitlab_id": None,
        "role": "app-user", "is_active": 1, "avatar_path": None, "api_access_token": None,
        "filter": None, "theme": "light",
    }  # fmt: skip


def test_get_me_leaves_out_a_set_two_factor_secret(rpc, world):
    User.objects.filter(username="usr").update(
        twofactor_activated=True, twofactor_secret="S" * 16, api_access_token="t" * 60
    )

    me = rpc.call("getMe", as_=Credentials("usr", "t" * 60))

    assert "twofactor_secret" not in me
    assert me["twofactor_activated"] is True
    assert me["api_access_token"] == "t" * 60


def test_get_me_shows_the_counters_after_they_were_reset(rpc, world):
    User.objects.filter(username="usr").update(nb_failed_login=3)

    assert rpc.call("getMe", as_=world["member"])["nb_failed_login"] == 0


def test_get_me_is_refused_to_the_application(rpc):
    reply = rpc.request("getMe")

    assert (reply.status, reply.body) == (
        403,
        b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}',
    )


def test_get_me_has_the_name_clients_display(rpc, world):
    User.objects.filter(username="mgr").update(name="Maria")

    assert rpc.call("getMe", as_=world["manager"])["name"] == "Maria"
