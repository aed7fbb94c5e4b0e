"""createTask: defaults, validation, assignability and cross-project references."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from accounts.config import set_config
from tasks.models import ProjectActivity, Task
from tests.factories import CategoryFactory, MembershipFactory, SwimlaneFactory, UserFactory
from tests.tasks.conftest import positions


def test_minimal_task_gets_kanboard_defaults(rpc, world, board):
    before = int(time.time())

    task_id = rpc.call("createTask", {"title": "First", "project_id": world.project.pk})

    task = rpc.call("getTask", {"task_id": task_id})
    assert task["column_id"] == board["columns"][0].pk
    assert task["swimlane_id"] == board["swimlane"].pk
    assert task["color_id"] == "yellow"
    assert task["position"] == 1
    assert task["creator_id"] == 0 and task["owner_id"] == 0
    assert task["date_due"] == 0 and task["date_started"] == 0
    assert task["date_completed"] is None
    assert task["time_spent"] is None and task["time_estimated"] is None
    assert task["score"] == 0 and task["category_id"] == 0 and task["priority"] == 0
    assert task["is_active"] == 1
    assert before <= task["date_creation"] == task["date_modification"] == task["date_moved"]


def test_positions_follow_the_open_tasks_of_the_cell(rpc, world, board, new_task):
    first = new_task("a")
    new_task("b")
    rpc.call("closeTask", [first.pk])

    third = new_task("c")

    assert third.position == 2


def test_a_user_caller_becomes_the_creator(world, new_task):
    task = new_task(as_=world["member"])

    assert task.creator_id == world.users["member"].pk


def test_creation_by_a_user_is_in_the_activity_stream_and_by_the_app_is_not(world, new_task):
    by_app = new_task()
    by_member = new_task(as_=world["member"])

    names = set(ProjectActivity.objects.filter(task=by_member).values_list("event_name", flat=True))
    assert names == {"task.create"}
    assert not ProjectActivity.objects.filter(task=by_app).exists()


def test_given_values_are_stored(rpc, world, board):
    category = CategoryFactory(project=world.project)
    member = world.users["member"]
    task_id = rpc.call(
        "createTask",
        {
            "title": "Full",
            "project_id": world.project.pk,
            "color_id": "red",
            "column_id": board["columns"][1].pk,
            "owner_id": member.pk,
            "creator_id": member.pk,
            "date_due": "2030-12-31 17:00",
            "description": "Text",
            "category_id": str(category.pk),
            "score": 5,
            "priority": 2,
            "reference": "REF-1",
            "tags": ["tag A", "tag B"],
            "date_started": "2030-12-01 08:30",
            "time_spent": 1.5,
            "time_estimated": "3",
        },
    )

    task = rpc.call("getTask", [task_id])
    assert task["color_id"] == "red" and task["column_id"] == board["columns"][1].pk
    assert task["owner_id"] == task["creator_id"] == member.pk
    assert task["date_due"] == int(dt.datetime(2030, 12, 31, 17, 0, tzinfo=dt.UTC).timestamp())
    assert task["date_started"] == int(dt.datetime(2030, 12, 1, 8, 30, tzinfo=dt.UTC).timestamp())
    assert (task["category_id"], task["score"], task["priority"]) == (category.pk, 5, 2)
    assert task["time_spent"] == 1.5 and task["time_estimated"] == 3
    assert sorted(rpc.call("getTaskTags", [task_id]).values()) == ["tag A", "tag B"]


def test_a_date_without_time_keeps_the_current_time_of_day(rpc, world):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)

    task_id = rpc.call(
        "createTask", {"title": "x", "project_id": world.project.pk, "date_due": "2030-06-15"}
    )

    stored = dt.datetime.fromtimestamp(Task.objects.get(pk=task_id).date_due, dt.UTC)
    assert stored.date() == dt.date(2030, 6, 15)
    assert before.time() <= stored.time() <= dt.datetime.now(dt.UTC).time()


def test_title_zero_becomes_untitled_and_empty_color_the_default(rpc, world):
    set_config("default_color", "blue")

    task_id = rpc.call("createTask", {"title": "0", "project_id": world.project.pk})

    task = Task.objects.get(pk=task_id)
    assert (task.title, task.color_id) == ("Untitled", "blue")


@pytest.mark.parametrize(
    "values",
    [
        {"title": ""},
        {"title": None},
        {"title": ["x"]},
        {"title": "a\u0000b"},
        {"title": "x" * 65536},
        {"reference": "r" * 192},
        {"priority": 1.0},
        {"priority": True},
        {"score": 2**40},
        {"score": -2147483648},
        {"column_id": "abc"},
        {"swimlane_id": 0},
        {"swimlane_id": -1},
        {"recurrence_factor": "1.5"},
        {"date_due": 1798736400},
        {"date_due": "1798736400"},
        {"date_due": 0},
        {"date_due": "0"},
        {"date_due": "31/12/2026"},
        {"date_due": "2026-13-45"},
        {"date_started": "2030-12-31", "date_due": "2030-12-01"},
        {"time_spent": "abc"},
        {"time_estimated": True},
        {"owner_id": None},
        {"owner_id": "0"},
        {"creator_id": "0"},
        {"tags": [["nested"]]},
    ],
)
def test_refused_values_answer_false_and_create_nothing(rpc, world, values):
    params = {"title": "x", "project_id": world.project.pk, **values}

    assert rpc.call("createTask", params) is False
    assert not Task.objects.exists()


def test_the_longest_title_is_accepted(rpc, world):
    task_id = rpc.call("createTask", {"title": "t" * 65535, "project_id": world.project.pk})

    assert len(Task.objects.get(pk=task_id).title) == 65535


def test_non_array_tags_are_invalid_params(rpc, world):
    error = rpc.error("createTask", {"title": "x", "project_id": world.project.pk, "tags": "x"})

    assert error["code"] == -32602
    assert not Task.objects.exists()


def test_an_unknown_project_answers_zero_for_the_application(rpc, world):
    assert rpc.call("createTask", {"title": "x", "project_id": 999999}) == 0


def test_a_project_without_active_swimlane_answers_zero(rpc, world, board):
    board["swimlane"].is_active = False
    board["swimlane"].save()

    assert rpc.call("createTask", {"title": "x", "project_id": world.project.pk}) == 0


@pytest.mark.parametrize("persona", ["viewer", "outsider", "admin"])
def test_users_without_a_member_role_are_refused(rpc, world, persona):
    reply = rpc.request(
        "createTask", {"title": "x", "project_id": world.project.pk}, as_=world[persona]
    )

    assert reply.status == 403
    assert not Task.objects.exists()


@pytest.mark.parametrize("field", ["owner_id", "creator_id"])
@pytest.mark.parametrize("who", ["outsider", "viewer", "inactive", "unknown"])
def test_owner_and_creator_must_be_assignable(rpc, world, field, who):
    if who == "inactive":
        user = UserFactory(is_active=False)
        MembershipFactory(project=world.project, user=user)
        user_id = user.pk
    elif who == "unknown":
        user_id = 999999
    else:
        user_id = world.users[who].pk

    for caller in ("app", "member"):
        params = {"title": "x", "project_id": world.project.pk, field: user_id}
        assert rpc.call("createTask", params, as_=world[caller]) is False
    assert not Task.objects.exists()


def test_managers_and_members_are_assignable(rpc, world):
    for persona in ("manager", "member"):
        params = {"title": "x", "project_id": world.project.pk, "owner_id": world.users[persona].pk}
        assert rpc.call("createTask", params, as_=world["member"]) > 0


@pytest.mark.parametrize("field", ["column_id", "swimlane_id", "category_id"])
def test_a_reference_to_another_project_is_refused(rpc, world, other_project, field):
    foreign = {
        "column_id": lambda: other_project.columns.first().pk,
        "swimlane_id": lambda: other_project.swimlanes.first().pk,
        "category_id": lambda: CategoryFactory(project=other_project).pk,
    }[field]()
    params = {"title": "x", "project_id": world.project.pk, field: foreign}

    assert rpc.call("createTask", params, as_=world["member"]) is False
    assert rpc.call("createTask", params) is False
    assert not Task.objects.exists()


def test_a_given_swimlane_of_the_project_is_used(rpc, world, board):
    swimlane = SwimlaneFactory(project=world.project, position=2)

    task_id = rpc.call(
        "createTask", {"title": "x", "project_id": world.project.pk, "swimlane_id": swimlane.pk}
    )

    assert Task.objects.get(pk=task_id).swimlane_id == swimlane.pk
    assert positions(board["columns"][0], swimlane) == [("x", 1)]
