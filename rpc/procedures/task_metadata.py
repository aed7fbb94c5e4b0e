"""TaskMetadataProcedure: name/value pairs kept on a task."""

from __future__ import annotations

from kanboard_site.collation import bytewise
from kanboard_site.inputs import to_id, to_text
from rpc.authentication import Caller
from rpc.registry import procedure
from tasks import metadata
from tasks.models import TaskMetadata


@procedure("getTaskMetadata")
def get_task_metadata(task_id) -> dict:
    pairs = TaskMetadata.objects.filter(task_id=to_id(task_id)).order_by(bytewise("name"))
    return dict(pairs.values_list("name", "value"))


@procedure("getTaskMetadataByName")
def get_task_metadata_by_name(task_id, name) -> str:
    found = TaskMetadata.objects.filter(task_id=to_id(task_id), name=to_text(name))
    value = found.values_list("value", flat=True).first()
    return value if value not in (None, "0") else ""  # PHP's falsy values answer ''


@procedure("saveTaskMetadata", invalid=False)
def save_task_metadata(task_id, values: dict | list, caller: Caller) -> bool:
    return metadata.save_task_metadata(to_id(task_id), values, caller.user_id)


@procedure("removeTaskMetadata", invalid=False)
def remove_task_metadata(task_id, name) -> bool:
    return metadata.remove_task_metadata(to_id(task_id), to_text(name))
