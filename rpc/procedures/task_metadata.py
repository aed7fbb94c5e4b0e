"""TaskMetadataProcedure: name/value pairs kept on a task."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from rpc.authentication import Caller
from rpc.registry import procedure
from tasks.metadata import task_metadata


@procedure("getTaskMetadata")
def get_task_metadata(task_id) -> dict:
    return task_metadata.pairs(to_id(task_id))


@procedure("getTaskMetadataByName")
def get_task_metadata_by_name(task_id, name) -> str:
    return task_metadata.value(to_id(task_id), name)


@procedure("saveTaskMetadata", invalid=False)
def save_task_metadata(task_id, values: dict | list, caller: Caller) -> bool:
    task_metadata.save(to_id(task_id), values, changed_by=caller.user_id)
    return True


@procedure("removeTaskMetadata")
def remove_task_metadata(task_id, name) -> bool:
    return task_metadata.remove(to_id(task_id), name)
