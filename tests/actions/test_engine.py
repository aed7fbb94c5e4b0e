"""How actions run: inside the change's transaction, for every project, and never in an
endless chain."""

from __future__ import annotations

import pytest

from actions.engine import has_actions
from projects.models import Action, ProjectUserRole
from tasks import events
from tasks.models import ProjectActivity, Task
from tests.factories import ProjectFactory, SwimlaneFactory, TaskFactory

PREFIX = "\\Kanboard\\Action\\"


@pytest.fixture
def failing_close():
    """A subscriber that fails after the task was closed: the whole change must go."""

    def fail(event):
        raise RuntimeError("the change fails after the action ran")

    events.subscribe(events.TASK_CLOSE)(fail)
    yield
    events._subscribers[events.TASK_CLOSE].remove(fail)


def test_the_change_and_its_actions_roll_back_together(rpc, world, board, failing_close):
    done = board["columns"][3]
    rpc.call(
        "createAction",
        [world.project.pk, "task.move.column", PREFIX + "TaskCloseColumn", {"column_id": done.pk}],
    )
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})

    error = rpc.error("moveTaskPosition", [world.project.pk, task_id, done.pk, 1, 0])

    task = Task.objects.get(pk=task_id)
    assert error["code"] == -32603
    assert (task.column_id, task.is_active) == (board["columns"][0].pk, True)


def test_an_action_whose_change_is_refused_leaves_the_change_alone(rpc, world, board):
    member = world.users["member"]
    ready = board["columns"][1]
    rpc.call(
        "createAction",
        [
            world.project.pk,
            "task.move.column",
            PREFIX + "TaskAssignSpecificUser",
            {"column_id": ready.pk, "user_id": member.pk},
        ],
    )
    ProjectUserRole.objects.filter(user=member).delete()
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})

    assert rpc.call("moveTaskPosition", [world.project.pk, task_id, ready.pk, 1, 0]) is True

    task = Task.objects.get(pk=task_id)
    assert (task.column_id, task.owner_id) == (ready.pk, 0)


def test_a_users_change_runs_the_actions_of_a_disabled_project(rpc, world, board):
    """Observed on Kanboard 1.2.53: its API attaches every project's actions before it
    knows the caller."""
    done = board["columns"][3]
    rpc.call(
        "createAction",
        [world.project.pk, "task.move.column", PREFIX + "TaskCloseColumn", {"column_id": done.pk}],
    )
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})
    rpc.call("disableProject", [world.project.pk])

    rpc.call("moveTaskPosition", [world.project.pk, task_id, done.pk, 1, 0], as_=world["member"])

    assert rpc.call("getTask", [task_id])["is_active"] == 0


def test_actions_of_another_project_do_not_run(rpc, world, board, other_project):
    other_done = other_project.columns.order_by("position").last()
    rpc.call(
        "createAction",
        [
            other_project.pk,
            "task.move.column",
            PREFIX + "TaskCloseColumn",
            {"column_id": other_done.pk},
        ],
    )
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})

    rpc.call("moveTaskPosition", [world.project.pk, task_id, board["columns"][3].pk, 1, 0])

    assert rpc.call("getTask", [task_id])["is_active"] == 1


def test_a_cycle_of_actions_stops_where_kanboards_does(rpc, world, board):
    """Two swimlanes that set the priority, two assignments that move the task back: the
    chain stops when an action sees an event it has already seen. Kanboard 1.2.53 ends
    this one in the second swimlane with priority 1, after three moves and three updates."""
    project_id = world.project.pk
    first = board["swimlane"].pk
    second = SwimlaneFactory(project=world.project, position=2, name="Second").pk
    member = world.users["member"].pk
    for event, action, params in [
        (
            "task.move.swimlane",
            "TaskAssignPrioritySwimlane",
            {"swimlane_id": second, "priority": 1},
        ),
        ("task.move.swimlane", "TaskAssignPrioritySwimlane", {"swimlane_id": first, "priority": 2}),
        ("task.update", "TaskMoveSwimlaneAssigned", {"user_id": member, "dest_swimlane_id": first}),
        (
            "task.update",
            "TaskMoveSwimlaneAssigned",
            {"user_id": member, "dest_swimlane_id": second},
        ),
    ]:
        assert type(rpc.call("createAction", [project_id, event, PREFIX + action, params])) is int
    task_id = rpc.call("createTask", {"title": "T", "project_id": project_id, "owner_id": member})

    moved = rpc.call(
        "moveTaskPosition",
        [project_id, task_id, board["columns"][0].pk, 1, second],
        as_=world["member"],
    )

    task = rpc.call("getTask", [task_id])
    assert moved is True
    assert (task["swimlane_id"], task["priority"]) == (second, 1)
    recorded = ProjectActivity.objects.filter(task_id=task_id).order_by("pk")
    assert list(recorded.values_list("event_name", flat=True)) == [
        "task.move.swimlane",
        "task.update",
        "task.move.swimlane",
        "task.update",
        "task.move.swimlane",
        "task.update",
    ]


def test_a_chain_deeper_than_the_limit_stops(rpc, world, board, monkeypatch):
    """The same cycle with a limit of one nested action: only the first action runs."""
    monkeypatch.setattr("actions.engine.MAX_CHAIN_DEPTH", 1)
    project_id = world.project.pk
    second = SwimlaneFactory(project=world.project, position=2, name="Second").pk
    member = world.users["member"].pk
    for event, action, params in [
        (
            "task.move.swimlane",
            "TaskAssignPrioritySwimlane",
            {"swimlane_id": second, "priority": 1},
        ),
        (
            "task.update",
            "TaskMoveSwimlaneAssigned",
            {"user_id": member, "dest_swimlane_id": board["swimlane"].pk},
        ),
    ]:
        rpc.call("createAction", [project_id, event, PREFIX + action, params])
    task_id = rpc.call("createTask", {"title": "T", "project_id": project_id, "owner_id": member})

    rpc.call("moveTaskPosition", [project_id, task_id, board["columns"][0].pk, 1, second])

    task = rpc.call("getTask", [task_id])
    assert (task["swimlane_id"], task["priority"]) == (second, 1)


def test_the_actions_looked_for_are_the_events_projects_own(seeded, django_assert_num_queries):
    task, elsewhere = TaskFactory(), ProjectFactory()
    Action.objects.create(project=task.project, event_name="task.open", action_name="Any")
    Action.objects.create(project=elsewhere, event_name="task.close", action_name="Any")

    def event(name, task_id=task.pk, **extra):
        return events.Event(name, task_id, 0, extra, events.TaskSnapshot(task_id))

    with django_assert_num_queries(1):
        assert has_actions(event("task.open"))
    assert not has_actions(event("task.close"))
    assert has_actions(event("task.close", project_id=elsewhere.pk))  # named by the event
    assert not has_actions(event("task.open", task_id=task.pk + 1000))
