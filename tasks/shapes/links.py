"""Link labels (getLinkById, getAllLinks...) and internal task links (getTaskLinkById,
getAllTaskLinks, task link events)."""

from __future__ import annotations

from collections.abc import Iterable

from accounts.models import User
from tasks.models import Link, TaskLink
from tasks.shapes import flag, number


def link(item: Link) -> dict:
    return {"id": item.pk, "label": item.label, "opposite_id": item.opposite_id}


def task_link(item: TaskLink) -> dict:
    """The row with its label; ``item.link`` should be selected with it."""
    return {
        "id": item.pk,
        "opposite_task_id": item.opposite_task_id,
        "task_id": item.task_id,
        "link_id": item.link_id,
        "label": item.link.label,
        "opposite_link_id": item.link.opposite_id,
    }


def task_links_in_list_form(items: Iterable[TaskLink]) -> list[dict]:
    """Each link described by the OTHER task (``task_id`` is that task's id, as in
    Kanboard). The rows come with their label, other task, its column and project
    selected; the assignees take one more query."""
    items = list(items)
    assignees = {
        row["id"]: row
        for row in User.objects.filter(
            pk__in={item.opposite_task.owner_id for item in items}
        ).values("id", "username", "name")
    }
    listed = []
    for item in items:
        other = item.opposite_task
        assignee = assignees.get(other.owner_id, {})
        listed.append(
            {
                "id": item.pk,
                "task_id": other.pk,
                "label": item.link.label,
                "title": other.title,
                "is_active": flag(other.is_active),
                "project_id": other.project_id,
                "column_id": other.column_id,
                "color_id": other.color_id,
                "date_completed": other.date_completed,
                "date_started": other.date_started,
                "date_due": other.date_due,
                "task_time_spent": number(other.time_spent),
                "task_time_estimated": number(other.time_estimated),
                "task_assignee_id": other.owner_id,
                "task_assignee_username": assignee.get("username"),
                "task_assignee_name": assignee.get("name"),
                "column_title": other.column.title,
                "project_name": other.project.name,
            }
        )
    return listed
