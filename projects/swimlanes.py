"""Writes to a project's swimlanes, shared by the API and the admin.

Kanboard's position rules: active swimlanes are numbered 1..n, a disabled one has
position 0, an added or enabled one goes after the active ones, and a moved one takes its
slot while only the active ones are renumbered around it. Active swimlanes never share a
position. A swimlane named together with
a project must belong to it: a swimlane of another project is refused, nothing changes.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from kanboard_site.inputs import optional_text, text
from projects.models import Project, Swimlane
from projects.positions import lock_project, move_to, renumber
from tasks.models import Task

# Kanboard's limit for a swimlane name (its validator; the API skips it when adding).
NAME_MAX_LENGTH = 191
DUPLICATE_NAME = "Another swimlane of this project has this name"
NOT_IN_PROJECT = "This swimlane is not one of the project's"


def add_swimlane(project_id: int | None, name, description="") -> int:
    """The new swimlane's id: active, after the active ones. Raises Project.DoesNotExist
    for an unknown project (Kanboard answers 0 there, false for other failures)."""
    name = text(name, "name", NAME_MAX_LENGTH)
    description = optional_text(description, "description")
    try:
        with transaction.atomic():
            if not lock_project(project_id):
                raise Project.DoesNotExist
            swimlane = Swimlane.objects.create(
                project_id=project_id,
                name=name,
                description=description,
                position=_after_active(project_id),
                is_active=True,
                task_limit=0,
            )
    except IntegrityError:
        raise ValidationError(DUPLICATE_NAME) from None
    return swimlane.pk


def update_swimlane(project_id: int | None, swimlane_id: int | None, name, description=None):
    """Rename; the description changes only when given."""
    changes = {"name": text(name, "name", NAME_MAX_LENGTH, required=True)}
    if description is not None:
        changes["description"] = text(description, "description")
    try:
        with transaction.atomic():
            _swimlane_of(project_id, swimlane_id)
            Swimlane.objects.filter(pk=swimlane_id).update(**changes)
    except IntegrityError:
        raise ValidationError(DUPLICATE_NAME) from None


def remove_swimlane(project_id: int | None, swimlane_id: int | None) -> None:
    """Refused while any task, open or closed, is in the swimlane; the remaining active
    swimlanes are numbered 1..n again."""
    with transaction.atomic():
        swimlane = _swimlane_of(project_id, swimlane_id)
        if Task.objects.filter(swimlane_id=swimlane.pk).exists():
            raise ValidationError("This swimlane cannot be removed because it contains tasks")
        swimlane.delete()
        renumber(_active(project_id))


def disable_swimlane(project_id: int | None, swimlane_id: int | None) -> None:
    """Inactive at position 0; the active ones are numbered 1..n again (also when the
    swimlane does not exist, as in Kanboard)."""
    with transaction.atomic():
        _refuse_other_projects(project_id, swimlane_id)
        Swimlane.objects.filter(pk=swimlane_id, project_id=project_id).update(
            is_active=False, position=0
        )
        renumber(_active(project_id))


def enable_swimlane(project_id: int | None, swimlane_id: int | None) -> None:
    """Active, after the active ones, even when it already was (Kanboard's rule, which
    leaves a gap where it was)."""
    with transaction.atomic():
        _refuse_other_projects(project_id, swimlane_id)
        Swimlane.objects.filter(pk=swimlane_id, project_id=project_id).update(
            is_active=True, position=_after_active(project_id)
        )


def change_swimlane_position(project_id: int | None, swimlane_id: int | None, position) -> None:
    """Put the swimlane at ``position``, from 1 to the number of swimlanes (inactive ones
    count), and number the other active ones 1..n around it."""
    with transaction.atomic():
        swimlane = _swimlane_of(project_id, swimlane_id)
        total = Swimlane.objects.filter(project_id=project_id).count()
        if not isinstance(position, int) or not 1 <= position <= total:
            raise ValidationError("This position is outside the board")
        move_to(_active(project_id), swimlane, position)


def _swimlane_of(project_id: int | None, swimlane_id: int | None) -> Swimlane:
    """The project's swimlane, with the project locked; refused when it is another's."""
    lock_project(project_id)
    # Locked too, so that no task can be created in it before it is removed.
    swimlane = (
        Swimlane.objects.select_for_update().filter(pk=swimlane_id, project_id=project_id).first()
    )
    if swimlane is None:
        raise ValidationError(NOT_IN_PROJECT)
    return swimlane


def _refuse_other_projects(project_id: int | None, swimlane_id: int | None) -> None:
    """Lock the project; refuse a swimlane of another project (Kanboard answers true and
    changes nothing; false says so)."""
    lock_project(project_id)
    if Swimlane.objects.filter(pk=swimlane_id).exclude(project_id=project_id).exists():
        raise ValidationError(NOT_IN_PROJECT)


def _active(project_id: int | None):
    return Swimlane.objects.filter(project_id=project_id).active().in_board_order()


def _after_active(project_id: int | None) -> int:
    """The position after the last active swimlane. Kanboard counts the active ones
    instead, which is the same while they are numbered 1..n, but repeats a position once
    a move past a disabled one has left a gap."""
    last = _active(project_id).aggregate(last=Max("position"))["last"]
    return (last or 0) + 1
