"""Tags: the row (getAllTags, getTagsByProject), a task's id→name map (getTaskTags) and the
tags of many tasks at once (getBoard, getMyDashboard)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet

from kanboard_site.collation import BINARY_COLLATION
from kanboard_site.rows import ids_sql
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
    selected = ids_sql(tasks)
    if selected is None:
        return {}
    sql, params = selected
    return _tags_where(f'tt."task_id" IN ({sql})', params)


def tags_by_task_of_project(project_id: int) -> dict[int, list[dict]]:
    """The same for every task of a project (getBoard)."""
    in_project = 'tt."task_id" IN (SELECT "id" FROM "tasks" WHERE "project_id" = %s)'
    return _tags_where(in_project, [project_id])


def _tags_where(condition: str, params) -> dict[int, list[dict]]:
    grouped: dict[int, list[dict]] = {}
    with connection.cursor() as cursor:
        cursor.execute(_tags_statement(condition, connection.vendor), params)
        rows = cursor.fetchall()
    for tag_id, name, color_id, task_id in rows:
        grouped.setdefault(task_id, []).append(
            {"id": tag_id, "name": name, "color_id": color_id, "task_id": task_id}
        )
    return grouped


@lru_cache(maxsize=8)
def _tags_statement(condition: str, vendor: str) -> str:
    return (
        'SELECT "tags"."id", "tags"."name", "tags"."color_id", tt."task_id" '  # noqa: S608
        'FROM "tags" INNER JOIN "task_has_tags" tt ON tt."tag_id" = "tags"."id" '
        f'WHERE {condition} ORDER BY "tags"."name" COLLATE "{BINARY_COLLATION[vendor]}", '
        '"tags"."id"'
    )
