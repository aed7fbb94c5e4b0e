"""E-mail of a task (Kanboard's notification/task_create template, from the notification
e-mails), as the TaskEmail actions send it: through Django's e-mail framework, configured
in the settings' mail block, once the transaction that decided to send it has committed."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage
from django.db import transaction

from accounts.models import User
from notifications.email_templates import render_notification
from notifications.emails import kanboard_email

logger = logging.getLogger(__name__)


def send_task_email(recipient: User, subject: str, task: dict, actor_id: int) -> None:
    """Queue the mail of ``task`` (task_details) to ``recipient``; it leaves on commit
    and not at all if the change rolls back. A failing transport is logged."""
    html = render_notification("task.create", {"task": task})
    message = kanboard_email(recipient, subject, html, actor_id)
    transaction.on_commit(lambda: _deliver(message))


def _deliver(message: EmailMessage) -> None:
    try:
        message.send()
    except Exception:
        logger.exception("the e-mail to %s could not be sent", ", ".join(message.to))
