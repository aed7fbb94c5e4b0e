"""getBoard: swimlanes, their columns and the tasks of each cell, with Kanboard's counts
(BoardFormatter, BoardSwimlaneFormatter, BoardColumnFormatter, BoardTaskFormatter)."""

from __future__ import annotations

from rpc.formatters import flag
from rpc.formatters.structure import swimlane as swimlane_row
from rpc.formatters.tags import tags_by_task
from rpc.formatters.tasks import tasks_in_extended_form
from tasks.board import Board


def board(found: Board | None) -> list[dict]:
    if found is None:
        return []
    tasks = tasks_in_extended_form(found.tasks)
    tags = tags_by_task(found.tasks)
    cells: dict[tuple[int, int], list[dict]] = {}
    for task in tasks:
        task["tags"] = tags.get(task["id"], [])
        task["is_draggable"] = found.may_move and task["is_active"] == 1
        cells.setdefault((task["swimlane_id"], task["column_id"]), []).append(task)

    swimlanes = [_swimlane(found, swimlane, cells) for swimlane in found.swimlanes]
    for column_index, column in enumerate(found.columns):
        across = [swimlane["columns"][column_index] for swimlane in swimlanes]
        for cell in across:
            cell["nb_visible_tasks_across_swimlane"] = sum(len(other["tasks"]) for other in across)
            cell["nb_unfiltered_tasks_across_swimlane"] = column.nb_open_tasks
            cell["cumulative_score_across_swimlane"] = sum(other["score"] for other in across)
    return swimlanes


def _swimlane(found: Board, swimlane, cells: dict) -> dict:
    columns = [_cell(found, swimlane.pk, column, cells) for column in found.columns]
    return {
        **swimlane_row(swimlane),
        "columns": columns,
        "nb_swimlanes": len(found.swimlanes),
        "nb_columns": len(found.columns),
        "nb_tasks": sum(column["nb_tasks"] for column in columns),
        "score": sum(column["score"] for column in columns),
    }


def _cell(found: Board, swimlane_id: int, column, cells: dict) -> dict:
    tasks = cells.get((swimlane_id, column.pk), [])
    if found.open_tasks_by_cell is None:
        open_in_cell = column.nb_open_tasks
    else:
        open_in_cell = found.open_tasks_by_cell.get((swimlane_id, column.pk), 0)
    return {
        "id": column.pk,
        "title": column.title,
        "position": column.position,
        "task_limit": column.task_limit,
        "description": column.description,
        "hide_in_dashboard": flag(column.hide_in_dashboard),
        "project_id": column.project_id,
        "nb_open_tasks": column.nb_open_tasks,
        "tasks": tasks,
        "nb_tasks": len(tasks),
        "score": sum(task["score"] or 0 for task in tasks),
        "column_nb_open_tasks": open_in_cell,
    }
