"""MeProcedure's project procedures: createMyPrivateProject, getMyProjectsList,
getMyProjects."""

from __future__ import annotations

import pytest

from accounts.config import set_config
from projects.models import Column, Project, ProjectUserRole, Swimlane
from tests.factories import GroupFactory, GroupMemberFactory, GroupRoleFactory, ProjectFactory
from tests.projects.conftest import assert_forbidden


@pytest.fixture
def memberships(world):
    """Besides P: "b team" through a group, disabled "Archive" directly, "zzz" not his."""
    member = world.users["member"]
    group = GroupFactory()
    GroupMemberFactory(group=group, user=member)
    team = ProjectFactory(name="b team")
    GroupRoleFactory(project=team, group=group, role="project-viewer")
    archive = ProjectFactory(name="Archive", is_active=False)
    ProjectUserRole.objects.create(project=archive, user=member, role="project-member")
    ProjectFactory(name="zzz")
    return team, archive


def test_my_projects_list_has_every_project_of_mine_by_name(rpc, world, memberships):
    team, archive = memberships

    assert rpc.call("getMyProjectsList", as_=world["member"]) == {
        str(archive.pk): "Archive",
        str(world.project.pk): "P",
        str(team.pk): "b team",
    }


def test_my_projects_are_the_active_ones_in_full(rpc, world, memberships):
    team, _ = memberships

    mine = rpc.call("getMyProjects", as_=world["member"])

    assert mine == [
        rpc.call("getProjectById", [world.project.pk]),
        rpc.call("getProjectById", [team.pk]),
    ]


def test_without_projects_the_lists_are_empty(rpc, world):
    assert rpc.request("getMyProjectsList", as_=world["outsider"]).body == (
        b'{"jsonrpc":"2.0","result":{},"id":1}'
    )
    assert rpc.call("getMyProjects", as_=world["outsider"]) == []


def test_a_removed_membership_removes_the_project_from_my_lists(rpc, world):
    rpc.call("removeProjectUser", [world.project.pk, world.users["member"].pk])

    assert rpc.call("getMyProjectsList", as_=world["member"]) == {}
    assert rpc.call("getMyProjects", as_=world["member"]) == []


@pytest.mark.parametrize("count", [10, 500])
def test_my_projects_take_the_same_queries_at_any_size(
    rpc, world, count, django_assert_num_queries
):
    member = world.users["member"]
    projects = Project.objects.bulk_create(Project(name=f"Mine {n}") for n in range(count))
    ProjectUserRole.objects.bulk_create(
        ProjectUserRole(project=project, user=member) for project in projects
    )
    rpc.call("getMe", as_=world["member"])  # the password check is remembered from now on

    # The login (the user's row, then touched, recorded and trimmed in a savepoint), the
    # application URL, the projects.
    with django_assert_num_queries(8):
        assert len(rpc.call("getMyProjects", as_=world["member"])) == count + 1


@pytest.mark.parametrize("method", ["getMyProjectsList", "getMyProjects"])
def test_the_application_has_no_projects_of_its_own(rpc, method):
    assert rpc.status(method) == 403


# createMyPrivateProject


def test_create_my_private_project(rpc, world):
    member = world.users["member"]

    project_id = rpc.call("createMyPrivateProject", ["Mine", "Notes"], as_=world["member"])

    project = Project.objects.get(pk=project_id)
    assert (project.name, project.description, project.is_private, project.owner_id) == (
        "Mine",
        "Notes",
        True,
        member.pk,
    )
    assert list(ProjectUserRole.objects.filter(project=project).values_list("user_id", "role")) == [
        (member.pk, "project-manager")
    ]
    assert Column.objects.filter(project=project).count() == 4
    assert Swimlane.objects.filter(project=project, name="Default swimlane").exists()
    assert rpc.call("getProjectById", [project_id], as_=world["member"])["is_private"] == 1


@pytest.mark.parametrize("name", ["", None, ["x"]])
def test_a_private_project_needs_a_name(rpc, world, name):
    assert rpc.call("createMyPrivateProject", [name], as_=world["member"]) is False

    assert Project.objects.count() == 1


@pytest.mark.parametrize("setting", ["1", " 1", "1.0"])
def test_private_projects_can_be_disabled(rpc, world, setting):
    set_config("disable_private_project", setting)

    assert rpc.call("createMyPrivateProject", ["Mine"], as_=world["member"]) is False

    assert not Project.objects.filter(name="Mine").exists()


def test_private_projects_are_allowed_unless_the_setting_is_one(rpc, world):
    set_config("disable_private_project", "0")

    assert type(rpc.call("createMyPrivateProject", ["Mine"], as_=world["member"])) is int


def test_the_application_cannot_create_private_projects(rpc):
    assert_forbidden(rpc, "createMyPrivateProject", ["Mine"], rpc.app)

    assert not Project.objects.filter(name="Mine").exists()
