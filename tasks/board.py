"""The board of a project: its columns and active swimlanes, and the tasks in their cells."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from kanboard_site.rows import select_instances, select_rows
from projects.models import Column, Project, Swimlane
from projects.roles import PROJECT_MEMBER, project_role_at_least, role_for


def first_column_id(project_id: int) -> int | None:
    return _first_id(Column, "project_id = %s ORDER BY position, id LIMIT 1", [project_id])


def last_column_id(project_id: int) -> int | None:
    return _first_id(
        Column, "project_id = %s ORDER BY position DESC, id DESC LIMIT 1", [project_id]
    )


def first_active_swimlane_id(project_id: int) -> int | None:
    return _first_id(
        Swimlane,
        "project_id = %s AND is_active = %s ORDER BY position, id LIMIT 1",
        [project_id, True],
    )


def _first_id(model, condition: str, params: list) -> int | None:
    """The id of the first row where ``condition`` holds, by a statement written once:
    every task creation asks."""
    rows = select_rows(model, ("id",), condition, params)
    return rows[0][0] if rows else None


@dataclass
class Board:
    """What getBoard shows: active swimlanes and columns by position, each column with its
    open tasks counted across the swimlanes, and the project whose tasks (closed ones
    too) fill the cells by position; the open tasks per cell when limits are per
    swimlane."""

    swimlanes: list[Swimlane]
    columns: list[Column]
    project_id: int
    open_tasks_by_cell: dict[tuple[int, int], int] | None
    may_move: bool  # whether the viewer may drag the open tasks around


def board_of(project_id: int | None, viewer_id: int) -> Board | None:
    """None when the project (if it exists) has no active swimlane or no column. Only a
    user with a member's role may move tasks (never the application credential).

    Statements written once, not built by the ORM on every call: getBoard is the
    heaviest read clients poll."""
    project = select_rows(Project, ("id", "per_swimlane_task_limits"), "id = %s", [project_id])
    if not project:
        return None
    per_swimlane = bool(project[0][1])
    swimlanes = select_instances(
        Swimlane, "project_id = %s AND is_active = %s ORDER BY position, id", [project_id, True]
    )
    columns = select_instances(Column, "project_id = %s ORDER BY position, id", [project_id])
    if not swimlanes or not columns:
        return None
    by_cell = open_tasks_by_cell(project_id)
    for column in columns:
        column.nb_open_tasks = sum(
            total for (_, column_id), total in by_cell.items() if column_id == column.pk
        )
    may_move = bool(viewer_id) and project_role_at_least(
        role_for(viewer_id, project_id), PROJECT_MEMBER
    )
    return Board(swimlanes, columns, project_id, by_cell if per_swimlane else None, may_move)


def open_tasks_by_cell(project_id: int) -> dict[tuple[int, int], int]:
    """{(swimlane_id, column_id): open tasks} of the project, in one grouped count."""
    with connection.cursor() as cursor:
        cursor.execute(_OPEN_BY_CELL, [project_id, True])
        return {(swimlane_id, column_id): total for swimlane_id, column_id, total in cursor}


_OPEN_BY_CELL = (
    'SELECT "swimlane_id", "column_id", COUNT(*) FROM "tasks" '
    'WHERE "project_id" = %s AND "is_active" = %s GROUP BY "swimlane_id", "column_id"'
)
