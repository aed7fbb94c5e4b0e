"""The operators' management commands."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.config import get_config
from accounts.models import PersonalToken, User
from tests.conftest import Credentials
from tests.factories import PASSWORD, UserFactory


def run(*args, stdin: str | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        import sys

        real_stdin = sys.stdin
        sys.stdin = io.StringIO(stdin)
        try:
            call_command(*args, stdout=out, stderr=err)
        finally:
            sys.stdin = real_stdin
    else:
        call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rotate_api_token_prints_a_new_token_and_the_old_one_dies(rpc, app_token):
    out, err = run("rotate_api_token")

    new_token = out.strip()
    assert len(new_token) == 60 and new_token != app_token
    assert "rotated" in err
    assert rpc.status("getVersion", as_=Credentials("jsonrpc", app_token)) == 401
    assert rpc.status("getVersion", as_=Credentials("jsonrpc", new_token)) == 200


def test_rotate_api_token_refuses_while_the_environment_overrides_it(app_token, settings):
    settings.API_AUTHENTICATION_TOKEN = "e" * 40

    with pytest.raises(CommandError, match="API_AUTHENTICATION_TOKEN"):
        run("rotate_api_token")

    assert get_config("api_token") == app_token


def test_show_api_token_prints_the_application_credentials(app_token):
    out, _ = run("show_api_token")

    assert out.strip() == f"Application API credentials: user 'jsonrpc', token {app_token}"


def test_unlock_user_resets_the_lock(seeded):
    user = UserFactory(username="locked", nb_failed_login=9, lock_expiration_date=2**40)

    out, _ = run("unlock_user", "locked")

    user.refresh_from_db()
    assert (user.nb_failed_login, user.lock_expiration_date) == (0, 0)
    assert out.strip() == "User 'locked' was locked; it can log in now."


@pytest.mark.parametrize(
    "command", [("unlock_user",), ("reset_password",), ("reset_2fa",), ("api_token",)]
)
def test_commands_refuse_unknown_users_and_change_nothing(seeded, command):
    with pytest.raises(CommandError, match="No user is named 'ghost'"):
        run(*command, "ghost")


def test_reset_password_reads_standard_input_when_not_a_terminal(rpc):
    UserFactory(username="forgetful")

    out, _ = run("reset_password", "forgetful", stdin="brand-new-pw\n")

    assert out.strip() == "Password of 'forgetful' changed."
    assert rpc.status("getVersion", as_=Credentials("forgetful", "brand-new-pw")) == 200
    assert rpc.status("getVersion", as_=Credentials("forgetful", PASSWORD)) == 401


def test_reset_password_refuses_a_short_password(seeded):
    user = UserFactory(username="forgetful")
    before = user.password

    with pytest.raises(CommandError, match="minimum length"):
        run("reset_password", "forgetful", stdin="123\n")

    assert User.objects.get(pk=user.pk).password == before


def test_reset_2fa_lets_the_password_work_again(rpc):
    UserFactory(username="twofa", twofactor_activated=True, twofactor_secret="S" * 16)
    assert rpc.status("getVersion", as_=Credentials("twofa", PASSWORD)) == 401

    out, _ = run("reset_2fa", "twofa")

    assert "turned off" in out
    assert rpc.status("getVersion", as_=Credentials("twofa", PASSWORD)) == 200
    assert User.objects.get(username="twofa").twofactor_secret is None


def test_api_token_creates_a_named_personal_token_printed_once(rpc):
    UserFactory(username="bot")

    out, err = run("api_token", "bot")

    token = out.strip()
    assert token.startswith("kbp_") and len(token) == 44
    assert err.strip() == "New personal API token 'manage.py api_token' of 'bot'."
    stored = PersonalToken.objects.get(user__username="bot")
    assert (stored.name, stored.read_only, stored.expires) == ("manage.py api_token", False, None)
    assert token not in (stored.secret_hash, stored.salt, stored.prefix)
    assert rpc.status("getVersion", as_=Credentials("bot", token)) == 200


def test_api_token_with_options_creates_a_read_only_expiring_token(rpc):
    UserFactory(username="bot")

    token = run("api_token", "bot", "--name", "ci", "--read-only", "--expires-in-days", "7")[0]

    stored = PersonalToken.objects.get(user__username="bot")
    assert (stored.name, stored.read_only) == ("ci", True)
    assert timedelta(days=6) < stored.expires - timezone.now() <= timedelta(days=7)
    assert rpc.status("getVersion", as_=Credentials("bot", token.strip())) == 200
    assert rpc.status("createMyPrivateProject", ["x"], as_=Credentials("bot", token.strip())) == 403


def test_api_token_revoke_revokes_named_and_legacy_tokens(rpc):
    UserFactory(username="bot", api_access_token="t" * 60)
    token = run("api_token", "bot")[0].strip()

    out, _ = run("api_token", "bot", "--revoke")

    assert out.strip() == "Personal API tokens of 'bot': 2 revoked."
    assert rpc.status("getVersion", as_=Credentials("bot", "t" * 60)) == 401
    assert rpc.status("getVersion", as_=Credentials("bot", token)) == 401
    assert run("api_token", "bot", "--revoke")[0].strip() == (
        "Personal API tokens of 'bot': none to revoke."
    )


def test_running_api_token_again_rotates_the_token_of_that_name_only(rpc):
    UserFactory(username="bot", api_access_token="t" * 60)
    first = run("api_token", "bot")[0].strip()
    other = run("api_token", "bot", "--name", "other")[0].strip()

    second, err = run("api_token", "bot")

    assert "the previous one of that name is revoked" in err
    assert rpc.status("getVersion", as_=Credentials("bot", first)) == 401
    assert rpc.status("getVersion", as_=Credentials("bot", second.strip())) == 200
    assert rpc.status("getVersion", as_=Credentials("bot", other)) == 200
    assert rpc.status("getVersion", as_=Credentials("bot", "t" * 60)) == 200


def test_api_token_refuses_an_empty_name(seeded):
    UserFactory(username="bot")

    with pytest.raises(CommandError, match="needs a name"):
        run("api_token", "bot", "--name", " ")

    assert not PersonalToken.objects.exists()
