"""TaskProcedure: tasks (searchTasks lives with the search procedures)."""

from __future__ import annotations

import time

from kanboard_site.inputs import to_id, to_int, to_text
from rpc.authentication import Caller
from rpc.formatters.database_json import JsonText
from rpc.formatters.tasks import (
    overdue_tasks,
    project_tasks_in_full,
    task_in_full,
    task_with_id_in_full,
)
from rpc.read_cache import cached_read
from rpc.registry import procedure
from tasks import creation, modification, positions, project_moves, removal, status
from tasks.models import Task


@procedure("getTask")
def get_task(task_id):
    return task_with_id_in_full(to_id(task_id))


@procedure("getTaskByReference")
def get_task_by_reference(project_id, reference):
    found = Task.objects.filter(project_id=to_id(project_id), reference=to_text(reference))
    return task_in_full(found.order_by("pk"))


@procedure("getAllTasks", legacy_names={"status_id": "status"})
def get_all_tasks(project_id, status_id=1) -> list | JsonText:
    status_id = to_int(status_id)
    if status_id not in (0, 1):
        return []
    project_id, active = to_id(project_id), status_id == 1
    return cached_read(
        ("getAllTasks", project_id, active),
        project_id,
        lambda: project_tasks_in_full(project_id, active),
    )


@procedure("getOverdueTasks")
def get_overdue_tasks() -> list:
    return overdue_tasks(Task.objects.overdue(int(time.time())))


@procedure("getOverdueTasksByProject")
def get_overdue_tasks_by_project(project_id) -> list:
    overdue = Task.objects.overdue(int(time.time()))
    return overdue_tasks(overdue.filter(project_id=to_id(project_id)))


@procedure("openTask", invalid=False)
def open_task(task_id, caller: Caller) -> bool:
    return status.open_task(to_id(task_id), caller.user_id)


@procedure("closeTask", invalid=False)
def close_task(task_id, caller: Caller) -> bool:
    return status.close_task(to_id(task_id), caller.user_id)


@procedure("removeTask", invalid=False)
def remove_task(task_id) -> bool:
    return removal.remove_task(to_id(task_id))


@procedure("moveTaskPosition", invalid=False)
def move_task_position(
    project_id, task_id, column_id, position, swimlane_id=0, caller: Caller = None
) -> bool:
    """Kanboard's older documentation has no swimlane_id: the task stays in its own."""
    return positions.move_task_position(
        to_id(project_id),
        to_id(task_id),
        to_id(column_id),
        position,
        to_int(swimlane_id),
        caller.user_id,
    )


@procedure("moveTaskToProject", invalid=False)
def move_task_to_project(
    task_id,
    project_id,
    swimlane_id=None,
    column_id=None,
    category_id=None,
    owner_id=None,
    caller: Caller = None,
) -> bool:
    chosen = _chosen(swimlane_id, column_id, category_id, owner_id)
    return project_moves.move_task_to_project(
        to_id(task_id), to_id(project_id), chosen, caller.user_id
    )


@procedure("duplicateTaskToProject", invalid=0)
def duplicate_task_to_project(
    task_id,
    project_id,
    swimlane_id=None,
    column_id=None,
    category_id=None,
    owner_id=None,
    caller: Caller = None,
) -> int:
    chosen = _chosen(swimlane_id, column_id, category_id, owner_id)
    copy = project_moves.duplicate_task_to_project(
        to_id(task_id), to_id(project_id), chosen, caller.user_id
    )
    return copy.pk if copy else 0


def _chosen(swimlane_id, column_id, category_id, owner_id) -> dict:
    """The ids the caller chose for the task in the destination (absent: the task's own)."""
    given = {
        "swimlane_id": swimlane_id,
        "column_id": column_id,
        "category_id": category_id,
        "owner_id": owner_id,
    }
    return {field: to_int(value) for field, value in given.items() if value is not None}


@procedure("createTask", invalid=False)
def create_task(
    title,
    project_id,
    color_id="",
    column_id=0,
    owner_id=0,
    creator_id=0,
    date_due="",
    description="",
    category_id=0,
    score=0,
    swimlane_id=None,
    priority=0,
    recurrence_status=0,
    recurrence_trigger=0,
    recurrence_factor=0,
    recurrence_timeframe=0,
    recurrence_basedate=0,
    reference="",
    tags: list = [],  # noqa: B006  (Kanboard's default; never mutated)
    date_started="",
    time_spent=None,
    time_estimated=None,
    caller: Caller = None,
) -> int:
    values = {name: value for name, value in locals().items() if name != "caller"}
    task = creation.create_task(values, caller.user_id)
    return task.pk if task else 0


@procedure("updateTask", invalid=False)
def update_task(
    id,
    title=None,
    color_id=None,
    owner_id=None,
    date_due=None,
    description=None,
    category_id=None,
    score=None,
    priority=None,
    recurrence_status=None,
    recurrence_trigger=None,
    recurrence_factor=None,
    recurrence_timeframe=None,
    recurrence_basedate=None,
    reference=None,
    tags: list | None = None,
    date_started=None,
    time_spent=None,
    time_estimated=None,
    caller: Caller = None,
) -> bool:
    given = locals()
    values = {name: given[name] for name in UPDATE_FIELDS}
    return modification.update_task(to_id(id), values, caller.user_id)


# The fields of updateTask in the order of Kanboard's values array (reference and priority
# after the recurrence fields, unlike its parameters): the order of the changes an update
# event carries, which its notification lists.
UPDATE_FIELDS = (
    "title",
    "color_id",
    "owner_id",
    "date_due",
    "description",
    "category_id",
    "score",
    "recurrence_status",
    "recurrence_trigger",
    "recurrence_factor",
    "recurrence_timeframe",
    "recurrence_basedate",
    "reference",
    "priority",
    "tags",
    "date_started",
    "time_spent",
    "time_estimated",
)
