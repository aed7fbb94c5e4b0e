"""Which webhooks an event goes to, and the queueing of their deliveries."""

from __future__ import annotations


def has_webhooks(project_id: int) -> bool:
    """Whether an event of the project would be delivered to any webhook."""
    return False


def queue_webhook_deliveries(
    event_name: str, event_data: dict, event_author: str | None, project_id: int
) -> None:
    """Queue, in the caller's transaction, one delivery of the event per webhook."""
