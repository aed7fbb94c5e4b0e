"""Tasks: the full form (getTask, getAllTasks, ...) and the extended list form (getBoard
cells, searchTasks, getMyDashboard)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from accounts.config import application_url
from accounts.models import User
from projects.models import Category
from rpc.formatters import number
from rpc.formatters.subtasks import subtasks_in_list_form
from rpc.formatters.tags import tags_by_task
from tasks.colors import color_properties, default_color
from tasks.events import TASK_COLUMNS
from tasks.models import Comment, ExternalLink, Subtask, Task, TaskFile, TaskLink


def task_url(base_url: str, task_id: int) -> str:
    return f"{base_url}?controller=TaskViewController&action=show&task_id={task_id}"


def tasks_in_full(tasks: Iterable[Task]) -> list[dict]:
    """Every column, then ``url`` and ``color`` (two settings read for the whole list)."""
    base_url = application_url()
    fallback_color = default_color()
    return [
        {
            **{column: number(getattr(task, _attribute(column))) for column in TASK_COLUMNS},
            "url": task_url(base_url, task.pk),
            "color": color_properties(task.color_id, fallback_color),
        }
        for task in tasks
    ]


def task_in_full(task: Task) -> dict:
    return tasks_in_full([task])[0]


def _attribute(column: str) -> str:
    return "pk" if column == "id" else column


def _count(model, **conditions) -> Coalesce:
    counted = (
        model.objects.filter(task_id=OuterRef("pk"), **conditions)
        .order_by()
        .values("task_id")
        .annotate(total=Count("*"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_extended_columns(queryset: QuerySet) -> QuerySet:
    """The counts and names of the extended form, computed by the database in one query."""
    milestone_links = TaskLink.objects.filter(
        task_id=OuterRef("pk"), link__label="is a milestone of"
    )
    return queryset.annotate(
        nb_comments=_count(Comment),
        nb_files=_count(TaskFile),
        nb_subtasks=_count(Subtask),
        nb_completed_subtasks=_count(Subtask, status=Subtask.DONE),
        nb_links=_count(TaskLink),
        nb_external_links=_count(ExternalLink),
        is_milestone=Subquery(milestone_links.values("link_id")[:1]),
    ).select_related("column", "swimlane", "project")


EXTENDED_TASK_COLUMNS = (
    "id", "reference", "title", "description", "date_creation", "date_modification",
    "date_completed", "date_started", "date_due", "color_id", "project_id", "column_id",
    "swimlane_id", "owner_id", "creator_id", "position", "is_active", "score", "category_id",
    "priority", "date_moved", "recurrence_status", "recurrence_trigger", "recurrence_factor",
    "recurrence_timeframe", "recurrence_basedate", "recurrence_parent", "recurrence_child",
    "time_estimated", "time_spent",
)  # fmt: skip


def tasks_in_extended_form(queryset: QuerySet) -> list[dict]:
    """Tasks of the queryset in Kanboard's extended form: three queries whatever the size
    (the tasks with their counts, their assignees, their categories)."""
    tasks = list(with_extended_columns(queryset))
    assignees = {
        row["id"]: row
        for row in User.objects.filter(pk__in={task.owner_id for task in tasks}).values(
            "id", "username", "name", "email", "avatar_path"
        )
    }
    categories = {
        row["id"]: row
        for row in Category.objects.filter(pk__in={task.category_id for task in tasks}).values(
            "id", "name", "description", "color_id"
        )
    }
    listed = []
    for task in tasks:
        assignee = assignees.get(task.owner_id, {})
        category = categories.get(task.category_id, {})
        listed.append({
            "nb_comments": task.nb_comments,
            "nb_files": task.nb_files,
            "nb_subtasks": task.nb_subtasks,
            "nb_completed_subtasks": task.nb_completed_subtasks,
            "nb_links": task.nb_links,
            "nb_external_links": task.nb_external_links,
            "is_milestone": 1 if task.is_milestone else None,
            **{name: number(getattr(task, _attribute(name))) for name in EXTENDED_TASK_COLUMNS},
            "assignee_username": assignee.get("username"),
            "assignee_name": assignee.get("name"),
            "assignee_email": assignee.get("email"),
            "assignee_avatar_path": assignee.get("avatar_path"),
            "category_name": category.get("name"),
            "category_description": category.get("description"),
            "category_color_id": category.get("color_id"),
            "column_name": task.column.title,
            "column_position": task.column.position,
            "swimlane_name": task.swimlane.name,
            "project_name": task.project.name,
        })  # fmt: skip
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
    task_ids = [task["id"] for task in listed]
    tags = tags_by_task(task_ids)
    subtasks: dict[int, list[dict]] = {}
    mine = Subtask.objects.filter(task_id__in=task_ids, user_id=user_id).order_by("position", "pk")
    for row in subtasks_in_list_form(mine, user_id):
        subtasks.setdefault(row["task_id"], []).append(row)
    return [
        {**task, "tags": tags.get(task["id"], []), "subtasks": subtasks.get(task["id"], [])}
        for task in listed
    ]
