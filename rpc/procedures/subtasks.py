"""SubtaskProcedure: the subtasks of a task."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.registry import procedure
from tasks import subtasks
from tasks.models import Subtask
from tasks.shapes.subtasks import subtask, subtasks_in_list_form

# Kanboard's older documentation called the assignee assignee_id.
ASSIGNEE = {"user_id": "assignee_id"}


@procedure("getSubtask")
def get_subtask(subtask_id):
    found = Subtask.objects.filter(pk=to_id(subtask_id)).first()
    return subtask(found) if found else None


@procedure("getAllSubtasks")
def get_all_subtasks(task_id, *, caller: Caller) -> list:
    return subtasks_in_list_form(subtasks.subtasks_of_task(to_id(task_id)), caller.user_id)


@procedure("removeSubtask")
def remove_subtask(subtask_id, *, caller: Caller) -> bool:
    return subtasks.remove_subtask(to_id(subtask_id), actor_id=caller.user_id)


@procedure("createSubtask", invalid=False, legacy_names=ASSIGNEE)
def create_subtask(
    task_id, title, user_id=0, time_estimated=0, time_spent=0, status=0, *, caller: Caller
) -> int:
    created = subtasks.create_subtask(
        to_id(task_id), title, user_id, time_estimated, time_spent, status, actor_id=caller.user_id
    )
    return created.pk


@procedure("updateSubtask", invalid=False, legacy_names=ASSIGNEE)
def update_subtask(
    id,
    task_id,
    title=None,
    user_id=None,
    time_estimated=None,
    time_spent=None,
    status=None,
    position=None,
    *,
    caller: Caller,
) -> bool:
    subtasks.update_subtask(
        to_id(id),
        to_id(task_id),
        title,
        user_id,
        time_estimated,
        time_spent,
        status,
        position,
        actor_id=caller.user_id,
    )
    return True
