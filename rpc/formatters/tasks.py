"""Tasks: the full form (getTask, getAllTasks, ...) and the extended list form (getBoard
cells, searchTasks, getMyDashboard).

Rows are read as tuples of values, never as model instances, and turned into dicts with
precomputed keys: on a board of 200 tasks, model instances and per-field conversions
cost more than the query itself.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from accounts.config import DEFAULT_APPLICATION_URL, get_configs
from accounts.models import User
from kanboard_site.rows import select_rows
from rpc.formatters import number
from rpc.formatters.database_json import (
    NUMBER,
    JsonText,
    color_sql,
    fallback_color_json,
    json_array,
    not_whole_sql,
    number_sql,
    row_json_sql,
    text_sql,
    whole_hours_sql,
)
from rpc.formatters.tags import tags_by_task
from tasks.colors import FALLBACK_COLOR, color_properties
from tasks.events import TASK_COLUMNS
from tasks.models import Subtask, Task
from tasks.shapes.subtasks import subtasks_in_list_form

# Whole floats as ints (hours), flags as 0/1; every other column as it is read.
_CONVERTED = ("is_active", "time_estimated", "time_spent")


def task_url(base_url: str, task_id: int) -> str:
    return f"{base_url}?controller=TaskViewController&action=show&task_id={task_id}"


_FULL_CONVERTED = [TASK_COLUMNS.index(column) for column in _CONVERTED]


def tasks_in_full(queryset: QuerySet) -> list[dict]:
    """Every column, then ``url`` and ``color``: one query for the tasks and one for the
    two settings these need, whatever the number of tasks."""
    return _in_full(queryset.values_list(*TASK_COLUMNS))


def project_tasks_in_full(project_id: int | None, active: bool) -> JsonText | list[dict]:
    """getAllTasks: the open or the closed tasks of a project by id, encoded by the
    database (rendered in Python when hours are not whole numbers)."""
    base_url, fallback_color = _url_and_color()
    params = [task_url(base_url, ""), fallback_color_json(fallback_color), project_id, active]
    with connection.cursor() as cursor:
        cursor.execute(_full_json_statement(connection.vendor), params)
        rows = cursor.fetchall()
    if any(not_whole for _, not_whole in rows):
        condition = "project_id = %s AND is_active = %s ORDER BY id"
        return _in_full(select_rows(Task, TASK_COLUMNS, condition, [project_id, active]))
    return json_array([text for text, _ in rows])


_HOURS = ("time_estimated", "time_spent")


_TEXT_COLUMNS = frozenset(
    field.column
    for field in Task._meta.concrete_fields
    if field.get_internal_type() in ("CharField", "TextField")
)


def _task_column_sql(vendor: str | None, name: str) -> str:
    """A column of the tasks table with the JSON type Kanboard answers: the flag as 0/1;
    with a vendor, hours as integers (where they are whole: see database_json) and the
    numbers marked for row_json_sql."""
    column = f'"tasks"."{name}"'
    if name in _HOURS and vendor:
        column = whole_hours_sql(vendor, column)
    elif name == "is_active":
        column = f"CAST({column} AS INTEGER)"
    if vendor is None or name in _TEXT_COLUMNS:
        return column
    return number_sql(column)


@lru_cache(maxsize=2)
def _full_json_statement(vendor: str) -> str:
    fields = [(name, _task_column_sql(vendor, name)) for name in TASK_COLUMNS]
    fields.append(("url", text_sql("%s") + ' || "tasks"."id"'))
    fields.append(("color", color_sql('"tasks"."color_id"')))
    not_whole = not_whole_sql(vendor, [f'"tasks"."{name}"' for name in _HOURS])
    return (
        f'SELECT {row_json_sql(vendor, fields)}, {not_whole} FROM "tasks" '  # noqa: S608
        'WHERE "tasks"."project_id" = %s AND "tasks"."is_active" = %s ORDER BY "tasks"."id"'
    )


def task_in_full(queryset: QuerySet) -> dict | None:
    """The first task of the queryset in full, or None."""
    found = tasks_in_full(queryset[:1])
    return found[0] if found else None


def task_with_id_in_full(task_id: int | None) -> dict | None:
    """getTask, the most called read (batches of it too), without query compilation."""
    rows = select_rows(Task, TASK_COLUMNS, "id = %s", [task_id]) if task_id else []
    found = _in_full(rows)
    return found[0] if found else None


def _url_and_color() -> tuple[str, str]:
    configured = get_configs(
        {"application_url": DEFAULT_APPLICATION_URL, "default_color": FALLBACK_COLOR}
    )
    return configured["application_url"], configured["default_color"]


def _in_full(rows) -> list[dict]:
    base_url, fallback_color = _url_and_color()
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


def tasks_in_extended_form(queryset: QuerySet) -> list[dict]:
    """Tasks of the queryset in Kanboard's extended form, in the queryset's order, as
    dicts (getMyDashboard adds to them)."""
    found = _ids_condition(queryset)
    if found is None:
        return []
    return _extended_dicts(*found)


def encoded_tasks_in_extended_form(queryset: QuerySet) -> JsonText | list[dict]:
    """The same list encoded by the database (searchTasks)."""
    found = _ids_condition(queryset)
    if found is None:
        return []
    condition, order, params = found
    rows = _extended_json_rows(condition, order, params)
    if any(row[1] for row in rows):
        return _extended_dicts(condition, order, params)
    return json_array([row[0] for row in rows])


def _ids_condition(queryset: QuerySet) -> tuple[str, str, list] | None:
    """(condition, order, params) selecting the queryset's tasks by their ids, read first
    as one value (an array aggregated by the database: no Python work per id). (The
    queryset is not embedded as a subquery: a search of many terms is already close to
    SQLite's limit on expression depth.)"""
    if queryset.query.is_empty():
        return None
    try:
        listed_ids = queryset.values(listed_id=F("pk")).order_by()
        selected, params = listed_ids.query.sql_with_params()
    except EmptyResultSet:
        return None
    if connection.vendor == "postgresql":
        aggregated = f"SELECT array_agg(listed.listed_id) FROM ({selected}) listed"  # noqa: S608
        condition = '"tasks"."id" = ANY(%s)'
    else:
        aggregated = f"SELECT json_group_array(listed.listed_id) FROM ({selected}) listed"  # noqa: S608
        condition = '"tasks"."id" IN (SELECT "value" FROM json_each(%s))'
    with connection.cursor() as cursor:
        cursor.execute(aggregated, params)
        ids = cursor.fetchone()[0]
    if not ids or ids == "[]":
        return None
    return condition, _order_of(queryset), [ids]


_IN_PROJECT = '"tasks"."project_id" = %s'
_BY_POSITION = '"tasks"."position", "tasks"."id"'


def project_tasks_in_extended_form(project_id: int) -> list[dict]:
    """Every task of the project (open and closed) by position, as dicts."""
    return _extended_dicts(_IN_PROJECT, _BY_POSITION, [project_id])


def project_tasks_encoded(project_id: int) -> list[tuple]:
    """Every task of the project (open and closed) by position, encoded by the database:
    getBoard's cells, as rows of (JSON text, not_whole, id, swimlane_id, column_id, score,
    is_active) — plain tuples, no object per task. Callers check ``not_whole`` (see
    database_json)."""
    return _extended_json_rows(_IN_PROJECT, _BY_POSITION, [project_id])


def _order_of(queryset: QuerySet) -> str:
    terms = []
    for term in queryset.query.order_by or ("pk",):
        name = term.lstrip("-")
        column = Task._meta.pk.column if name == "pk" else Task._meta.get_field(name).column
        terms.append(f'"tasks"."{column}"' + (" DESC" if term.startswith("-") else ""))
    return ", ".join(terms)


def _extended_dicts(condition: str, order: str, params) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(_extended_statement(condition, order), params)
        rows = cursor.fetchall()
    listed = []
    for row in rows:
        task = dict(zip(EXTENDED_KEYS, row, strict=True))
        task["time_estimated"] = number(task["time_estimated"])
        task["time_spent"] = number(task["time_spent"])
        listed.append(task)
    return listed


def _extended_json_rows(condition: str, order: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(_extended_json_statement(connection.vendor, condition, order), params)
        return cursor.fetchall()


# The extended form's joins: Kanboard's TaskFinderModel::getExtendedQuery, a missing
# assignee or category read as NULLs.
_EXTENDED_FROM = (
    'FROM "tasks" '
    'INNER JOIN "columns" col ON col."id" = "tasks"."column_id" '
    'INNER JOIN "swimlanes" s ON s."id" = "tasks"."swimlane_id" '
    'INNER JOIN "projects" p ON p."id" = "tasks"."project_id" '
    'LEFT OUTER JOIN "users" u ON u."id" = "tasks"."owner_id" '
    'LEFT OUTER JOIN "project_has_categories" c ON c."id" = "tasks"."category_id" '
)
_EXTENDED_NAMES = (
    'u."username"', 'u."name"', 'u."email"', 'u."avatar_path"',
    'c."name"', 'c."description"', 'c."color_id"',
    'col."title"', number_sql('col."position"'), 's."name"', 'p."name"',
)  # fmt: skip


_COUNTS = [number_sql(f"({count.sql})") for count in EXTENDED_COUNTS.values()]


def _extended_columns(vendor: str | None) -> list[str]:
    """The extended form's values in EXTENDED_KEYS order; with a vendor, hours as the
    integers the database encodes and numbers marked for row_json_sql."""
    head = [_task_column_sql(vendor, name) for name in EXTENDED_HEAD[len(EXTENDED_COUNTS) :]]
    columns = [*_COUNTS, *head, *_EXTENDED_NAMES]
    return columns if vendor else [column.removeprefix(NUMBER) for column in columns]


@lru_cache(maxsize=16)
def _extended_statement(condition: str, order: str) -> str:
    """The extended form's statement, written once per (condition, order)."""
    return (
        f"SELECT {', '.join(_extended_columns(None))} {_EXTENDED_FROM}"
        f"WHERE {condition} ORDER BY {order}"
    )


@lru_cache(maxsize=16)
def _extended_json_statement(vendor: str, condition: str, order: str) -> str:
    encoded = row_json_sql(vendor, list(zip(EXTENDED_KEYS, _extended_columns(vendor), strict=True)))
    not_whole = not_whole_sql(vendor, [f'"tasks"."{name}"' for name in _HOURS])
    return (
        f"SELECT {encoded}, {not_whole}, "
        '"tasks"."id", "tasks"."swimlane_id", "tasks"."column_id", "tasks"."score", '
        f'CAST("tasks"."is_active" AS INTEGER) {_EXTENDED_FROM}'
        f"WHERE {condition} ORDER BY {order}"
    )


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
