"""A real SMTP server (aiosmtpd) for the tests, with Django sending through it."""

from __future__ import annotations

import pytest

from tests.notifications.smtp_inbox import Inbox, start_smtp_server


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = start_smtp_server(inbox)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.MAIL_BCC = ""
    yield inbox
    controller.stop()
