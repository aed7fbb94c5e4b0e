"""Concurrent writers are served, never refused with "database is locked" (SQLite runs
in WAL mode with IMMEDIATE transactions and a busy timeout; PostgreSQL has row locks)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accounts.config import get_config
from accounts.models import Group, LastLogin
from tests.conftest import Credentials, RpcClient
from tests.factories import PASSWORD, UserFactory

WRITERS = 8
CALLS = 15


def run_concurrently(work) -> list:
    results = []
    start = threading.Barrier(WRITERS)

    def worker(index):
        start.wait()
        try:
            results.extend(work(index))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_eight_concurrent_writers_all_succeed(seeded):
    app = Credentials("jsonrpc", get_config("api_token"))

    def create_groups(index):
        client = RpcClient(app)
        return [client.request("createGroup", [f"g{index}-{n}"]).json for n in range(CALLS)]

    answers = run_concurrently(create_groups)

    assert [answer for answer in answers if "error" in answer] == []
    assert all(isinstance(answer["result"], int) for answer in answers)
    assert Group.objects.count() == WRITERS * CALLS


@pytest.mark.django_db(transaction=True)
def test_concurrent_user_logins_all_succeed_and_keep_ten_rows(seeded):
    UserFactory(username="busy")
    user = Credentials("busy", PASSWORD)

    def log_in(index):
        client = RpcClient(user)
        return [client.request("getMe", as_=user).status for _ in range(CALLS)]

    statuses = run_concurrently(log_in)

    assert statuses == [200] * (WRITERS * CALLS)
    assert LastLogin.objects.filter(user__username="busy").count() == 10
