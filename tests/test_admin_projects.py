"""Projects, memberships and the board's order changed in the admin, through the same
domain functions as the API."""

from __future__ import annotations

import pytest
from django.test import Client

from projects.models import Column, Project, ProjectRole, ProjectUserRole, Swimlane
from tests.factories import SwimlaneFactory, UserFactory


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


def project_fields(project: Project, members: list[tuple] = (), **changes) -> dict:
    """The change form of ``project``, with membership rows (id, user, role, delete)."""
    fields = {
        "name": project.name, "description": project.description or "",
        "identifier": project.identifier, "email": project.email or "",
        "owner_id": project.owner_id, "start_date": project.start_date,
        "end_date": project.end_date, "priority_default": project.priority_default,
        "priority_start": project.priority_start, "priority_end": project.priority_end,
        "is_active": "on" if project.is_active else "",
        "is_public": "on" if project.is_public else "",
        "group_roles-TOTAL_FORMS": 0, "group_roles-INITIAL_FORMS": 0,
        "user_roles-TOTAL_FORMS": len(members),
        "user_roles-INITIAL_FORMS": sum(1 for row in members if row[0]),
    }  # fmt: skip
    for index, (row_id, user_id, role, delete) in enumerate(members):
        fields.update({
            f"user_roles-{index}-id": row_id or "", f"user_roles-{index}-project": project.pk,
            f"user_roles-{index}-user": user_id, f"user_roles-{index}-role": role,
        })  # fmt: skip
        if delete:
            fields[f"user_roles-{index}-DELETE"] = "on"
    for inline in ("columns", "swimlanes"):
        rows = getattr(project, inline).all()
        fields[f"{inline}-TOTAL_FORMS"] = fields[f"{inline}-INITIAL_FORMS"] = len(rows)
        for index, row in enumerate(rows):
            fields[f"{inline}-{index}-id"] = row.pk
            fields[f"{inline}-{index}-project"] = project.pk
    fields.update(changes)
    return {key: value for key, value in fields.items() if value != ""}


def membership(project: Project) -> dict[str, str]:
    rows = ProjectUserRole.objects.filter(project=project).select_related("user")
    return {row.user.username: row.role for row in rows}


def post_project(operator, project, **kwargs):
    return operator.post(f"/admin/projects/project/{project.pk}/change/",
                         project_fields(project, **kwargs))  # fmt: skip


def test_members_are_added_changed_and_removed_through_the_domain(operator, world):
    project = world.project
    rows = {row.user.username: row for row in ProjectUserRole.objects.filter(project=project)}
    newcomer = UserFactory(username="newcomer")

    response = post_project(operator, project, members=[
        (rows["mgr"].pk, world.users["manager"].pk, "project-manager", False),
        (rows["usr"].pk, world.users["member"].pk, "project-viewer", False),
        (rows["viewer"].pk, world.users["viewer"].pk, "project-viewer", True),
        (None, newcomer.pk, "project-member", False),
    ])  # fmt: skip

    assert response.status_code == 302, response.content
    assert membership(project) == {
        "mgr": "project-manager", "usr": "project-viewer", "newcomer": "project-member",
    }  # fmt: skip


def test_a_role_that_is_not_the_projects_is_refused(operator, world):
    other = Project.objects.create(name="Other")
    ProjectRole.objects.create(project=other, role="auditor")
    newcomer = UserFactory(username="newcomer")

    response = post_project(operator, world.project, members=[
        (None, newcomer.pk, "auditor", False),
    ])  # fmt: skip

    assert response.status_code == 200
    assert "newcomer" not in membership(world.project)


def test_a_custom_role_of_the_project_may_be_given(operator, world):
    ProjectRole.objects.create(project=world.project, role="auditor")
    newcomer = UserFactory(username="newcomer")

    response = post_project(operator, world.project, members=[
        (None, newcomer.pk, "auditor", False),
    ])  # fmt: skip

    assert response.status_code == 302
    assert membership(world.project)["newcomer"] == "auditor"


def test_project_changes_go_through_update_project(operator, world):
    response = post_project(operator, world.project, identifier="bad id!")
    assert response.status_code == 200
    assert b"The identifier must be alphanumeric" in response.content

    response = post_project(operator, world.project, identifier="abc", is_public="on")
    assert response.status_code == 302
    project = Project.objects.get(pk=world.project.pk)
    assert project.identifier == "ABC"
    assert project.is_public and len(project.token) == 60


def test_disable_and_enable_project_actions(operator, world):
    url = "/admin/projects/project/"

    operator.post(url, {"action": "disable", "_selected_action": [world.project.pk]})
    assert not Project.objects.get(pk=world.project.pk).is_active
    operator.post(url, {"action": "enable", "_selected_action": [world.project.pk]})
    assert Project.objects.get(pk=world.project.pk).is_active


def test_moving_a_column_renumbers_the_board(operator, world):
    done = Column.objects.get(project=world.project, title="Done")

    response = operator.post(
        f"/admin/projects/column/{done.pk}/change/",
        {"title": "Done", "position": 1, "task_limit": 0, "description": ""},
    )

    assert response.status_code == 302
    titles = Column.objects.filter(project=world.project).order_by("position")
    assert [(c.title, c.position) for c in titles] == [
        ("Done", 1), ("Backlog", 2), ("Ready", 3), ("Work in progress", 4),
    ]  # fmt: skip


def test_a_column_position_outside_the_board_is_refused(operator, world):
    done = Column.objects.get(project=world.project, title="Done")

    response = operator.post(
        f"/admin/projects/column/{done.pk}/change/",
        {"title": "Done", "position": 9, "task_limit": 0, "description": ""},
    )

    assert b"This position is outside the board" in response.content
    assert Column.objects.get(pk=done.pk).position == 4


def test_moving_a_swimlane_renumbers_the_active_ones(operator, world):
    second = SwimlaneFactory(project=world.project, name="Second", position=2)

    response = operator.post(
        f"/admin/projects/swimlane/{second.pk}/change/",
        {"name": "Second", "description": "", "position": 1},
    )

    assert response.status_code == 302
    lanes = Swimlane.objects.filter(project=world.project).order_by("position")
    assert [lane.name for lane in lanes] == ["Second", "Default swimlane"]
