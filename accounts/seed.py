"""What a fresh Kanboard installation contains: the ``admin`` account (password
``admin``) and the application settings with a random application token.

Used by the data migration with historical models, and idempotent.
"""

from __future__ import annotations

from accounts.config import DEFAULT_SETTINGS, new_token
from accounts.passwords import hash_password
from accounts.roles import APP_ADMIN


def seed_settings(setting_model) -> None:
    values = {**DEFAULT_SETTINGS, "api_token": new_token(), "webhook_token": new_token()}
    existing = set(setting_model.objects.values_list("option", flat=True))
    setting_model.objects.bulk_create(
        setting_model(option=option, value=value)
        for option, value in values.items()
        if option not in existing
    )


def seed_admin(user_model) -> None:
    # is_admin = 1: Kanboard's schema made this row before roles existed, and getUser
    # still shows the legacy column.
    if not user_model.objects.exists():
        user_model.objects.create(
            username="admin", password=hash_password("admin"), role=APP_ADMIN, is_admin=1
        )
