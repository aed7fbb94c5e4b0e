"""GroupProcedure and GroupMemberProcedure: user groups (app-admin)."""

from __future__ import annotations

from django.db.models import Count

from accounts import groups
from accounts.models import Group, User
from kanboard_site.collation import bytewise
from kanboard_site.inputs import to_id
from rpc.errors import InvalidParams
from rpc.formatters.users import group, group_member, group_with_member_count
from rpc.registry import procedure


@procedure("createGroup", invalid=False)
def create_group(name, external_id="") -> int:
    return groups.create_group(name, external_id).pk


@procedure("updateGroup", invalid=False)
def update_group(group_id, name=None, external_id=None) -> bool:
    if name is None and external_id is None:
        # Kanboard answers an SQL syntax error here; say what is wrong instead.
        raise InvalidParams("Nothing to update: give name or external_id")
    groups.update_group(to_id(group_id), name, external_id)
    return True


@procedure("removeGroup")
def remove_group(group_id) -> bool:
    return groups.remove_group(to_id(group_id))


@procedure("getGroup")
def get_group(group_id):
    found = Group.objects.filter(pk=to_id(group_id)).first()
    return group(found) if found else None


@procedure("getAllGroups")
def get_all_groups() -> list:
    listed = Group.objects.annotate(nb_users=Count("memberships")).order_by(bytewise("name"))
    return [group_with_member_count(item) for item in listed]


@procedure("getMemberGroups")
def get_member_groups(user_id) -> list:
    listed = Group.objects.filter(memberships__user_id=to_id(user_id)).order_by(bytewise("name"))
    return [group(item) for item in listed]


@procedure("getGroupMembers")
def get_group_members(group_id) -> list:
    group_id = to_id(group_id)
    members = User.objects.filter(group_memberships__group_id=group_id).order_by(
        "group_memberships__id"
    )
    return [group_member(group_id, account) for account in members]


@procedure("addGroupMember")
def add_group_member(group_id, user_id) -> bool:
    return groups.add_member(to_id(group_id), to_id(user_id))


@procedure("removeGroupMember")
def remove_group_member(group_id, user_id) -> bool:
    return groups.remove_member(to_id(group_id), to_id(user_id))


@procedure("isGroupMember")
def is_group_member(group_id, user_id) -> bool:
    return groups.is_member(to_id(group_id), to_id(user_id))
