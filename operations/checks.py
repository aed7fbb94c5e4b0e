"""System checks of the operators' settings (``manage.py check [--deploy]``, ``doctor``)."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
METRICS_TOKEN_MIN_LENGTH = 20


def parse_networks(entries: list[str]) -> tuple[list, list[str]]:
    """The networks of METRICS_ALLOWED_ADDRESSES (an address is a network of one), and
    the entries that are neither."""
    networks, invalid = [], []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
        except ValueError:
            invalid.append(entry)
    return networks, invalid


@register(Tags.security, deploy=True)
def deployment_settings_check(app_configs, **kwargs):
    problems = []
    hosts = set(settings.ALLOWED_HOSTS)
    if hosts <= LOCAL_HOSTS:
        problems.append(
            Warning(
                "ALLOWED_HOSTS names only this machine: requests for the public name are "
                "refused with 400.",
                hint="Set ALLOWED_HOSTS to the name clients use, e.g. kanboard.example.com.",
                id="kanboard.W101",
            )
        )
    if "*" in hosts:
        problems.append(
            Warning(
                "ALLOWED_HOSTS accepts any host name.",
                hint="List the names clients use instead of '*'.",
                id="kanboard.W102",
            )
        )
    if not settings.BEHIND_TLS_PROXY:
        problems.append(
            Warning(
                "BEHIND_TLS_PROXY is off: the server expects no TLS proxy in front, so "
                "credentials travel in clear and admin cookies are not marked Secure.",
                hint="Serve through the nginx site of deploy/ and set BEHIND_TLS_PROXY=true.",
                id="kanboard.W103",
            )
        )
    return problems


@register()
def metrics_settings_check(app_configs, **kwargs):
    problems = []
    _, invalid = parse_networks(settings.METRICS_ALLOWED_ADDRESSES)
    if invalid:
        problems.append(
            Error(
                f"METRICS_ALLOWED_ADDRESSES has entries that are no address or network: "
                f"{', '.join(invalid)}.",
                id="kanboard.E101",
            )
        )
    if settings.METRICS_TOKEN and len(settings.METRICS_TOKEN) < METRICS_TOKEN_MIN_LENGTH:
        problems.append(
            Error(
                f"METRICS_TOKEN is shorter than {METRICS_TOKEN_MIN_LENGTH} characters.",
                hint="Use 'python -c \"import secrets; print(secrets.token_hex(30))\"'.",
                id="kanboard.E102",
            )
        )
    return problems
