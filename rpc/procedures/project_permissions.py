"""ProjectPermissionProcedure: project members and their roles, and the 1.0-era names
getAllowedUsers, allowUser and revokeUser."""

from __future__ import annotations

from kanboard_site.inputs import is_truthy, to_id
from projects import members, roles
from projects.roles import PROJECT_MEMBER
from rpc.formatters.projects import users_by_id
from rpc.registry import procedure


@procedure("getProjectUsers")
def get_project_users(project_id) -> dict:
    return users_by_id(roles.members(to_id(project_id)))


@procedure("getAssignableUsers")
def get_assignable_users(project_id, prepend_unassigned=False) -> dict:
    return users_by_id(roles.assignable_members(to_id(project_id)), is_truthy(prepend_unassigned))


@procedure("addProjectUser", invalid=False)
def add_project_user(project_id, user_id, role=PROJECT_MEMBER) -> bool:
    members.add_user(to_id(project_id), to_id(user_id), role)
    return True


@procedure("addProjectGroup", invalid=False)
def add_project_group(project_id, group_id, role=PROJECT_MEMBER) -> bool:
    members.add_group(to_id(project_id), to_id(group_id), role)
    return True


@procedure("removeProjectUser")
def remove_project_user(project_id, user_id) -> bool:
    return members.remove_user(to_id(project_id), to_id(user_id))


@procedure("removeProjectGroup")
def remove_project_group(project_id, group_id) -> bool:
    return members.remove_group(to_id(project_id), to_id(group_id))


@procedure("changeProjectUserRole", invalid=False)
def change_project_user_role(project_id, user_id, role) -> bool:
    members.change_user_role(to_id(project_id), to_id(user_id), role)
    return True


@procedure("changeProjectGroupRole", invalid=False)
def change_project_group_role(project_id, group_id, role) -> bool:
    members.change_group_role(to_id(project_id), to_id(group_id), role)
    return True


@procedure("getProjectUserRole")
def get_project_user_role(project_id, user_id) -> str:
    return roles.role_for(to_id(user_id), to_id(project_id))


# Kanboard 1.0's names, served as their 1.2.53 equivalents.


@procedure("getAllowedUsers")
def get_allowed_users(project_id) -> dict:
    return get_project_users(project_id)


@procedure("allowUser", invalid=False)
def allow_user(project_id, user_id) -> bool:
    return add_project_user(project_id, user_id, PROJECT_MEMBER)


@procedure("revokeUser")
def revoke_user(project_id, user_id) -> bool:
    return remove_project_user(project_id, user_id)
