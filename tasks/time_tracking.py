"""Subtask timers, and the roll-up of subtask times into their task.

A timer is one row per user and subtask, running while its ``end`` is 0. Stopping it adds
the elapsed hours (rounded to two decimals, as Kanboard's DateParser::getHours) to the
subtask's time spent. Every change of subtask times overwrites the task's totals.
"""

from __future__ import annotations

import time
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, QuerySet, Sum

from accounts.models import User
from tasks.models import Subtask, SubtaskTimer, Task

HOURS = Decimal("0.01")


def roll_up_task_times(task_id: int) -> None:
    """The task's time_estimated and time_spent become the sums over its subtasks, null
    when it has none (Kanboard's SUM over no rows), whatever the task held before."""
    totals = Subtask.objects.filter(task_id=task_id).aggregate(
        spent=Sum("time_spent"), estimated=Sum("time_estimated")
    )
    Task.objects.filter(pk=task_id).update(
        time_spent=totals["spent"], time_estimated=totals["estimated"]
    )


def lock_task(task_id: int | None) -> Task | None:
    """Lock the task row: every write to its subtasks' times takes this lock first, so
    that positions and roll-ups of concurrent calls never interleave."""
    return Task.objects.select_for_update().filter(pk=task_id).first()


def running_timers(subtask_id: int | None, user_id: int | None) -> QuerySet:
    return SubtaskTimer.objects.filter(subtask_id=subtask_id, user_id=user_id, end=0)


def has_running_timer(subtask_id: int | None, user_id: int | None) -> bool:
    return running_timers(subtask_id, user_id).exists()


def hours_between(start: int, end: int) -> float:
    """Kanboard's getHours: PHP's round() to two decimals, halves away from zero."""
    return float((Decimal(abs(end - start)) / 3600).quantize(HOURS, rounding=ROUND_HALF_UP))


def running_hours(subtask_id: int | None, user_id: int | None) -> float:
    """Hours on the user's running timer (0 when none is running): not a total."""
    start = running_timers(subtask_id, user_id).values_list("start", flat=True).first()
    return hours_between(start, int(time.time())) if start else 0


def _check_acting_for_self(user_id: int | None, actor_id: int) -> None:
    # A user may only run their own timers; the application may run anyone's.
    if actor_id and user_id != actor_id:
        raise ValidationError("Users can only start and stop their own timers")


def start_timer(subtask_id: int | None, user_id: int | None, actor_id: int) -> None:
    """Start the user's timer on the subtask; refused when one is already running."""
    _check_acting_for_self(user_id, actor_id)
    with transaction.atomic():
        # The subtask's lock makes "is one running?" and the insert one step.
        subtask = Subtask.objects.select_for_update().filter(pk=subtask_id).first()
        if subtask is None:
            raise ValidationError("The subtask does not exist")
        if not User.objects.filter(pk=user_id).exists():
            raise ValidationError("The user does not exist")
        if has_running_timer(subtask.pk, user_id):
            raise ValidationError("The timer is already running")
        SubtaskTimer.objects.create(subtask=subtask, user_id=user_id, start=int(time.time()))


def stop_timer(subtask_id: int | None, user_id: int | None, actor_id: int) -> None:
    """Stop the user's running timer, if any (no timer is not an error, as in Kanboard),
    and add the elapsed hours to the subtask and so to its task."""
    _check_acting_for_self(user_id, actor_id)
    task_id = Subtask.objects.filter(pk=subtask_id).values_list("task_id", flat=True).first()
    if task_id is None:
        return
    with transaction.atomic():
        lock_task(task_id)
        now = int(time.time())
        start = running_timers(subtask_id, user_id).values_list("start", flat=True).first()
        if not start:
            return
        hours = hours_between(start, now)
        if hours > 0:
            Subtask.objects.filter(pk=subtask_id).update(time_spent=F("time_spent") + hours)
            roll_up_task_times(task_id)
        running_timers(subtask_id, user_id).update(end=now, time_spent=hours)
