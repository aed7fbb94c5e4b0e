"""Kanboard's global webhook: every project's events, posted to the ``webhook_url``
setting with the ``webhook_token`` setting as the ``token`` query parameter. The
environment's WEBHOOK_URL and WEBHOOK_TOKEN, when set, win over the settings.

Ours: each request is also signed with a secret, WEBHOOK_SECRET or else the
``webhook_secret`` setting, generated the first time it is needed."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from accounts.config import get_config, new_token, set_config
from accounts.models import Setting


def global_webhook_url() -> str:
    return settings.WEBHOOK_URL or get_config("webhook_url")


def global_webhook_token() -> str:
    return settings.WEBHOOK_TOKEN or get_config("webhook_token")


def with_token(url: str, token: str) -> str:
    """Kanboard's request URL: the token appended as it is, after "?" or "&"."""
    return f"{url}{'&' if '?' in url else '?'}token={token}"


def global_webhook_secret() -> str:
    """The signing secret; when none is stored, one is generated and stored. Concurrent
    first deliveries agree on one secret: only an insert or an update of an empty value
    stores it, and every caller reads back what was stored."""
    if settings.WEBHOOK_SECRET:
        return settings.WEBHOOK_SECRET
    stored = get_config("webhook_secret")
    if stored:
        return stored
    candidate = new_token()
    with transaction.atomic():
        row, created = Setting.objects.get_or_create(
            option="webhook_secret", defaults={"value": candidate, "changed_on": int(time.time())}
        )
        if not created and not row.value:
            Setting.objects.filter(option="webhook_secret", value__in=["", None]).update(
                value=candidate, changed_on=int(time.time())
            )
    return Setting.objects.get(option="webhook_secret").value


def validate_webhook_url(url: str) -> None:
    """An http or https URL (empty is accepted by the callers that mean "none")."""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError("The webhook URL must be an http or https URL.") from None


def configure_global_webhook(url: str, changed_by: int) -> None:
    """Set the global webhook's URL (empty: no global webhook)."""
    url = url.strip()
    if url:
        validate_webhook_url(url)
    with transaction.atomic():
        set_config("webhook_url", url, changed_by=changed_by)


def renew_global_webhook_token(changed_by: int) -> str:
    """A new ``token`` for the global webhook's requests (Kanboard's "reset token")."""
    token = new_token()
    with transaction.atomic():
        set_config("webhook_token", token, changed_by=changed_by)
    return token


def renew_global_webhook_secret(changed_by: int) -> str:
    """A new signing secret for the global webhook's requests."""
    secret = new_token()
    with transaction.atomic():
        set_config("webhook_secret", secret, changed_by=changed_by)
    return secret
