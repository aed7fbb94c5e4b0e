"""Internal links between tasks, always written in pairs.

A link "A blocks B" is two rows: A -> B with "blocks" and B -> A with the opposite label
("is blocked by"; "relates to" is its own opposite). Rows are unique per (label, task,
opposite task), so a duplicate, or a "relates to" link of a task to itself, is refused.

A user (``actor``) may only link to a task of a project where they have a role, unless
they are app-admin (Kanboard's rule since CVE-2023-33970); the application is free.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from accounts.models import User
from accounts.roles import APP_ADMIN
from projects.roles import role_for
from tasks import events
from tasks.links import opposite_link_id
from tasks.models import Link, Task, TaskLink
from tasks.shapes.links import task_link as task_link_data


def links_of_task(task_id: int | None) -> QuerySet:
    """The links from the task, with what describes the other task, in Kanboard's order:
    by label, then the other task's column (last first), open before closed, position."""
    return (
        TaskLink.objects.filter(task_id=task_id)
        .select_related("link", "opposite_task__column", "opposite_task__project")
        .order_by(
            "link_id",
            "-opposite_task__column__position",
            "-opposite_task__is_active",
            "opposite_task__position",
            "opposite_task_id",
        )
    )


def _check_targets(task_id: int | None, opposite_task_id: int | None, link_id: int | None):
    """Both tasks and the label exist; returns the opposite task's project and the
    reverse row's label."""
    tasks = dict(
        Task.objects.filter(pk__in=[task_id, opposite_task_id]).values_list("id", "project_id")
    )
    if task_id not in tasks or opposite_task_id not in tasks:
        raise ValidationError("Both tasks must exist")
    if not Link.objects.filter(pk=link_id).exists():
        raise ValidationError("The link label does not exist")
    reverse_link_id = opposite_link_id(link_id) or link_id
    if not Link.objects.filter(pk=reverse_link_id).exists():
        raise ValidationError("The opposite label of this link does not exist")
    return tasks[opposite_task_id], reverse_link_id


def _check_may_link_to(project_id: int, actor: User | None) -> None:
    if actor is not None and actor.role != APP_ADMIN and not role_for(actor.pk, project_id):
        raise ValidationError("The linked task is in a project you have no role in")


def _emit(name: str, task_link_ids: list[int], actor: User | None) -> None:
    """One event per row, in the given order, with the row as getTaskLinkById shows it."""
    rows = TaskLink.objects.select_related("link").in_bulk(task_link_ids)
    for task_link_id in task_link_ids:
        item = rows[task_link_id]
        events.emit(name, item.task_id, actor.pk if actor else 0, task_link=task_link_data(item))


def create_task_link(
    task_id: int | None,
    opposite_task_id: int | None,
    link_id: int | None,
    *,
    actor: User | None = None,
) -> TaskLink:
    """The link from the task and its reverse row; returns the first."""
    project_id, reverse_link_id = _check_targets(task_id, opposite_task_id, link_id)
    _check_may_link_to(project_id, actor)
    try:
        with transaction.atomic():
            link = TaskLink.objects.create(
                task_id=task_id, opposite_task_id=opposite_task_id, link_id=link_id
            )
            reverse = TaskLink.objects.create(
                task_id=opposite_task_id, opposite_task_id=task_id, link_id=reverse_link_id
            )
            _emit(events.TASK_LINK_CREATE_UPDATE, [link.pk, reverse.pk], actor)
    except IntegrityError:
        raise ValidationError("These tasks are already linked that way") from None
    return link


def _reverse_of(link: TaskLink) -> TaskLink | None:
    return TaskLink.objects.filter(
        task_id=link.opposite_task_id,
        opposite_task_id=link.task_id,
        link_id=opposite_link_id(link.link_id) or link.link_id,
    ).first()


def update_task_link(
    task_link_id: int | None,
    task_id: int | None,
    opposite_task_id: int | None,
    link_id: int | None,
    *,
    actor: User | None = None,
) -> None:
    """Point a link of ``task_id`` at another task or label, and its reverse row too
    (found from the old values; a link without one is rewritten alone, as in Kanboard)."""
    project_id, reverse_link_id = _check_targets(task_id, opposite_task_id, link_id)
    try:
        with transaction.atomic():
            link = TaskLink.objects.select_for_update().filter(pk=task_link_id).first()
            if link is None or link.task_id != task_id:
                raise ValidationError("The link does not belong to this task")
            _check_may_link_to(project_id, actor)
            reverse = _reverse_of(link)
            TaskLink.objects.filter(pk=link.pk).update(
                opposite_task_id=opposite_task_id, link_id=link_id
            )
            changed = [link.pk]
            if reverse is not None:
                TaskLink.objects.filter(pk=reverse.pk).update(
                    task_id=opposite_task_id, opposite_task_id=task_id, link_id=reverse_link_id
                )
                changed.append(reverse.pk)
            _emit(events.TASK_LINK_CREATE_UPDATE, changed, actor)
    except IntegrityError:
        raise ValidationError("These tasks are already linked that way") from None


def remove_task_link(task_link_id: int | None, *, actor: User | None = None) -> bool:
    """Delete the link and its reverse row; false (nothing deleted) when either is
    missing."""
    with transaction.atomic():
        link = TaskLink.objects.select_for_update().filter(pk=task_link_id).first()
        reverse = _reverse_of(link) if link else None
        if reverse is None:
            return False
        # Kanboard announces the removal of the given row only, before deleting.
        _emit(events.TASK_LINK_DELETE, [link.pk], actor)
        TaskLink.objects.filter(pk__in=[link.pk, reverse.pk]).delete()
    return True
