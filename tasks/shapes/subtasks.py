"""Subtasks: the row (getSubtask) and the list form (getAllSubtasks, getMyDashboard)."""

from __future__ import annotations

from collections.abc import Iterable

from accounts.models import User
from tasks.models import Subtask, SubtaskTimer
from tasks.shapes import number

STATUS_NAMES = {Subtask.TODO: "Todo", Subtask.IN_PROGRESS: "In progress", Subtask.DONE: "Done"}


def subtask(item: Subtask) -> dict:
    return {
        "id": item.pk,
        "title": item.title,
        "status": item.status,
        "time_estimated": number(item.time_estimated),
        "time_spent": number(item.time_spent),
        "task_id": item.task_id,
        "user_id": item.user_id,
        "position": item.position,
    }


def subtasks_in_list_form(items: Iterable[Subtask], viewer_id: int) -> list[dict]:
    """Rows plus the assignee's names and the viewer's running timer (two queries)."""
    items = list(items)
    assignees = {
        row["id"]: row
        for row in User.objects.filter(pk__in={item.user_id for item in items}).values(
            "id", "username", "name"
        )
    }
    timer_starts: dict[int, int] = {}
    if viewer_id:
        for subtask_id, start in SubtaskTimer.objects.filter(
            subtask__in=[item.pk for item in items], user_id=viewer_id, end=0
        ).values_list("subtask_id", "start"):
            timer_starts.setdefault(subtask_id, start)
    listed = []
    for item in items:
        assignee = assignees.get(item.user_id, {})
        timer_start = timer_starts.get(item.pk) or 0
        listed.append(
            {
                **subtask(item),
                "username": assignee.get("username"),
                "name": assignee.get("name"),
                "timer_start_date": timer_start,
                "status_name": STATUS_NAMES.get(item.status),
                "is_timer_started": bool(timer_start),
            }
        )
    return listed
