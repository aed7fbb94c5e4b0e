"""Personal access tokens on the User API: named, hashed, expiring, revocable, read-only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import tokens, twofactor
from accounts.models import LastLogin, PersonalToken, User
from projects.models import Project
from tests.conftest import Credentials


def status(rpc, username: str, secret: str, method: str = "getVersion", params=None) -> int:
    return rpc.status(method, params, as_=Credentials(username, secret))


@pytest.fixture
def member(world) -> User:
    return world.users["member"]


def test_a_token_authenticates_its_owner_as_the_basic_password(rpc, member):
    _, secret = tokens.create_token(member, "laptop")

    me = rpc.call("getMe", as_=Credentials("usr", secret))

    assert me["id"] == member.pk
    login = LastLogin.objects.get(user=member)
    assert login.auth_type == "API Access Token"


def test_only_a_salted_hash_and_the_ends_of_the_secret_are_stored(member):
    token, secret = tokens.create_token(member, "laptop")

    stored = PersonalToken.objects.get(pk=token.pk)
    assert secret.startswith("kbp_") and len(secret) == 44
    assert stored.prefix == secret[:12]
    assert stored.last_characters == secret[-4:]
    assert secret not in (stored.secret_hash, stored.salt, stored.name)
    other, _ = tokens.create_token(member, "phone")
    assert other.salt != stored.salt


def test_a_token_works_for_its_owner_only(rpc, member):
    _, secret = tokens.create_token(member, "laptop")

    assert status(rpc, "mgr", secret) == 401
    assert User.objects.get(username="mgr").nb_failed_login == 1


def test_a_revoked_token_stops_working_at_once(rpc, member):
    token, secret = tokens.create_token(member, "laptop")
    assert status(rpc, "usr", secret) == 200

    assert tokens.revoke_token(member, token.pk)

    assert status(rpc, "usr", secret) == 401
    assert not tokens.revoke_token(member, token.pk)


def test_a_user_cannot_revoke_another_users_token(world, member):
    token, _ = tokens.create_token(member, "laptop")

    assert not tokens.revoke_token(world.users["manager"], token.pk)
    assert PersonalToken.objects.get(pk=token.pk).revoked is None


def test_an_expired_token_is_refused(rpc, member):
    token, secret = tokens.create_token(
        member, "short", expires=timezone.now() + timedelta(minutes=1)
    )
    assert status(rpc, "usr", secret) == 200

    PersonalToken.objects.filter(pk=token.pk).update(expires=timezone.now() - timedelta(seconds=1))

    assert status(rpc, "usr", secret) == 401


def test_a_tampered_secret_with_a_known_prefix_is_refused(rpc, member):
    _, secret = tokens.create_token(member, "laptop")
    tampered = secret[:-1] + ("a" if secret[-1] != "a" else "b")

    assert status(rpc, "usr", tampered) == 401


def test_last_used_is_recorded_without_a_write_on_every_request(rpc, member):
    token, secret = tokens.create_token(member, "laptop")
    assert status(rpc, "usr", secret) == 200
    first_use = PersonalToken.objects.get(pk=token.pk).last_used
    assert first_use is not None

    assert status(rpc, "usr", secret) == 200
    assert PersonalToken.objects.get(pk=token.pk).last_used == first_use

    stale = timezone.now() - tokens.LAST_USED_PRECISION - timedelta(seconds=1)
    PersonalToken.objects.filter(pk=token.pk).update(last_used=stale)
    assert status(rpc, "usr", secret) == 200
    assert PersonalToken.objects.get(pk=token.pk).last_used > stale


def test_record_use_skips_the_update_while_the_time_is_recent(member, django_assert_num_queries):
    token, _ = tokens.create_token(member, "laptop")
    with django_assert_num_queries(1):
        tokens.record_use(token)
    with django_assert_num_queries(0):
        tokens.record_use(token)


def test_a_read_only_token_reads_but_cannot_write(rpc, member):
    _, secret = tokens.create_token(member, "dashboard", read_only=True)
    projects_before = Project.objects.count()

    assert status(rpc, "usr", secret, "getMe") == 200
    reply = rpc.request("createMyPrivateProject", ["x"], as_=Credentials("usr", secret))

    assert reply.status == 403
    assert reply.body == b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}'
    assert Project.objects.count() == projects_before


def test_the_same_users_password_is_not_read_only(rpc, member):
    tokens.create_token(member, "dashboard", read_only=True)

    assert status(rpc, "usr", "password1", "createMyPrivateProject", ["x"]) == 200


def test_legacy_tokens_keep_working_unless_turned_off(rpc, member, settings):
    User.objects.filter(pk=member.pk).update(api_access_token="t" * 60)
    _, secret = tokens.create_token(member, "laptop")
    assert status(rpc, "usr", "t" * 60) == 200

    settings.API_LEGACY_USER_TOKENS = False

    assert status(rpc, "usr", "t" * 60) == 401
    assert status(rpc, "usr", secret) == 200


def test_two_factor_users_use_tokens_and_their_password_is_refused(rpc, member):
    secret_2fa = twofactor.new_secret()
    twofactor.enable(member, secret_2fa, twofactor.pyotp.TOTP(secret_2fa).now())
    _, secret = tokens.create_token(member, "cli")

    reply = rpc.request("getMe", as_=Credentials("usr", "password1"))
    assert reply.status == 401
    assert reply.body == (
        b'{"jsonrpc":"2.0","error":{"code":401,"message":"Unauthorized"},"id":null}'
    )
    assert User.objects.get(pk=member.pk).nb_failed_login == 1

    me = rpc.call("getMe", as_=Credentials("usr", secret))
    assert me["twofactor_activated"] is True
    assert "twofactor_secret" not in me


def test_get_me_shows_two_factor_off_as_false(rpc, member):
    assert rpc.call("getMe", as_=Credentials("usr", "password1"))["twofactor_activated"] is False


def test_a_locked_account_refuses_its_tokens_too(rpc, member):
    _, secret = tokens.create_token(member, "laptop")
    User.objects.filter(pk=member.pk).update(lock_expiration_date=2**40)

    assert status(rpc, "usr", secret) == 401


def test_a_token_needs_a_name_and_a_future_expiry(member):
    with pytest.raises(ValidationError):
        tokens.create_token(member, "  ")
    with pytest.raises(ValidationError):
        tokens.create_token(member, "x", expires=timezone.now() - timedelta(days=1))
    assert not PersonalToken.objects.exists()
