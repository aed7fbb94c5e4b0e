"""Removing tasks with everything on them, and their file blobs after commit."""

from __future__ import annotations

from django.db import transaction

from tasks.models import Task, TaskFile
from tasks.storage import delete_unreferenced_after_commit


def remove_task(task_id: int | None) -> bool:
    """Delete the task; comments, subtasks and their timers, links in both directions,
    external links, files, tags, metadata, transitions and activity go by cascade. The
    other tasks keep their positions (gaps stay, as in Kanboard)."""
    return remove_tasks(Task.objects.filter(pk=task_id)) > 0


def remove_tasks(tasks) -> int:
    """Delete the tasks of the queryset; the number deleted."""
    with transaction.atomic():
        task_ids = list(tasks.values_list("pk", flat=True))
        if not task_ids:
            return 0
        blob_keys = set(
            TaskFile.objects.filter(task_id__in=task_ids).values_list("path", flat=True)
        )
        Task.objects.filter(pk__in=task_ids).delete()
        delete_unreferenced_after_commit({key for key in blob_keys if key})
    return len(task_ids)
