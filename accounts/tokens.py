"""Personal access tokens: several named tokens per user, stored as salted hashes.

A token reads ``kbp_`` followed by 40 letters and digits. Its first 12 characters (the
prefix) are kept in clear to find the row, then the salted SHA-256 of the whole secret is
compared in constant time (healthchecks' ``for_api_key`` pattern). The secret itself is
shown once, at creation, and never stored. Clients send it as the Basic-auth password
with their username, exactly as Kanboard's single ``api_access_token``.
"""

from __future__ import annotations

import hashlib
import secrets
import string
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from accounts.models import PersonalToken, User

TOKEN_PREFIX = "kbp_"
RANDOM_LENGTH = 40
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8
LAST_CHARACTERS = 4
NAME_MAX_LENGTH = 100
_ALPHABET = string.ascii_letters + string.digits
# last_used is rewritten at most this often, so that using a token costs no write per
# request (Plane's per-request save is the example not to follow).
LAST_USED_PRECISION = timedelta(minutes=5)


def salted_hash(salt: str, secret: str) -> str:
    return hashlib.sha256((salt + secret).encode("utf-8", "surrogatepass")).hexdigest()


def looks_like_token(secret: str) -> bool:
    return secret.startswith(TOKEN_PREFIX) and len(secret) == len(TOKEN_PREFIX) + RANDOM_LENGTH


def create_token(
    user: User, name: str, *, read_only: bool = False, expires: datetime | None = None
) -> tuple[PersonalToken, str]:
    """A new token and its secret (the only time the secret exists outside the client)."""
    name = name.strip()
    if not name:
        raise ValidationError("The token needs a name")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(f"The maximum length is {NAME_MAX_LENGTH} characters")
    now = timezone.now()
    if expires is not None and expires <= now:
        raise ValidationError("The expiry date must be in the future")
    secret = TOKEN_PREFIX + "".join(secrets.choice(_ALPHABET) for _ in range(RANDOM_LENGTH))
    salt = secrets.token_hex(16)
    token = PersonalToken.objects.create(
        user=user,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        salt=salt,
        secret_hash=salted_hash(salt, secret),
        last_characters=secret[-LAST_CHARACTERS:],
        read_only=read_only,
        created=now,
        expires=expires,
    )
    return token, secret


def matching_token(user: User, secret: str) -> PersonalToken | None:
    """The user's live token with this secret, or None (wrong, revoked or expired)."""
    if not looks_like_token(secret):
        return None
    token = PersonalToken.objects.filter(prefix=secret[:PREFIX_LENGTH]).first()
    if token is None or token.user_id != user.pk:
        return None
    if not constant_time_compare(salted_hash(token.salt, secret), token.secret_hash):
        return None
    now = timezone.now()
    if token.revoked is not None or (token.expires is not None and token.expires <= now):
        return None
    return token


def record_use(token: PersonalToken) -> None:
    """Remember when the token was last used, to within LAST_USED_PRECISION.

    Nothing is written while the stored time is recent enough; otherwise one conditional
    UPDATE, which concurrent requests cannot turn into several."""
    now = timezone.now()
    stale_before = now - LAST_USED_PRECISION
    if token.last_used is not None and token.last_used > stale_before:
        return
    PersonalToken.objects.filter(pk=token.pk).exclude(last_used__gt=stale_before).update(
        last_used=now
    )
    token.last_used = now


def tokens_of(user: User):
    """The user's tokens, newest first, revoked ones included (they show as revoked)."""
    return PersonalToken.objects.filter(user=user).order_by("-created", "-id")


def revoke_token(user: User, token_id: int) -> bool:
    """Revoke one of the user's own tokens; False when it is not theirs or already revoked."""
    return bool(
        PersonalToken.objects.filter(pk=token_id, user=user, revoked=None).update(
            revoked=timezone.now()
        )
    )


def revoke_all_tokens(user: User) -> int:
    return PersonalToken.objects.filter(user=user, revoked=None).update(revoked=timezone.now())


def revoke_tokens_named(user: User, name: str) -> int:
    return PersonalToken.objects.filter(user=user, name=name.strip(), revoked=None).update(
        revoked=timezone.now()
    )
