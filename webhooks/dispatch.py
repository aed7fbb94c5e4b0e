"""Which webhooks an event goes to, and the queueing of their deliveries."""

from __future__ import annotations

from webhooks.delivery import new_delivery
from webhooks.global_webhook import global_webhook_url
from webhooks.jobs import deliver_webhook
from webhooks.models import ProjectWebhook
from webhooks.payload import webhook_body


def queue_webhook_deliveries(
    event_name: str, event_data: dict, event_author: str | None, project_id: int
) -> None:
    """Queue, in the caller's transaction, one delivery of the event per webhook: the
    global one (every event of every project, as Kanboard's), and each active webhook of
    the project that takes this event."""
    webhooks: list[ProjectWebhook | None] = [None] if global_webhook_url() else []
    webhooks += [
        webhook
        for webhook in ProjectWebhook.objects.filter(project_id=project_id, active=True)
        if webhook.takes(event_name)
    ]
    if not webhooks:
        return
    body = webhook_body(event_name, event_data, event_author)
    for webhook in webhooks:
        delivery = new_delivery(webhook, event_name, body)
        deliver_webhook.enqueue(delivery.pk)
