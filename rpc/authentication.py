"""Who is calling: HTTP Basic (or Kanboard's alternative header) to a ``Caller``.

Credentials are verified once per HTTP request, and only when the first request object
that passed validation needs them. The user's row is read again for every further batch
element, so that disabling oneself or losing a role inside a batch takes effect at once.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from accounts import credentials
from accounts.models import User
from rpc.errors import Unauthorized

APPLICATION_USERNAME = "jsonrpc"


@dataclass
class Caller:
    """The application (``user`` is None) or a user of the User API."""

    user: User | None
    ip: str | None = None
    user_agent: str = ""
    # A read-only personal token: only procedures that change nothing (rpc/access.py).
    read_only: bool = False

    @property
    def is_application(self) -> bool:
        return self.user is None

    @property
    def user_id(self) -> int:
        return self.user.pk if self.user is not None else 0


def decode_pair(encoded: str) -> tuple[str, str] | None:
    """``user:secret`` from strict base64 of UTF-8, split at the first colon."""
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    username, colon, secret = decoded.partition(":")
    return (username, secret) if colon else None


def read_credentials(request: HttpRequest) -> tuple[str, str] | None:
    """The (username, secret) the request carries; None when a header is malformed.

    Without any header the credentials are empty, which fail like wrong ones.
    """
    username, secret = "", ""
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() == "basic":
        pair = decode_pair(encoded)
        if pair is None:
            return None
        username, secret = pair
    header = settings.API_AUTHENTICATION_HEADER
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"))
        if value is not None:
            pair = decode_pair(value)
            if pair is None:
                return None
            # Each non-empty part of the alternative header wins over Basic's.
            username, secret = pair[0] or username, pair[1] or secret
    return username, secret


class RequestAuthentication:
    """The caller of one HTTP request, authenticated lazily."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self._credentials: tuple[str, str] | None = None
        self._verified_hashes: set[str] = set()
        self._recorded = False
        self._application: Caller | None = None
        # The authenticated user's id, for logs (None for the application or a refusal).
        self.user_id: int | None = None

    def credential_kind(self) -> str:
        """Which credential the request names (for logs and metrics): "application" for
        the user ``jsonrpc``, "user" for any other username, "none" without one."""
        username = self._credentials[0] if self._credentials else ""
        if not username:
            return "none"
        return "application" if username == APPLICATION_USERNAME else "user"

    def caller(self) -> Caller:
        """The caller, checked again for this request object; raises Unauthorized."""
        if self._application is not None:
            # The application has no row that a batch element could change.
            return self._application
        if self._credentials is None:
            self._credentials = read_credentials(self.request) or ("", "")
        username, secret = self._credentials
        ip = self.request.META.get("REMOTE_ADDR")
        user_agent = self.request.META.get("HTTP_USER_AGENT", "")
        if not username:
            raise Unauthorized
        if username == APPLICATION_USERNAME:
            if credentials.is_application_token(secret):
                self._application = Caller(None, ip, user_agent)
                return self._application
            raise Unauthorized
        login = credentials.check_user_credentials(username, secret, self._verified_hashes)
        if login is None:
            credentials.log_failure(username, ip)
            raise Unauthorized
        self.user_id = login.user.pk
        if not self._recorded:
            credentials.record_login(login, ip, user_agent)
            self._recorded = True
        return Caller(login.user, ip, user_agent, read_only=login.read_only)
