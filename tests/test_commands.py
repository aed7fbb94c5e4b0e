"""The operators' management commands."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from accounts.config import get_config
from accounts.models import User
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


def test_api_token_creates_a_personal_token_printed_once(rpc):
    UserFactory(username="bot")

    out, err = run("api_token", "bot")

    token = out.strip()
    assert len(token) == 60
    assert "'bot'" in err
    assert rpc.status("getVersion", as_=Credentials("bot", token)) == 200


def test_api_token_revoke_removes_the_token(rpc):
    UserFactory(username="bot", api_access_token="t" * 60)

    out, _ = run("api_token", "bot", "--revoke")

    assert out.strip() == "Personal API token of 'bot' removed."
    assert rpc.status("getVersion", as_=Credentials("bot", "t" * 60)) == 401
    assert run("api_token", "bot", "--revoke")[0].strip() == (
        "Personal API token of 'bot' had none; nothing removed."
    )


def test_a_new_personal_token_replaces_the_old_one(rpc):
    UserFactory(username="bot", api_access_token="t" * 60)

    token = run("api_token", "bot")[0].strip()

    assert rpc.status("getVersion", as_=Credentials("bot", "t" * 60)) == 401
    assert rpc.status("getVersion", as_=Credentials("bot", token)) == 200
