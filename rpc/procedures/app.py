"""AppProcedure: version, timezone, colors and role names."""

from __future__ import annotations

from django.conf import settings

from accounts.config import get_config
from accounts.roles import APPLICATION_ROLES
from projects.roles import PROJECT_ROLES
from rpc.authentication import Caller
from rpc.registry import procedure
from tasks.colors import COLORS, default_color


@procedure("getVersion")
def get_version() -> str:
    return settings.APP_VERSION


@procedure("getTimezone")
def get_timezone(caller: Caller) -> str:
    own = caller.user.timezone if caller.user is not None else None
    return own or get_config("application_timezone", "UTC")


@procedure("getDefaultTaskColor")
def get_default_task_color() -> str:
    return default_color()


@procedure("getDefaultTaskColors")
def get_default_task_colors() -> dict:
    return {color_id: dict(properties) for color_id, properties in COLORS.items()}


@procedure("getColorList")
def get_color_list() -> dict:
    return {color_id: properties["name"] for color_id, properties in COLORS.items()}


@procedure("getApplicationRoles")
def get_application_roles() -> dict:
    return dict(APPLICATION_ROLES)


@procedure("getProjectRoles")
def get_project_roles() -> dict:
    return dict(PROJECT_ROLES)
