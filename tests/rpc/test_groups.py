"""GroupProcedure and GroupMemberProcedure, for app-admins and the application."""

from __future__ import annotations

import pytest

from accounts.models import Group, GroupMember
from tests.factories import GroupFactory, GroupMemberFactory, UserFactory
from tests.rpc.test_users import USER_KEYS

GROUP_PROCEDURES = [
    "createGroup", "updateGroup", "removeGroup", "getGroup", "getAllGroups",
    "getMemberGroups", "getGroupMembers", "addGroupMember", "removeGroupMember",
    "isGroupMember",
]  # fmt: skip


@pytest.mark.parametrize("persona", ["manager", "member"])
@pytest.mark.parametrize("procedure", GROUP_PROCEDURES)
def test_only_admins_manage_groups(rpc, world, procedure, persona):
    assert rpc.status(procedure, {}, as_=world[persona]) == 403
    assert not Group.objects.exists()


def test_admin_may_manage_groups(rpc, world):
    group_id = rpc.call("createGroup", ["Team"], as_=world["admin"])

    assert rpc.call("getAllGroups", as_=world["admin"])[0]["id"] == group_id


def test_create_group_returns_its_id(rpc):
    group_id = rpc.call("createGroup", {"name": "Developers"})

    assert rpc.call("getGroup", [group_id]) == {
        "id": group_id,
        "external_id": "",
        "name": "Developers",
    }


def test_create_group_with_external_id(rpc):
    group_id = rpc.call("createGroup", ["LDAP people", "cn=people"])

    assert Group.objects.get(pk=group_id).external_id == "cn=people"


def test_create_group_accepts_an_empty_name_as_kanboard_does(rpc):
    assert isinstance(rpc.call("createGroup", [""]), int)


def test_create_group_refuses_a_taken_name(rpc):
    GroupFactory(name="Team")

    assert rpc.call("createGroup", ["Team"]) is False
    assert rpc.call("createGroup", [["not", "text"]]) is False
    assert Group.objects.count() == 1


def test_group_names_are_case_sensitive(rpc):
    GroupFactory(name="Team")

    assert isinstance(rpc.call("createGroup", ["team"]), int)


def test_update_group_changes_the_given_fields(rpc):
    group = GroupFactory(name="Old", external_id="e1")

    assert rpc.call("updateGroup", {"group_id": group.pk, "name": "New"}) is True

    group.refresh_from_db()
    assert (group.name, group.external_id) == ("New", "e1")


def test_update_group_without_any_field_is_invalid_params(rpc):
    group = GroupFactory()

    assert rpc.error("updateGroup", [group.pk]) == {
        "code": -32602,
        "message": "Invalid params",
        "data": "Nothing to update: give name or external_id",
    }


def test_update_group_refuses_a_taken_name(rpc):
    GroupFactory(name="Taken")
    group = GroupFactory(name="Mine")

    assert rpc.call("updateGroup", [group.pk, "Taken"]) is False
    assert Group.objects.get(pk=group.pk).name == "Mine"


def test_update_group_answers_true_for_an_unknown_id(rpc):
    assert rpc.call("updateGroup", [999_999, "x"]) is True


def test_remove_group_removes_its_memberships(rpc):
    membership = GroupMemberFactory()

    assert rpc.call("removeGroup", [membership.group_id]) is True
    assert rpc.call("removeGroup", [membership.group_id]) is False
    assert not GroupMember.objects.exists()


def test_get_group_answers_null_for_unknown_ids(rpc):
    assert rpc.call("getGroup", [999_999]) is None
    assert rpc.call("getGroup", ["x"]) is None


def test_get_all_groups_counts_members_in_name_order(rpc):
    beta = GroupFactory(name="beta")
    alpha = GroupFactory(name="Alpha")
    GroupMemberFactory.create_batch(2, group=beta)

    groups = rpc.call("getAllGroups")

    assert groups == [
        {"id": alpha.pk, "name": "Alpha", "external_id": "", "nb_users": 0},
        {"id": beta.pk, "name": "beta", "external_id": "", "nb_users": 2},
    ]


def test_get_all_groups_is_empty_without_groups(rpc):
    assert rpc.call("getAllGroups") == []


def test_get_member_groups_lists_a_users_groups_by_name(rpc):
    user = UserFactory()
    second = GroupMemberFactory(user=user, group=GroupFactory(name="z")).group
    first = GroupMemberFactory(user=user, group=GroupFactory(name="a")).group
    GroupFactory(name="not mine")

    assert rpc.call("getMemberGroups", [user.pk]) == [
        {"id": first.pk, "external_id": "", "name": "a"},
        {"id": second.pk, "external_id": "", "name": "z"},
    ]
    assert rpc.call("getMemberGroups", [999_999]) == []


def test_get_group_members_lists_full_user_rows(rpc):
    membership = GroupMemberFactory()

    members = rpc.call("getGroupMembers", [membership.group_id])

    assert len(members) == 1
    assert list(members[0]) == ["group_id", "user_id", *USER_KEYS]
    assert members[0]["group_id"] == membership.group_id
    assert members[0]["user_id"] == members[0]["id"] == membership.user_id
    assert rpc.call("getGroupMembers", [999_999]) == []


def test_add_group_member(rpc):
    group, user = GroupFactory(), UserFactory()

    assert rpc.call("addGroupMember", [group.pk, user.pk]) is True
    assert rpc.call("isGroupMember", [group.pk, user.pk]) is True


def test_add_group_member_refuses_duplicates_and_unknown_ids(rpc):
    membership = GroupMemberFactory()

    assert rpc.call("addGroupMember", [membership.group_id, membership.user_id]) is False
    assert rpc.call("addGroupMember", [membership.group_id, 999_999]) is False
    assert rpc.call("addGroupMember", [999_999, membership.user_id]) is False
    assert GroupMember.objects.count() == 1


def test_remove_group_member(rpc):
    membership = GroupMemberFactory()

    assert rpc.call("removeGroupMember", [membership.group_id, membership.user_id]) is True
    assert rpc.call("removeGroupMember", [membership.group_id, membership.user_id]) is False
    assert rpc.call("isGroupMember", [membership.group_id, membership.user_id]) is False


@pytest.mark.parametrize("size", [10, 500])
def test_group_lists_run_a_fixed_number_of_queries(rpc, size, django_assert_num_queries):
    group = GroupFactory()
    users = UserFactory.create_batch(3)
    Group.objects.bulk_create(Group(name=f"g{n}") for n in range(size))
    GroupMember.objects.bulk_create(GroupMember(group=group, user=user) for user in users)

    # One query reads the application token, one reads the rows.
    with django_assert_num_queries(2):
        assert len(rpc.call("getAllGroups")) == size + 1
    with django_assert_num_queries(2):
        assert len(rpc.call("getGroupMembers", [group.pk])) == 3
