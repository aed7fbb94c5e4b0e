"""Writes to user groups and their members (Kanboard validates nothing here but
uniqueness, which the database enforces)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import Group, GroupMember, User
from kanboard_site.inputs import text


def create_group(name, external_id="") -> Group:
    group = Group(name=text(name, "name"), external_id=text(external_id, "external id"))
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError:
        raise ValidationError("This group name is already taken") from None
    return group


def update_group(group_id: int | None, name=None, external_id=None) -> None:
    changes = {}
    if name is not None:
        changes["name"] = text(name, "name")
    if external_id is not None:
        changes["external_id"] = text(external_id, "external id")
    if not changes:
        raise ValidationError("Nothing to update: give a name or an external_id")
    try:
        with transaction.atomic():
            Group.objects.filter(pk=group_id).update(**changes)
    except IntegrityError:
        raise ValidationError("This group name is already taken") from None


def remove_group(group_id: int | None) -> bool:
    deleted, _ = Group.objects.filter(pk=group_id).delete()
    return bool(deleted)


def add_member(group_id: int | None, user_id: int | None) -> bool:
    """False when already a member, or the group or user does not exist."""
    if (
        not Group.objects.filter(pk=group_id).exists()
        or not User.objects.filter(pk=user_id).exists()
    ):
        return False
    try:
        with transaction.atomic():
            GroupMember.objects.create(group_id=group_id, user_id=user_id)
    except IntegrityError:
        return False
    return True


def remove_member(group_id: int | None, user_id: int | None) -> bool:
    deleted, _ = GroupMember.objects.filter(group_id=group_id, user_id=user_id).delete()
    return bool(deleted)


def is_member(group_id: int | None, user_id: int | None) -> bool:
    return GroupMember.objects.filter(group_id=group_id, user_id=user_id).exists()
