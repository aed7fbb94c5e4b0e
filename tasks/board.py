"""The board of a project: its columns and active swimlanes, and the tasks in their cells."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from projects.models import Column, Project, Swimlane
from projects.roles import PROJECT_MEMBER, project_role_at_least, role_for
from tasks.models import Task


def first_column_id(project_id: int) -> int | None:
    return _column_ids(project_id).first()


def last_column_id(project_id: int) -> int | None:
    return _column_ids(project_id).last()


def _column_ids(project_id: int):
    return (
        Column.objects.filter(project_id=project_id)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )


def first_active_swimlane_id(project_id: int) -> int | None:
    return (
        Swimlane.objects.filter(project_id=project_id, is_active=True)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
        .first()
    )


@dataclass
class Board:
    """What getBoard shows: active swimlanes and columns by position, each column with its
    open tasks counted across the swimlanes, and every task of the project (closed ones
    too) by position; the open tasks per cell when limits are per swimlane."""

    swimlanes: list[Swimlane]
    columns: list[Column]
    tasks: object  # a Task queryset
    open_tasks_by_cell: dict[tuple[int, int], int] | None
    may_move: bool  # whether the viewer may drag the open tasks around


def board_of(project_id: int | None, viewer_id: int) -> Board | None:
    """None when the project (if it exists) has no active swimlane or no column. Only a
    user with a member's role may move tasks (never the application credential)."""
    project = Project.objects.filter(pk=project_id).first()
    if project is None:
        return None
    swimlanes = list(
        Swimlane.objects.filter(project_id=project_id, is_active=True).order_by("position", "pk")
    )
    open_tasks = (
        Task.objects.open()
        .filter(column_id=OuterRef("pk"))
        .order_by()
        .values("column_id")
        .annotate(total=Count("*"))
        .values("total")
    )
    columns = list(
        Column.objects.filter(project_id=project_id)
        .annotate(
            nb_open_tasks=Coalesce(Subquery(open_tasks, output_field=IntegerField()), Value(0))
        )
        .order_by("position", "pk")
    )
    by_cell = None
    if project.per_swimlane_task_limits:
        by_cell = {
            (row["swimlane_id"], row["column_id"]): row["total"]
            for row in Task.objects.open()
            .filter(project_id=project_id)
            .values("swimlane_id", "column_id")
            .annotate(total=Count("*"))
        }
    if not swimlanes or not columns:
        return None
    tasks = Task.objects.filter(project_id=project_id).order_by("position", "pk")
    may_move = bool(viewer_id) and project_role_at_least(
        role_for(viewer_id, project_id), PROJECT_MEMBER
    )
    return Board(swimlanes, columns, tasks, by_cell, may_move)
