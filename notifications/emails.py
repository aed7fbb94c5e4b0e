"""The e-mail of a notification (Kanboard's MailNotification and its mail client): the
subject and the body of the event's template, addressed to one recipient, from the author
of the change. The TaskEmail actions build their messages here too."""

from __future__ import annotations

from email.header import Header
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage

from accounts.config import get_config
from accounts.models import User
from notifications.email_templates import render_notification
from tasks.event_titles import title_without_author


def notification_subject(event_name: str, event_data: dict) -> str:
    """Kanboard's getMailSubject: the project's name in brackets, then the event's title.
    The name is the data's own (task.overdue) or the task's."""
    if "project_name" in event_data:
        project_name = event_data["project_name"]
    else:
        project_name = event_data["task"]["project_name"]
    return f"[{project_name}] {title_without_author(event_name, event_data)}"


def notification_email(
    recipient: User, event_name: str, event_data: dict, author_id: int
) -> EmailMessage:
    """The message to send to ``recipient`` (who has an e-mail address) for the event;
    ``author_id`` is the user who made the change, 0 for the application (or the cron
    job)."""
    return kanboard_email(
        recipient,
        notification_subject(event_name, event_data),
        render_notification(event_name, event_data),
        author_id,
    )


def kanboard_email(recipient: User, subject: str, html: str, author_id: int) -> EmailMessage:
    """Kanboard's e-mail client: HTML from "<author> via Kanboard" (the author's name, else
    username; "Kanboard" without a user) at the sender address, replies to the author's
    address, to "<name or username> <address>", MAIL_BCC in copy."""
    author = User.objects.filter(pk=author_id).first() if author_id else None
    author_name = f"{author.name or author.username} via Kanboard" if author else "Kanboard"
    message = KanboardEmailMessage(
        subject=subject,
        body=html,
        from_email=formataddr((author_name, sender_address())),
        to=[formataddr((recipient.name or recipient.username, recipient.email))],
        bcc=[settings.MAIL_BCC] if settings.MAIL_BCC else None,
        reply_to=[author.email] if author and author.email else None,
        # RFC 3834: no auto-replies to this message.
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.content_subtype = "html"
    return message


class KanboardEmailMessage(EmailMessage):
    """Django folds a long encoded subject right after "Subject:", which leaves a space
    before it once decoded; folded with the header's name in mind, as Kanboard's mailer
    does, the subject reads as it was written."""

    def message(self):
        message = super().message()
        if not self.subject.isascii():
            subject = Header(self.subject, "utf-8", header_name="Subject")
            message.replace_header("Subject", subject)
        return message


def sender_address() -> str:
    """Kanboard's getMailSenderAddress: the application setting, else MAIL_FROM."""
    return get_config("mail_sender_address", "") or settings.MAIL_FROM
