"""E-mail of a task (Kanboard's notification/task_create template), as the TaskEmail
actions send it: through Django's e-mail framework, configured in the settings' mail
block, once the transaction that decided to send it has committed."""

from __future__ import annotations

import logging
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from accounts.config import get_config
from accounts.models import User
from kanboard_site.php_html import datetime_format, escape, format_datetime, markdown, php_text

logger = logging.getLogger(__name__)


def send_task_email(recipient: User, subject: str, task: dict, actor_id: int) -> None:
    """Queue the mail of ``task`` (task_details) to ``recipient``; it leaves on commit
    and not at all if the change rolls back. A failing transport is logged."""
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    author = f"{actor.name or actor.username} via Kanboard" if actor else "Kanboard"
    message = EmailMessage(
        subject=subject,
        body=task_email_body(task),
        from_email=formataddr((author, sender_address())),
        to=[formataddr((recipient.name or recipient.username, recipient.email))],
        bcc=[settings.MAIL_BCC] if settings.MAIL_BCC else None,
        reply_to=[actor.email] if actor and actor.email else None,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.content_subtype = "html"
    transaction.on_commit(lambda: _deliver(message))


def sender_address() -> str:
    """Kanboard's getMailSenderAddress: the application setting, else MAIL_FROM."""
    return get_config("mail_sender_address", "") or settings.MAIL_FROM


def _deliver(message: EmailMessage) -> None:
    try:
        message.send()
    except Exception:
        logger.exception("the e-mail to %s could not be sent", ", ".join(message.to))


def task_email_body(task: dict) -> str:
    """Kanboard's notification/task_create template, as PHP prints it (each ``?>`` at the
    end of a line takes its newline), with the footer of notification/footer."""
    date_format = datetime_format()
    out = [
        "<html>\n<body>\n",
        f"<h2>{escape(task['title'])} (#{task['id']})</h2>\n\n<ul>\n",
        f"    <li>\n        Created: {format_datetime(task['date_creation'], date_format)}",
        "    </li>\n    ",
    ]
    if task["date_due"]:
        due = format_datetime(task["date_due"], date_format)
        out.append(f"    <li>\n        <strong>Due date: {due}</strong>\n    </li>\n    ")
    out.append("    ")
    if task.get("creator_username"):
        creator = task["creator_name"] or task["creator_username"]
        out.append(f"    <li>\n        Created by {escape(creator)}    </li>\n    ")
    if task.get("assignee_username"):
        assigned = f"Assigned to {escape(task['assignee_name'] or task['assignee_username'])}"
    else:
        assigned = "There is nobody assigned"
    out += [
        f"    <li>\n        <strong>\n                    {assigned}",
        "                </strong>\n    </li>\n",
        "    <li>\n        Column on the board:",
        f"        <strong>{escape(task['column_title'])}</strong>\n    </li>\n",
        f"    <li>Task position: {escape(php_text(task['position']))}</li>\n    ",
    ]
    if task.get("category_name"):
        category = escape(task["category_name"])
        out.append(f"    <li>\n        Category: <strong>{category}</strong>\n    </li>\n    ")
    out.append("</ul>\n\n")
    if task.get("description"):
        out.append(f"    <h2>Description</h2>\n    {markdown(task['description'])}")
    out += ["\n", _footer(task), "</body>\n</html>"]
    return "".join(out)


def _footer(task: dict) -> str:
    footer = "<hr/>\nKanboard\n\n"
    url = get_config("application_url", "")
    if url:
        task_page = f"{url}?controller=TaskViewController&amp;action=show&amp;task_id={task['id']}"
        board = (
            f"{url}?controller=BoardViewController&amp;action=show"
            f"&amp;project_id={task['project_id']}"
        )
        footer += f"            - {_link(task_page, 'view the task on Kanboard')}"
        footer += f"        - {_link(board, 'view the board on Kanboard')}"
    return footer


def _link(href: str, label: str) -> str:
    return f'<a href="{href}" class="" title=\'\' >{label}</a>'
