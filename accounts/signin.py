"""Signing in to the account area: the User API's credential check, lockout counter and
login history, behind a captcha and per-address and per-account rate limits.

Every refusal reads the same to the visitor (unknown user, wrong password, locked or
disabled account), so the form cannot be used to find out which accounts exist. A locked
account is unlocked by its right password once the captcha is solved, which is what
Kanboard's documentation promises; two-factor users also give a code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings

from accounts import credentials, lockout, throttle, twofactor
from accounts.credentials import UserLogin
from accounts.lookups import user_named

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Visitor:
    ip: str | None
    user_agent: str = ""


def _address_key(kind: str, visitor: Visitor) -> str:
    return throttle.bucket_key(f"{kind}-address", visitor.ip or "")


def _account_key(kind: str, username: str) -> str:
    return throttle.bucket_key(f"{kind}-account", username)


def within_rate_limits(username: str, visitor: Visitor) -> bool:
    """Take one attempt from the address's and the account name's budgets."""
    address_ok = throttle.take(_address_key("attempt", visitor), settings.SIGN_IN_LIMIT_PER_ADDRESS)
    account_ok = throttle.take(
        _account_key("attempt", username), settings.SIGN_IN_LIMIT_PER_ACCOUNT
    )
    return address_ok and account_ok


def captcha_required(username: str, visitor: Visitor) -> bool:
    """After BRUTEFORCE_CAPTCHA failures of the account (on the form or the API) or from
    the address, as Kanboard; failures on an unknown name count alike."""
    threshold = settings.BRUTEFORCE_CAPTCHA
    if throttle.is_empty(_address_key("failure", visitor), threshold):
        return True
    if not username:
        return False
    if throttle.is_empty(_account_key("failure", username), threshold):
        return True
    user = user_named(username)
    return user is not None and (user.nb_failed_login >= threshold or lockout.is_locked(user))


def record_failure(username: str, visitor: Visitor, user_id: int | None = None) -> None:
    threshold = settings.BRUTEFORCE_CAPTCHA
    throttle.take(_address_key("failure", visitor), threshold)
    throttle.take(_account_key("failure", username), threshold)
    # Ids only: a username field sometimes holds a mistyped password.
    logger.warning("account sign-in failure (user id %s) from %s", user_id or "-", visitor.ip)


def check_password(
    username: str, password: str, visitor: Visitor, *, captcha_solved: bool
) -> UserLogin | None:
    """The first step: the password, through the User API's own check."""
    login = credentials.check_user_credentials(
        username, password, sign_in_form=True, unlocking=captcha_solved
    )
    if login is None:
        user = user_named(username)
        record_failure(username, visitor, user.pk if user else None)
    return login


def check_second_factor(login: UserLogin, code: str, visitor: Visitor) -> bool:
    """The second step of a two-factor user; a wrong code counts as a failed login."""
    if twofactor.second_factor_matches(login.user, code):
        return True
    lockout.record_failure(login.user.pk)
    record_failure(login.user.username, visitor, login.user.pk)
    return False


def complete(login: UserLogin, visitor: Visitor) -> None:
    """Failures forgotten, lock lifted, one ``last_logins`` row: as an API login."""
    credentials.record_login(login, visitor.ip, visitor.user_agent)
