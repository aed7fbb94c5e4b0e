"""Changing a task's fields: Kanboard's TaskModificationModel (updateTask).

Column, swimlane, position, project and status are not fields here: they change through
moves, openTask and closeTask.
"""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict

from kanboard_site.inputs import to_int
from projects.models import Category
from tasks import events
from tasks.assignees import is_assignable
from tasks.changes import changed_values, emit_change
from tasks.models import Task
from tasks.tags import save_task_tags
from tasks.validation import clean_task_values, tag_names

# Fields an empty value ('' or 0) stores as 0.
EMPTY_IS_ZERO = ("date_due", "date_started", "score", "category_id", "time_estimated", "time_spent")


def update_task(
    task_id: int | None, values: dict, actor_id: int, *, fire_events: bool = True
) -> bool:
    """Change the given (non-null) fields; ``values["tags"]``, when given, replaces the
    task's tags. False for an unknown task; ValidationError for refused values, for an
    owner who cannot be assigned, and (unlike Kanboard) a category of another project.
    Several automatic actions change a task silently (``fire_events`` False), as
    Kanboard's do."""
    given = {field: value for field, value in values.items() if value is not None}
    tags = given.pop("tags", None)
    cleaned = clean_task_values(given)
    if tags is not None:
        tag_names(tags)
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=task_id).first()
        if task is None:
            return False
        owner = given.get("owner_id")
        if (
            owner is not None
            and to_int(owner) != 0
            and not is_assignable(task.project_id, to_int(owner))
        ):
            raise ValidationError("owner_id: this user cannot be assigned in the project")
        if (
            cleaned.get("category_id")
            and not Category.objects.filter(
                pk=cleaned["category_id"], project_id=task.project_id
            ).exists()
        ):
            raise ValidationError("category_id: not in this project")
        if tags is not None:
            save_task_tags(task.project_id, task.pk, tags)
        for field in EMPTY_IS_ZERO:
            if field in cleaned and not cleaned[field]:
                cleaned[field] = 0
        before = model_to_dict(task)
        before["id"] = task.pk
        cleaned["date_modification"] = int(time.time())
        Task.objects.filter(pk=task.pk).update(**cleaned)
        if fire_events:
            _emit_update_events(task.pk, actor_id, cleaned, before)
    return True


def _emit_update_events(task_id: int, actor_id: int, changes: dict, before: dict) -> None:
    """task.assignee_change when the owner is the only change, else task.create_update and
    task.update when anything changed."""
    changed = changed_values(changes, before)
    if set(changed) == {"owner_id"}:
        names = [events.TASK_ASSIGNEE_CHANGE]
    elif changed:
        names = [events.TASK_CREATE_UPDATE, events.TASK_UPDATE]
    else:
        return
    for name in names:
        emit_change(name, task_id, actor_id, changes, before)
