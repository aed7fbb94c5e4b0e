"""Tasks: the full form (getTask, getAllTasks, ...) and the extended list form (getBoard
cells, searchTasks, getMyDashboard).

Rows are read as tuples of values, never as model instances, and turned into dicts with
precomputed keys: on a board of 200 tasks, model instances and per-field conversions
cost more than the query itself.
"""

from __future__ import annotations

from django.db.models import IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from accounts.config import DEFAULT_APPLICATION_URL, get_configs
from accounts.models import User
from kanboard_site.rows import fetch_all, select_rows
from projects.models import Category
from rpc.formatters import number
from rpc.formatters.subtasks import subtasks_in_list_form
from rpc.formatters.tags import tags_by_task
from tasks.colors import FALLBACK_COLOR, color_properties
from tasks.events import TASK_COLUMNS
from tasks.models import Subtask, Task

# Whole floats as ints (hours), flags as 0/1; every other column as it is read.
_CONVERTED = ("is_active", "time_estimated", "time_spent")


def task_url(base_url: str, task_id: int) -> str:
    return f"{base_url}?controller=TaskViewController&action=show&task_id={task_id}"


_FULL_CONVERTED = [TASK_COLUMNS.index(column) for column in _CONVERTED]


def tasks_in_full(queryset: QuerySet) -> list[dict]:
    """Every column, then ``url`` and ``color``: one query for the tasks and one for the
    two settings these need, whatever the number of tasks."""
    return _in_full(queryset.values_list(*TASK_COLUMNS))


def task_in_full(queryset: QuerySet) -> dict | None:
    """The first task of the queryset in full, or None."""
    found = tasks_in_full(queryset[:1])
    return found[0] if found else None


def task_with_id_in_full(task_id: int | None) -> dict | None:
    """getTask, the most called read (batches of it too), without query compilation."""
    rows = select_rows(Task, TASK_COLUMNS, "id = %s", [task_id]) if task_id else []
    found = _in_full(rows)
    return found[0] if found else None


def _in_full(rows) -> list[dict]:
    configured = get_configs(
        {"application_url": DEFAULT_APPLICATION_URL, "default_color": FALLBACK_COLOR}
    )
    base_url, fallback_color = configured["application_url"], configured["default_color"]
    listed = []
    for values in rows:
        values = list(values)
        for index in _FULL_CONVERTED:
            values[index] = number(values[index])
        row = dict(zip(TASK_COLUMNS, values, strict=True))
        row["url"] = task_url(base_url, row["id"])
        row["color"] = color_properties(row["color_id"], fallback_color)
        listed.append(row)
    return listed


def _counted(sql: str) -> RawSQL:
    return RawSQL(sql, [], output_field=IntegerField())  # noqa: S611 (constant SQL)


# Kanboard's own correlated subqueries: fixed SQL (no input in it) over the outer
# "tasks" table, far cheaper for the ORM to compile than seven nested querysets.
EXTENDED_COUNTS = {
    "nb_comments": _counted("SELECT COUNT(*) FROM comments WHERE task_id = tasks.id"),
    "nb_files": _counted("SELECT COUNT(*) FROM task_has_files WHERE task_id = tasks.id"),
    "nb_subtasks": _counted("SELECT COUNT(*) FROM subtasks WHERE task_id = tasks.id"),
    "nb_completed_subtasks": _counted(
        "SELECT COUNT(*) FROM subtasks WHERE task_id = tasks.id AND status = 2"
    ),
    "nb_links": _counted("SELECT COUNT(*) FROM task_has_links WHERE task_id = tasks.id"),
    "nb_external_links": _counted(
        "SELECT COUNT(*) FROM task_has_external_links WHERE task_id = tasks.id"
    ),
    "is_milestone": _counted(
        "SELECT 1 FROM task_has_links JOIN links ON links.id = task_has_links.link_id "
        "WHERE task_has_links.task_id = tasks.id AND links.label = 'is a milestone of' LIMIT 1"
    ),
}

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


def tasks_in_extended_form(queryset: QuerySet) -> list[dict]:
    """Tasks of the queryset in Kanboard's extended form: three queries whatever the size
    (the tasks with their counts and names, their assignees, their categories)."""
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


def overdue_tasks(queryset: QuerySet) -> list[dict]:
    """getOverdueTasks rows: two queries whatever the size (tasks, assignees)."""
    rows = list(
        queryset.order_by("pk").values(
            "id", "title", "date_due", "project_id", "creator_id", "owner_id", "project__name"
        )
    )
    assignees = {
        row["id"]: row
        for row in User.objects.filter(pk__in={row["owner_id"] for row in rows}).values(
            "id", "username", "name"
        )
    }
    return [
        {
            "id": row["id"],
            "title": row["title"],
            "date_due": row["date_due"],
            "project_id": row["project_id"],
            "creator_id": row["creator_id"],
            "owner_id": row["owner_id"],
            "project_name": row["project__name"],
            "assignee_username": assignees.get(row["owner_id"], {}).get("username"),
            "assignee_name": assignees.get(row["owner_id"], {}).get("name"),
        }
        for row in rows
    ]


def dashboard_tasks(queryset: QuerySet, user_id: int) -> list[dict]:
    """getMyDashboard: the extended form plus each task's tags and the user's subtasks of
    it (a fixed number of queries)."""
    listed = tasks_in_extended_form(queryset.order_by("pk"))
    tags = tags_by_task(queryset)
    subtasks: dict[int, list[dict]] = {}
    mine = Subtask.objects.filter(task__in=queryset.values("pk"), user_id=user_id).order_by(
        "position", "pk"
    )
    for row in subtasks_in_list_form(mine, user_id):
        subtasks.setdefault(row["task_id"], []).append(row)
    return [
        {**task, "tags": tags.get(task["id"], []), "subtasks": subtasks.get(task["id"], [])}
        for task in listed
    ]
