"""Web notification rows as the notification job writes them, and the ones the real
Kanboard 1.2.53 wrote (``data/kanboard_unread_notifications.json``) with the title and
project its notifications page shows for each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from notifications.models import UnreadNotification

KANBOARD_ROWS = json.loads(
    (Path(__file__).parent / "data" / "kanboard_unread_notifications.json").read_text()
)["notifications"]


def notify(user, event_name: str, data: dict[str, Any] | str, at: int = 1_700_000_000):
    """A web notification for ``user`` (``data`` as a dict, or the stored text itself)."""
    text = data if isinstance(data, str) else json.dumps(data)
    return UnreadNotification.objects.create(
        user=user, date_creation=at, event_name=event_name, event_data=text
    )


def task_event(task_id: int, title: str, project_name: str) -> dict[str, Any]:
    return {
        "task_id": task_id,
        "task": {"id": task_id, "title": title, "project_id": 1, "project_name": project_name},
    }
