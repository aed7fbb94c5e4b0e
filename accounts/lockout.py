"""Brute-force protection of user accounts, with Kanboard 1.2.53's rules.

Every failed User API authentication adds one to ``nb_failed_login``; the failure that
takes the counter past ``BRUTEFORCE_LOCKDOWN`` (the 7th with the default 6) locks the
account for ``BRUTEFORCE_LOCKDOWN_DURATION`` minutes. While locked, attempts are refused
without being counted. The counter is not reset when a lock expires, so one more failure
locks again; a success (or an operator's unlock) resets both.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db.models import BigIntegerField, Case, F, Value, When

from accounts.models import User
from operations.metrics import ACCOUNT_LOCKOUTS


def now() -> int:
    return int(time.time())


def is_locked(user: User, at: int | None = None) -> bool:
    at = now() if at is None else at
    return bool(user.lock_expiration_date) and user.lock_expiration_date >= at


def record_failure(user_id: int) -> None:
    """Count one failure, and lock the account when it is one too many.

    One conditional UPDATE, so concurrent failures are neither lost nor counted while
    the account is already locked (the database serialises writes to the row).
    """
    at = now()
    lock_until = at + settings.BRUTEFORCE_LOCKDOWN_DURATION * 60
    counted = (
        User.objects.filter(pk=user_id)
        .exclude(lock_expiration_date__gte=at)
        .update(
            nb_failed_login=F("nb_failed_login") + 1,
            lock_expiration_date=Case(
                # Compared with the value before this increment.
                When(nb_failed_login__gte=settings.BRUTEFORCE_LOCKDOWN, then=Value(lock_until)),
                default=F("lock_expiration_date"),
                output_field=BigIntegerField(),
            ),
        )
    )
    # For the lockout metric only: an UPDATE cannot say which branch it took, so the row
    # is read back. Two failures racing in the same second may both count the lock.
    if counted and User.objects.filter(pk=user_id, lock_expiration_date=lock_until).exists():
        ACCOUNT_LOCKOUTS.inc()


def reset(user: User) -> None:
    """Forget past failures (after a successful authentication, or an operator's unlock).

    Always an UPDATE, even with nothing to forget: inside the login's transaction it
    locks the user's row, which serialises concurrent logins of one user."""
    User.objects.filter(pk=user.pk).update(nb_failed_login=0, lock_expiration_date=0)
    user.nb_failed_login = 0
    user.lock_expiration_date = 0


def unlock(user: User) -> bool:
    """Operator unlock; True when the account was locked or had failures counted."""
    was_locked = bool(user.nb_failed_login or user.lock_expiration_date)
    reset(user)
    return was_locked
