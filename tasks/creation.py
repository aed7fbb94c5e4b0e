"""Creating tasks: Kanboard's TaskCreationModel, behind createTask, duplication and
recurrence."""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import transaction

from kanboard_site.inputs import to_id, to_int
from kanboard_site.rows import insert_instance
from projects.models import Category, Column, Swimlane
from tasks import events
from tasks.assignees import is_assignable
from tasks.board import first_active_swimlane_id, first_column_id
from tasks.colors import default_color
from tasks.mentions import mentioned_members
from tasks.models import Task
from tasks.positions import lock_projects, next_position
from tasks.tags import save_task_tags
from tasks.validation import clean_task_values, tag_names

UNTITLED = "Untitled"
# Fields createTask stores as 0 when they are given as null.
NO_VALUE_IS_ZERO = ("owner_id", "creator_id", "category_id", "score", "date_due", "date_started")


def create_task(values: dict, actor_id: int) -> Task | None:
    """createTask: validate as Kanboard does, then insert.

    ValidationError for what Kanboard answers ``false`` to (and, unlike Kanboard, for a
    column, swimlane or category of another project); None when the row cannot be
    inserted (an unknown project, a project without column or active swimlane).
    """
    project_id = to_int(values["project_id"])
    for field in ("owner_id", "creator_id"):
        if not _is_unassigned(values[field]) and not is_assignable(
            project_id, to_id(values[field])
        ):
            raise ValidationError(f"{field}: this user cannot be assigned in the project")
    if project_id is None or values["title"] in (None, ""):
        raise ValidationError("The project and the title are required")
    cleaned = clean_task_values(values)
    for field in NO_VALUE_IS_ZERO:
        cleaned.setdefault(field, 0)
    tags = tag_names(values["tags"])
    with transaction.atomic():
        if not lock_projects(project_id):
            return None
        _check_references(project_id, cleaned)
        return insert_task(project_id, cleaned, actor_id, tags)


def _is_unassigned(value) -> bool:
    """Kanboard compares with ``!== 0``: only the integer zero means nobody."""
    return value == 0 and type(value) is int


def _check_references(project_id: int, cleaned: dict) -> None:
    """Column, swimlane and category must be the project's own (0: the default)."""
    for field, model in (
        ("column_id", Column),
        ("swimlane_id", Swimlane),
        ("category_id", Category),
    ):
        if (
            cleaned.get(field)
            and not model.objects.filter(pk=cleaned[field], project_id=project_id).exists()
        ):
            raise ValidationError(f"{field}: not in this project")


def insert_task(project_id: int, values: dict, actor_id: int, tags: list[str] = ()) -> Task | None:
    """Insert a task with Kanboard's defaults (first column, first active swimlane, the
    default color, 'Untitled', the acting user as creator), at the end of its cell, then
    emit task.create_update and task.create. Call with the project locked."""
    fields = dict(values)
    fields["column_id"] = fields.get("column_id") or first_column_id(project_id)
    fields["swimlane_id"] = fields.get("swimlane_id") or first_active_swimlane_id(project_id)
    if not fields["column_id"] or not fields["swimlane_id"]:
        return None
    fields["color_id"] = fields.get("color_id") or default_color()
    fields["title"] = fields.get("title") if fields.get("title") not in ("", "0") else UNTITLED
    fields["creator_id"] = fields.get("creator_id") or actor_id
    now = int(time.time())
    task = Task(
        project_id=project_id,
        date_creation=now,
        date_modification=now,
        date_moved=now,
        position=next_position(project_id, fields["column_id"], fields["swimlane_id"]),
        **fields,
    )
    insert_instance(task)
    if tags:
        save_task_tags(project_id, task.pk, tags)
    events.emit_each((events.TASK_CREATE_UPDATE, events.TASK_CREATE), task.pk, actor_id)
    # Kanboard's TaskEventJob: the users a new task's description mentions are told so.
    for mentioned in mentioned_members(task.description or "", project_id, actor_id):
        events.emit(events.TASK_USER_MENTION, task.pk, actor_id, mention=mentioned)
    return task
