"""The jobs that deliver notifications, run by ``manage.py run_worker``.

``notify_event`` turns one event into its deliveries, all in one transaction: the web
notifications (rows), one ``send_notification_email`` job per e-mail recipient, the
webhook deliveries, and the job's FinishedJob row. A worker that dies after that commit
but before it marks the job done leaves the job to be run again (see notifications.worker):
the second run finds the FinishedJob row and delivers nothing twice.

``send_notification_email`` talks to the SMTP server, which no transaction covers: a mail
is sent at least once. The job records its FinishedJob row once the server has accepted
the message, and a copy that finds the row does not send again; only a worker dying
between the server's acceptance and that row sends a mail twice. A failure is logged and
tried again later (notifications.retries); the last failure is logged as an error and
leaves the job FAILED, where ``manage.py doctor`` counts it.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from django.db import IntegrityError, transaction
from django_tasks import TaskContext, task

from accounts.models import User
from notifications.emails import notification_email
from notifications.models import FinishedJob, UnreadNotification
from notifications.recipients import EMAIL, WEB, channels_of, task_recipients
from notifications.retries import queue_retry
from webhooks.dispatch import queue_webhook_deliveries

logger = logging.getLogger(__name__)


class DeliveryAbandoned(Exception):
    """The last attempt of a delivery failed."""


@task(takes_context=True)
def notify_event(context: TaskContext, event_name: str, event_json: str, author_id: int) -> None:
    """Deliver the event to its recipients (Kanboard's NotificationJob): a mention to the
    mentioned user alone, any other event to the project's members by their settings and
    to the webhooks. ``event_json`` is the event data as JSON text (see dispatch.as_json)."""
    event_data = json.loads(event_json)
    with transaction.atomic():
        if not mark_finished(context):
            return
        mention = event_data.get("mention")
        if mention:
            deliver(User.objects.filter(pk=mention["id"]), event_name, event_data, author_id)
            return
        task = event_data["task"]
        recipients = task_recipients(task["project_id"], task, author_id)
        deliver(recipients, event_name, event_data, author_id)
        queue_webhook_deliveries(
            event_name, event_data, author_username(author_id), task["project_id"]
        )


def deliver(recipients, event_name: str, event_data: dict[str, Any], author_id: int) -> None:
    """Each recipient's channels: a web notification row now, an e-mail job queued (for a
    recipient with an address). Call inside the job's transaction."""
    recipients = list(recipients)
    channels = channels_of([user.pk for user in recipients])
    now = int(time.time())
    UnreadNotification.objects.bulk_create(
        UnreadNotification(
            user=user,
            date_creation=now,
            event_name=event_name,
            event_data=php_json(event_data),
        )
        for user in recipients
        if WEB in channels[user.pk]
    )
    for user in recipients:
        if EMAIL in channels[user.pk] and user.email:
            send_notification_email.enqueue(user.pk, event_name, json.dumps(event_data), author_id)


def php_json(data: dict[str, Any]) -> str:
    """The data as Kanboard stores it (PHP's json_encode): compact, non-ASCII characters
    and slashes escaped. A slash only occurs inside strings, where both forms decode
    alike."""
    return json.dumps(data, separators=(",", ":")).replace("/", "\\/")


def author_username(author_id: int) -> str | None:
    """The webhook's event_author: the user's username, None for the application
    credential."""
    if not author_id:
        return None
    return User.objects.filter(pk=author_id).values_list("username", flat=True).first()


def mark_finished(context: TaskContext) -> bool:
    """Record that this job's work is done, in the caller's transaction; False when a
    previous run of the same job already did it."""
    try:
        with transaction.atomic():
            FinishedJob.objects.create(job_id=context.task_result.id)
    except IntegrityError:
        logger.info("job %s already done: nothing delivered again", context.task_result.id)
        return False
    return True


@task(takes_context=True)
def send_notification_email(
    context: TaskContext,
    user_id: int,
    event_name: str,
    event_json: str,
    author_id: int,
    attempt: int = 1,
) -> None:
    """Send the event's e-mail (its data as JSON text) to the user; on failure, try again
    later."""
    if FinishedJob.objects.filter(job_id=context.task_result.id).exists():
        logger.info("mail job %s already sent: not sent again", context.task_result.id)
        return
    recipient = User.objects.filter(pk=user_id).first()
    if recipient is None or not recipient.email:
        return
    try:
        notification_email(recipient, event_name, json.loads(event_json), author_id).send()
    except Exception as error:
        logger.warning(
            "mail of %s to %s (user %s) failed at attempt %s: %s",
            event_name,
            recipient.email,
            user_id,
            attempt,
            error,
        )
        with transaction.atomic():
            mark_finished(context)
            retried = queue_retry(
                send_notification_email, attempt, user_id, event_name, event_json, author_id
            )
        if not retried:
            logger.error(
                "mail of %s to %s (user %s) given up after %s attempts: %s",
                event_name,
                recipient.email,
                user_id,
                attempt,
                error,
            )
            raise DeliveryAbandoned(f"mail of {event_name} to user {user_id}") from error
        return
    mark_finished(context)
