"""Kanboard's password hashes: PHP bcrypt strings verify as they are, new ones match."""

from __future__ import annotations

import pytest

from accounts.passwords import hash_password, verify_password
from tests.conftest import Credentials
from tests.factories import UserFactory

# The hash of "admin" that Kanboard's own SQL schema seeds, made by PHP's password_hash.
KANBOARD_ADMIN_HASH = "$2y$10$GzDCeQl/GdH.pCZfz4fWdO3qmayutRCmxEIY9U9t1k9q9F89VNDCm"


def test_hashes_made_by_php_verify():
    assert verify_password("admin", KANBOARD_ADMIN_HASH) is True
    assert verify_password("Admin", KANBOARD_ADMIN_HASH) is False


def test_an_imported_kanboard_account_logs_in(rpc):
    user = UserFactory(username="imported")
    user.password = KANBOARD_ADMIN_HASH
    user.save()

    assert rpc.status("getVersion", as_=Credentials("imported", "admin")) == 200


def test_new_hashes_have_phps_prefix_and_the_configured_cost(settings):
    settings.PASSWORD_BCRYPT_ROUNDS = 10

    hashed = hash_password("secret1")

    assert hashed.startswith("$2y$10$") and len(hashed) == 60
    assert verify_password("secret1", hashed)


def test_passwords_longer_than_72_bytes_are_read_as_php_reads_them():
    long_password = "p" * 72 + "anything after the 72nd byte"

    hashed = hash_password("p" * 72)

    assert verify_password(long_password, hashed) is True
    assert verify_password("p" * 71, hashed) is False


@pytest.mark.parametrize("password", ["a\x00b", "\udc80", ""])
def test_unusable_passwords_never_verify(password):
    assert verify_password(password, hash_password("a")) is False


@pytest.mark.parametrize("stored", [None, "", "garbage", "$2y$10$short"])
def test_malformed_stored_hashes_never_verify(stored):
    assert verify_password("admin", stored) is False


def test_a_100_byte_password_logs_in_without_error(rpc):
    UserFactory(username="long", password="x" * 72)

    assert rpc.status("getVersion", as_=Credentials("long", "x" * 100)) == 200
    assert rpc.status("getVersion", as_=Credentials("long", "y" * 100)) == 401
