"""The e-mail of a notification (Kanboard's MailNotification): the subject and the body of
the event's template, addressed to one recipient."""

from __future__ import annotations

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage

from accounts.models import User
from actions.mail import sender_address, task_email_body
from tasks.event_titles import title_without_author


def notification_subject(event_name: str, event_data: dict) -> str:
    """Kanboard's getMailSubject: the project's name in brackets, then the event's title."""
    project_name = event_data.get("project_name") or (event_data.get("task") or {}).get(
        "project_name"
    )
    return f"[{project_name}] {title_without_author(event_name, event_data)}"


def notification_email(
    recipient: User, event_name: str, event_data: dict, author_id: int
) -> EmailMessage:
    """The message to send to ``recipient`` (who has an e-mail address) for the event."""
    message = EmailMessage(
        subject=notification_subject(event_name, event_data),
        body=task_email_body(event_data["task"]),
        from_email=formataddr(("Kanboard", sender_address())),
        to=[formataddr((recipient.name or recipient.username, recipient.email))],
        bcc=[settings.MAIL_BCC] if settings.MAIL_BCC else None,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.content_subtype = "html"
    return message
