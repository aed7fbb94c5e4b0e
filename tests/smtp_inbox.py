"""A real SMTP server (aiosmtpd) for the tests, keeping what it receives in the form the
recorded Kanboard mails have: the envelope, the headers Kanboard sets, the decoded body."""

from __future__ import annotations

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller

# The headers of a mail that Kanboard sets itself (Date, Message-ID... are the library's).
HEADERS = ("Subject", "From", "To", "Reply-To", "Auto-Submitted", "Content-Type")


class Inbox:
    def __init__(self) -> None:
        self.received: list[dict] = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.received.append(
            {
                "envelope_from": envelope.mail_from,
                "envelope_to": list(envelope.rcpt_tos),
                "headers": {name: message[name] for name in HEADERS if message[name]},
                "body": message.get_content().replace("\r\n", "\n"),
            }
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp_server(inbox: Inbox) -> Controller:
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller


@pytest.fixture
def smtp_server(settings):
    """An SMTP server Django sends through, for the test; its Inbox."""
    inbox = Inbox()
    controller = start_smtp_server(inbox)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.MAIL_BCC = ""
    yield inbox
    controller.stop()
