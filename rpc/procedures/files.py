"""TaskFileProcedure and ProjectFileProcedure: attachments sent and read as base64."""

from __future__ import annotations

import base64

from kanboard_site.inputs import to_id
from projects import files as project_files
from rpc.authentication import Caller
from rpc.errors import ProcedureFailure
from rpc.formatters.files import (
    project_file,
    project_files_in_list_form,
    task_file,
    task_files_in_list_form,
)
from rpc.registry import procedure
from tasks import files as task_files
from tasks.models import TaskFile


def encoded(content: bytes | None) -> str:
    """Base64 of the content; "" when there is none (Kanboard's answer to a missing
    file or a storage error)."""
    return "" if content is None else base64.b64encode(content).decode("ascii")


@procedure("getTaskFile")
def get_task_file(file_id):
    found = TaskFile.objects.filter(pk=to_id(file_id)).first()
    return task_file(found) if found else None


@procedure("getAllTaskFiles")
def get_all_task_files(task_id) -> list:
    return task_files_in_list_form(task_files.files_of_task(to_id(task_id)))


@procedure("downloadTaskFile")
def download_task_file(file_id) -> str:
    return encoded(task_files.task_file_content(to_id(file_id)))


@procedure("createTaskFile", invalid=False)
def create_task_file(project_id, task_id, filename, blob, *, caller: Caller) -> int:
    created = task_files.create_task_file(
        to_id(project_id), to_id(task_id), filename, blob, actor_id=caller.user_id
    )
    return created.pk


@procedure("removeTaskFile")
def remove_task_file(file_id, *, caller: Caller) -> bool:
    return task_files.remove_task_file(to_id(file_id), actor_id=caller.user_id)


@procedure("removeAllTaskFiles")
def remove_all_task_files(task_id, *, caller: Caller) -> bool:
    task_files.remove_all_task_files(to_id(task_id), actor_id=caller.user_id)
    return True


@procedure("getProjectFile")
def get_project_file(project_id, file_id):
    found = project_files.project_file(to_id(project_id), to_id(file_id))
    return project_file(found) if found else False


@procedure("getAllProjectFiles")
def get_all_project_files(project_id) -> list:
    return project_files_in_list_form(project_files.files_of_project(to_id(project_id)))


@procedure("downloadProjectFile")
def download_project_file(project_id, file_id) -> str:
    return encoded(project_files.project_file_content(to_id(project_id), to_id(file_id)))


@procedure("createProjectFile", invalid=False)
def create_project_file(project_id, filename, blob, *, caller: Caller) -> int:
    try:
        created = project_files.create_project_file(
            project_id, filename, blob, actor_id=caller.user_id
        )
    except project_files.InvalidFileOwner as exc:
        raise ProcedureFailure(str(exc)) from None
    return created.pk


@procedure("removeProjectFile")
def remove_project_file(project_id, file_id, *, caller: Caller) -> bool:
    return project_files.remove_project_file(
        to_id(project_id), to_id(file_id), actor_id=caller.user_id
    )


@procedure("removeAllProjectFiles")
def remove_all_project_files(project_id, *, caller: Caller) -> bool:
    project_files.remove_all_project_files(to_id(project_id), actor_id=caller.user_id)
    return True
