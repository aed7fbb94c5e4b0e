"""The path real clients take: create an action, move a task, read the consequence."""

from __future__ import annotations

import json

import pytest

from tasks.models import ProjectActivity

CLOSE = "\\Kanboard\\Action\\TaskCloseColumn"
COMMENT = "\\Kanboard\\Action\\CommentCreationMoveTaskColumn"


@pytest.mark.parametrize("persona", ["app", "member"])
def test_moving_a_task_into_the_configured_column_closes_it(rpc, world, board, persona):
    done = board["columns"][3]
    created = rpc.call(
        "createAction",
        [world.project.pk, "task.move.column", CLOSE, {"column_id": done.pk}],
        as_=world["manager"],
    )
    assert type(created) is int
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})

    moved = rpc.call(
        "moveTaskPosition",
        {
            "project_id": world.project.pk,
            "task_id": task_id,
            "column_id": done.pk,
            "position": 1,
            "swimlane_id": board["swimlane"].pk,
        },
        as_=world[persona],
    )

    task = rpc.call("getTask", [task_id])
    assert moved is True
    assert (task["is_active"], task["column_id"]) == (0, done.pk)
    assert task["date_completed"] > 0


def test_the_older_four_parameter_move_keeps_the_swimlane_and_fires_actions(rpc, world, board):
    done = board["columns"][3]
    rpc.call("createAction", [world.project.pk, "task.move.column", CLOSE, {"column_id": done.pk}])
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})

    moved = rpc.call("moveTaskPosition", [world.project.pk, task_id, done.pk, 1])

    task = rpc.call("getTask", [task_id])
    assert moved is True
    assert (task["is_active"], task["column_id"], task["swimlane_id"]) == (
        0,
        done.pk,
        board["swimlane"].pk,
    )


def test_the_four_parameter_move_by_name_works_too(rpc, world, board):
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})
    ready = board["columns"][1]

    moved = rpc.call(
        "moveTaskPosition",
        {"project_id": world.project.pk, "task_id": task_id, "column_id": ready.pk, "position": 1},
    )

    assert moved is True
    assert rpc.call("getTask", [task_id])["column_id"] == ready.pk


def test_the_activity_shows_the_move_then_the_close(rpc, world, board):
    done = board["columns"][3]
    rpc.call("createAction", [world.project.pk, "task.move.column", CLOSE, {"column_id": done.pk}])
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})

    rpc.call("moveTaskPosition", [world.project.pk, task_id, done.pk, 1, 0], as_=world["member"])

    recorded = ProjectActivity.objects.filter(task_id=task_id).order_by("pk")
    assert list(recorded.values_list("event_name", "creator_id")) == [
        ("task.move.column", world.users["member"].pk),
        ("task.close", world.users["member"].pk),
    ]


def test_each_call_of_a_batch_runs_the_actions_once(rpc, world, board):
    """Kanboard 1.2.53 attaches the actions again for every element of a batch, so its
    second move makes two comments; here every call runs them once."""
    done = board["columns"][3]
    params = {"column_id": done.pk}
    rpc.call("createAction", [world.project.pk, "task.move.column", COMMENT, params])
    first, second = (
        rpc.call("createTask", {"title": title, "project_id": world.project.pk})
        for title in ("A", "B")
    )
    batch = [
        {
            "jsonrpc": "2.0",
            "method": "moveTaskPosition",
            "id": n,
            "params": [world.project.pk, task_id, done.pk, 1, 0],
        }
        for n, task_id in enumerate((first, second), start=1)
    ]

    replies = rpc.post(json.dumps(batch), world["member"]).json

    assert [reply["result"] for reply in replies] == [True, True]
    assert [len(rpc.call("getAllComments", [task_id])) for task_id in (first, second)] == [1, 1]
