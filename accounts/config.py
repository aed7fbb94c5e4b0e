"""Kanboard's application settings (the ``settings`` table), read and written by name."""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.db import connection

from accounts.models import Setting

_SELECT_SETTING = "SELECT value FROM settings WHERE option = %s"

# The rows a fresh Kanboard installation has, minus the two random tokens.
DEFAULT_SETTINGS = {
    "application_currency": "USD",
    "application_date_format": "m/d/Y",
    "application_language": "en_US",
    "application_stylesheet": "",
    "application_timezone": "UTC",
    "application_url": "",
    "board_columns": "",
    "board_highlight_period": "172800",
    "board_private_refresh_interval": "10",
    "board_public_refresh_interval": "60",
    "calendar_project_tasks": "date_started",
    "calendar_user_subtasks_time_tracking": "0",
    "calendar_user_tasks": "date_started",
    "cfd_include_closed_tasks": "1",
    "default_color": "yellow",
    "integration_gravatar": "0",
    "password_reset": "1",
    "project_categories": "",
    "subtask_restriction": "0",
    "subtask_time_tracking": "1",
    "webhook_url": "",
}


def new_token() -> str:
    """60 lowercase hex characters, the format of Kanboard's generated tokens."""
    return secrets.token_hex(30)


def get_config(name: str, default: str = "") -> str:
    """The setting's value; ``default`` when it is missing or empty (Kanboard's rule).

    Read on every API request (the application token must never be cached, so that a
    rotation takes effect at once), hence one plain parameterised query, not the ORM's.
    """
    with connection.cursor() as cursor:
        cursor.execute(_SELECT_SETTING, [name])
        row = cursor.fetchone()
    return row[0] if row and row[0] else default


def set_config(name: str, value: str, changed_by: int = 0) -> None:
    Setting.objects.update_or_create(
        option=name,
        defaults={"value": value, "changed_by": changed_by, "changed_on": int(time.time())},
    )


def application_token() -> str:
    """The application token: the environment override wins over the stored one."""
    return settings.API_AUTHENTICATION_TOKEN or get_config("api_token")


def rotate_application_token() -> str:
    token = new_token()
    set_config("api_token", token)
    return token


def application_url() -> str:
    return get_config("application_url", "http://localhost/")
