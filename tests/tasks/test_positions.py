"""moveTaskPosition: Kanboard's renumbering rules, events, and cross-project refusals."""

from __future__ import annotations

import pytest

from projects.models import Project
from projects.removal import remove_projects
from tasks.models import ProjectActivity, Task, Transition
from tests.factories import SwimlaneFactory
from tests.tasks.conftest import positions


@pytest.fixture
def five(new_task):
    return [new_task(name) for name in "abcde"]


def move(rpc, world, task, column, position, swimlane=0, as_=None):
    params = {
        "project_id": world.project.pk,
        "task_id": task.pk,
        "column_id": column.pk,
        "position": position,
        "swimlane_id": swimlane,
    }
    return rpc.call("moveTaskPosition", params, as_=as_)


def test_reordering_within_a_column_renumbers_it(rpc, world, board, five):
    backlog = board["columns"][0]

    assert move(rpc, world, five[4], backlog, 2) is True

    assert positions(backlog) == [("a", 1), ("e", 2), ("b", 3), ("c", 4), ("d", 5)]


def test_a_position_beyond_the_end_is_clamped(rpc, world, board, five):
    backlog = board["columns"][0]

    assert move(rpc, world, five[0], backlog, 2**40) is True

    assert positions(backlog) == [("b", 1), ("c", 2), ("d", 3), ("e", 4), ("a", 5)]


def test_moving_to_another_column_renumbers_both_cells(rpc, world, board, five):
    backlog, ready = board["columns"][:2]
    before = Task.objects.get(pk=five[1].pk).date_moved

    assert move(rpc, world, five[1], ready, 1) is True

    assert positions(backlog) == [("a", 1), ("c", 2), ("d", 3), ("e", 4)]
    assert positions(ready) == [("b", 1)]
    assert Task.objects.get(pk=five[1].pk).date_moved >= before


@pytest.mark.parametrize("position", [0, -1, "x", 1.5, None, True])
def test_positions_below_one_or_not_integers_answer_false(rpc, world, board, five, position):
    assert move(rpc, world, five[0], board["columns"][0], position) is False
    assert positions(board["columns"][0])[0] == ("a", 1)


def test_a_move_that_changes_nothing_answers_false(rpc, world, board, five):
    assert move(rpc, world, five[2], board["columns"][0], 3) is False


def test_swimlane_zero_keeps_the_swimlane_and_a_given_one_moves_there(rpc, world, board, five):
    backlog = board["columns"][0]
    lane = SwimlaneFactory(project=world.project, position=2)

    assert move(rpc, world, five[0], backlog, 1, swimlane=lane.pk) is True

    assert positions(backlog, lane) == [("a", 1)]
    assert positions(backlog, board["swimlane"]) == [("b", 1), ("c", 2), ("d", 3), ("e", 4)]


def test_closed_tasks_move_and_open_positions_stay_dense(rpc, world, board, five):
    backlog, ready = board["columns"][:2]
    rpc.call("closeTask", [five[2].pk])

    assert move(rpc, world, five[2], ready, 1) is True

    assert positions(backlog) == [("a", 1), ("b", 2), ("d", 3), ("e", 4)]
    assert Task.objects.get(pk=five[2].pk).column_id == ready.pk


def test_a_task_of_another_project_answers_false(rpc, world, board, other_project):
    foreign = Task.objects.get(
        pk=rpc.call("createTask", {"title": "q", "project_id": other_project.pk})
    )

    assert move(rpc, world, foreign, board["columns"][1], 1) is False
    assert (
        rpc.call("moveTaskPosition", [world.project.pk, 999999, board["columns"][1].pk, 1, 0])
        is False
    )


def test_a_column_or_swimlane_of_another_project_is_refused(rpc, world, board, five, other_project):
    foreign_column = other_project.columns.first()
    foreign_lane = other_project.swimlanes.first()

    assert move(rpc, world, five[0], foreign_column, 1, as_=world["member"]) is False
    assert (
        move(
            rpc,
            world,
            five[0],
            board["columns"][1],
            1,
            swimlane=foreign_lane.pk,
            as_=world["member"],
        )
        is False
    )

    assert positions(board["columns"][0])[0] == ("a", 1)
    remove_projects(Project.objects.filter(pk=other_project.pk))
    assert len(rpc.call("getAllTasks", [world.project.pk])) == 5


def test_viewers_and_outsiders_are_refused(rpc, world, board, five):
    for persona in ("viewer", "outsider"):
        reply = rpc.request(
            "moveTaskPosition",
            [world.project.pk, five[0].pk, board["columns"][1].pk, 1, 0],
            as_=world[persona],
        )
        assert reply.status == 403
    assert Task.objects.get(pk=five[0].pk).column_id == board["columns"][0].pk


def test_user_moves_record_events_and_a_transition(rpc, world, board, five):
    member = world["member"]

    move(rpc, world, five[0], board["columns"][0], 3, as_=member)
    move(rpc, world, five[0], board["columns"][1], 1, as_=member)

    names = list(
        ProjectActivity.objects.filter(task=five[0])
        .order_by("pk")
        .values_list("event_name", flat=True)
    )
    assert names == ["task.move.position", "task.move.column"]
    transition = Transition.objects.get()
    assert (transition.src_column_id, transition.dst_column_id) == (
        board["columns"][0].pk,
        board["columns"][1].pk,
    )
    assert transition.user_id == world.users["member"].pk


def test_application_moves_leave_no_transition(rpc, world, board, five):
    move(rpc, world, five[0], board["columns"][1], 1)

    assert not Transition.objects.exists()
    assert not ProjectActivity.objects.exists()
