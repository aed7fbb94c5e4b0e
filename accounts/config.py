"""Kanboard's application settings (the ``settings`` table), read and written by name."""

from __future__ import annotations

import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

from accounts.models import Setting
from kanboard_site.database_changes import ReadSinceLastWrite
from kanboard_site.rows import select_rows

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


class _Snapshot:
    values: dict[str, str] | None = None


# The settings as one API request read them: read at its first need, then kept until
# the request ends. Never longer: a rotated application token, a new application URL
# take effect with the next request.
_request_snapshot: ContextVar[_Snapshot | None] = ContextVar("request_snapshot", default=None)


@contextmanager
def settings_read_once():
    """Within the block, the settings table (a few dozen rows) is read at most once."""
    reset = _request_snapshot.set(_Snapshot())
    try:
        yield
    finally:
        _request_snapshot.reset(reset)


def get_config(name: str, default: str = "") -> str:
    """The setting's value; ``default`` when it is missing or empty (Kanboard's rule)."""
    return get_configs({name: default})[name]


def get_configs(defaults: dict[str, str]) -> dict[str, str]:
    """Several settings in one query: {name: value, or its default when missing or empty}."""
    snapshot = _request_snapshot.get()
    if snapshot is None:
        placeholders = ", ".join(["%s"] * len(defaults))
        condition = f"option IN ({placeholders})"
        found = dict(select_rows(Setting, ("option", "value"), condition, list(defaults)))
    else:
        if snapshot.values is None:
            snapshot.values = dict(_all_settings())
        found = snapshot.values
    return {name: found.get(name) or default for name, default in defaults.items()}


# The rows, kept while nothing is written to the database (SQLite, outside a transaction).
_read_since_last_write = ReadSinceLastWrite()


def _all_settings() -> dict[str, str]:
    """Every row of the settings table. On SQLite, outside a transaction, the rows an
    earlier request read are reused when no connection has written to the database since:
    the table is not read again, and any write (the API, the admin, a command, another
    process) makes the next request read it."""
    return _read_since_last_write.get(
        "settings", lambda: dict(select_rows(Setting, ("option", "value"), "1 = 1", []))
    )


def set_config(name: str, value: str, changed_by: int = 0) -> None:
    Setting.objects.update_or_create(
        option=name,
        defaults={"value": value, "changed_by": changed_by, "changed_on": int(time.time())},
    )
    snapshot = _request_snapshot.get()
    if snapshot is not None and snapshot.values is not None:
        # A new dict: the one read may be shared with later requests (_all_settings).
        snapshot.values = {**snapshot.values, name: value}


def application_token() -> str:
    """The application token: the environment override wins over the stored one."""
    return settings.API_AUTHENTICATION_TOKEN or get_config("api_token")


def rotate_application_token() -> str:
    token = new_token()
    set_config("api_token", token)
    return token


DEFAULT_APPLICATION_URL = "http://localhost/"


def application_url() -> str:
    return get_config("application_url", DEFAULT_APPLICATION_URL)
