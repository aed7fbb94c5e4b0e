"""An SMTP server (aiosmtpd) keeping what it receives in the form the recorded Kanboard
mails have: the envelope, the headers Kanboard sets, the decoded HTML body."""

from __future__ import annotations

import email
import socket
from email import policy

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
