"""ProjectPermissionProcedure and its 1.0-era names: members, groups and roles."""

from __future__ import annotations

import pytest

from accounts.models import GroupMember, User
from projects.models import ProjectGroupRole, ProjectRole, ProjectUserRole
from tests.factories import GroupFactory, GroupMemberFactory, GroupRoleFactory, UserFactory
from tests.projects.conftest import assert_forbidden, snapshot


def memberships(project) -> list[tuple]:
    return list(
        ProjectUserRole.objects.filter(project=project)
        .order_by("user_id")
        .values_list("user_id", "role")
    )


@pytest.fixture
def team(world):
    """A group with the manager of P and two users only it brings in: ``alice``
    (named) and ``zed`` (no name, so listed by username)."""
    group = GroupFactory(name="team")
    alice = UserFactory(username="alice", name="Alice Smith")
    zed = UserFactory(username="zed")
    for user in (alice, zed, world.users["manager"]):
        GroupMemberFactory(group=group, user=user)
    GroupRoleFactory(project=world.project, group=group, role="project-member")
    return group, alice, zed


# getProjectUsers, getAssignableUsers


def test_project_users_are_direct_and_group_members_by_display_name(rpc, world, team):
    _, alice, zed = team
    User.objects.filter(pk=world.users["viewer"].pk).update(name="Bob", is_active=False)
    users = world.users

    assert rpc.call("getProjectUsers", [world.project.pk], as_=world["member"]) == {
        str(alice.pk): "Alice Smith",
        str(users["viewer"].pk): "Bob",
        str(users["manager"].pk): "mgr",
        str(users["member"].pk): "usr",
        str(zed.pk): "zed",
    }


def test_without_members_the_lists_are_empty_objects(rpc):
    project_id = rpc.call("createProject", {"name": "Empty"})

    for method in ("getProjectUsers", "getAssignableUsers", "getAllowedUsers"):
        assert rpc.request(method, [project_id]).body == b'{"jsonrpc":"2.0","result":{},"id":1}'


def test_assignable_users_are_active_non_viewers(rpc, world, team):
    _, alice, zed = team
    User.objects.filter(pk=zed.pk).update(is_active=False)
    users = world.users

    assert rpc.call("getAssignableUsers", [world.project.pk]) == {
        str(alice.pk): "Alice Smith",
        str(users["manager"].pk): "mgr",
        str(users["member"].pk): "usr",
    }


def test_a_viewer_managing_through_a_group_is_listed_as_assignable(rpc, world):
    viewer = world.users["viewer"]
    group = GroupFactory()
    GroupMemberFactory(group=group, user=viewer)
    GroupRoleFactory(project=world.project, group=group, role="project-manager")

    assert str(viewer.pk) in rpc.call("getAssignableUsers", [world.project.pk])


@pytest.mark.parametrize("prepend", [True, 1, "yes"])
def test_unassigned_comes_first_when_asked(rpc, world, prepend):
    listed = rpc.call("getAssignableUsers", [world.project.pk, prepend])

    assert next(iter(listed.items())) == ("0", "Unassigned")
    assert len(listed) == 3


@pytest.mark.parametrize("prepend", [False, 0, "0", "", None])
def test_unassigned_is_left_out_for_falsy_values(rpc, world, prepend):
    assert "0" not in rpc.call("getAssignableUsers", [world.project.pk, prepend])


@pytest.mark.parametrize("method", ["getProjectUsers", "getAssignableUsers", "getAllowedUsers"])
def test_outsiders_cannot_list_members(rpc, world, method):
    assert_forbidden(rpc, method, [world.project.pk], world["outsider"])


@pytest.mark.parametrize(
    ("method", "personas"), [("getProjectUsers", 3), ("getAssignableUsers", 2)]
)
@pytest.mark.parametrize("count", [10, 500])
def test_member_lists_take_the_same_queries_at_any_size(
    rpc, world, method, personas, count, django_assert_num_queries
):
    group = GroupFactory()
    GroupRoleFactory(project=world.project, group=group)
    users = User.objects.bulk_create(User(username=f"bulk{n}") for n in range(count))
    half = count // 2
    ProjectUserRole.objects.bulk_create(
        ProjectUserRole(project=world.project, user=user, role="project-member")
        for user in users[:half]
    )
    GroupMember.objects.bulk_create(GroupMember(group=group, user=user) for user in users[half:])

    with django_assert_num_queries(2):
        listed = rpc.call(method, [world.project.pk])

    assert len(listed) == count + personas


# Adding, removing and changing roles


def test_add_project_user_makes_a_member_by_default(rpc, world):
    newcomer = UserFactory()

    assert rpc.call("addProjectUser", [world.project.pk, newcomer.pk], as_=world["manager"])

    assert ProjectUserRole.objects.get(project=world.project, user=newcomer).role == (
        "project-member"
    )


@pytest.mark.parametrize("role", ["project-manager", "project-viewer", "qa"])
def test_built_in_and_the_projects_custom_roles_can_be_given(rpc, world, role):
    ProjectRole.objects.create(project=world.project, role="qa")
    newcomer = UserFactory()

    assert rpc.call("addProjectUser", [world.project.pk, newcomer.pk, role]) is True

    assert ProjectUserRole.objects.get(project=world.project, user=newcomer).role == role


@pytest.mark.parametrize("role", ["app-admin", "", "Project-Manager", "r" * 300, None, 3, ["x"]])
def test_unknown_roles_are_refused(rpc, world, role):
    newcomer = UserFactory()
    before = snapshot(ProjectUserRole)

    assert rpc.call("addProjectUser", [world.project.pk, newcomer.pk, role]) is False
    assert rpc.call(
        "changeProjectUserRole", [world.project.pk, world.users["member"].pk, role]
    ) is (False)

    assert snapshot(ProjectUserRole) == before


def test_another_projects_custom_role_is_refused(rpc, world, foreign):
    ProjectRole.objects.create(project=foreign, role="qa")

    assert rpc.call("addProjectUser", [world.project.pk, UserFactory().pk, "qa"]) is False


@pytest.mark.parametrize("user_id", ["member", 999999, "abc", None])
def test_adding_a_member_twice_or_an_unknown_user_is_false(rpc, world, user_id):
    user_id = world.users[user_id].pk if user_id == "member" else user_id
    before = memberships(world.project)

    assert rpc.call("addProjectUser", [world.project.pk, user_id, "project-viewer"]) is False

    assert memberships(world.project) == before


def test_adding_to_an_unknown_project_is_false(rpc, world):
    assert rpc.call("addProjectUser", [999999, world.users["outsider"].pk]) is False


def test_remove_project_user_removes_only_the_direct_membership(rpc, world, team):
    manager = world.users["manager"]

    assert rpc.call("removeProjectUser", [world.project.pk, manager.pk]) is True
    assert rpc.call("removeProjectUser", [world.project.pk, manager.pk]) is False

    assert rpc.call("getProjectUserRole", [world.project.pk, manager.pk]) == "project-member"


@pytest.mark.parametrize(
    ("method", "member_id"),
    [
        ("removeProjectUser", 999999),
        ("removeProjectUser", "abc"),
        ("removeProjectGroup", 999999),
        ("revokeUser", 999999),
    ],
)
def test_removing_a_non_member_is_false(rpc, world, method, member_id):
    before = snapshot(ProjectUserRole)

    assert rpc.call(method, [world.project.pk, member_id]) is False

    assert snapshot(ProjectUserRole) == before


def test_change_project_user_role(rpc, world):
    member = world.users["member"]

    assert rpc.call("changeProjectUserRole", [world.project.pk, member.pk, "project-viewer"])

    assert rpc.call("getProjectUserRole", [world.project.pk, member.pk]) == "project-viewer"


def test_changing_the_role_of_a_non_member_is_true_and_adds_nobody(rpc, world):
    before = memberships(world.project)

    assert (
        rpc.call(
            "changeProjectUserRole",
            [world.project.pk, world.users["outsider"].pk, "project-manager"],
        )
        is True
    )

    assert memberships(world.project) == before


def test_groups_are_added_changed_and_removed(rpc, world):
    group = GroupFactory()
    project = world.project

    assert rpc.call("addProjectGroup", [project.pk, group.pk]) is True
    assert rpc.call("addProjectGroup", [project.pk, group.pk]) is False
    assert rpc.call("changeProjectGroupRole", [project.pk, group.pk, "project-viewer"]) is True
    assert ProjectGroupRole.objects.get(project=project, group=group).role == "project-viewer"
    assert rpc.call("changeProjectGroupRole", [project.pk, group.pk, "app-admin"]) is False
    assert rpc.call("removeProjectGroup", [project.pk, group.pk]) is True
    assert rpc.call("removeProjectGroup", [project.pk, group.pk]) is False


@pytest.mark.parametrize("params", [[999999, 999999], [1, 999999]])
def test_adding_an_unknown_group_or_to_an_unknown_project_is_false(rpc, params):
    assert rpc.call("addProjectGroup", params) is False

    assert not ProjectGroupRole.objects.exists()


def test_changing_the_role_of_an_unlinked_group_is_true(rpc, world):
    assert rpc.call(
        "changeProjectGroupRole", [world.project.pk, GroupFactory().pk, "project-viewer"]
    )

    assert not ProjectGroupRole.objects.exists()


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("addProjectUser", ["outsider", "project-manager"]),
        ("changeProjectUserRole", ["member", "project-manager"]),
        ("removeProjectUser", ["manager"]),
        ("addProjectGroup", ["group"]),
        ("changeProjectGroupRole", ["group", "project-manager"]),
        ("removeProjectGroup", ["group"]),
        ("allowUser", ["outsider"]),
        ("revokeUser", ["manager"]),
    ],
)
def test_members_cannot_change_memberships(rpc, world, method, params):
    group = GroupFactory()
    GroupRoleFactory(project=world.project, group=group)
    named = {"group": group.pk, **{persona: user.pk for persona, user in world.users.items()}}
    params = [world.project.pk, named.get(params[0]), *params[1:]]
    before = (snapshot(ProjectUserRole), snapshot(ProjectGroupRole))

    assert_forbidden(rpc, method, params, world["member"])

    assert (snapshot(ProjectUserRole), snapshot(ProjectGroupRole)) == before


def test_a_manager_of_another_project_cannot_join_this_one(rpc, world, foreign):
    outsider = world.users["outsider"]

    assert_forbidden(rpc, "addProjectUser", [world.project.pk, outsider.pk], world["outsider"])

    assert not ProjectUserRole.objects.filter(project=world.project, user=outsider).exists()


# getProjectUserRole


def test_the_strongest_group_role_counts_without_a_direct_one(rpc, world):
    outsider = world.users["outsider"]
    for role in ("project-viewer", "project-manager", "project-member"):
        group = GroupFactory()
        GroupMemberFactory(group=group, user=outsider)
        GroupRoleFactory(project=world.project, group=group, role=role)

    assert rpc.call("getProjectUserRole", [world.project.pk, outsider.pk]) == "project-manager"


def test_a_direct_role_wins_over_a_stronger_group_role(rpc, world):
    viewer = world.users["viewer"]
    group = GroupFactory()
    GroupMemberFactory(group=group, user=viewer)
    GroupRoleFactory(project=world.project, group=group, role="project-manager")

    assert rpc.call("getProjectUserRole", [world.project.pk, viewer.pk]) == "project-viewer"


@pytest.mark.parametrize("user_id", ["outsider", 999999, "abc"])
def test_no_role_is_the_empty_string(rpc, world, user_id):
    user_id = world.users["outsider"].pk if user_id == "outsider" else user_id

    assert rpc.call("getProjectUserRole", [world.project.pk, user_id]) == ""


def test_outsiders_cannot_read_roles(rpc, world):
    assert_forbidden(
        rpc, "getProjectUserRole", [world.project.pk, world.users["manager"].pk], world["outsider"]
    )


# Kanboard 1.0's names


def test_get_allowed_users_is_get_project_users(rpc, world):
    assert rpc.call("getAllowedUsers", [world.project.pk]) == rpc.call(
        "getProjectUsers", [world.project.pk]
    )


def test_allow_user_and_revoke_user(rpc, world):
    newcomer = UserFactory()

    assert rpc.call("allowUser", [world.project.pk, newcomer.pk], as_=world["manager"]) is True
    assert rpc.call("allowUser", [world.project.pk, newcomer.pk]) is False
    assert ProjectUserRole.objects.get(project=world.project, user=newcomer).role == (
        "project-member"
    )
    assert rpc.call("revokeUser", [world.project.pk, newcomer.pk]) is True
    assert rpc.call("revokeUser", [world.project.pk, newcomer.pk]) is False
