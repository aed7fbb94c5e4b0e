"""Writes to user accounts, shared by the API, the admin and the management commands.

Validation follows Kanboard's UserValidator: a failure raises ``ValidationError`` with a
message an operator can read; the API answers Kanboard's ``false`` for it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from accounts import lockout, twofactor
from accounts.config import get_config, new_token
from accounts.models import User, UserNotificationType
from accounts.roles import APP_USER, APPLICATION_ROLES
from kanboard_site.inputs import text
from projects.models import Project
from projects.removal import remove_projects
from tasks.models import Comment, Subtask, Task

USERNAME_MAX_LENGTH = 191
PASSWORD_MIN_LENGTH = 6
TEXT_MAX_LENGTH = 255


def _check_username(username: str, exclude_id: int | None = None) -> str:
    username = username.strip()
    if not username:
        raise ValidationError("The username is required")
    if len(username) > USERNAME_MAX_LENGTH:
        raise ValidationError(f"The maximum length is {USERNAME_MAX_LENGTH} characters")
    taken = User.objects.filter(username=username)
    if exclude_id is not None:
        taken = taken.exclude(pk=exclude_id)
    if taken.exists():
        raise ValidationError("This username is already taken")
    return username


def _check_email(email: str) -> str:
    if email:
        if len(email) > TEXT_MAX_LENGTH:
            raise ValidationError("Email address invalid")
        validate_email(email)
    return email


def _check_role(role: str) -> str:
    # '' passes, as in Kanboard: a user without application role (refused everywhere).
    if role and role not in APPLICATION_ROLES:
        raise ValidationError("This role is invalid")
    return role


def _check_name(name: str) -> str:
    if len(name) > TEXT_MAX_LENGTH:
        raise ValidationError(f"The maximum length is {TEXT_MAX_LENGTH} characters")
    return name


def check_password(password) -> str:
    password = text(password, "password")
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValidationError(f"The minimum length is {PASSWORD_MIN_LENGTH} characters")
    if "\0" in password:
        raise ValidationError("The password cannot contain NUL characters")
    return password


def new_user(username, password, name="", email="", role=APP_USER) -> User:
    """A valid, unsaved user; ValidationError for what Kanboard would refuse."""
    user = User(
        username=_check_username(text(username, "username")),
        name=_check_name(text(name, "name")),
        email=_check_email(text(email, "email")),
        role=_check_role(text(role, "role")),
    )
    user.set_password(check_password(password))
    return user


# What Kanboard subscribes new users to when the setting notifications_enabled is 1.
DEFAULT_NOTIFICATION_TYPES = ("email", "web")


def create_user(username, password, name="", email="", role=APP_USER) -> User:
    user = new_user(username, password, name, email, role)
    try:
        with transaction.atomic():
            user.save()
            if get_config("notifications_enabled", "0") == "1":
                UserNotificationType.objects.bulk_create(
                    UserNotificationType(user=user, notification_type=kind)
                    for kind in DEFAULT_NOTIFICATION_TYPES
                )
    except IntegrityError:
        raise ValidationError("This username is already taken") from None
    return user


def update_user(user_id: int | None, username=None, name=None, email=None, role=None) -> bool:
    """Change the given fields. True also for an unknown id, as Kanboard (nothing to do)."""
    changes = {}
    if username is not None:
        changes["username"] = _check_username(text(username, "username"), exclude_id=user_id)
    if name is not None:
        changes["name"] = _check_name(text(name, "name"))
    if email is not None:
        changes["email"] = _check_email(text(email, "email"))
    if role is not None:
        changes["role"] = _check_role(text(role, "role"))
    if user_id is None or not changes:
        return True
    try:
        with transaction.atomic():
            User.objects.filter(pk=user_id).update(**changes)
    except IntegrityError:
        raise ValidationError("This username is already taken") from None
    return True


def set_password(user: User, password) -> None:
    user.set_password(check_password(password))
    User.objects.filter(pk=user.pk).update(password=user.password)


def disable_user(user_id: int | None) -> None:
    """Inactive, public token cleared, and the private projects it owns disabled."""
    with transaction.atomic():
        User.objects.filter(pk=user_id).update(is_active=False, token="")
        Project.objects.filter(is_private=True, owner_id=user_id).update(is_active=False)


def enable_user(user_id: int | None) -> None:
    User.objects.filter(pk=user_id).update(is_active=True)


def remove_user(user_id: int | None) -> bool:
    """Delete the user: its tasks, subtasks and comments become unassigned, and the
    private projects it is a member of are removed with everything in them."""
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            return False
        Task.objects.filter(owner_id=user.pk).update(owner_id=0)
        Subtask.objects.filter(user_id=user.pk).update(user_id=0)
        Comment.objects.filter(user_id=user.pk).update(user_id=0)
        remove_projects(Project.objects.filter(is_private=True, user_roles__user=user))
        user.delete()
    return True


def reset_two_factor(user: User) -> None:
    twofactor.disable(user)


def issue_api_token(user: User) -> str:
    """A new personal access token; the old one stops working at once."""
    token = new_token()
    User.objects.filter(pk=user.pk).update(api_access_token=token)
    return token


def revoke_api_token(user: User) -> bool:
    return bool(
        User.objects.filter(pk=user.pk).exclude(api_access_token=None).update(api_access_token=None)
    )


def unlock_user(user: User) -> bool:
    return lockout.unlock(user)
