"""Writes to subtasks: create, update, remove.

Validation follows Kanboard's SubtaskValidator. Two rules are ours: an assignee must be
assignable in the task's project (Kanboard fixed this after 1.2.53), and numbers must fit
their columns on every database. Each write overwrites the task's time totals with the
sums over its subtasks and emits Kanboard's subtask events.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet

from kanboard_site.inputs import INT_MAX, integer, numeric, text
from projects.roles import is_assignable
from tasks import events
from tasks.models import Subtask
from tasks.shapes.subtasks import subtasks_in_list_form
from tasks.time_tracking import lock_task, roll_up_task_times

TITLE_MAX_LENGTH = 65535
# The status column is a smallint.
STATUS_MIN, STATUS_MAX = -(2**15), 2**15 - 1


def subtasks_of_task(task_id: int | None) -> QuerySet:
    return Subtask.objects.filter(task_id=task_id).order_by("position", "id")


# Kanboard's checks of each field (its SubtaskValidator): a title of at most 64 KiB
# characters (an empty one only in updates), integers for the assignee, the status (any
# value, 7 included, within the column's range) and the position, numbers for times.
FIELD_CHECKS = {
    "title": lambda value: text(value, "title", TITLE_MAX_LENGTH, default=""),
    "user_id": lambda value: integer(value, "user id", default=0),
    "time_estimated": lambda value: numeric(value, "estimated time"),
    "time_spent": lambda value: numeric(value, "time spent"),
    "status": lambda value: integer(
        value, "status", minimum=STATUS_MIN, maximum=STATUS_MAX, default=0
    ),
    "position": lambda value: integer(value, "position", default=0),
}


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    return {field: FIELD_CHECKS[field](value) for field, value in fields.items()}


def _check_assignee(user_id: int, project_id: int) -> None:
    if user_id and not is_assignable(user_id, project_id):
        raise ValidationError("The assignee must be an assignable member of the project")


def _emit(subtask: Subtask, actor_id: int, *names: str, **extra: Any) -> None:
    """Kanboard's subtask events carry the subtask in its list form, with the actor's
    timer."""
    data = subtasks_in_list_form([subtask], actor_id)[0]
    events.emit_each(names, subtask.task_id, actor_id, subtask=data, **extra)


def create_subtask(
    task_id: int | None,
    title: Any,
    user_id: Any = 0,
    time_estimated: Any = 0,
    time_spent: Any = 0,
    status: Any = 0,
    *,
    actor_id: int = 0,
) -> Subtask:
    """A new subtask placed after the task's last one."""
    values = _checked(
        {
            "title": title,
            "user_id": user_id,
            "time_estimated": time_estimated,
            "time_spent": time_spent,
            "status": status,
        }
    )
    if not values["title"]:
        raise ValidationError("The title is required")
    with transaction.atomic():
        task = lock_task(task_id)
        if task is None:
            raise ValidationError("The task does not exist")
        _check_assignee(values["user_id"], task.project_id)
        last = Subtask.objects.filter(task=task).aggregate(last=Max("position"))["last"] or 0
        if last >= INT_MAX:
            raise ValidationError("The task has no position left for a subtask")
        subtask = Subtask.objects.create(task=task, position=last + 1, **values)
        roll_up_task_times(task.pk)
        _emit(subtask, actor_id, events.SUBTASK_CREATE_UPDATE, events.SUBTASK_CREATE)
    return subtask


def update_subtask(
    subtask_id: int | None,
    task_id: int | None,
    title: Any = None,
    user_id: Any = None,
    time_estimated: Any = None,
    time_spent: Any = None,
    status: Any = None,
    position: Any = None,
    *,
    actor_id: int = 0,
) -> None:
    """Change the given (non-null) fields of a subtask of that task.

    An empty title is accepted and the position is stored as given, without renumbering
    the other subtasks (Kanboard's API does the same). The event's ``changes`` are the
    fields whose value changed.
    """
    given = {
        "title": title,
        "user_id": user_id,
        "time_estimated": time_estimated,
        "time_spent": time_spent,
        "status": status,
        "position": position,
    }
    updates = _checked({field: value for field, value in given.items() if value is not None})
    with transaction.atomic():
        task = lock_task(task_id)
        subtask = Subtask.objects.filter(pk=subtask_id, task=task).first() if task else None
        if subtask is None:
            raise ValidationError("The subtask does not exist in this task")
        if "user_id" in updates:
            _check_assignee(updates["user_id"], task.project_id)
        changes = {
            field: value for field, value in updates.items() if getattr(subtask, field) != value
        }
        Subtask.objects.filter(pk=subtask.pk).update(**updates)
        roll_up_task_times(task.pk)
        subtask.refresh_from_db()
        _emit(
            subtask, actor_id, events.SUBTASK_CREATE_UPDATE, events.SUBTASK_UPDATE, changes=changes
        )


def remove_subtask(subtask_id: int | None, *, actor_id: int = 0) -> bool:
    """Delete the subtask (and its timers); the other positions are left as they are."""
    task_id = Subtask.objects.filter(pk=subtask_id).values_list("task_id", flat=True).first()
    if task_id is None:
        return False
    with transaction.atomic():
        lock_task(task_id)
        subtask = Subtask.objects.filter(pk=subtask_id).first()
        if subtask is None:
            return False
        # Kanboard announces the removal while the subtask can still be described.
        _emit(subtask, actor_id, events.SUBTASK_DELETE)
        subtask.delete()
        roll_up_task_times(task_id)
    return True
