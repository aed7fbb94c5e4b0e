"""Web notifications: what a user has not read yet, as Kanboard's notifications page shows
it, and marking it read (Kanboard deletes the row; so does this server).

The notification job writes the rows; a user reads and removes only their own."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from accounts.models import User
from notifications.models import UnreadNotification
from tasks.event_titles import FALLBACK, title_without_author


@dataclass(frozen=True)
class WebNotification:
    id: int
    event_name: str
    data: dict[str, Any]
    title: str
    date_creation: int

    @property
    def created(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.date_creation, dt.UTC)

    @property
    def project_name(self) -> str | None:
        """The project a task's event happened in; for overdue tasks, the projects'
        names joined by commas (Kanboard's data of that event)."""
        task = self.data.get("task")
        if isinstance(task, dict) and task.get("project_name") is not None:
            return str(task["project_name"])
        name = self.data.get("project_name")
        return None if name is None else str(name)


def decoded(notification: UnreadNotification) -> WebNotification:
    """The row with its data decoded and its title."""
    try:
        data = json.loads(notification.event_data)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        data = None
    return WebNotification(
        id=notification.pk,
        event_name=notification.event_name,
        data=data or {},
        title=FALLBACK if data is None else _title(notification.event_name, data),
        date_creation=notification.date_creation,
    )


def _title(event_name: str, data: dict[str, Any]) -> str:
    """Data this server's titles cannot read (a row imported from Kanboard with a plugin's
    event, damaged JSON) gets Kanboard's generic title instead of breaking the page."""
    try:
        return title_without_author(event_name, data)
    except (KeyError, IndexError, TypeError, AttributeError):
        return FALLBACK


def unread_notifications(user: User) -> list[WebNotification]:
    """The user's web notifications, oldest first (Kanboard's order)."""
    rows = UnreadNotification.objects.filter(user_id=user.pk).order_by("date_creation", "id")
    return [decoded(row) for row in rows]


def unread_count(user: User) -> int:
    return UnreadNotification.objects.filter(user_id=user.pk).count()


def mark_read(user: User, notification_id: int) -> bool:
    """Remove one of the user's notifications; False when the user has none with this id
    (already read, or someone else's, which stays untouched)."""
    deleted, _ = UnreadNotification.objects.filter(pk=notification_id, user_id=user.pk).delete()
    return bool(deleted)


def mark_all_read(user: User) -> int:
    """Remove every notification of the user; how many there were."""
    deleted, _ = UnreadNotification.objects.filter(user_id=user.pk).delete()
    return deleted
