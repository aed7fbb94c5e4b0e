"""The e-mail backend used when no mail transport is configured: every message is
written to the log (at WARNING, so the default log level keeps it), never dropped."""

from __future__ import annotations

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("kanboard.mail")


class LogBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            logger.warning(
                "mail not sent (MAIL_TRANSPORT is log): from %s to %s, subject %r\n%s",
                message.from_email,
                ", ".join(message.recipients()),
                message.subject,
                message.body,
            )
        return len(email_messages)
