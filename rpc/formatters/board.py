"""getBoard: swimlanes, their columns and the tasks of each cell, with Kanboard's counts
(BoardFormatter, BoardSwimlaneFormatter, BoardColumnFormatter, BoardTaskFormatter).

The tasks come encoded by the database, each followed by its tags and ``is_draggable``;
a project whose hours are not all whole numbers is rendered in Python instead (see
database_json)."""

from __future__ import annotations

import orjson

from rpc.formatters import flag
from rpc.formatters.database_json import json_array
from rpc.formatters.structure import swimlane as swimlane_row
from rpc.formatters.tags import tags_by_task_of_project
from rpc.formatters.tasks import project_tasks_encoded, project_tasks_in_extended_form
from tasks.board import Board

_DRAGGABLE = (',"is_draggable":false}', ',"is_draggable":true}')


def board(found: Board | None) -> list[dict]:
    if found is None:
        return []
    tags = tags_by_task_of_project(found.project_id)
    cells: dict[tuple[int, int], list] = {}
    scores: dict[tuple[int, int], int] = {}
    rows = project_tasks_encoded(found.project_id)
    if any(row[1] for row in rows):  # not_whole
        for task in project_tasks_in_extended_form(found.project_id):
            task["tags"] = tags.get(task["id"], [])
            task["is_draggable"] = found.may_move and task["is_active"] == 1
            cell = (task["swimlane_id"], task["column_id"])
            cells.setdefault(cell, []).append(task)
            scores[cell] = scores.get(cell, 0) + (task["score"] or 0)
        listed = list
    else:
        # Each task's text with its tags and is_draggable spliced in; each cell's tasks
        # become one JSON text (no object per task for the encoder to call back on).
        for text, _, task_id, swimlane_id, column_id, score, is_active in rows:
            tagged = tags.get(task_id)
            cell = (swimlane_id, column_id)
            cells.setdefault(cell, []).append(
                text[:-1]
                + (',"tags":' + orjson.dumps(tagged).decode() if tagged else ',"tags":[]')
                + _DRAGGABLE[found.may_move and is_active == 1]
            )
            scores[cell] = scores.get(cell, 0) + (score or 0)
        listed = json_array

    swimlanes = [_swimlane(found, swimlane, cells, scores, listed) for swimlane in found.swimlanes]
    for column_index, column in enumerate(found.columns):
        across = [swimlane["columns"][column_index] for swimlane in swimlanes]
        for cell in across:
            cell["nb_visible_tasks_across_swimlane"] = sum(other["nb_tasks"] for other in across)
            cell["nb_unfiltered_tasks_across_swimlane"] = column.nb_open_tasks
            cell["cumulative_score_across_swimlane"] = sum(other["score"] for other in across)
    return swimlanes


def _swimlane(found: Board, swimlane, cells: dict, scores: dict, listed) -> dict:
    columns = [_cell(found, swimlane.pk, column, cells, scores, listed) for column in found.columns]
    return {
        **swimlane_row(swimlane),
        "columns": columns,
        "nb_swimlanes": len(found.swimlanes),
        "nb_columns": len(found.columns),
        "nb_tasks": sum(column["nb_tasks"] for column in columns),
        "score": sum(column["score"] for column in columns),
    }


def _cell(found: Board, swimlane_id: int, column, cells: dict, scores: dict, listed) -> dict:
    """``listed`` writes the cell's tasks: as they are (dicts) or as one JSON array."""
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
        "tasks": listed(tasks),
        "nb_tasks": len(tasks),
        "score": scores.get((swimlane_id, column.pk), 0),
        "column_nb_open_tasks": open_in_cell,
    }
