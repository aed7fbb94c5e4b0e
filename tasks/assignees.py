"""Who may be given a task of a project (Kanboard's ProjectPermissionModel)."""

from __future__ import annotations

from accounts.models import User
from projects.roles import PROJECT_VIEWER, role_for


def is_assignable(project_id: int, user_id: int | None) -> bool:
    """An active user whose effective role in the project is any role but viewer (custom
    role names count, as in Kanboard)."""
    if user_id is None or not User.objects.filter(pk=user_id, is_active=True).exists():
        return False
    role = role_for(user_id, project_id)
    return bool(role) and role != PROJECT_VIEWER


def is_active_member(project_id: int, user_id: int) -> bool:
    """An active user with any role in the project (who may keep a task moved there)."""
    return User.objects.filter(pk=user_id, is_active=True).exists() and bool(
        role_for(user_id, project_id)
    )
