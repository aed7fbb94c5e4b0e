"""updateTask: partial updates, resets, tags, assignee rules and events."""

from __future__ import annotations

import pytest

from tasks.models import ProjectActivity, Task
from tests.factories import CategoryFactory


def activity_names(task) -> list[str]:
    return list(
        ProjectActivity.objects.filter(task=task)
        .order_by("pk")
        .values_list("event_name", flat=True)
    )


def test_only_given_fields_change(rpc, world, new_task):
    task = new_task("Before", description="Kept", score=3)

    assert rpc.call("updateTask", {"id": task.pk, "color_id": "red", "title": "After"}) is True

    task.refresh_from_db()
    assert (task.title, task.color_id, task.description, task.score) == ("After", "red", "Kept", 3)


def test_empty_values_reset_fields_and_title_may_be_emptied(rpc, world, new_task):
    task = new_task(date_due="2030-01-01", score=4, time_spent=2)

    rpc.call(
        "updateTask", {"id": task.pk, "date_due": "", "score": "", "time_spent": "", "title": ""}
    )

    task.refresh_from_db()
    assert (task.date_due, task.score, task.time_spent, task.title) == (0, 0, 0, "")


def test_start_date_after_the_stored_due_date_is_accepted_alone(rpc, world, new_task):
    task = new_task(date_due="2030-01-01 10:00")

    assert rpc.call("updateTask", {"id": task.pk, "date_started": "2030-06-01 10:00"}) is True
    assert (
        rpc.call(
            "updateTask",
            {"id": task.pk, "date_started": "2030-06-01 10:00", "date_due": "2030-01-01 10:00"},
        )
        is False
    )


def test_tags_replace_the_set_and_an_empty_list_removes_them(rpc, world, new_task):
    task = new_task(tags=["a", "b"])

    rpc.call("updateTask", {"id": task.pk, "tags": ["b", "c"]})
    assert sorted(rpc.call("getTaskTags", [task.pk]).values()) == ["b", "c"]
    rpc.call("updateTask", {"id": task.pk, "title": "no tags given"})
    assert sorted(rpc.call("getTaskTags", [task.pk]).values()) == ["b", "c"]
    rpc.call("updateTask", {"id": task.pk, "tags": []})
    assert rpc.call("getTaskTags", [task.pk]) == {}


def test_string_zero_unassigns(rpc, world, new_task):
    task = new_task(owner_id=world.users["member"].pk)

    assert rpc.call("updateTask", {"id": task.pk, "owner_id": "0"}) is True

    task.refresh_from_db()
    assert task.owner_id == 0


@pytest.mark.parametrize(
    "values",
    [
        {"owner_id": "outsider"},
        {"owner_id": "viewer"},
        {"owner_id": "abc"},
        {"category_id": "foreign"},
        {"score": 1.5},
        {"priority": "x"},
        {"date_due": 1798736400},
        {"reference": "r" * 192},
        {"time_estimated": "many"},
        {"title": "a\u0000"},
    ],
)
def test_refused_values_answer_false_and_change_nothing(
    rpc, world, new_task, other_project, values
):
    task = new_task("Same")
    resolved = {
        field: {
            "outsider": world.users["outsider"].pk,
            "viewer": world.users["viewer"].pk,
            "foreign": CategoryFactory(project=other_project).pk,
        }.get(value, value)
        for field, value in values.items()
    }

    assert rpc.call("updateTask", {"id": task.pk, **resolved}, as_=world["member"]) is False

    assert Task.objects.get(pk=task.pk).date_modification == task.date_modification
    assert Task.objects.get(pk=task.pk).title == "Same"


def test_unknown_task_answers_false(rpc, world):
    assert rpc.call("updateTask", {"id": 999999, "title": "x"}) is False


def test_non_array_tags_are_invalid_params(rpc, world, new_task):
    task = new_task()

    assert rpc.error("updateTask", {"id": task.pk, "tags": "x"})["code"] == -32602


def test_unknown_named_fields_are_ignored(rpc, world, new_task, board):
    task = new_task()

    assert rpc.call("updateTask", {"id": task.pk, "swimlane_id": 999}) is True
    assert Task.objects.get(pk=task.pk).swimlane_id == board["swimlane"].pk


def test_viewer_and_outsider_are_refused(rpc, world, new_task):
    task = new_task("Same")

    for persona in ("viewer", "outsider"):
        assert rpc.status("updateTask", {"id": task.pk, "title": "x"}, as_=world[persona]) == 403
    assert Task.objects.get(pk=task.pk).title == "Same"


def test_events_follow_what_changed(rpc, world, new_task):
    task = new_task("t")
    member = world["member"]

    rpc.call("updateTask", {"id": task.pk, "owner_id": world.users["manager"].pk}, as_=member)
    rpc.call("updateTask", {"id": task.pk, "title": "t"}, as_=member)
    rpc.call("updateTask", {"id": task.pk, "title": "new", "owner_id": 0}, as_=member)

    assert activity_names(task) == ["task.assignee_change", "task.update"]
    update = ProjectActivity.objects.filter(task=task, event_name="task.update").get()
    assert '"changes": {"title": "new", "owner_id": 0}' in update.data
