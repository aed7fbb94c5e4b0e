"""Overdue tasks, told to the people concerned once a day (Kanboard's
notification:overdue-tasks, run by its cronjob without options).

The overdue tasks are the open tasks of active projects whose due date is set and past.
They are grouped by project; each member of the project who wants notifications (the
author rule aside: the cronjob has no author) receives, in one notification, the tasks of
that project their filter and selected projects let through, as the event "task.overdue"
with the data {"tasks": [...], "project_name": ...}: by web and by e-mail, as they chose.
"""

from __future__ import annotations

import time
from collections import defaultdict

from django.db.models import F

from accounts.models import User
from notifications.jobs import deliver
from notifications.recipients import Audience
from tasks.event_titles import TASK_OVERDUE
from tasks.models import Task


def overdue_tasks(now: int | None = None) -> list[dict]:
    """Kanboard's TaskFinderModel::getOverdueTasks: the task's id, title, due date,
    project, creator, assignee (and the names of the project and assignee)."""
    now = int(time.time()) if now is None else now
    rows = list(
        Task.objects.filter(
            is_active=True, project__is_active=True, date_due__lte=now, date_due__gt=0
        )
        .order_by("pk")
        .values("id", "title", "date_due", "project_id", "creator_id", "owner_id")
        .annotate(project_name=F("project__name"))
    )
    assignees = {
        user["id"]: user
        for user in User.objects.filter(pk__in={row["owner_id"] for row in rows}).values(
            "id", "username", "name"
        )
    }
    for row in rows:
        assignee = assignees.get(row["owner_id"], {})
        row["assignee_username"] = assignee.get("username")
        row["assignee_name"] = assignee.get("name")
    return rows


def notify_overdue_tasks(now: int | None = None) -> int:
    """Queue the overdue notifications of every project; how many users are told."""
    by_project: dict[int, list[dict]] = defaultdict(list)
    for task in overdue_tasks(now):
        by_project[task["project_id"]].append(task)
    told = 0
    for project_id, tasks in by_project.items():
        per_user: dict[int, list[dict]] = defaultdict(list)
        users: dict[int, User] = {}
        audience = Audience(project_id)
        for task in tasks:
            for user in audience.for_task(task):
                users[user.pk] = user
                per_user[user.pk].append(task)
        for user_id, user_tasks in per_user.items():
            data = {"tasks": user_tasks, "project_name": user_tasks[0]["project_name"]}
            deliver([users[user_id]], TASK_OVERDUE, data, 0)
            told += 1
    return told
