"""Positions of a project's columns and swimlanes, written one project at a time.

Every write that reads positions to compute new ones locks the project's row first
(``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the IMMEDIATE transaction already
holds the database's write lock), so concurrent calls on one project run one after the
other and never hand out the same position twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model, QuerySet

from projects.models import Project


def lock_project(project_id: int | None) -> bool:
    """Lock the project's row for the current transaction; False when it does not exist."""
    locked = Project.objects.select_for_update().filter(pk=project_id).values_list("pk")
    return bool(list(locked))


def renumber(rows: QuerySet, start: int = 1, skip: int | None = None) -> None:
    """Give ``rows`` (in board order) the positions start, start+1, ..., leaving out
    ``skip``: the slot that a moved row takes."""
    changed = []
    position = start
    for row in rows.only("id", "position"):
        if position == skip:
            position += 1
        if row.position != position:
            row.position = position
            changed.append(row)
        position += 1
    _save_positions(changed)


def move_to(rows: QuerySet, moved: Model, position: int) -> None:
    """Put ``moved`` at ``position`` and number ``rows`` (the others to renumber, in
    board order) from 1 around it: Kanboard's changePosition for columns and swimlanes."""
    renumber(rows.exclude(pk=moved.pk), skip=position)
    moved.position = position
    _save_positions([moved])


def _save_positions(rows: Iterable[Model]) -> None:
    rows = list(rows)
    if rows:
        type(rows[0]).objects.bulk_update(rows, ["position"])
