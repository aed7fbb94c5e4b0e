"""A project's own webhooks (ours: Kanboard has only the global one): added, changed,
disabled by the admin through these functions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.config import new_token
from projects.models import Project
from tasks.activity import RECORDED_EVENTS
from webhooks.global_webhook import validate_webhook_url
from webhooks.models import ProjectWebhook

# The events a webhook can take: those Kanboard notifies (its NotificationSubscriber), which
# are the activity stream's; a mention goes to the mentioned user alone, never to a webhook.
EVENT_NAMES = RECORDED_EVENTS


def _checked(url: str, event_names: list[str]) -> tuple[str, list[str]]:
    url = url.strip()
    validate_webhook_url(url)
    unknown = sorted(set(event_names) - set(EVENT_NAMES))
    if unknown:
        raise ValidationError(f"Unknown events: {', '.join(unknown)}.")
    return url, [name for name in EVENT_NAMES if name in event_names]


@transaction.atomic
def create_project_webhook(
    project_id: int, url: str, event_names: list[str], active: bool = True
) -> ProjectWebhook:
    """A new webhook for the project's events (all of them when ``event_names`` is
    empty), with its own generated signing secret."""
    url, event_names = _checked(url, event_names)
    project = Project.objects.get(pk=project_id)
    return ProjectWebhook.objects.create(
        project=project, url=url, secret=new_token(), active=active, events=event_names
    )


@transaction.atomic
def update_project_webhook(
    webhook_id: int, url: str, event_names: list[str], active: bool
) -> ProjectWebhook:
    url, event_names = _checked(url, event_names)
    ProjectWebhook.objects.filter(pk=webhook_id).update(url=url, events=event_names, active=active)
    return ProjectWebhook.objects.get(pk=webhook_id)


def disable_project_webhooks(webhook_ids: list[int]) -> int:
    """Stop the webhooks' deliveries, queued ones included; their logs stay."""
    return ProjectWebhook.objects.filter(pk__in=webhook_ids, active=True).update(active=False)


def renew_project_webhook_secret(webhook_id: int) -> str:
    secret = new_token()
    ProjectWebhook.objects.filter(pk=webhook_id).update(secret=secret)
    return secret
