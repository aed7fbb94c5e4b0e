"""Checking who is calling the API: the application token, or a user's password or
personal access token (Kanboard's providers, in its order of precedence)."""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.crypto import constant_time_compare

from accounts import lockout, passwords
from accounts.config import application_token
from accounts.lookups import user_named
from accounts.models import LastLogin, User

logger = logging.getLogger(__name__)

AUTH_DATABASE = "Database"
AUTH_API_TOKEN = "API Access Token"
LAST_LOGINS_KEPT = 10
USER_AGENT_MAX = 255


def is_application_token(secret: str) -> bool:
    """Constant-time comparison; an empty token never authenticates anybody."""
    token = application_token()
    return bool(token) and bool(secret) and constant_time_compare(secret, token)


class PasswordCheckCache:
    """Successful bcrypt checks remembered for a short time by one worker process.

    A User API client sends its password with every request, and bcrypt at Kanboard's
    cost takes tens of milliseconds. Only successes are kept, keyed by a keyed hash of
    the username, the password and the stored hash, so a password change (a new stored
    hash) invalidates the entry at once and nothing readable is kept in memory. Whether
    the user is active, locked or still owns the token is never cached.
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self.max_entries = max_entries
        self._expiry_by_key: OrderedDict[bytes, float] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(username: str, password: str, stored_hash: str) -> bytes:
        message = "\0".join((username, password, stored_hash)).encode("utf-8", "surrogatepass")
        return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()

    def verified(self, username: str, password: str, stored_hash: str) -> bool:
        key = self._key(username, password, stored_hash)
        with self._lock:
            expiry = self._expiry_by_key.get(key)
            if expiry is None:
                return False
            if expiry < time.monotonic():
                del self._expiry_by_key[key]
                return False
            return True

    def remember(self, username: str, password: str, stored_hash: str) -> None:
        lifetime = settings.PASSWORD_CHECK_CACHE_SECONDS
        if lifetime <= 0:
            return
        key = self._key(username, password, stored_hash)
        with self._lock:
            self._expiry_by_key[key] = time.monotonic() + lifetime
            self._expiry_by_key.move_to_end(key)
            while len(self._expiry_by_key) > self.max_entries:
                self._expiry_by_key.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._expiry_by_key.clear()


password_checks = PasswordCheckCache()


@dataclass
class UserLogin:
    user: User
    auth_type: str


def check_user_credentials(
    username: str,
    secret: str,
    verified_hashes: set[str] | None = None,
    *,
    accept_api_token: bool = True,
) -> UserLogin | None:
    """The user these credentials authenticate, or None (and the failure is counted).

    ``verified_hashes`` holds the password hashes already verified with this secret
    during the current HTTP request, so a batch costs one bcrypt check, not one per
    element, while the user's row is still read again for every element. The admin's
    login form takes the password alone (``accept_api_token=False``), under the same
    lockout.
    """
    user = user_named(username)
    if user is None:
        passwords.spend_dummy_check(secret)
        return None
    if lockout.is_locked(user):
        return None
    auth_type = _matching_provider(
        user, secret, verified_hashes if verified_hashes is not None else set(), accept_api_token
    )
    if auth_type is None:
        lockout.record_failure(user.pk)
        return None
    return UserLogin(user, auth_type)


def _matching_provider(
    user: User, secret: str, verified_hashes: set[str], accept_api_token: bool
) -> str | None:
    if not user.is_active or not secret:
        return None
    # The token is cheap to compare, so it is tried before the password; a request
    # succeeds when either matches, as in Kanboard.
    if (
        accept_api_token
        and user.api_access_token
        and constant_time_compare(secret, user.api_access_token)
    ):
        return AUTH_API_TOKEN
    if user.twofactor_activated or user.is_ldap_user or user.disable_login_form:
        return None
    if _password_matches(user, secret, verified_hashes):
        return AUTH_DATABASE
    return None


def _password_matches(user: User, secret: str, verified_hashes: set[str]) -> bool:
    stored = user.password
    if not stored:
        return False
    if stored in verified_hashes or password_checks.verified(user.username, secret, stored):
        verified_hashes.add(stored)
        return True
    if passwords.verify_password(secret, stored):
        password_checks.remember(user.username, secret, stored)
        verified_hashes.add(stored)
        return True
    return False


def record_login(login: UserLogin, ip: str | None, user_agent: str) -> None:
    """Bookkeeping of a successful authentication: failures forgotten, history kept.

    One transaction (one commit to wait for, not three) that starts by updating the
    user's row, so that concurrent logins of one user are serialised and the newest
    ten rows are kept exactly."""
    with transaction.atomic():
        _record_login(login, ip, user_agent)


def _record_login(login: UserLogin, ip: str | None, user_agent: str) -> None:
    lockout.reset(login.user)
    LastLogin.objects.create(
        auth_type=login.auth_type,
        user=login.user,
        ip=ip,
        user_agent=user_agent[:USER_AGENT_MAX],
        date_creation=int(time.time()),
    )
    oldest_kept = (
        LastLogin.objects.filter(user=login.user)
        .order_by("-id")
        .values_list("id", flat=True)[LAST_LOGINS_KEPT - 1 : LAST_LOGINS_KEPT]
    )
    LastLogin.objects.filter(user=login.user, id__lt=oldest_kept).delete()


def log_failure(username: str, ip: str | None) -> None:
    # The same line Kanboard writes, which fail2ban rules already match.
    logger.warning("user %s authentication failure with IP address %s", username, ip)
