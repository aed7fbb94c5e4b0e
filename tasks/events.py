"""Task events: Kanboard's event names, dispatched synchronously to subscribers.

A domain function that changes a task (or a comment, subtask, file or link on it) calls
``emit`` inside its own transaction, after the change. Subscribers run in that same
transaction, so what they write (the activity stream today; automatic actions and
notifications later) commits or rolls back with the change itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.db.models import F

TASK_CREATE = "task.create"
TASK_CREATE_UPDATE = "task.create_update"
TASK_UPDATE = "task.update"
TASK_ASSIGNEE_CHANGE = "task.assignee_change"
TASK_OPEN = "task.open"
TASK_CLOSE = "task.close"
TASK_MOVE_COLUMN = "task.move.column"
TASK_MOVE_POSITION = "task.move.position"
TASK_MOVE_SWIMLANE = "task.move.swimlane"
TASK_MOVE_PROJECT = "task.move.project"
TASK_USER_MENTION = "task.user.mention"
SUBTASK_CREATE = "subtask.create"
SUBTASK_UPDATE = "subtask.update"
SUBTASK_CREATE_UPDATE = "subtask.create_update"
SUBTASK_DELETE = "subtask.delete"
COMMENT_CREATE = "comment.create"
COMMENT_UPDATE = "comment.update"
COMMENT_DELETE = "comment.delete"
COMMENT_USER_MENTION = "comment.user.mention"
TASK_FILE_CREATE = "task.file.create"
TASK_FILE_DESTROY = "task.file.destroy"
TASK_LINK_CREATE_UPDATE = "task_internal_link.create_update"
TASK_LINK_DELETE = "task_internal_link.delete"


class Event:
    """An event on a task. Its data (Kanboard's: "task", see task_details, and by event
    "changes", "comment", "subtask", "file" or "task_link") is read from the database
    when a subscriber first needs it: most events of the application credential are
    read by nobody, since they leave no activity."""

    def __init__(
        self, name: str, task_id: int, actor_id: int, extra: dict, snapshot: TaskSnapshot
    ) -> None:
        self.name = name
        self.task_id = task_id
        self.actor_id = actor_id  # 0 when the application credential made the change
        self._extra = extra
        self._snapshot = snapshot

    @property
    def task(self) -> dict[str, Any] | None:
        """The task as it is now; None if it no longer exists."""
        return self._snapshot.details

    @property
    def project_id(self) -> int:
        return self.task["project_id"]

    @cached_property
    def data(self) -> dict[str, Any]:
        return {"task_id": self.task_id, "task": self.task, **self._extra}

    def carries(self, key: str) -> bool:
        """Whether the event's own data (beside the task) has ``key``; the task is not read."""
        return key in self._extra

    def given(self, key: str) -> Any:
        """The event's own value of ``key`` (beside the task), None when it has none; the
        task is not read."""
        return self._extra.get(key)


class TaskSnapshot:
    """task_details of one task, read once for all the events of one change."""

    def __init__(self, task_id: int) -> None:
        self.task_id = task_id

    @cached_property
    def details(self) -> dict[str, Any] | None:
        return task_details(self.task_id)


Subscriber = Callable[[Event], None]
_subscribers: dict[str, list[Subscriber]] = defaultdict(list)


def subscribe(*names: str) -> Callable[[Subscriber], Subscriber]:
    def register(handler: Subscriber) -> Subscriber:
        for name in names:
            if handler not in _subscribers[name]:
                _subscribers[name].append(handler)
        return handler

    return register


def emit(name: str, task_id: int, actor_id: int, **extra: Any) -> None:
    """Dispatch ``name`` for the task to its subscribers."""
    emit_each((name,), task_id, actor_id, **extra)


def emit_each(names: tuple[str, ...], task_id: int, actor_id: int, **extra: Any) -> None:
    """Dispatch several events of one change (task.create_update then task.create...),
    which share one reading of the task."""
    snapshot = TaskSnapshot(task_id)
    for name in names:
        event = Event(name, task_id, actor_id, extra, snapshot)
        for handler in _subscribers.get(name, ()):
            handler(event)


# The task as Kanboard's TaskFinderModel::getDetails reads it: every column, then names.
TASK_COLUMNS = (
    "id",
    "title",
    "description",
    "date_creation",
    "color_id",
    "project_id",
    "column_id",
    "owner_id",
    "position",
    "is_active",
    "date_completed",
    "score",
    "date_due",
    "category_id",
    "creator_id",
    "date_modification",
    "reference",
    "date_started",
    "time_spent",
    "time_estimated",
    "swimlane_id",
    "date_moved",
    "recurrence_status",
    "recurrence_trigger",
    "recurrence_factor",
    "recurrence_timeframe",
    "recurrence_basedate",
    "recurrence_parent",
    "recurrence_child",
    "priority",
    "external_provider",
    "external_uri",
)


def plain(value: Any) -> Any:
    """A column value as Kanboard's SQLite gives it: flags 0/1, whole floats as ints."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def task_details(task_id: int) -> dict[str, Any] | None:
    from accounts.models import User
    from projects.models import Category
    from tasks.models import Task

    row = (
        Task.objects.filter(pk=task_id)
        .values(*TASK_COLUMNS)
        .annotate(
            swimlane_name=F("swimlane__name"),
            project_name=F("project__name"),
            column_title=F("column__title"),
            column_position=F("column__position"),
        )
        .first()
    )
    if row is None:
        return None
    details = {column: plain(row[column]) for column in TASK_COLUMNS}
    category = (
        Category.objects.filter(pk=row["category_id"]).values("name", "description").first() or {}
    )
    users = {
        u["id"]: u
        for u in User.objects.filter(pk__in=(row["owner_id"], row["creator_id"])).values(
            "id", "username", "name"
        )
    }
    assignee = users.get(row["owner_id"], {})
    creator = users.get(row["creator_id"], {})
    details.update(
        category_name=category.get("name"),
        swimlane_name=row["swimlane_name"],
        project_name=row["project_name"],
        column_title=row["column_title"],
        assignee_username=assignee.get("username"),
        assignee_name=assignee.get("name"),
        creator_username=creator.get("username"),
        creator_name=creator.get("name"),
        category_description=category.get("description"),
        column_position=row["column_position"],
    )
    return details
