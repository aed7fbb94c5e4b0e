"""Project attachments: upload, read, remove, with Kanboard's events.

Blobs follow the rows as for task files (``tasks.files``): written inside the row's
transaction and deleted if it does not commit, deleted after a removal commits.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from kanboard_site.inputs import to_id
from projects import events
from projects.models import Project, ProjectFile
from tasks.files import etag, in_name_order
from tasks.storage import delete_unreferenced_after_commit, new_key, read_blob
from tasks.uploads import discarded_on_failure, prepare_upload, store_upload


class InvalidFileOwner(ValueError):
    """Kanboard's message when the project id cannot name a storage folder."""

    def __init__(self) -> None:
        super().__init__("Invalid ID provided for file path generation")


def project_file_row(file: ProjectFile) -> dict:
    """The row as Kanboard's getById reads it (getProjectFile, and the events' "file")."""
    return {
        "id": file.pk,
        "project_id": file.project_id,
        "name": file.name,
        "path": file.path,
        "is_image": int(file.is_image),
        "size": file.size,
        "user_id": file.user_id,
        "date": file.date,
        "etag": etag(file.path),
    }


def files_of_project(project_id: int | None) -> QuerySet:
    return in_name_order(ProjectFile.objects.filter(project_id=project_id))


def project_file(project_id: int | None, file_id: int | None) -> ProjectFile | None:
    """The file, only when it belongs to that project."""
    return ProjectFile.objects.filter(pk=file_id, project_id=project_id).first()


def project_file_content(project_id: int | None, file_id: int | None) -> bytes | None:
    """The file's bytes; None when the file is not the project's, or its blob is
    missing or unreadable."""
    path = (
        ProjectFile.objects.filter(pk=file_id, project_id=project_id)
        .values_list("path", flat=True)
        .first()
    )
    return read_blob(path)


def create_project_file(
    project_id: Any, filename: Any, blob: Any, *, actor_id: int = 0
) -> ProjectFile:
    """ValidationError for a refused upload (``tasks.uploads``) or an unknown project;
    InvalidFileOwner for an id that is not a positive integer (checked after the
    content, as Kanboard does)."""
    upload = prepare_upload(filename, blob)
    project_id = to_id(project_id)
    if project_id is None:
        raise InvalidFileOwner
    with discarded_on_failure() as written, transaction.atomic():
        project = Project.objects.select_for_update().filter(pk=project_id).first()
        if project is None:
            raise ValidationError("The project does not exist")
        file = ProjectFile(
            project=project,
            name=upload.name,
            path=new_key("projects", project.pk),
            is_image=upload.is_image,
            size=upload.size,
            user_id=actor_id,
            date=int(time.time()),
        )
        store_upload(file.path, upload, written)
        file.save()
        events.emit(events.PROJECT_FILE_CREATE, project.pk, actor_id, file=project_file_row(file))
    return file


def remove_project_file(project_id: int | None, file_id: int | None, *, actor_id: int = 0) -> bool:
    with transaction.atomic():
        files = ProjectFile.objects.filter(pk=file_id, project_id=project_id)
        return _remove(files, actor_id) > 0


def remove_all_project_files(project_id: int | None, *, actor_id: int = 0) -> int:
    """The number of files removed."""
    with transaction.atomic():
        return _remove(ProjectFile.objects.filter(project_id=project_id), actor_id)


def _remove(files: QuerySet, actor_id: int) -> int:
    removed = list(files.select_for_update().order_by("pk"))
    for file in removed:
        events.emit(
            events.PROJECT_FILE_DESTROY, file.project_id, actor_id, file=project_file_row(file)
        )
    ProjectFile.objects.filter(pk__in=[file.pk for file in removed]).delete()
    delete_unreferenced_after_commit({file.path for file in removed})
    return len(removed)
