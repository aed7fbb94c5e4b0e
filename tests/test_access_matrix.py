"""Every registered procedure x every persona: allowed, or refused with HTTP 403, exactly
as the access table (rpc/access.py) says. Generated from the table and the registry, so a
new procedure is covered the day it is registered, and cannot be registered without a row.
"""

from __future__ import annotations

import base64
import inspect
import time

import pytest

from accounts.roles import app_role_at_least
from accounts.tokens import create_token
from projects.models import Action, ActionParam, ProjectFile, ProjectMetadata
from projects.roles import project_role_at_least
from rpc.access import ACCESS, FORBID, READ_PROCEDURES
from rpc.protocol import server
from rpc.registry import CALLER_PARAMETER
from tasks.models import ExternalLink, TaskFile, TaskLink, TaskMetadata
from tests.conftest import APP_ROLE_OF, PERSONAS, PROJECT_ROLE_OF, Credentials
from tests.factories import (
    CategoryFactory,
    CommentFactory,
    GroupFactory,
    SubtaskFactory,
    TagFactory,
    TaskFactory,
)

KANBOARD_PROCEDURE_COUNT = 160
LEGACY_NAMES = {"getAllowedUsers", "allowUser", "revokeUser", "moveColumnUp", "moveColumnDown"}


def test_every_registered_procedure_has_exactly_one_access_row():
    assert set(server.procedures) <= set(ACCESS)


def test_the_table_covers_kanboard_and_the_legacy_names_only():
    assert len(set(ACCESS) - LEGACY_NAMES) == KANBOARD_PROCEDURE_COUNT


def test_a_procedure_without_a_row_cannot_be_called(rpc, monkeypatch):
    monkeypatch.delitem(ACCESS, "getVersion")

    assert rpc.status("getVersion") == 403


class Objects:
    """One object of every kind, all in project P."""

    def __init__(self, world):
        now = int(time.time())
        project = world.project
        self.project = project
        self.column = project.columns.order_by("position").first()
        self.swimlane = project.swimlanes.first()
        self.task = TaskFactory(project=project)
        self.other_task = TaskFactory(project=project)
        self.subtask = SubtaskFactory(task=self.task)
        self.comment = CommentFactory(task=self.task, user_id=world.users["member"].pk)
        self.category = CategoryFactory(project=project)
        self.tag = TagFactory(project_id=project.pk)
        self.group = GroupFactory()
        self.task_link = TaskLink.objects.create(
            link_id=1, task=self.task, opposite_task=self.other_task
        )
        TaskLink.objects.create(link_id=1, task=self.other_task, opposite_task=self.task)
        self.external_link = ExternalLink.objects.create(
            task=self.task,
            link_type="weblink",
            dependency="related",
            title="Doc",
            url="https://example.com/",
            date_creation=now,
            date_modification=now,
        )
        self.task_file = TaskFile.objects.create(task=self.task, name="a.txt", path="tasks/x")
        self.project_file = ProjectFile.objects.create(project=project, name="b.txt", path="p/x")
        self.action = Action.objects.create(
            project=project,
            event_name="task.move.column",
            action_name="\\Kanboard\\Action\\TaskCloseColumn",
        )
        ActionParam.objects.create(action=self.action, name="column_id", value=str(self.column.pk))
        ProjectMetadata.objects.create(project=project, name="k", value="v")
        TaskMetadata.objects.create(task=self.task, name="k", value="v")
        self.outsider = world.users["outsider"]


# A sample value for each parameter name; per-procedure values where a name means
# different things in different procedures.
SAMPLES = {
    "project_id": lambda o: o.project.pk,
    "project_ids": lambda o: [o.project.pk],
    "task_id": lambda o: o.task.pk,
    "subtask_id": lambda o: o.subtask.pk,
    "comment_id": lambda o: o.comment.pk,
    "column_id": lambda o: o.column.pk,
    "swimlane_id": lambda o: o.swimlane.pk,
    "category_id": lambda o: o.category.pk,
    "tag_id": lambda o: o.tag.pk,
    "task_link_id": lambda o: o.task_link.pk,
    "opposite_task_id": lambda o: o.other_task.pk,
    "action_id": lambda o: o.action.pk,
    "user_id": lambda o: o.outsider.pk,
    "group_id": lambda o: o.group.pk,
    "link_id": lambda o: 1,
    "opposite_link_id": lambda o: 0,
    "file_id": lambda o: o.task_file.pk,
    "position": lambda o: 1,
    "name": lambda o: "x",
    "title": lambda o: "x",
    "content": lambda o: "x",
    "tag": lambda o: "x",
    "label": lambda o: "relates to",
    "username": lambda o: "someone",
    "password": lambda o: "secret12",
    "role": lambda o: "project-member",
    "identifier": lambda o: "PRJ",
    "email": lambda o: "p@example.com",
    "reference": lambda o: "ref",
    "query": lambda o: "status:open",
    "tags": lambda o: ["a"],
    "values": lambda o: {"k": "v"},
    "url": lambda o: "https://example.com/doc.pdf",
    "dependency": lambda o: "related",
    "providerName": lambda o: "weblink",
    "event_name": lambda o: "task.move.column",
    "action_name": lambda o: "\\Kanboard\\Action\\TaskCloseColumn",
    "params": lambda o: {"column_id": o.column.pk},
    "filename": lambda o: "c.txt",
    "blob": lambda o: base64.b64encode(b"data").decode(),
}
PER_PROCEDURE = {
    ("updateTask", "id"): lambda o: o.task.pk,
    ("updateCategory", "id"): lambda o: o.category.pk,
    ("updateComment", "id"): lambda o: o.comment.pk,
    ("updateSubtask", "id"): lambda o: o.subtask.pk,
    ("updateUser", "id"): lambda o: o.outsider.pk,
    ("updateProject", "id"): lambda o: o.project.pk,
    ("getProjectByName", "name"): lambda o: o.project.name,
    ("getExternalTaskLinkById", "link_id"): lambda o: o.external_link.pk,
    ("updateExternalTaskLink", "link_id"): lambda o: o.external_link.pk,
    ("removeExternalTaskLink", "link_id"): lambda o: o.external_link.pk,
    ("getProjectFile", "file_id"): lambda o: o.project_file.pk,
    ("downloadProjectFile", "file_id"): lambda o: o.project_file.pk,
    ("removeProjectFile", "file_id"): lambda o: o.project_file.pk,
}


def required_params(name: str, objects: Objects) -> dict:
    func = server.procedures[name].func_or_coro
    params = {}
    for parameter in inspect.signature(func).parameters.values():
        if parameter.name == CALLER_PARAMETER or parameter.default is not inspect.Parameter.empty:
            continue
        sample = PER_PROCEDURE.get((name, parameter.name)) or SAMPLES[parameter.name]
        params[parameter.name] = sample(objects)
    return params


def expected_outcome(name: str, persona: str):
    """FORBID, or the result a refused caller gets instead, or None when allowed."""
    rule = ACCESS[name]
    if persona == "app":
        return FORBID if rule.user_only else None
    if not app_role_at_least(APP_ROLE_OF.get(persona, "app-user"), rule.app_role):
        return FORBID
    if rule.project_role is None:
        return None
    if project_role_at_least(PROJECT_ROLE_OF.get(persona, ""), rule.project_role):
        return None
    return rule.denied_result


def assert_outcome(reply, expected) -> None:
    if expected is FORBID:
        assert reply.status == 403, reply.body
        assert (
            reply.body == b'{"jsonrpc":"2.0","error":{"code":403,"message":"Forbidden"},"id":null}'
        )
    elif expected is None:
        assert reply.status == 200, reply.body
    else:
        assert reply.json["result"] == expected


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(server.procedures))
def test_access_follows_the_table(rpc, world, name, persona):
    objects = Objects(world)
    expected = expected_outcome(name, persona)

    reply = rpc.request(name, required_params(name, objects), as_=world[persona])

    assert_outcome(reply, expected)


READ_NAME_PREFIXES = ("get", "is", "has", "search", "download")


def test_the_procedures_marked_read_are_the_ones_named_as_reads():
    assert READ_PROCEDURES.issubset(ACCESS)
    named_as_reads = {name for name in ACCESS if name.startswith(READ_NAME_PREFIXES)}
    assert named_as_reads == READ_PROCEDURES
    assert {name for name, rule in ACCESS.items() if rule.reads} == READ_PROCEDURES


# A read-only token of the personas that may call most procedures (the admin the
# application-level ones, the manager the project-level ones): every row is covered.
@pytest.mark.parametrize("persona", ["admin", "manager"])
@pytest.mark.parametrize("name", sorted(server.procedures))
def test_a_read_only_token_calls_reads_only(rpc, world, name, persona):
    objects = Objects(world)
    _, secret = create_token(world.users[persona], "read-only", read_only=True)
    expected = expected_outcome(name, persona) if ACCESS[name].reads else FORBID

    reply = rpc.request(
        name, required_params(name, objects), as_=Credentials(world[persona].username, secret)
    )

    assert_outcome(reply, expected)
