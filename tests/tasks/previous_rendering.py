"""The list renderers as they were before they read their rows through fixed statements:
the reference the differential test compares the served bytes with. Test code only."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from accounts.config import DEFAULT_APPLICATION_URL, get_configs
from accounts.models import User
from kanboard_site.collation import bytewise
from kanboard_site.rows import fetch_all
from projects.models import Category, Column, Project, Swimlane
from projects.roles import PROJECT_MEMBER, project_role_at_least, role_for
from rpc.formatters import flag, number
from rpc.formatters.structure import swimlane as swimlane_row
from rpc.formatters.tasks import EXTENDED_COUNTS, task_url
from tasks.colors import FALLBACK_COLOR, color_properties
from tasks.events import TASK_COLUMNS
from tasks.models import Tag, Task

_CONVERTED = ("is_active", "time_estimated", "time_spent")
_FULL_CONVERTED = [TASK_COLUMNS.index(column) for column in _CONVERTED]


def tasks_in_full(queryset) -> list[dict]:
    configured = get_configs(
        {"application_url": DEFAULT_APPLICATION_URL, "default_color": FALLBACK_COLOR}
    )
    base_url, fallback_color = configured["application_url"], configured["default_color"]
    listed = []
    for values in queryset.values_list(*TASK_COLUMNS):
        values = list(values)
        for index in _FULL_CONVERTED:
            values[index] = number(values[index])
        row = dict(zip(TASK_COLUMNS, values, strict=True))
        row["url"] = task_url(base_url, row["id"])
        row["color"] = color_properties(row["color_id"], fallback_color)
        listed.append(row)
    return listed


EXTENDED_HEAD = (
    *EXTENDED_COUNTS,
    "id", "reference", "title", "description", "date_creation", "date_modification",
    "date_completed", "date_started", "date_due", "color_id", "project_id", "column_id",
    "swimlane_id", "owner_id", "creator_id", "position", "is_active", "score", "category_id",
    "priority", "date_moved", "recurrence_status", "recurrence_trigger", "recurrence_factor",
    "recurrence_timeframe", "recurrence_basedate", "recurrence_parent", "recurrence_child",
    "time_estimated", "time_spent",
)  # fmt: skip
_ASSIGNEE_KEYS = ("assignee_username", "assignee_name", "assignee_email", "assignee_avatar_path")
_CATEGORY_KEYS = ("category_name", "category_description", "category_color_id")
_TAIL = {
    "column_name": "column__title",
    "column_position": "column__position",
    "swimlane_name": "swimlane__name",
    "project_name": "project__name",
}
EXTENDED_KEYS = (*EXTENDED_HEAD, *_ASSIGNEE_KEYS, *_CATEGORY_KEYS, *_TAIL)
_HEAD_CONVERTED = [EXTENDED_HEAD.index(column) for column in _CONVERTED]
_MILESTONE = EXTENDED_HEAD.index("is_milestone")
_OWNER = EXTENDED_HEAD.index("owner_id")
_CATEGORY = EXTENDED_HEAD.index("category_id")
_NO_ASSIGNEE = (None,) * len(_ASSIGNEE_KEYS)
_NO_CATEGORY = (None,) * len(_CATEGORY_KEYS)


def tasks_in_extended_form(queryset) -> list[dict]:
    rows = fetch_all(
        queryset.annotate(**EXTENDED_COUNTS).values_list(*EXTENDED_HEAD, *_TAIL.values())
    )
    assignees = {
        user_id: details
        for user_id, *details in User.objects.filter(
            pk__in={row[_OWNER] for row in rows}
        ).values_list("id", "username", "name", "email", "avatar_path")
    }
    categories = {
        category_id: details
        for category_id, *details in Category.objects.filter(
            pk__in={row[_CATEGORY] for row in rows}
        ).values_list("id", "name", "description", "color_id")
    }
    head = len(EXTENDED_HEAD)
    listed = []
    for row in rows:
        values = list(row[:head])
        for index in _HEAD_CONVERTED:
            values[index] = number(values[index])
        values[_MILESTONE] = 1 if values[_MILESTONE] else None
        values.extend(assignees.get(values[_OWNER], _NO_ASSIGNEE))
        values.extend(categories.get(values[_CATEGORY], _NO_CATEGORY))
        values.extend(row[head:])
        listed.append(dict(zip(EXTENDED_KEYS, values, strict=True)))
    return listed


def tags_by_task(tasks) -> dict[int, list[dict]]:
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


def board_of(project_id, viewer_id):
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        return None
    swimlanes = list(
        Swimlane.objects.filter(project_id=project_id, is_active=True).order_by("position", "pk")
    )
    open_tasks = (
        Task.objects.open()
        .filter(column_id=OuterRef("pk"))
        .order_by()
        .values("column_id")
        .annotate(total=Count("*"))
        .values("total")
    )
    columns = list(
        Column.objects.filter(project_id=project_id)
        .annotate(
            nb_open_tasks=Coalesce(Subquery(open_tasks, output_field=IntegerField()), Value(0))
        )
        .order_by("position", "pk")
    )
    by_cell = None
    if project.per_swimlane_task_limits:
        by_cell = {
            (row["swimlane_id"], row["column_id"]): row["total"]
            for row in Task.objects.open()
            .filter(project_id=project_id)
            .values("swimlane_id", "column_id")
            .annotate(total=Count("*"))
        }
    if not swimlanes or not columns:
        return None
    tasks = Task.objects.filter(project_id=project_id).order_by("position", "pk")
    may_move = bool(viewer_id) and project_role_at_least(
        role_for(viewer_id, project_id), PROJECT_MEMBER
    )
    return swimlanes, columns, tasks, by_cell, may_move


def board(project_id, viewer_id) -> list[dict]:
    found = board_of(project_id, viewer_id)
    if found is None:
        return []
    swimlanes_found, columns_found, task_rows, by_cell, may_move = found
    tasks = tasks_in_extended_form(task_rows)
    tags = tags_by_task(task_rows)
    cells: dict = {}
    for task in tasks:
        task["tags"] = tags.get(task["id"], [])
        task["is_draggable"] = may_move and task["is_active"] == 1
        cells.setdefault((task["swimlane_id"], task["column_id"]), []).append(task)

    swimlanes = []
    for lane in swimlanes_found:
        columns = []
        for column in columns_found:
            in_cell = cells.get((lane.pk, column.pk), [])
            if by_cell is None:
                open_in_cell = column.nb_open_tasks
            else:
                open_in_cell = by_cell.get((lane.pk, column.pk), 0)
            columns.append(
                {
                    "id": column.pk,
                    "title": column.title,
                    "position": column.position,
                    "task_limit": column.task_limit,
                    "description": column.description,
                    "hide_in_dashboard": flag(column.hide_in_dashboard),
                    "project_id": column.project_id,
                    "nb_open_tasks": column.nb_open_tasks,
                    "tasks": in_cell,
                    "nb_tasks": len(in_cell),
                    "score": sum(task["score"] or 0 for task in in_cell),
                    "column_nb_open_tasks": open_in_cell,
                }
            )
        swimlanes.append(
            {
                **swimlane_row(lane),
                "columns": columns,
                "nb_swimlanes": len(swimlanes_found),
                "nb_columns": len(columns_found),
                "nb_tasks": sum(column["nb_tasks"] for column in columns),
                "score": sum(column["score"] for column in columns),
            }
        )
    for column_index, column in enumerate(columns_found):
        across = [lane["columns"][column_index] for lane in swimlanes]
        for cell in across:
            cell["nb_visible_tasks_across_swimlane"] = sum(len(other["tasks"]) for other in across)
            cell["nb_unfiltered_tasks_across_swimlane"] = column.nb_open_tasks
            cell["cumulative_score_across_swimlane"] = sum(other["score"] for other in across)
    return swimlanes
