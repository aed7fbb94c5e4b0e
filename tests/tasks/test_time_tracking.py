"""SubtaskTimeTrackingProcedure: hasSubtaskTimer, setSubtaskStartTime, setSubtaskEndTime,
getSubtaskTimeSpent."""

from __future__ import annotations

import time

import pytest

from tasks.models import Subtask, SubtaskTimer, Task
from tasks.time_tracking import hours_between
from tests.factories import SubtaskFactory, UserFactory


@pytest.fixture
def subtask(task):
    return SubtaskFactory(task=task)


def start_hours_ago(subtask, user, hours: float) -> SubtaskTimer:
    return SubtaskTimer.objects.create(
        subtask=subtask, user=user, start=int(time.time() - hours * 3600)
    )


def test_a_timer_runs_from_start_to_end(rpc, world, subtask):
    member = world.users["member"]

    assert rpc.call("hasSubtaskTimer", [subtask.pk, member.pk]) is False
    assert rpc.call("setSubtaskStartTime", [subtask.pk, member.pk]) is True
    assert rpc.call("hasSubtaskTimer", [subtask.pk, member.pk]) is True
    assert rpc.call("setSubtaskEndTime", [subtask.pk, member.pk]) is True
    assert rpc.call("hasSubtaskTimer", [subtask.pk, member.pk]) is False
    assert rpc.call("getSubtaskTimeSpent", [subtask.pk, member.pk]) == 0

    timer = SubtaskTimer.objects.get()
    assert (timer.user_id, timer.subtask_id, timer.end >= timer.start > 0) == (
        member.pk,
        subtask.pk,
        True,
    )


def test_a_second_start_while_running_is_false(rpc, world, subtask):
    member = world.users["member"]
    rpc.call("setSubtaskStartTime", [subtask.pk, member.pk])

    assert rpc.call("setSubtaskStartTime", [subtask.pk, member.pk]) is False
    assert SubtaskTimer.objects.count() == 1


def test_timers_are_per_user(rpc, world, subtask):
    rpc.call("setSubtaskStartTime", [subtask.pk, world.users["member"].pk])

    assert rpc.call("hasSubtaskTimer", [subtask.pk, world.users["manager"].pk]) is False
    assert rpc.call("setSubtaskStartTime", [subtask.pk, world.users["manager"].pk]) is True


def test_stopping_adds_the_elapsed_hours_to_the_subtask_and_its_task(rpc, world, subtask):
    member = world.users["member"]
    Subtask.objects.filter(pk=subtask.pk).update(time_spent=0.5, time_estimated=3)
    start_hours_ago(subtask, member, 1.5)

    assert rpc.call("getSubtaskTimeSpent", [subtask.pk, member.pk]) == 1.5
    assert rpc.call("setSubtaskEndTime", [subtask.pk, member.pk]) is True

    assert Subtask.objects.get(pk=subtask.pk).time_spent == 2
    assert Task.objects.values_list("time_spent", "time_estimated").get() == (2, 3)
    timer = SubtaskTimer.objects.get()
    assert (timer.time_spent, timer.end > timer.start) == (1.5, True)
    assert rpc.call("getSubtaskTimeSpent", [subtask.pk, member.pk]) == 0


def test_get_subtask_time_spent_is_the_running_timer_only(rpc, world, subtask):
    member = world.users["member"]
    SubtaskTimer.objects.create(subtask=subtask, user=member, start=1, end=3601, time_spent=1)

    assert rpc.call("getSubtaskTimeSpent", [subtask.pk, member.pk]) == 0
    start_hours_ago(subtask, member, 0.25)
    assert rpc.call("getSubtaskTimeSpent", [subtask.pk, member.pk]) == 0.25


@pytest.mark.parametrize(
    ("seconds", "hours"), [(0, 0), (18, 0.01), (54, 0.02), (53, 0.01), (5400, 1.5), (-90, 0.03)]
)
def test_hours_are_rounded_to_two_decimals_halves_up_as_php_rounds(seconds, hours):
    assert hours_between(0, seconds) == hours


def test_stopping_without_a_running_timer_is_still_true(rpc, world, subtask):
    assert rpc.call("setSubtaskEndTime", [subtask.pk, world.users["member"].pk]) is True
    assert Subtask.objects.get(pk=subtask.pk).time_spent == 0


def test_the_application_may_run_anyones_timer_but_not_on_unknown_ids(rpc, world, subtask):
    member = world.users["member"]

    assert rpc.call("setSubtaskStartTime", [999999, member.pk]) is False
    assert rpc.call("setSubtaskStartTime", [subtask.pk, 999999]) is False
    assert rpc.call("setSubtaskStartTime", [subtask.pk, "abc"]) is False
    assert rpc.call("setSubtaskEndTime", [999999, member.pk]) is True
    assert rpc.call("hasSubtaskTimer", [999999, member.pk]) is False
    assert rpc.call("getSubtaskTimeSpent", [999999, member.pk]) == 0
    assert not SubtaskTimer.objects.exists()


def test_a_member_runs_their_own_timer_given_as_a_digit_string(rpc, world, subtask):
    member = world.users["member"]

    assert rpc.call("setSubtaskStartTime", [subtask.pk, str(member.pk)], as_=world["member"])
    assert rpc.call("hasSubtaskTimer", [subtask.pk, member.pk], as_=world["member"]) is True
    assert rpc.call("setSubtaskEndTime", [subtask.pk, member.pk], as_=world["member"]) is True


def test_a_member_cannot_start_or_stop_someone_elses_timer(rpc, world, subtask):
    manager = world.users["manager"]

    assert rpc.call("setSubtaskStartTime", [subtask.pk, manager.pk], as_=world["member"]) is False
    assert not SubtaskTimer.objects.exists()

    start_hours_ago(subtask, manager, 1)
    assert rpc.call("setSubtaskEndTime", [subtask.pk, manager.pk], as_=world["member"]) is False
    assert SubtaskTimer.objects.get().end == 0
    assert Subtask.objects.get(pk=subtask.pk).time_spent == 0


def test_a_viewer_reads_timers_but_cannot_start_one(rpc, world, subtask):
    viewer = world.users["viewer"]

    assert rpc.call("hasSubtaskTimer", [subtask.pk, viewer.pk], as_=world["viewer"]) is False
    assert rpc.status("setSubtaskStartTime", [subtask.pk, viewer.pk], as_=world["viewer"]) == 403
    assert rpc.status("setSubtaskEndTime", [subtask.pk, viewer.pk], as_=world["viewer"]) == 403
    assert not SubtaskTimer.objects.exists()


def test_outsiders_cannot_touch_timers_of_the_project(rpc, world, subtask):
    outsider = world.users["outsider"]
    manager = world.users["manager"]

    assert rpc.status("hasSubtaskTimer", [subtask.pk, manager.pk], as_=world["outsider"]) == 403
    assert rpc.status("getSubtaskTimeSpent", [subtask.pk, manager.pk], as_=world["outsider"]) == 403
    assert (
        rpc.status("setSubtaskStartTime", [subtask.pk, outsider.pk], as_=world["outsider"]) == 403
    )
    assert rpc.status("setSubtaskEndTime", [subtask.pk, outsider.pk], as_=world["outsider"]) == 403
    assert not SubtaskTimer.objects.exists()


def test_time_tracking_procedures_need_both_parameters(rpc, subtask):
    assert rpc.error("hasSubtaskTimer", [subtask.pk])["data"] == "Wrong number of arguments"


@pytest.mark.django_db(transaction=True)
def test_concurrent_starts_run_one_timer(concurrently):
    subtask = SubtaskFactory()
    user = UserFactory()

    results = concurrently("setSubtaskStartTime", [subtask.pk, user.pk], 5)

    assert sorted(results) == [False, False, False, False, True]
    assert SubtaskTimer.objects.filter(end=0).count() == 1
