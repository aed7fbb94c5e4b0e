"""getBoard: Kanboard's nesting, keys, counts and is_draggable."""

from __future__ import annotations

import pytest

from tests.factories import SwimlaneFactory, TaskFactory
from tests.tasks.conftest import bulk_tasks

SWIMLANE_KEYS = [
    "id", "name", "position", "is_active", "project_id", "description", "task_limit",
    "columns", "nb_swimlanes", "nb_columns", "nb_tasks", "score",
]  # fmt: skip
COLUMN_KEYS = [
    "id", "title", "position", "task_limit", "description", "hide_in_dashboard", "project_id",
    "nb_open_tasks", "tasks", "nb_tasks", "score", "column_nb_open_tasks",
    "nb_visible_tasks_across_swimlane", "nb_unfiltered_tasks_across_swimlane",
    "cumulative_score_across_swimlane",
]  # fmt: skip
COUNT_KEYS = [
    "nb_comments", "nb_files", "nb_subtasks", "nb_completed_subtasks", "nb_links",
    "nb_external_links", "is_milestone",
]  # fmt: skip
NAME_KEYS = [
    "assignee_username", "assignee_name", "assignee_email", "assignee_avatar_path",
    "category_name", "category_description", "category_color_id", "column_name",
    "column_position", "swimlane_name", "project_name",
]  # fmt: skip
ROW_KEYS = [
    "id", "reference", "title", "description", "date_creation", "date_modification",
    "date_completed", "date_started", "date_due", "color_id", "project_id", "column_id",
    "swimlane_id", "owner_id", "creator_id", "position", "is_active", "score", "category_id",
    "priority", "date_moved", "recurrence_status", "recurrence_trigger", "recurrence_factor",
    "recurrence_timeframe", "recurrence_basedate", "recurrence_parent", "recurrence_child",
    "time_estimated", "time_spent",
]  # fmt: skip
TASK_KEYS = [*COUNT_KEYS, *ROW_KEYS, *NAME_KEYS, "tags", "is_draggable"]


def test_a_fresh_project_has_one_swimlane_with_four_columns(rpc, world):
    board = rpc.call("getBoard", {"project_id": world.project.pk}, as_=world["viewer"])

    assert len(board) == 1 and list(board[0]) == SWIMLANE_KEYS
    assert board[0]["name"] == "Default swimlane" and board[0]["is_active"] == 1
    assert [column["title"] for column in board[0]["columns"]] == [
        "Backlog",
        "Ready",
        "Work in progress",
        "Done",
    ]
    assert list(board[0]["columns"][1]) == COLUMN_KEYS
    assert (board[0]["nb_swimlanes"], board[0]["nb_columns"], board[0]["nb_tasks"]) == (1, 4, 0)


def test_cells_hold_open_and_closed_tasks_with_tags_and_counts(rpc, world, board, new_task):
    lane = SwimlaneFactory(project=world.project, position=2, name="Second")
    backlog = board["columns"][0]
    first = new_task("first", score=2, tags=["b", "a"])
    closed = new_task("closed", score=3)
    rpc.call("closeTask", [closed.pk])
    new_task("lane", swimlane_id=lane.pk, score=5)
    SwimlaneFactory(project=world.project, position=3, is_active=False)

    found = rpc.call("getBoard", [world.project.pk], as_=world["member"])

    default, second = found
    cell = default["columns"][0]
    assert [task["title"] for task in cell["tasks"]] == ["first", "closed"]
    assert list(cell["tasks"][0]) == TASK_KEYS
    assert [tag["name"] for tag in cell["tasks"][0]["tags"]] == ["a", "b"]
    assert list(cell["tasks"][0]["tags"][0]) == ["id", "name", "color_id", "task_id"]
    assert [task["is_draggable"] for task in cell["tasks"]] == [True, False]
    assert (
        cell["nb_tasks"],
        cell["score"],
        cell["nb_open_tasks"],
        cell["column_nb_open_tasks"],
    ) == (2, 5, 2, 2)
    assert cell["nb_visible_tasks_across_swimlane"] == 3
    assert cell["nb_unfiltered_tasks_across_swimlane"] == 2
    assert cell["cumulative_score_across_swimlane"] == 10
    assert (default["nb_tasks"], default["score"], second["nb_tasks"], second["score"]) == (
        2,
        5,
        1,
        5,
    )
    assert default["nb_swimlanes"] == 2
    assert first.pk == cell["tasks"][0]["id"] and cell["id"] == backlog.pk


def test_per_swimlane_limits_count_open_tasks_per_cell(rpc, world, board, new_task):
    world.project.per_swimlane_task_limits = True
    world.project.save()
    lane = SwimlaneFactory(project=world.project, position=2)
    new_task()
    new_task(swimlane_id=lane.pk)

    default, second = rpc.call("getBoard", [world.project.pk])

    assert default["columns"][0]["column_nb_open_tasks"] == 1
    assert default["columns"][0]["nb_open_tasks"] == 2
    assert second["columns"][1]["column_nb_open_tasks"] == 0


@pytest.mark.parametrize("persona", ["app", "viewer"])
def test_tasks_are_not_draggable_for_the_application_and_viewers(rpc, world, new_task, persona):
    new_task()

    board = rpc.call("getBoard", [world.project.pk], as_=world[persona])

    assert board[0]["columns"][0]["tasks"][0]["is_draggable"] is False


def test_an_unknown_project_or_one_without_active_swimlane_is_empty(rpc, world, board):
    assert rpc.call("getBoard", [999999]) == []
    board["swimlane"].is_active = False
    board["swimlane"].save()
    assert rpc.call("getBoard", [world.project.pk]) == []


def test_outsiders_are_refused(rpc, world):
    assert rpc.status("getBoard", [world.project.pk], as_=world["outsider"]) == 403


@pytest.mark.parametrize("size", [10, 2000])
def test_get_board_runs_a_fixed_number_of_queries(rpc, world, django_assert_num_queries, size):
    TaskFactory.create_batch(5, project=world.project)
    bulk_tasks(world.project, size - 5)

    # the settings, the versions of the data (tests/test_read_cache.py), the project, its
    # swimlanes, its columns, its open tasks by cell, the tasks with their counts and
    # names, their tags
    with django_assert_num_queries(8):
        board = rpc.call("getBoard", [world.project.pk])
    assert board[0]["nb_tasks"] == size
