"""The database token buckets behind the sign-in rate limits and captcha."""

from __future__ import annotations

from datetime import timedelta

from accounts import throttle
from accounts.models import SignInBucket


def test_a_bucket_allows_its_capacity_then_refuses(db):
    key = throttle.bucket_key("attempt-address", "10.0.0.1")

    assert [throttle.take(key, 3) for _ in range(4)] == [True, True, True, False]
    assert throttle.is_empty(key, 3)


def test_a_bucket_refills_over_the_window(db):
    key = throttle.bucket_key("attempt-address", "10.0.0.1")
    for _ in range(3):
        throttle.take(key, 3)
    bucket = SignInBucket.objects.get(key=key)

    SignInBucket.objects.filter(pk=bucket.pk).update(updated=bucket.updated - throttle.WINDOW / 3)

    assert not throttle.is_empty(key, 3)
    assert throttle.take(key, 3)
    assert not throttle.take(key, 3)


def test_a_full_window_restores_the_capacity_and_no_more(db):
    key = throttle.bucket_key("attempt-account", "alice")
    throttle.take(key, 2)
    SignInBucket.objects.filter(key=key).update(
        updated=SignInBucket.objects.get().updated - 10 * throttle.WINDOW
    )

    assert [throttle.take(key, 2) for _ in range(3)] == [True, True, False]


def test_looking_takes_nothing(db):
    key = throttle.bucket_key("failure-account", "alice")

    for _ in range(5):
        assert not throttle.is_empty(key, 1)
    assert throttle.take(key, 1)


def test_keys_are_keyed_hashes_of_what_they_count(db):
    key = throttle.bucket_key("attempt-account", "alice")
    throttle.take(key, 3)

    stored = SignInBucket.objects.get().key
    assert "alice" not in stored
    assert stored != throttle.bucket_key("attempt-address", "alice")
    assert stored.startswith("attempt-account:")


def test_a_bucket_of_another_kind_is_separate(db):
    throttle.take(throttle.bucket_key("attempt-account", "alice"), 1)

    assert throttle.take(throttle.bucket_key("attempt-account", "bob"), 1)
    assert not throttle.take(throttle.bucket_key("attempt-account", "alice"), 1)
    assert SignInBucket.objects.count() == 2


def test_the_window_is_the_documented_fifteen_minutes():
    assert timedelta(minutes=15) == throttle.WINDOW
