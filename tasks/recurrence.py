"""Recurring tasks: the next occurrence appears when the configured moment comes (Kanboard's
TaskRecurrenceModel and RecurringTaskSubscriber).

A pending recurring task (recurrence_status 1) spawns its copy when it is closed (trigger
2), moved out of the first column (trigger 0) or into the last column (trigger 1). The copy
starts in the first column with the due date shifted by the recurrence; the task becomes
processed (status 2) and points at its copy.
"""

from __future__ import annotations

import datetime as dt
import time

from tasks import events
from tasks.board import first_column_id, last_column_id
from tasks.creation import insert_task
from tasks.duplication import copied_fields, copy_external_links, copy_subtasks
from tasks.models import Task
from tasks.positions import lock_projects
from tasks.tags import copy_task_tags

NONE, PENDING, PROCESSED = 0, 1, 2
FIRST_COLUMN, LAST_COLUMN, ON_CLOSE = 0, 1, 2
DAYS, MONTHS, YEARS = 0, 1, 2
FROM_DUE_DATE, FROM_TRIGGER_DATE = 0, 1


@events.subscribe(events.TASK_MOVE_COLUMN, events.TASK_CLOSE)
def spawn_next_occurrence(event: events.Event) -> None:
    task = event.task
    if task is None or task["recurrence_status"] != PENDING:
        return
    trigger = task["recurrence_trigger"]
    if event.name == events.TASK_CLOSE:
        due = trigger == ON_CLOSE
    elif trigger == FIRST_COLUMN:
        due = event.data["src_column_id"] == first_column_id(task["project_id"])
    else:
        due = trigger == LAST_COLUMN and event.data["dst_column_id"] == last_column_id(
            task["project_id"]
        )
    if due:
        duplicate_recurring_task(event.task_id, event.actor_id)


def duplicate_recurring_task(task_id: int, actor_id: int) -> Task | None:
    """Create the next occurrence of a pending recurring task (in the caller's transaction)."""
    task = Task.objects.filter(pk=task_id, recurrence_status=PENDING).first()
    if task is None or not lock_projects(task.project_id):
        return None
    values = copied_fields(task)
    values.update(
        recurrence_parent=task.pk,
        column_id=first_column_id(task.project_id),
        date_due=next_due_date(task),
    )
    occurrence = insert_task(task.project_id, values, actor_id)
    if occurrence is None:
        return None
    copy_subtasks(task.pk, occurrence.pk)
    copy_task_tags(task.pk, occurrence.pk)
    copy_external_links(task.pk, occurrence.pk, actor_id)
    Task.objects.filter(pk=task.pk).update(
        recurrence_status=PROCESSED, recurrence_child=occurrence.pk
    )
    return occurrence


def next_due_date(task: Task) -> int | None:
    """The due date moved by the recurrence factor, from the old due date or from now;
    months and years overflow into the next month as PHP's DateInterval does."""
    if not task.date_due or not task.recurrence_factor:
        return task.date_due
    start = int(time.time()) if task.recurrence_basedate == FROM_TRIGGER_DATE else task.date_due
    moment = dt.datetime.fromtimestamp(start, dt.UTC)
    factor = task.recurrence_factor
    if task.recurrence_timeframe in (MONTHS, YEARS):
        months = moment.month - 1 + factor * (12 if task.recurrence_timeframe == YEARS else 1)
        first_of_month = moment.replace(
            year=moment.year + months // 12, month=months % 12 + 1, day=1
        )
        moment = first_of_month + dt.timedelta(days=moment.day - 1)
    else:
        moment += dt.timedelta(days=factor)
    return int(moment.timestamp())
