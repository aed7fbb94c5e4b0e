"""Kanboard's parameter names, order and defaults for every procedure of this area, and
the binding errors for missing or extra ones."""

from __future__ import annotations

import inspect

import pytest

from projects.models import Project
from rpc.protocol import server
from rpc.registry import CALLER_PARAMETER

# Each procedure's parameters: a name alone is required, (name, default) is optional.
SIGNATURES = {
    "createProject": [
        "name",
        ("description", None),
        ("owner_id", 0),
        ("identifier", None),
        ("start_date", None),
        ("end_date", None),
        ("priority_default", None),
        ("priority_start", None),
        ("priority_end", None),
        ("email", None),
    ],
    "getProjectById": ["project_id"],
    "getProjectByName": ["name"],
    "getProjectByIdentifier": ["identifier"],
    "getProjectByEmail": ["email"],
    "getAllProjects": [],
    "updateProject": [
        "project_id",
        ("name", None),
        ("description", None),
        ("owner_id", None),
        ("identifier", None),
        ("start_date", None),
        ("end_date", None),
        ("priority_default", None),
        ("priority_start", None),
        ("priority_end", None),
        ("email", None),
    ],
    "removeProject": ["project_id"],
    "enableProject": ["project_id"],
    "disableProject": ["project_id"],
    "enableProjectPublicAccess": ["project_id"],
    "disableProjectPublicAccess": ["project_id"],
    "getProjectUsers": ["project_id"],
    "getAssignableUsers": ["project_id", ("prepend_unassigned", False)],
    "addProjectUser": ["project_id", "user_id", ("role", "project-member")],
    "addProjectGroup": ["project_id", "group_id", ("role", "project-member")],
    "removeProjectUser": ["project_id", "user_id"],
    "removeProjectGroup": ["project_id", "group_id"],
    "changeProjectUserRole": ["project_id", "user_id", "role"],
    "changeProjectGroupRole": ["project_id", "group_id", "role"],
    "getProjectUserRole": ["project_id", "user_id"],
    "getProjectMetadata": ["project_id"],
    "getProjectMetadataByName": ["project_id", "name"],
    "saveProjectMetadata": ["project_id", "values"],
    "removeProjectMetadata": ["project_id", "name"],
    "getColumns": ["project_id"],
    "getColumn": ["column_id"],
    "changeColumnPosition": ["project_id", "column_id", "position"],
    "updateColumn": ["column_id", "title", ("task_limit", 0), ("description", "")],
    "addColumn": ["project_id", "title", ("task_limit", 0), ("description", "")],
    "removeColumn": ["column_id"],
    "getActiveSwimlanes": ["project_id"],
    "getAllSwimlanes": ["project_id"],
    "getSwimlane": ["swimlane_id"],
    "getSwimlaneById": ["swimlane_id"],
    "getSwimlaneByName": ["project_id", "name"],
    "changeSwimlanePosition": ["project_id", "swimlane_id", "position"],
    "updateSwimlane": ["project_id", "swimlane_id", "name", ("description", None)],
    "addSwimlane": ["project_id", "name", ("description", "")],
    "removeSwimlane": ["project_id", "swimlane_id"],
    "disableSwimlane": ["project_id", "swimlane_id"],
    "enableSwimlane": ["project_id", "swimlane_id"],
    "createCategory": ["project_id", "name", ("color_id", None)],
    "getCategory": ["category_id"],
    "getAllCategories": ["project_id"],
    "updateCategory": ["id", "name", ("color_id", None)],
    "removeCategory": ["category_id"],
    "createMyPrivateProject": ["name", ("description", None)],
    "getMyProjectsList": [],
    "getMyProjects": [],
    # Kanboard 1.0's names
    "getAllowedUsers": ["project_id"],
    "allowUser": ["project_id", "user_id"],
    "revokeUser": ["project_id", "user_id"],
    "moveColumnUp": ["project_id", "column_id"],
    "moveColumnDown": ["project_id", "column_id"],
}


def parameters(name: str) -> list:
    signature = inspect.signature(server.procedures[name].func_or_coro)
    return [
        p.name if p.default is inspect.Parameter.empty else (p.name, p.default)
        for p in signature.parameters.values()
        if p.name != CALLER_PARAMETER
    ]


@pytest.mark.parametrize("name", SIGNATURES)
def test_parameters_are_kanboards(name):
    assert parameters(name) == SIGNATURES[name]


@pytest.mark.parametrize("name", SIGNATURES)
def test_missing_or_extra_parameters_are_refused_before_anything_runs(rpc, world, name):
    before = Project.objects.count()
    as_ = world["member"] if name.startswith(("getMy", "createMy")) else rpc.app

    if any(isinstance(parameter, str) for parameter in SIGNATURES[name]):
        assert rpc.error(name, {}, as_=as_)["data"] == "Wrong number of arguments"
    too_many = [1] * (len(SIGNATURES[name]) + 1)
    assert rpc.error(name, too_many, as_=as_)["data"] == "Too many arguments"
    assert Project.objects.count() == before
