"""Opening and closing tasks: Kanboard's TaskStatusModel."""

from __future__ import annotations

import time

from django.db import transaction

from tasks import events
from tasks.models import Subtask, Task


def close_task(task_id: int | None, actor_id: int) -> bool:
    """Close the task (again: date_completed is refreshed), marking all its subtasks done.
    task.close may spawn a recurring task's next occurrence."""
    with transaction.atomic():
        Subtask.objects.filter(task_id=task_id).update(status=Subtask.DONE)
        return _change_status(task_id, False, int(time.time()), events.TASK_CLOSE, actor_id)


def open_task(task_id: int | None, actor_id: int) -> bool:
    """Open the task (again); date_completed becomes 0, not null."""
    with transaction.atomic():
        return _change_status(task_id, True, 0, events.TASK_OPEN, actor_id)


def _change_status(
    task_id, is_active: bool, date_completed: int, event: str, actor_id: int
) -> bool:
    updated = Task.objects.filter(pk=task_id).update(
        is_active=is_active, date_completed=date_completed, date_modification=int(time.time())
    )
    if updated:
        events.emit(event, task_id, actor_id)
    return bool(updated)
