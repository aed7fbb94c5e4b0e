"""Brute-force protection with Kanboard 1.2.53's observed rules: locked at the failure that
takes the counter past BRUTEFORCE_LOCKDOWN, for BRUTEFORCE_LOCKDOWN_DURATION minutes."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from tests.conftest import Credentials, RpcClient
from tests.factories import PASSWORD, UserFactory

GET_VERSION = '{"jsonrpc":"2.0","method":"getVersion","id":1}'
WRONG = Credentials("usr", "wrong")
RIGHT = Credentials("usr", PASSWORD)
TOKEN = "t" * 60


@pytest.fixture
def usr(db):
    return UserFactory(username="usr", api_access_token=TOKEN)


def status(rpc, credentials) -> int:
    return rpc.post(GET_VERSION, credentials).status


def fail(rpc, times: int) -> None:
    for _ in range(times):
        assert status(rpc, WRONG) == 401


def reload(user) -> User:
    return User.objects.get(pk=user.pk)


def test_failures_below_the_threshold_do_not_lock(rpc, usr, settings):
    fail(rpc, settings.BRUTEFORCE_LOCKDOWN)

    assert reload(usr).nb_failed_login == settings.BRUTEFORCE_LOCKDOWN
    assert reload(usr).lock_expiration_date == 0
    assert status(rpc, RIGHT) == 200
    assert reload(usr).nb_failed_login == 0


def test_the_failure_past_the_threshold_locks_for_the_configured_duration(rpc, usr, settings):
    fail(rpc, settings.BRUTEFORCE_LOCKDOWN + 1)
    now = int(time.time())

    locked_until = reload(usr).lock_expiration_date
    assert now + 15 * 60 - 5 <= locked_until <= now + 15 * 60


def test_locked_accounts_refuse_even_right_credentials_without_counting(rpc, usr, settings):
    fail(rpc, settings.BRUTEFORCE_LOCKDOWN + 1)
    before = reload(usr)

    assert status(rpc, RIGHT) == 401
    assert status(rpc, Credentials("usr", TOKEN)) == 401
    fail(rpc, 3)

    after = reload(usr)
    assert (after.nb_failed_login, after.lock_expiration_date) == (
        before.nb_failed_login,
        before.lock_expiration_date,
    )


def test_threshold_and_duration_are_settings(rpc, usr, settings):
    settings.BRUTEFORCE_LOCKDOWN = 2
    settings.BRUTEFORCE_LOCKDOWN_DURATION = 1

    fail(rpc, 3)

    assert reload(usr).lock_expiration_date <= int(time.time()) + 60
    assert status(rpc, RIGHT) == 401


def test_after_expiry_one_more_failure_locks_again(rpc, usr, settings):
    fail(rpc, settings.BRUTEFORCE_LOCKDOWN + 1)
    User.objects.filter(pk=usr.pk).update(lock_expiration_date=int(time.time()) - 1)

    fail(rpc, 1)

    assert reload(usr).lock_expiration_date > time.time()


def test_after_expiry_the_right_password_resets_everything(rpc, usr, settings):
    fail(rpc, settings.BRUTEFORCE_LOCKDOWN + 1)
    User.objects.filter(pk=usr.pk).update(lock_expiration_date=int(time.time()) - 1)

    assert status(rpc, RIGHT) == 200

    after = reload(usr)
    assert (after.nb_failed_login, after.lock_expiration_date) == (0, 0)


def test_unlock_command_lets_the_user_in_again(rpc, usr, settings, capsys):
    fail(rpc, settings.BRUTEFORCE_LOCKDOWN + 1)

    call_command("unlock_user", "usr")

    assert "'usr' was locked" in capsys.readouterr().out
    assert status(rpc, RIGHT) == 200


def test_unknown_usernames_change_no_counter(rpc, usr):
    assert status(rpc, Credentials("nobody", "x")) == 401

    assert not User.objects.exclude(nb_failed_login=0).exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_wrong_passwords_lose_no_increment_and_lock(seeded, settings):
    from accounts.config import get_config

    UserFactory(username="usr")
    rpc = RpcClient(Credentials("jsonrpc", get_config("api_token")))
    statuses = []
    start = threading.Barrier(20)

    def attempt():
        client = RpcClient(rpc.app)
        start.wait()
        try:
            statuses.append(status(client, WRONG))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    user = User.objects.get(username="usr")
    assert statuses == [401] * 20
    assert user.nb_failed_login == settings.BRUTEFORCE_LOCKDOWN + 1
    assert user.lock_expiration_date > time.time()
