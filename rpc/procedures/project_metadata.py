"""ProjectMetadataProcedure: free name/value pairs on a project."""

from __future__ import annotations

from kanboard_site.collation import bytewise
from kanboard_site.inputs import searchable, to_id
from projects import metadata
from projects.models import ProjectMetadata
from rpc.authentication import Caller
from rpc.registry import procedure


@procedure("getProjectMetadata")
def get_project_metadata(project_id) -> dict:
    pairs = ProjectMetadata.objects.filter(project_id=to_id(project_id)).order_by(bytewise("name"))
    return dict(pairs.values_list("name", "value"))


@procedure("getProjectMetadataByName")
def get_project_metadata_by_name(project_id, name) -> str:
    name = searchable(name)
    if name is None:
        return ""
    value = (
        ProjectMetadata.objects.filter(project_id=to_id(project_id), name=name)
        .values_list("value", flat=True)
        .first()
    )
    # Kanboard's "value ?: default": '' and '0' read as missing.
    return value if value and value != "0" else ""


@procedure("saveProjectMetadata", invalid=False)
def save_project_metadata(project_id, values: dict | list, caller: Caller) -> bool:
    metadata.save_metadata(to_id(project_id), values, changed_by=caller.user_id)
    return True


@procedure("removeProjectMetadata")
def remove_project_metadata(project_id, name) -> bool:
    return metadata.remove_metadata(to_id(project_id), name)
