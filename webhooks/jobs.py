"""The job delivering one webhook delivery, run by the worker (django-tasks)."""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from notifications.retries import queue_retry
from webhooks.delivery import attempt_delivery, record
from webhooks.models import WebhookDelivery

logger = logging.getLogger(__name__)


@task()
def deliver_webhook(delivery_pk: int, attempt: int = 1) -> None:
    """Attempt the delivery; after a failure, queue the next attempt (with back-off) in
    the transaction that logs this one, or give up after the last. A delivery that is no
    longer pending (delivered, refused, dropped) is not sent again."""
    delivery = (
        WebhookDelivery.objects.select_related("webhook")
        .filter(pk=delivery_pk, state=WebhookDelivery.PENDING)
        .first()
    )
    if delivery is None:
        return
    outcome = attempt_delivery(delivery, attempt)
    if outcome is None:  # its webhook no longer takes it: nothing sent, nothing to log
        delivery.delete()
        return
    with transaction.atomic():
        state = outcome.state
        if state == WebhookDelivery.FAILED and queue_retry(deliver_webhook, attempt, delivery_pk):
            state = WebhookDelivery.PENDING
        elif state == WebhookDelivery.FAILED:
            logger.error(
                "webhook delivery %s given up after %d attempts", delivery.delivery_id, attempt
            )
        record(delivery, outcome, state)
