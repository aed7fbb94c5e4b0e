"""Tags: the row (getAllTags, getTagsByProject), a task's id→name map (getTaskTags) and the
tags of many tasks at once (getBoard, getMyDashboard)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from kanboard_site.collation import bytewise
from tasks.models import Tag


def tag(item: Tag) -> dict:
    return {
        "id": item.pk,
        "name": item.name,
        "project_id": item.project_id,
        "color_id": item.color_id,
    }


def tag_names_by_id(tags: Iterable[Tag]) -> dict:
    """Always a JSON object, keyed by the tag id as a string."""
    return {str(item.pk): item.name for item in tags}


def tags_by_task(tasks: QuerySet) -> dict[int, list[dict]]:
    """{task_id: [{id, name, color_id, task_id}, ...]} ordered by name, in one query, for
    the tasks of a queryset (read as a subquery, not as a list of ids to send)."""
    grouped: dict[int, list[dict]] = {}
    rows = (
        Tag.objects.filter(task_tags__task__in=tasks.values("pk"))
        .order_by(bytewise("name"), "pk")
        .values_list("pk", "name", "color_id", "task_tags__task_id")
    )
    for tag_id, name, color_id, task_id in rows:
        grouped.setdefault(task_id, []).append(
            {"id": tag_id, "name": name, "color_id": color_id, "task_id": task_id}
        )
    return grouped
