"""SubtaskProcedure: getSubtask, getAllSubtasks, createSubtask, updateSubtask, removeSubtask."""

from __future__ import annotations

import json

import pytest

from tasks.models import ProjectActivity, Subtask, SubtaskTimer, Task
from tests.factories import (
    GroupMemberFactory,
    GroupRoleFactory,
    MembershipFactory,
    ProjectFactory,
    SubtaskFactory,
    TaskFactory,
    UserFactory,
)

SUBTASK_KEYS = [
    "id", "title", "status", "time_estimated", "time_spent", "task_id", "user_id", "position",
]  # fmt: skip


def reload(subtask) -> Subtask:
    return Subtask.objects.get(pk=subtask.pk)


def task_times(task) -> tuple:
    return tuple(Task.objects.filter(pk=task.pk).values_list("time_estimated", "time_spent")[0])


# createSubtask


def test_create_subtask_answers_the_new_id_and_stores_kanboard_defaults(rpc, task):
    subtask_id = rpc.call("createSubtask", {"task_id": task.pk, "title": "Write tests"})

    assert rpc.call("getSubtask", [subtask_id]) == {
        "id": subtask_id,
        "title": "Write tests",
        "status": 0,
        "time_estimated": 0,
        "time_spent": 0,
        "task_id": task.pk,
        "user_id": 0,
        "position": 1,
    }


def test_a_new_subtask_goes_after_the_last_position_even_with_gaps(rpc, task):
    SubtaskFactory(task=task, position=1)
    SubtaskFactory(task=task, position=5)

    subtask_id = rpc.call("createSubtask", [task.pk, "x"])

    assert Subtask.objects.get(pk=subtask_id).position == 6


def test_create_subtask_takes_every_field_positionally(rpc, world, task):
    member = world.users["member"]

    subtask_id = rpc.call("createSubtask", [task.pk, "x", member.pk, 1.5, "2", 7])

    assert rpc.call("getSubtask", [subtask_id]) == {
        "id": subtask_id,
        "title": "x",
        "status": 7,
        "time_estimated": 1.5,
        "time_spent": 2,
        "task_id": task.pk,
        "user_id": member.pk,
        "position": 1,
    }


def test_creating_a_subtask_overwrites_the_task_times_with_the_sums(rpc, task):
    Task.objects.filter(pk=task.pk).update(time_estimated=2.5, time_spent=9)
    SubtaskFactory(task=task, time_estimated=0.5, time_spent=1)

    rpc.call("createSubtask", [task.pk, "x", 0, 1, 0.25])

    assert task_times(task) == (1.5, 1.25)


@pytest.mark.parametrize(
    "params",
    [
        {"title": ""},
        {"title": None},
        {"title": False},
        {"title": ["x"]},
        {"title": "x\0y"},
        {"title": "x" * 65536},
        {"user_id": "abc"},
        {"user_id": 1.5},
        {"user_id": True},
        {"status": "done"},
        {"status": 1.0},
        {"status": 70000},
        {"time_estimated": "an hour"},
        {"time_estimated": "nan"},
        {"time_spent": [1]},
        {"time_spent": "1e400"},
    ],
)
def test_create_subtask_refuses_invalid_fields_and_writes_nothing(rpc, task, params):
    assert rpc.call("createSubtask", {"task_id": task.pk, "title": "x", **params}) is False

    assert not Subtask.objects.exists()
    assert task_times(task) == (None, None)


@pytest.mark.parametrize("task_id", [999999, "abc", 1.5, None, 0])
def test_create_subtask_on_an_unknown_task_is_false(rpc, task_id):
    assert rpc.call("createSubtask", [task_id, "x"]) is False
    assert not Subtask.objects.exists()


def test_create_subtask_accepts_numeric_strings_for_times(rpc, task):
    subtask_id = rpc.call("createSubtask", [task.pk, "x", "0", " 1.5", "2e1"])

    created = Subtask.objects.get(pk=subtask_id)
    assert (created.time_estimated, created.time_spent) == (1.5, 20)


def test_create_subtask_needs_title_and_task(rpc, task):
    assert rpc.error("createSubtask", [task.pk])["data"] == "Wrong number of arguments"


def test_a_viewer_cannot_create_a_subtask(rpc, world, task):
    assert rpc.status("createSubtask", [task.pk, "x"], as_=world["viewer"]) == 403
    assert not Subtask.objects.exists()


def test_a_member_creates_a_subtask_assigned_to_an_assignable_member(rpc, world, task):
    manager = world.users["manager"]

    subtask_id = rpc.call("createSubtask", [task.pk, "x", manager.pk], as_=world["member"])

    assert Subtask.objects.get(pk=subtask_id).user_id == manager.pk


@pytest.mark.parametrize("persona", ["app", "member"])
@pytest.mark.parametrize("assignee", ["outsider", "viewer", "admin"])
def test_a_subtask_cannot_be_assigned_to_someone_not_assignable_in_the_project(
    rpc, world, task, persona, assignee
):
    user_id = world.users[assignee].pk

    assert rpc.call("createSubtask", [task.pk, "x", user_id], as_=world[persona]) is False

    assert not Subtask.objects.exists()


def test_an_inactive_member_or_an_unknown_user_is_not_assignable(rpc, world, task):
    inactive = UserFactory(is_active=False)
    MembershipFactory(project=world.project, user=inactive)

    assert rpc.call("createSubtask", [task.pk, "x", inactive.pk]) is False
    assert rpc.call("createSubtask", [task.pk, "x", 999999]) is False
    assert rpc.call("createSubtask", [task.pk, "x", -3]) is False


def test_a_member_of_the_project_through_a_group_is_assignable(rpc, world, task):
    user = UserFactory()
    group_member = GroupMemberFactory(user=user)
    GroupRoleFactory(project=world.project, group=group_member.group, role="project-member")

    assert isinstance(rpc.call("createSubtask", [task.pk, "x", user.pk]), int)


def test_the_older_assignee_id_name_is_read_as_user_id(rpc, world, task):
    member = world.users["member"]

    subtask_id = rpc.call(
        "createSubtask", {"task_id": task.pk, "title": "x", "assignee_id": member.pk}
    )

    assert Subtask.objects.get(pk=subtask_id).user_id == member.pk


def test_user_id_wins_over_the_older_assignee_id(rpc, world, task):
    params = {
        "task_id": task.pk,
        "title": "x",
        "user_id": 0,
        "assignee_id": world.users["member"].pk,
    }

    subtask_id = rpc.call("createSubtask", params)

    assert Subtask.objects.get(pk=subtask_id).user_id == 0


def test_creating_a_subtask_as_a_user_records_activity_and_events(rpc, world, task, emitted):
    member = world.users["member"]

    subtask_id = rpc.call("createSubtask", [task.pk, "x", member.pk], as_=world["member"])

    assert [(name, actor) for name, actor, _ in emitted] == [
        ("subtask.create_update", member.pk),
        ("subtask.create", member.pk),
    ]
    data = emitted[1][2]
    assert data["subtask"] == rpc.call("getAllSubtasks", [task.pk], as_=world["member"])[0]
    assert data["task"]["id"] == task.pk
    activity = ProjectActivity.objects.get()
    assert (activity.event_name, activity.creator_id) == ("subtask.create", member.pk)
    assert json.loads(activity.data)["subtask"]["id"] == subtask_id


def test_the_application_leaves_no_activity(rpc, task):
    rpc.call("createSubtask", [task.pk, "x"])

    assert not ProjectActivity.objects.exists()


# getSubtask, getAllSubtasks


def test_get_subtask_answers_null_for_an_unknown_id(rpc):
    assert rpc.call("getSubtask", [999999]) is None
    assert rpc.call("getSubtask", ["abc"]) is None


def test_users_are_refused_unknown_subtasks_and_subtasks_of_other_projects(
    rpc, world, foreign_task
):
    foreign = SubtaskFactory(task=foreign_task)

    assert rpc.status("getSubtask", [999999], as_=world["member"]) == 403
    assert rpc.status("getSubtask", [foreign.pk], as_=world["member"]) == 403
    assert rpc.status("getAllSubtasks", [foreign_task.pk], as_=world["member"]) == 403


def test_get_subtask_keeps_fractional_hours(rpc, task):
    subtask = SubtaskFactory(task=task, time_estimated=1.25, time_spent=0.5)

    found = rpc.call("getSubtask", [subtask.pk])

    assert list(found) == SUBTASK_KEYS
    assert (found["time_estimated"], found["time_spent"]) == (1.25, 0.5)


def test_get_all_subtasks_lists_by_position_with_assignee_and_the_callers_timer(rpc, world, task):
    member = world.users["member"]
    member.name = "Mary Member"
    member.save()
    second = SubtaskFactory(task=task, title="second", position=2, status=2)
    first = SubtaskFactory(task=task, title="first", position=1, user_id=member.pk, status=1)
    SubtaskTimer.objects.create(subtask=first, user=member, start=1700000000)
    SubtaskTimer.objects.create(subtask=second, user=world.users["manager"], start=1700000001)

    listed = rpc.call("getAllSubtasks", [task.pk], as_=world["member"])

    assert listed == [
        {
            "id": first.pk,
            "title": "first",
            "status": 1,
            "time_estimated": 0,
            "time_spent": 0,
            "task_id": task.pk,
            "user_id": member.pk,
            "position": 1,
            "username": member.username,
            "name": "Mary Member",
            "timer_start_date": 1700000000,
            "status_name": "In progress",
            "is_timer_started": True,
        },
        {
            "id": second.pk,
            "title": "second",
            "status": 2,
            "time_estimated": 0,
            "time_spent": 0,
            "task_id": task.pk,
            "user_id": 0,
            "position": 2,
            "username": None,
            "name": None,
            "timer_start_date": 0,
            "status_name": "Done",
            "is_timer_started": False,
        },
    ]


def test_the_application_sees_no_timer_and_a_null_name_for_an_unknown_status(rpc, world, task):
    subtask = SubtaskFactory(task=task, status=7)
    SubtaskTimer.objects.create(subtask=subtask, user=world.users["member"], start=1700000000)

    [listed] = rpc.call("getAllSubtasks", [task.pk])

    assert (listed["timer_start_date"], listed["is_timer_started"]) == (0, False)
    assert listed["status_name"] is None


def test_get_all_subtasks_of_an_unknown_task_is_empty(rpc):
    assert rpc.call("getAllSubtasks", [999999]) == []


@pytest.mark.parametrize("size", [10, 500])
def test_get_all_subtasks_runs_a_fixed_number_of_queries(
    rpc, world, task, size, django_assert_num_queries
):
    users = [UserFactory() for _ in range(3)]
    Subtask.objects.bulk_create(
        Subtask(task=task, title=f"s{n}", position=n, user_id=users[n % 3].pk) for n in range(size)
    )
    rpc.call("getVersion", as_=world["member"])  # the credentials are checked and cached

    with django_assert_num_queries(11):
        listed = rpc.call("getAllSubtasks", [task.pk], as_=world["member"])

    assert len(listed) == size


# updateSubtask


def test_update_subtask_changes_only_the_given_fields(rpc, world, task):
    subtask = SubtaskFactory(task=task, title="old", position=3, time_estimated=2)

    assert rpc.call("updateSubtask", {"id": subtask.pk, "task_id": task.pk, "status": 1}) is True

    assert rpc.call("getSubtask", [subtask.pk]) == {
        "id": subtask.pk,
        "title": "old",
        "status": 1,
        "time_estimated": 2,
        "time_spent": 0,
        "task_id": task.pk,
        "user_id": 0,
        "position": 3,
    }


def test_update_subtask_takes_every_field(rpc, world, task):
    subtask = SubtaskFactory(task=task, title="old")
    other = SubtaskFactory(task=task, position=2)
    member = world.users["member"]

    assert rpc.call("updateSubtask", [subtask.pk, task.pk, "", member.pk, "1.5", 0.5, 2, 9])

    updated = rpc.call("getSubtask", [subtask.pk])
    assert updated == {
        "id": subtask.pk,
        "title": "",
        "status": 2,
        "time_estimated": 1.5,
        "time_spent": 0.5,
        "task_id": task.pk,
        "user_id": member.pk,
        "position": 9,
    }
    assert reload(other).position == 2
    assert task_times(task) == (1.5, 0.5)


def test_update_subtask_resets_empty_times_to_zero_and_unassigns_with_zero(rpc, world, task):
    subtask = SubtaskFactory(task=task, time_estimated=3, user_id=world.users["member"].pk)

    assert rpc.call("updateSubtask", [subtask.pk, task.pk, None, 0, ""])

    assert (reload(subtask).time_estimated, reload(subtask).user_id) == (0, 0)


def test_a_subtask_of_another_task_cannot_be_updated_through_a_forged_task_id(
    rpc, world, task, foreign_task
):
    foreign = SubtaskFactory(task=foreign_task, title="Project Q subtask")
    params = {"id": foreign.pk, "task_id": task.pk, "title": "Hacked", "status": 2}

    assert rpc.call("updateSubtask", params, as_=world["member"]) is False
    assert rpc.call("updateSubtask", params) is False

    unchanged = reload(foreign)
    assert (unchanged.title, unchanged.status, unchanged.task_id) == (
        "Project Q subtask",
        0,
        foreign_task.pk,
    )


def test_a_member_cannot_assign_a_subtask_to_an_outsider(rpc, world, task):
    subtask = SubtaskFactory(task=task)
    outsider = world.users["outsider"]

    params = {"id": subtask.pk, "task_id": task.pk, "user_id": outsider.pk}
    assert rpc.call("updateSubtask", params, as_=world["member"]) is False
    params = {"id": subtask.pk, "task_id": task.pk, "assignee_id": outsider.pk}
    assert rpc.call("updateSubtask", params, as_=world["member"]) is False

    assert reload(subtask).user_id == 0


@pytest.mark.parametrize(
    "params",
    [
        {"user_id": "abc"},
        {"status": 2.5},
        {"time_spent": "x"},
        {"position": "first"},
        {"position": 2**31},
        {"title": {"a": 1}},
    ],
)
def test_update_subtask_refuses_invalid_fields_and_changes_nothing(rpc, task, params):
    subtask = SubtaskFactory(task=task, title="old")

    assert rpc.call("updateSubtask", {"id": subtask.pk, "task_id": task.pk, **params}) is False

    assert reload(subtask).title == "old"


def test_update_subtask_of_an_unknown_subtask_or_task_is_false(rpc, task):
    subtask = SubtaskFactory(task=task)

    assert rpc.call("updateSubtask", [999999, task.pk, "x"]) is False
    assert rpc.call("updateSubtask", [subtask.pk, 999999, "x"]) is False
    assert rpc.call("updateSubtask", ["abc", task.pk, "x"]) is False


def test_a_viewer_cannot_update_a_subtask(rpc, world, task):
    subtask = SubtaskFactory(task=task, title="old")

    assert rpc.status("updateSubtask", [subtask.pk, task.pk, "new"], as_=world["viewer"]) == 403
    assert reload(subtask).title == "old"


def test_updating_a_subtask_emits_its_changes(rpc, world, task, emitted):
    subtask = SubtaskFactory(task=task, title="old", status=1)

    rpc.call(
        "updateSubtask", [subtask.pk, task.pk, "new", None, None, None, 1], as_=world["member"]
    )

    names = [name for name, _, _ in emitted]
    assert names == ["subtask.create_update", "subtask.update"]
    data = emitted[1][2]
    assert data["changes"] == {"title": "new"}
    assert data["subtask"]["title"] == "new"
    assert ProjectActivity.objects.get().event_name == "subtask.update"


# removeSubtask


def test_remove_subtask_deletes_it_and_recomputes_the_task_times(rpc, task):
    first = SubtaskFactory(task=task, position=1, time_estimated=1)
    second = SubtaskFactory(task=task, position=2, time_estimated=2)
    third = SubtaskFactory(task=task, position=3, time_estimated=4)
    SubtaskTimer.objects.create(subtask=second, user_id=1, start=1)
    rpc.call("updateSubtask", [first.pk, task.pk])

    assert rpc.call("removeSubtask", [second.pk]) is True

    assert list(Subtask.objects.order_by("position").values_list("id", "position")) == [
        (first.pk, 1),
        (third.pk, 3),
    ]
    assert not SubtaskTimer.objects.exists()
    assert task_times(task) == (5, 0)


def test_removing_the_last_subtask_leaves_the_task_times_null(rpc, task):
    subtask = SubtaskFactory(task=task, time_estimated=1)
    rpc.call("updateSubtask", [subtask.pk, task.pk])

    rpc.call("removeSubtask", [subtask.pk])

    assert task_times(task) == (None, None)


def test_remove_subtask_answers_false_when_nothing_was_removed(rpc, task):
    subtask = SubtaskFactory(task=task)

    assert rpc.call("removeSubtask", [subtask.pk]) is True
    assert rpc.call("removeSubtask", [subtask.pk]) is False
    assert rpc.call("removeSubtask", ["abc"]) is False


def test_a_viewer_cannot_remove_a_subtask(rpc, world, task):
    subtask = SubtaskFactory(task=task)

    assert rpc.status("removeSubtask", [subtask.pk], as_=world["viewer"]) == 403
    assert Subtask.objects.filter(pk=subtask.pk).exists()


def test_removing_a_subtask_announces_it_before_it_is_gone(rpc, world, task, emitted):
    subtask = SubtaskFactory(task=task, title="going")

    rpc.call("removeSubtask", [subtask.pk], as_=world["member"])

    [(name, actor, data)] = emitted
    assert (name, actor, data["subtask"]["title"]) == (
        "subtask.delete",
        world.users["member"].pk,
        "going",
    )
    assert ProjectActivity.objects.get().event_name == "subtask.delete"


# Concurrency


@pytest.mark.django_db(transaction=True)
def test_concurrent_creations_get_distinct_positions_and_a_consistent_total(concurrently):
    task = TaskFactory(project=ProjectFactory())

    results = concurrently("createSubtask", [task.pk, "x", 0, 1], 8)

    assert len(set(results)) == 8
    positions = sorted(Subtask.objects.values_list("position", flat=True))
    assert positions == list(range(1, 9))
    assert task_times(task) == (8, 0)
