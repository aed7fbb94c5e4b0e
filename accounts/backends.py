"""Sessions of the account area and the admin, with Kanboard's rules.

Both sign in through the account area's form (``accounts.views.sign_in``), which checks
the password as the User API does and counts a failure toward the same lockout. This
backend keeps a session only while its account stays enabled, and gives Django's own
``authenticate()`` the same password check (Kanboard's bcrypt hashes; no password for
disabled, two-factor, LDAP or login-form-disabled accounts; a personal API token is an
API credential and opens no session). Whether the user may use the admin at all is the
application role's business (``User.is_staff``), which the admin checks next.
"""

from __future__ import annotations

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
        login = credentials.check_user_credentials(username, password, sign_in_form=True)
        if login is None:
            credentials.log_failure(username, _client_ip(request))
            return None
        return login.user

    def get_user(self, user_id: int) -> User | None:
        """The user of an admin session, while the account stays enabled."""
        user = user_with_id(user_id)
        return user if user is not None and user.is_active else None


def _client_ip(request: HttpRequest | None) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None
