"""Project roles and how a user's role in a project is resolved."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts.models import User
from kanboard_site.inputs import searchable
from projects.models import ProjectGroupRole, ProjectRole, ProjectUserRole

PROJECT_MANAGER = "project-manager"
PROJECT_MEMBER = "project-member"
PROJECT_VIEWER = "project-viewer"

PROJECT_ROLES = {
    PROJECT_MANAGER: "Project Manager",
    PROJECT_MEMBER: "Project Member",
    PROJECT_VIEWER: "Project Viewer",
}

_RANK = {PROJECT_VIEWER: 1, PROJECT_MEMBER: 2, PROJECT_MANAGER: 3}


def project_role_at_least(role: str, minimum: str) -> bool:
    """Custom and unknown role names include no built-in role: the API refuses them."""
    return _RANK.get(role, 0) >= _RANK[minimum]


def highest_role(roles: list[str]) -> str:
    """The strongest built-in role of the list; else its first custom role; else ''."""
    if not roles:
        return ""
    return max(roles, key=lambda role: _RANK.get(role, 0))


def role_for(user_id: int, project_id: int) -> str:
    """The user's role in the project: the direct membership wins, even when it is lower
    than a group's role; otherwise the strongest role among the user's groups."""
    direct = (
        ProjectUserRole.objects.filter(project_id=project_id, user_id=user_id)
        .values_list("role", flat=True)
        .first()
    )
    if direct:
        return direct
    return highest_role(
        list(
            ProjectGroupRole.objects.filter(
                project_id=project_id, group__memberships__user_id=user_id
            ).values_list("role", flat=True)
        )
    )


def roles_by_project(user_id: int) -> dict[int, str]:
    """The user's resolved role in every project where it has one (two queries)."""
    group_roles: dict[int, list[str]] = {}
    for project_id, role in ProjectGroupRole.objects.filter(
        group__memberships__user_id=user_id
    ).values_list("project_id", "role"):
        group_roles.setdefault(project_id, []).append(role)
    resolved = {project_id: highest_role(roles) for project_id, roles in group_roles.items()}
    resolved.update(
        ProjectUserRole.objects.filter(user_id=user_id)
        .exclude(role="")
        .values_list("project_id", "role")
    )
    return resolved


def is_assignable(user_id: int, project_id: int) -> bool:
    """Kanboard's assignable user: active, with a resolved role in the project that is
    not project-viewer (custom role names count as assignable, as in Kanboard)."""
    if not User.objects.filter(pk=user_id, is_active=True).exists():
        return False
    role = role_for(user_id, project_id)
    return bool(role) and role != PROJECT_VIEWER


def is_grantable(project_id: int | None, role) -> bool:
    """A role that may be given in the project: a built-in one or one of its custom
    roles. Kanboard stores any string; an unknown one would only lock the holder out."""
    if searchable(role) is None:
        return False
    return (
        role in PROJECT_ROLES
        or ProjectRole.objects.filter(project_id=project_id, role=role).exists()
    )


def members(project_id: int | None) -> QuerySet[User]:
    """Users with a role in the project, directly or through a group, whatever the role
    and even when disabled, as getProjectUsers lists them."""
    direct = ProjectUserRole.objects.filter(project_id=project_id).values("user_id")
    via_group = ProjectGroupRole.objects.filter(project_id=project_id).values(
        "group__memberships__user_id"
    )
    return User.objects.filter(Q(pk__in=direct) | Q(pk__in=via_group))


def assignable_members(project_id: int | None) -> QuerySet[User]:
    """Active users with a role other than viewer, directly or through a group; unlike
    ``role_for``, the two memberships are judged separately (Kanboard's listing)."""
    direct = (
        ProjectUserRole.objects.filter(project_id=project_id)
        .exclude(role=PROJECT_VIEWER)
        .values("user_id")
    )
    via_group = (
        ProjectGroupRole.objects.filter(project_id=project_id)
        .exclude(role=PROJECT_VIEWER)
        .values("group__memberships__user_id")
    )
    return User.objects.filter(Q(pk__in=direct) | Q(pk__in=via_group), is_active=True)
