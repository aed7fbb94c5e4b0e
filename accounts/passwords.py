"""Kanboard's password format: PHP ``password_hash`` bcrypt strings (``$2y$10$…``).

Hashes imported from a Kanboard database verify unchanged, and new hashes are written
in the same form, so getUser answers the same kind of string Kanboard does.
"""

from __future__ import annotations

import bcrypt
from django.conf import settings

# PHP's bcrypt reads at most 72 bytes of the password; pyca/bcrypt refuses longer
# input instead of truncating, so truncate first to give PHP's answer.
BCRYPT_MAX_BYTES = 72

# Verified against when the username is unknown, so that an unknown user costs one
# bcrypt check like a known one (timing does not reveal which usernames exist).
_DUMMY_HASH = bcrypt.hashpw(b"unknown user", bcrypt.gensalt(10))


def _password_bytes(raw_password: str) -> bytes | None:
    try:
        encoded = raw_password.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if b"\x00" in encoded:
        return None
    return encoded[:BCRYPT_MAX_BYTES]


def hash_password(raw_password: str) -> str:
    encoded = _password_bytes(raw_password)
    if encoded is None:
        raise ValueError("a password cannot contain NUL characters or lone surrogates")
    hashed = bcrypt.hashpw(encoded, bcrypt.gensalt(settings.PASSWORD_BCRYPT_ROUNDS)).decode()
    # pyca/bcrypt writes the $2b$ prefix; PHP writes $2y$ for the same algorithm.
    return "$2y$" + hashed[4:]


def verify_password(raw_password: str, stored_hash: str | None) -> bool:
    encoded = _password_bytes(raw_password)
    if not stored_hash or encoded is None:
        return False
    try:
        return bcrypt.checkpw(encoded, stored_hash.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return False


def spend_dummy_check(raw_password: str) -> None:
    encoded = _password_bytes(raw_password) or b""
    bcrypt.checkpw(encoded, _DUMMY_HASH)
