"""Logging into the Django admin with Kanboard's rules.

The password is checked as the User API checks it (Kanboard's bcrypt hashes, no login
for disabled accounts, nor with a password for two-factor, LDAP or login-form-disabled
accounts), and a failure counts toward the same lockout: guessing through the admin's
form is no way around ``BRUTEFORCE_LOCKDOWN``. A personal API token is an API
credential and does not open the admin. Whether the user may use the admin at all is
the application role's business (``User.is_staff``), which the admin checks next.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from accounts import credentials
from accounts.lookups import user_with_id
from accounts.models import User


class KanboardPasswordBackend:
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None
    ) -> User | None:
        if not username or password is None:
            return None
        login = credentials.check_user_credentials(username, password, accept_api_token=False)
        if login is None:
            credentials.log_failure(username, _client_ip(request))
            return None
        return login.user

    def get_user(self, user_id: int) -> User | None:
        """The user of an admin session, while the account stays enabled."""
        user = user_with_id(user_id)
        return user if user is not None and user.is_active else None


@receiver(user_logged_in, dispatch_uid="kanboard_admin_login")
def record_admin_login(sender, request: HttpRequest | None, user: User, **kwargs) -> None:
    """A login to the admin is a login like the API's: failures forgotten, history kept."""
    credentials.record_login(
        credentials.UserLogin(user, credentials.AUTH_DATABASE),
        _client_ip(request),
        request.headers.get("User-Agent", "") if request is not None else "",
    )


def _client_ip(request: HttpRequest | None) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None
