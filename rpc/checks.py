"""System checks for the API (``manage.py check``), with stable ids."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def api_settings_check(app_configs, **kwargs):
    problems = []
    if settings.DEBUG:
        problems.append(
            Warning("DEBUG is on: error pages show code and settings.", id="kanboard.W001")
        )
    if settings.API_AUTHENTICATION_TOKEN and len(settings.API_AUTHENTICATION_TOKEN) < 20:
        problems.append(
            Error(
                "API_AUTHENTICATION_TOKEN is shorter than 20 characters.",
                hint="Use 'python -c \"import secrets; print(secrets.token_hex(30))\"'.",
                id="kanboard.E001",
            )
        )
    return problems


@register()
def access_table_check(app_configs, **kwargs):
    """Every registered procedure must have a row in the access table."""
    from rpc.access import ACCESS
    from rpc.protocol import server

    missing = sorted(set(server.procedures) - set(ACCESS))
    return [
        Error(f"Procedure {name} has no row in rpc/access.py ACCESS.", id="kanboard.E002")
        for name in missing
    ]
