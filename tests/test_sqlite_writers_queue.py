"""SQLite writers wait their turn on a file lock beside the database, woken as soon as
the writer before them ends its transaction (kanboard_site/sqlite_backend), whether it
commits, rolls back or closes its connection; readers never wait for it."""

from __future__ import annotations

import fcntl
import os
import statistics
import threading
import time

import pytest
from django.db import connection, transaction

from accounts.models import Group

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's writers only"),
]


def turn_is_taken() -> bool:
    """Whether some connection holds the writers' turn (asked from a descriptor of our own)."""
    descriptor = os.open(f"{connection.settings_dict['NAME']}.writers", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(descriptor)
    return False


def test_a_transaction_holds_the_turn_until_it_commits():
    with transaction.atomic():
        Group.objects.create(name="first")
        assert turn_is_taken()
    assert not turn_is_taken()


def test_a_rollback_gives_the_turn_away():
    with transaction.atomic():
        Group.objects.create(name="undone")
        transaction.set_rollback(True)
    assert not turn_is_taken()
    assert not Group.objects.exists()


def test_an_exception_in_the_transaction_gives_the_turn_away():
    with pytest.raises(RuntimeError), transaction.atomic():
        Group.objects.create(name="lost")
        raise RuntimeError("fails")
    assert not turn_is_taken()


def test_closing_the_connection_gives_the_turn_away():
    holding, release = threading.Event(), threading.Event()

    def holder():
        transaction.atomic().__enter__()  # left open: only closing the connection ends it
        Group.objects.create(name="never committed")
        holding.set()
        release.wait(5)
        connection.close()

    thread = threading.Thread(target=holder)
    thread.start()
    assert holding.wait(5)
    assert turn_is_taken()
    release.set()
    thread.join(5)

    assert not turn_is_taken()
    assert not Group.objects.exists()


def test_readers_do_not_wait_for_a_writer():
    read = threading.Event()

    def reader():
        try:
            Group.objects.count()  # outside a transaction: no turn to take
            read.set()
        finally:
            connection.close()

    with transaction.atomic():
        Group.objects.create(name="writing")
        thread = threading.Thread(target=reader)
        thread.start()
        assert read.wait(2)
    thread.join(5)


def test_a_waiting_writer_starts_as_soon_as_the_turn_is_free():
    """SQLite's own wait polls every 100 ms once a writer has waited a quarter of a
    second: about 50 ms late on average. The kernel wakes a waiter at once."""
    delays = []
    for round_number in range(5):
        began: list[float] = []

        def second_writer(began=began, name=f"second {round_number}"):
            try:
                with transaction.atomic():
                    began.append(time.monotonic())
                    Group.objects.create(name=name)
            finally:
                connection.close()

        thread = threading.Thread(target=second_writer)
        with transaction.atomic():
            Group.objects.create(name=f"first {round_number}")
            thread.start()
            time.sleep(0.35)
            assert not began  # still waiting for its turn
        ended = time.monotonic()
        thread.join(10)
        delays.append(began[0] - ended)

    assert statistics.mean(delays) < 0.02
    assert Group.objects.count() == 10
