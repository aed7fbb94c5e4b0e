"""getMyDashboard, getMyOverdueTasks and getMyActivityStream (User API only); they show
only projects the user still belongs to (decision P4)."""

from __future__ import annotations

import time

import pytest

from projects.models import ProjectUserRole
from tasks.shapes.subtasks import subtask
from tests.factories import (
    GroupMemberFactory,
    GroupRoleFactory,
    ProjectFactory,
    SubtaskFactory,
    TaskFactory,
)
from tests.tasks.test_board import TASK_KEYS

DASHBOARD_KEYS = [key for key in TASK_KEYS if key != "is_draggable"] + ["subtasks"]


@pytest.mark.parametrize(
    "procedure", ["getMyDashboard", "getMyOverdueTasks", "getMyActivityStream"]
)
def test_the_application_is_refused(rpc, world, procedure):
    assert rpc.status(procedure) == 403


def test_dashboard_lists_assigned_tasks_and_tasks_with_my_subtasks(rpc, world, board, new_task):
    member = world.users["member"]
    new_task("mine", owner_id=member.pk, tags=["t"])
    helped = new_task("helped")
    step = SubtaskFactory(task=helped, user_id=member.pk)
    SubtaskFactory(task=helped, user_id=world.users["manager"].pk)
    closed = new_task("closed", owner_id=member.pk)
    rpc.call("closeTask", [closed.pk])
    new_task("other")
    hidden = board["columns"][3]
    hidden.hide_in_dashboard = True
    hidden.save()
    new_task("hidden column", owner_id=member.pk, column_id=hidden.pk)

    tasks = rpc.call("getMyDashboard", as_=world["member"])

    assert [task["title"] for task in tasks] == ["mine", "helped"]
    assert list(tasks[0]) == DASHBOARD_KEYS
    assert [tag["name"] for tag in tasks[0]["tags"]] == ["t"] and tasks[0]["subtasks"] == []
    assert [row["id"] for row in tasks[1]["subtasks"]] == [step.pk]
    assert list(tasks[1]["subtasks"][0])[:8] == list(subtask(step))


def test_my_lists_drop_projects_i_no_longer_belong_to(rpc, world, new_task):
    member = world.users["member"]
    task = new_task("late", owner_id=member.pk, date_due="2001-01-01")
    rpc.call("closeTask", [task.pk], as_=world["member"])
    rpc.call("openTask", [task.pk], as_=world["member"])
    assert len(rpc.call("getMyDashboard", as_=world["member"])) == 1
    assert len(rpc.call("getMyOverdueTasks", as_=world["member"])) == 1
    assert len(rpc.call("getMyActivityStream", as_=world["member"])) == 2

    ProjectUserRole.objects.filter(project=world.project, user=member).delete()

    assert rpc.call("getMyDashboard", as_=world["member"]) == []
    assert rpc.call("getMyOverdueTasks", as_=world["member"]) == []
    assert rpc.call("getMyActivityStream", as_=world["member"]) == []


def test_group_membership_counts(rpc, world):
    user = world.users["outsider"]
    project = ProjectFactory()
    GroupRoleFactory(project=project, group=GroupMemberFactory(user=user).group)
    task = TaskFactory(project=project, owner_id=user.pk, date_due=int(time.time()) - 60)

    assert [row["id"] for row in rpc.call("getMyDashboard", as_=world["outsider"])] == [task.pk]
    overdue = rpc.call("getMyOverdueTasks", as_=world["outsider"])
    assert [row["id"] for row in overdue] == [task.pk]
    assert list(overdue[0]) == [
        "id", "title", "date_due", "project_id", "creator_id", "owner_id",
        "project_name", "assignee_username", "assignee_name",
    ]  # fmt: skip


def test_activity_stream_leaves_out_disabled_projects(rpc, world, new_task):
    new_task(as_=world["member"])
    world.project.is_active = False
    world.project.save()

    assert rpc.call("getMyActivityStream", as_=world["member"]) == []


@pytest.mark.parametrize("size", [10, 500])
def test_dashboard_runs_a_fixed_number_of_queries(rpc, world, django_assert_num_queries, size):
    member = world.users["member"]
    for task in TaskFactory.create_batch(size, project=world.project, owner_id=member.pk):
        SubtaskFactory(task=task, user_id=member.pk)

    # The user's login (its row, then touched, recorded and trimmed in a savepoint), then
    # the ids of the tasks, then the tasks with their assignees and categories, their
    # tags, subtasks and names.
    with django_assert_num_queries(12):
        assert len(rpc.call("getMyDashboard", as_=world["member"])) == size
