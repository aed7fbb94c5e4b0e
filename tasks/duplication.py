"""What a copy of a task takes with it (Kanboard's TaskDuplicationModel and friends)."""

from __future__ import annotations

import time

from django.forms.models import model_to_dict

from tasks import events
from tasks.models import ExternalLink, Link, Subtask, Task, TaskFile, TaskLink

# The fields a copy (to another project, or a recurring task's next occurrence) keeps.
COPIED_FIELDS = (
    "title",
    "description",
    "date_due",
    "color_id",
    "column_id",
    "owner_id",
    "score",
    "priority",
    "category_id",
    "time_estimated",
    "swimlane_id",
    "recurrence_status",
    "recurrence_trigger",
    "recurrence_factor",
    "recurrence_timeframe",
    "recurrence_basedate",
    "external_provider",
    "external_uri",
    "reference",
)
DUPLICATES = 4  # the link label "duplicates"; its opposite is "is duplicated by"


def copied_fields(task: Task) -> dict:
    return {field: getattr(task, field) for field in COPIED_FIELDS}


def copy_subtasks(source_id: int, copy_id: int) -> None:
    """Title, estimate, position and assignee; the copies are to do, with no time spent."""
    Subtask.objects.bulk_create(
        Subtask(task_id=copy_id, **row)
        for row in Subtask.objects.filter(task_id=source_id)
        .order_by("position", "pk")
        .values("title", "time_estimated", "position", "user_id")
    )


def copy_external_links(source_id: int, copy_id: int, actor_id: int) -> None:
    """The copies are the acting user's, created now (Kanboard's TaskExternalLinkModel)."""
    now = int(time.time())
    ExternalLink.objects.bulk_create(
        ExternalLink(
            task_id=copy_id, creator_id=actor_id, date_creation=now, date_modification=now, **row
        )
        for row in ExternalLink.objects.filter(task_id=source_id)
        .order_by("pk")
        .values("link_type", "dependency", "title", "url")
    )


def copy_files(source_id: int, copy_id: int, actor_id: int) -> None:
    """File rows sharing the source's stored blobs (a blob goes when its last row goes)."""
    now = int(time.time())
    for source in TaskFile.objects.filter(task_id=source_id).order_by("pk"):
        copy = TaskFile.objects.create(
            task_id=copy_id,
            name=source.name[:255],
            path=source.path,
            is_image=source.is_image,
            size=source.size,
            user_id=actor_id,
            date=now,
        )
        file = model_to_dict(copy, exclude=["task"]) | {"id": copy.pk, "task_id": copy_id}
        events.emit(events.TASK_FILE_CREATE, copy_id, actor_id, file=file)


def link_as_duplicate(copy_id: int, source_id: int, actor_id: int) -> None:
    """The copy "duplicates" the source, and the source "is duplicated by" the copy."""
    duplicates = Link.objects.get(pk=DUPLICATES)
    opposite = Link.objects.get(pk=duplicates.opposite_id)
    for task_id, other_id, link, reverse in (
        (copy_id, source_id, duplicates, opposite),
        (source_id, copy_id, opposite, duplicates),
    ):
        row = TaskLink.objects.create(task_id=task_id, opposite_task_id=other_id, link=link)
        task_link = {
            "id": row.pk,
            "opposite_task_id": other_id,
            "task_id": task_id,
            "link_id": link.pk,
            "label": link.label,
            "opposite_link_id": reverse.pk,
        }
        events.emit(events.TASK_LINK_CREATE_UPDATE, task_id, actor_id, task_link=task_link)
