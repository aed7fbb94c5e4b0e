"""ProjectMetadataProcedure: free name/value pairs on a project."""

from __future__ import annotations

from kanboard_site.inputs import to_id
from projects.metadata import project_metadata
from rpc.authentication import Caller
from rpc.registry import procedure


@procedure("getProjectMetadata")
def get_project_metadata(project_id) -> dict:
    return project_metadata.pairs(to_id(project_id))


@procedure("getProjectMetadataByName")
def get_project_metadata_by_name(project_id, name) -> str:
    return project_metadata.value(to_id(project_id), name)


@procedure("saveProjectMetadata", invalid=False)
def save_project_metadata(project_id, values: dict | list, caller: Caller) -> bool:
    project_metadata.save(to_id(project_id), values, changed_by=caller.user_id)
    return True


@procedure("removeProjectMetadata")
def remove_project_metadata(project_id, name) -> bool:
    return project_metadata.remove(to_id(project_id), name)
