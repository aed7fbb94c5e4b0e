"""Who belongs to a project, and with which role: users directly, users through groups.

Roles given must be built-in project roles or custom roles of the project (Kanboard
stores any string, which only locks the holder out of the project).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import Group, User
from projects.models import Project, ProjectGroupRole, ProjectUserRole
from projects.roles import is_grantable


def add_user(project_id: int | None, user_id: int | None, role) -> None:
    _check_role(project_id, role)
    if not User.objects.filter(pk=user_id).exists():
        raise ValidationError("This user does not exist")
    _add(ProjectUserRole, project_id, role, user_id=user_id)


def add_group(project_id: int | None, group_id: int | None, role) -> None:
    _check_role(project_id, role)
    if not Group.objects.filter(pk=group_id).exists():
        raise ValidationError("This group does not exist")
    _add(ProjectGroupRole, project_id, role, group_id=group_id)


def _add(model, project_id: int | None, role: str, **member) -> None:
    if not Project.objects.filter(pk=project_id).exists():
        raise ValidationError("This project does not exist")
    try:
        with transaction.atomic():
            model.objects.create(project_id=project_id, role=role, **member)
    except IntegrityError:
        raise ValidationError("Already a member of this project") from None


def remove_user(project_id: int | None, user_id: int | None) -> bool:
    """Only the direct membership goes; access through groups stays."""
    deleted, _ = ProjectUserRole.objects.filter(project_id=project_id, user_id=user_id).delete()
    return bool(deleted)


def remove_group(project_id: int | None, group_id: int | None) -> bool:
    deleted, _ = ProjectGroupRole.objects.filter(project_id=project_id, group_id=group_id).delete()
    return bool(deleted)


def change_user_role(project_id: int | None, user_id: int | None, role) -> None:
    """Nothing happens, and no error, when the user is not a direct member."""
    _check_role(project_id, role)
    ProjectUserRole.objects.filter(project_id=project_id, user_id=user_id).update(role=role)


def change_group_role(project_id: int | None, group_id: int | None, role) -> None:
    _check_role(project_id, role)
    ProjectGroupRole.objects.filter(project_id=project_id, group_id=group_id).update(role=role)


def _check_role(project_id: int | None, role) -> None:
    if not is_grantable(project_id, role):
        raise ValidationError("This role is neither a project role nor one of the project's")
