"""Fixtures of the notification tests: users who subscribed to a project's notifications,
a real SMTP server, and the worker run for real on what the changes queued."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from accounts.models import UserNotificationType
from notifications.models import UnreadNotification
from tests.factories import MembershipFactory, UserFactory
from tests.operations.conftest import start_gunicorn  # noqa: F401  (shared)
from tests.smtp_inbox import Inbox
from tests.tasks.conftest import board  # noqa: F401  (shared)


def run_worker() -> None:
    """What a worker does with the queue: every job due, then it stops."""
    call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def subscriber(world):
    """A user of project P (by default) who wants notifications: web and e-mail, every
    task (filter 1). Options as Kanboard's settings name them."""

    def make(
        username: str,
        project=None,
        notifications_filter: int = 1,
        channels: tuple[str, ...] = ("email", "web"),
        email: str | None = None,
        **fields,
    ):
        fields.setdefault("notifications_enabled", True)
        user = UserFactory(
            username=username,
            email=f"{username}@example.org" if email is None else email,
            notifications_filter=notifications_filter,
            **fields,
        )
        if project is not False:
            MembershipFactory(project=project or world.project, user=user)
        UserNotificationType.objects.bulk_create(
            UserNotificationType(user=user, notification_type=channel) for channel in channels
        )
        return user

    return make


def web_notifications(user) -> list[tuple[str, dict]]:
    """The user's web notifications: event name and data, oldest first."""
    rows = UnreadNotification.objects.filter(user=user).order_by("pk")
    return [(row.event_name, json.loads(row.event_data)) for row in rows]


def mail_recipients(inbox: Inbox) -> list[tuple[str, str]]:
    """(address, subject) of each mail received, in order."""
    return [(mail["envelope_to"][0], mail["headers"]["Subject"]) for mail in inbox.received]
