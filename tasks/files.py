"""Task attachments: upload, read, remove, with Kanboard's events.

The blob is written before its row, inside the row's transaction, and deleted again if
the row does not commit; a removed row's blob goes after the commit, and only with the
last row that uses it (duplicated tasks share blobs, as in Kanboard).
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower

from kanboard_site.collation import bytewise
from tasks import events
from tasks.models import Task, TaskFile
from tasks.storage import delete_unreferenced_after_commit, new_key, read_blob
from tasks.uploads import discarded_on_failure, prepare_upload, store_upload


def etag(path: str | None) -> str:
    """Kanboard's etag: the md5 of the storage key."""
    return hashlib.md5((path or "").encode(), usedforsecurity=False).hexdigest()


def task_file_row(file: TaskFile) -> dict:
    """The row as Kanboard's getById reads it (getTaskFile, and the events' "file")."""
    return {
        "id": file.pk,
        "name": file.name,
        "path": file.path,
        "is_image": int(file.is_image),
        "task_id": file.task_id,
        "date": file.date,
        "user_id": file.user_id,
        "size": file.size,
        "etag": etag(file.path),
    }


def in_name_order(files: QuerySet) -> QuerySet:
    """Kanboard's SQLite declares file names COLLATE NOCASE and lists them by name."""
    return files.order_by(Lower(bytewise("name")), "id")


def files_of_task(task_id: int | None) -> QuerySet:
    return in_name_order(TaskFile.objects.filter(task_id=task_id))


def task_file_content(file_id: int | None) -> bytes | None:
    """The file's bytes; None when the file or its blob is missing or unreadable."""
    path = TaskFile.objects.filter(pk=file_id).values_list("path", flat=True).first()
    return read_blob(path)


def create_task_file(
    project_id: int | None, task_id: int | None, filename: Any, blob: Any, *, actor_id: int = 0
) -> TaskFile:
    """Attach a file to a task of the project (ValidationError otherwise, or for a
    refused upload: see ``tasks.uploads``)."""
    upload = prepare_upload(filename, blob)
    with discarded_on_failure() as written, transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=task_id, project_id=project_id).first()
        if task is None:
            raise ValidationError("The task does not exist in this project")
        file = TaskFile(
            task=task,
            name=upload.name,
            path=new_key("tasks", task.pk),
            is_image=upload.is_image,
            size=upload.size,
            user_id=actor_id,
            date=int(time.time()),
        )
        store_upload(file.path, upload, written)
        file.save()
        events.emit(events.TASK_FILE_CREATE, task.pk, actor_id, file=task_file_row(file))
    return file


def remove_task_file(file_id: int | None, *, actor_id: int = 0) -> bool:
    with transaction.atomic():
        return _remove(TaskFile.objects.filter(pk=file_id), actor_id) > 0


def remove_all_task_files(task_id: int | None, *, actor_id: int = 0) -> int:
    """The number of files removed."""
    with transaction.atomic():
        return _remove(TaskFile.objects.filter(task_id=task_id), actor_id)


def _remove(files: QuerySet, actor_id: int) -> int:
    """Announce each removal while the file can still be described (Kanboard), delete
    the rows, and their blobs once committed."""
    removed = list(files.select_for_update().order_by("pk"))
    for file in removed:
        events.emit(events.TASK_FILE_DESTROY, file.task_id, actor_id, file=task_file_row(file))
    TaskFile.objects.filter(pk__in=[file.pk for file in removed]).delete()
    delete_unreferenced_after_commit({file.path for file in removed if file.path})
    return len(removed)
