"""Moving and copying tasks to another project (Kanboard's TaskProjectMoveModel and
TaskProjectDuplicationModel).

Column, swimlane and category are carried over by name: the destination's column of the
same title (else its first column), swimlane of the same name (else its first active
swimlane), category of the same name (else none). The owner stays when they are an active
member of the destination; the priority when it is within the destination's range.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from projects.models import Category, Column, Project, Swimlane
from tasks import events
from tasks.assignees import is_active_member
from tasks.board import first_active_swimlane_id, first_column_id
from tasks.changes import emit_change
from tasks.creation import insert_task
from tasks.duplication import (
    copied_fields,
    copy_external_links,
    copy_files,
    copy_subtasks,
    link_as_duplicate,
)
from tasks.models import Task
from tasks.positions import lock_projects, next_position
from tasks.tags import copy_tags_to_project, move_tags_to_project

# (field, model, the attribute that names it in both projects)
CARRIED_BY_NAME = (
    ("column_id", Column, "title"),
    ("swimlane_id", Swimlane, "name"),
    ("category_id", Category, "name"),
)
# Where the task goes when the destination has no column or swimlane of that name.
DEFAULTS = {
    "column_id": first_column_id,
    "swimlane_id": first_active_swimlane_id,
    "category_id": lambda project_id: 0,
}


def move_task_to_project(task_id, project_id, chosen: dict, actor_id: int) -> bool:
    """moveTaskToProject: the task goes to the end of its new cell, open again (its
    date_completed kept); its tags are re-created in the destination where needed.

    ``chosen`` holds the swimlane_id, column_id, category_id and owner_id the caller gave
    (None: the task's own). False for an unknown task; true without any change for an
    unknown destination or one without columns or active swimlanes (Kanboard's answer).
    """
    with transaction.atomic():
        task, values = _task_and_destination_values(task_id, project_id, chosen)
        if task is None:
            return False
        if values is None:
            return True
        move_tags_to_project(task.pk, project_id)
        values.update(
            project_id=project_id,
            is_active=True,
            position=next_position(project_id, values["column_id"], values["swimlane_id"]),
        )
        Task.objects.filter(pk=task.pk).update(**values)
        emit_change(events.TASK_MOVE_PROJECT, task.pk, actor_id, values)
    return True


def duplicate_task_to_project(task_id, project_id, chosen: dict, actor_id: int) -> Task | None:
    """duplicateTaskToProject: an open copy at the end of its cell in the destination,
    with the source's subtasks (to do, no time spent), tags (by name), file rows, external
    links, and a "duplicates" link to the source. None when there is nothing to copy or
    nowhere to put it."""
    with transaction.atomic():
        source, values = _task_and_destination_values(task_id, project_id, chosen)
        if values is None:
            return None
        copy = insert_task(
            project_id, {**copied_fields(source), **values, "time_spent": 0}, actor_id
        )
        if copy is None:
            return None
        copy_subtasks(source.pk, copy.pk)
        copy_tags_to_project(source.pk, copy.pk, project_id)
        link_as_duplicate(copy.pk, source.pk, actor_id)
        copy_files(source.pk, copy.pk, actor_id)
        copy_external_links(source.pk, copy.pk, actor_id)
    return copy


def _task_and_destination_values(
    task_id, project_id, chosen: dict
) -> tuple[Task | None, dict | None]:
    """The task, and its values in the destination (None: it cannot go there), with the
    task's project and the destination locked, in the same order as every position change
    (projects before any task row)."""
    source_project = Task.objects.filter(pk=task_id).values_list("project_id", flat=True).first()
    if source_project is None:
        return None, None
    lock_projects(source_project, project_id)
    task = Task.objects.filter(pk=task_id, project_id=source_project).first()
    if task is None:
        return None, None
    return task, _values_in_destination(task, project_id, chosen)


def _values_in_destination(task: Task, project_id, chosen: dict) -> dict | None:
    """The task's column, swimlane, category, owner and priority as the destination knows
    them; None when the destination cannot hold the task."""
    destination = Project.objects.filter(pk=project_id).first()
    if destination is None:
        return None
    values = {}
    for field, model, name in CARRIED_BY_NAME:
        given = chosen.get(field)
        if (
            given is not None
            and model.objects.filter(pk=given)
            .exclude(project_id__in=(task.project_id, project_id))
            .exists()
        ):
            raise ValidationError(f"{field}: not in the task's project or the destination")
        source_name = (
            model.objects.filter(pk=given if given is not None else getattr(task, field))
            .values_list(name, flat=True)
            .first()
        )
        values[field] = (
            model.objects.filter(project_id=project_id, **{name: source_name})
            .values_list("pk", flat=True)
            .first()
            if source_name is not None
            else None
        ) or DEFAULTS[field](project_id)
    if not values["column_id"] or not values["swimlane_id"]:
        return None
    values["owner_id"] = _owner_in(destination, task, chosen.get("owner_id"))
    values["priority"] = (
        task.priority
        if destination.priority_start <= task.priority <= destination.priority_end
        else destination.priority_default
    )
    return values


def _owner_in(destination: Project, task: Task, given: int | None) -> int:
    """A given owner must be able to work in the destination; the task's own owner is
    dropped when they cannot."""
    if given is not None:
        if given and not is_active_member(destination.pk, given):
            raise ValidationError("owner_id: not a member of the destination project")
        return given
    owner = task.owner_id
    return owner if owner and is_active_member(destination.pk, owner) else 0
