"""Task positions within a board cell (a column of a swimlane): Kanboard's TaskPositionModel.

The open tasks of a cell are numbered 1..n. A move renumbers the open tasks of the cells it
touches and nothing else; removing a task or closing it leaves gaps, as in Kanboard. Every
change of positions happens with the project's row locked (SQLite: the IMMEDIATE write
transaction), so that concurrent moves and creations never give two open tasks of a cell
the same position.
"""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError

from projects.models import Column, Swimlane
from tasks import events
from tasks.changes import emit_change
from tasks.models import Task


def lock_projects(*project_ids: int | None) -> list[int]:
    """Lock the projects' rows, in id order (no deadlock between two callers); the ids
    that exist. PostgreSQL locks with SELECT ... FOR UPDATE; SQLite has no row locks, and
    the IMMEDIATE write transaction already holds the database. Written once, not built
    by the ORM: every creation and move takes it."""
    ids = sorted({project_id for project_id in project_ids if project_id is not None})
    if not ids:
        return []
    statement = _LOCK_PROJECTS % ", ".join(["%s"] * len(ids))
    if connection.features.has_select_for_update:
        if connection.get_autocommit():
            raise TransactionManagementError("Projects are locked inside a transaction only")
        statement += " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(statement, ids)
        return [project_id for (project_id,) in cursor]


_LOCK_PROJECTS = 'SELECT "id" FROM "projects" WHERE "id" IN (%s) ORDER BY "id"'


def next_position(project_id: int, column_id: int, swimlane_id: int) -> int:
    """Where a task added to the cell goes: after its open tasks."""
    with connection.cursor() as cursor:
        cursor.execute(_OPEN_IN_CELL, [project_id, column_id, swimlane_id, True])
        return cursor.fetchone()[0] + 1


_OPEN_IN_CELL = (
    'SELECT COUNT(*) FROM "tasks" WHERE "project_id" = %s AND "column_id" = %s '
    'AND "swimlane_id" = %s AND "is_active" = %s'
)


def place_in_cell(
    task: Task, project_id: int, column_id: int, swimlane_id: int, position: int
) -> None:
    """Renumber the cell's other open tasks 1..n in (position, id) order, with ``task``
    put at ``position`` (clamped to the end); position 0 only closes the gap it leaves."""
    others = list(
        Task.objects.open()
        .in_cell(project_id, column_id, swimlane_id)
        .exclude(pk=task.pk)
        .order_by("position", "pk")
        .values_list("pk", "position")
    )
    offset = 1
    for task_id, current in others:
        if position == offset:
            _set_position(task.pk, offset, column_id, swimlane_id)
            offset += 1
        if current != offset:
            Task.objects.filter(pk=task_id).update(position=offset)
        offset += 1
    if position >= offset:
        _set_position(task.pk, offset, column_id, swimlane_id)


def _set_position(task_id: int, position: int, column_id: int, swimlane_id: int) -> None:
    Task.objects.filter(pk=task_id).update(
        position=position, column_id=column_id, swimlane_id=swimlane_id
    )


def whole_number(value) -> int | None:
    """A position: an integer or a digit string of any size (huge ones go to the end)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return value if isinstance(value, int) else None


def move_task_position(
    project_id: int | None,
    task_id: int | None,
    column_id: int | None,
    position,
    swimlane_id: int | None,
    actor_id: int,
    *,
    fire_events: bool = True,
    only_open: bool = False,
) -> bool:
    """Move the task to ``position`` of the column, in the swimlane (0: its own).

    False when nothing changes, for a position below 1, a task outside the project, and
    (unlike Kanboard) a column or swimlane of another project. Closed tasks move too,
    unless ``only_open``: then a closed task stays where it is and the answer is True
    (Kanboard's automatic actions move this way, some of them without events).
    """
    position = whole_number(position)
    if position is None or position < 1 or swimlane_id is None:
        return False
    with transaction.atomic():
        if not lock_projects(project_id):
            return False
        task = Task.objects.filter(pk=task_id, project_id=project_id).first()
        if task is None:
            return False
        swimlane_id = swimlane_id or task.swimlane_id
        if only_open and not task.is_active:
            return True
        if not Column.objects.filter(pk=column_id, project_id=project_id).exists():
            raise ValidationError("The column is not in this project")
        if not Swimlane.objects.filter(pk=swimlane_id, project_id=project_id).exists():
            raise ValidationError("The swimlane is not in this project")
        cell_changed = (task.column_id, task.swimlane_id) != (column_id, swimlane_id)
        if not cell_changed and task.position == position:
            return False
        if cell_changed:
            place_in_cell(task, project_id, task.column_id, task.swimlane_id, 0)
        place_in_cell(task, project_id, column_id, swimlane_id, position)
        if cell_changed:
            now = int(time.time())
            Task.objects.filter(pk=task.pk).update(date_moved=now, date_modification=now)
        if fire_events:
            emit_move_events(task, column_id, position, swimlane_id, actor_id)
    return True


def emit_move_events(
    task: Task, column_id: int, position: int, swimlane_id: int, actor_id: int
) -> None:
    """task.move.swimlane (with task.move.column when the column changed too), else
    task.move.column, else task.move.position; ``task`` is the row before the move."""
    move = {
        "project_id": task.project_id,
        "position": position,
        "column_id": column_id,
        "swimlane_id": swimlane_id,
        "src_column_id": task.column_id,
        "dst_column_id": column_id,
        "date_moved": task.date_moved,
        "recurrence_status": task.recurrence_status,
        "recurrence_trigger": task.recurrence_trigger,
    }
    names = []
    if task.swimlane_id != swimlane_id:
        names.append(events.TASK_MOVE_SWIMLANE)
    if task.column_id != column_id:
        names.append(events.TASK_MOVE_COLUMN)
    if not names and task.position != position:
        names.append(events.TASK_MOVE_POSITION)
    for name in names:
        emit_change(name, task.pk, actor_id, move, **move)
