"""Task and project files: the row (getTaskFile, getProjectFile, each with its own key
order) and the list form (getAllTaskFiles, getAllProjectFiles), which adds the
uploader's names (null for the application) in one query for the whole list."""

from __future__ import annotations

from collections.abc import Iterable

from accounts.models import User
from projects.files import project_file_row
from projects.models import ProjectFile
from tasks.files import etag, task_file_row
from tasks.models import TaskFile


def task_file(file: TaskFile) -> dict:
    return task_file_row(file)


def project_file(file: ProjectFile) -> dict:
    return project_file_row(file)


def task_files_in_list_form(files: Iterable[TaskFile]) -> list[dict]:
    return _in_list_form(files, "task_id")


def project_files_in_list_form(files: Iterable[ProjectFile]) -> list[dict]:
    return _in_list_form(files, "project_id")


def _in_list_form(files: Iterable[TaskFile | ProjectFile], owner: str) -> list[dict]:
    files = list(files)
    uploaders = {
        row["id"]: row
        for row in User.objects.filter(pk__in={file.user_id for file in files}).values(
            "id", "username", "name"
        )
    }
    listed = []
    for file in files:
        uploader = uploaders.get(file.user_id, {})
        listed.append(
            {
                "id": file.pk,
                "name": file.name,
                "path": file.path,
                "is_image": int(file.is_image),
                owner: getattr(file, owner),
                "date": file.date,
                "user_id": file.user_id,
                "size": file.size,
                "username": uploader.get("username"),
                "user_name": uploader.get("name"),
                "etag": etag(file.path),
            }
        )
    return listed
