"""Writes to a project's columns, shared by the API and the admin.

Kanboard validates nothing here but the unique title per project: an empty title and a
negative task limit are stored. Titles are capped at 255 characters, the size of the
column on PostgreSQL. Positions follow Kanboard's rules: a new column goes after the
last one, a removed one leaves a gap, a moved one makes them contiguous again.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from kanboard_site.inputs import cast_integer, optional_text, text
from projects.models import Column
from projects.positions import lock_project, move_to
from tasks.models import Task

TITLE_MAX_LENGTH = 255
DUPLICATE_TITLE = "Another column of this project has this title"


def add_column(project_id: int | None, title, task_limit=0, description="") -> int:
    """The new column's id; it goes after the last one."""
    values = _column_values(title, task_limit, description)
    try:
        with transaction.atomic():
            if not lock_project(project_id):
                raise ValidationError("This project does not exist")
            last = Column.objects.filter(project_id=project_id).aggregate(last=Max("position"))
            column = Column.objects.create(
                project_id=project_id, position=(last["last"] or 0) + 1, **values
            )
    except IntegrityError:
        raise ValidationError(DUPLICATE_TITLE) from None
    return column.pk


def update_column(column_id: int | None, title, task_limit=0, description="") -> None:
    """Kanboard's update: what is omitted is reset (task limit 0, description '') and the
    column is always shown on the dashboard again. An unknown column is no error."""
    values = _column_values(title, task_limit, description)
    try:
        with transaction.atomic():
            Column.objects.filter(pk=column_id).update(**values)
    except IntegrityError:
        raise ValidationError(DUPLICATE_TITLE) from None


def _column_values(title, task_limit, description) -> dict:
    return {
        "title": text(title, "title", TITLE_MAX_LENGTH),
        "task_limit": cast_integer(task_limit, "task limit"),
        "description": optional_text(description, "description"),
        "hide_in_dashboard": False,
    }


def remove_column(column_id: int | None) -> None:
    """Refused while any task, open or closed, is in the column; the other columns keep
    their positions (a gap stays)."""
    project_id = Column.objects.filter(pk=column_id).values_list("project_id", flat=True).first()
    with transaction.atomic():
        lock_project(project_id)
        # Locked too, so that no task can be created in it before it goes.
        column = Column.objects.select_for_update().filter(pk=column_id).first()
        if column is None:
            raise ValidationError("This column does not exist")
        if Task.objects.filter(column_id=column.pk).exists():
            raise ValidationError("This column cannot be removed because it contains tasks")
        column.delete()


def change_column_position(project_id: int | None, column_id: int | None, position) -> None:
    """Put the column at ``position`` (1 to the number of columns) and number the
    others 1..n around it."""
    with transaction.atomic():
        lock_project(project_id)
        column = Column.objects.filter(pk=column_id, project_id=project_id).first()
        if column is None:
            raise ValidationError("This column is not one of the project's")
        board = Column.objects.filter(project_id=project_id).in_board_order()
        if not isinstance(position, int) or not 1 <= position <= board.count():
            raise ValidationError("This position is outside the board")
        move_to(board, column, position)


def move_column(project_id: int | None, column_id: int | None, step: int) -> None:
    """Move the column one place towards the start (step -1) or the end (step 1): the
    legacy moveColumnUp and moveColumnDown."""
    with transaction.atomic():
        lock_project(project_id)
        board = list(
            Column.objects.filter(project_id=project_id)
            .in_board_order()
            .values_list("id", flat=True)
        )
        if column_id not in board:
            raise ValidationError("This column is not one of the project's")
        new_position = board.index(column_id) + 1 + step
        if not 1 <= new_position <= len(board):
            raise ValidationError("This column cannot move further")
        change_column_position(project_id, column_id, new_position)
