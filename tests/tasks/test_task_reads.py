"""getTask, getTaskByReference, getAllTasks, getOverdueTasks, getOverdueTasksByProject."""

from __future__ import annotations

import time

import pytest

from tasks.events import TASK_COLUMNS
from tests.factories import ProjectFactory, TaskFactory
from tests.tasks.conftest import bulk_tasks

FULL_FORM_KEYS = [*TASK_COLUMNS, "url", "color"]
OVERDUE_KEYS = [
    "id", "title", "date_due", "project_id", "creator_id", "owner_id",
    "project_name", "assignee_username", "assignee_name",
]  # fmt: skip


def test_get_task_answers_the_full_form_with_kanboard_types(rpc, world, new_task):
    task = new_task("Read me", color_id="unknown-color", reference="R1")

    found = rpc.call("getTask", {"task_id": task.pk})

    assert list(found) == FULL_FORM_KEYS
    assert (
        found["url"]
        == f"http://localhost/?controller=TaskViewController&action=show&task_id={task.pk}"
    )
    assert found["color"] == {
        "name": "Yellow",
        "background": "rgb(245, 247, 196)",
        "border": "rgb(223, 227, 45)",
    }
    assert found["is_active"] == 1 and isinstance(found["id"], int)
    assert found["external_provider"] is None and found["recurrence_parent"] is None


@pytest.mark.parametrize("task_id", [999999, "abc", 1.5, True, [1], 0, -1, 2**31, 2**63])
def test_get_task_answers_null_for_what_names_no_task(rpc, world, new_task, task_id):
    new_task()

    assert rpc.call("getTask", [task_id]) is None


def test_get_task_accepts_a_digit_string(rpc, world, new_task):
    task = new_task()

    assert rpc.call("getTask", [str(task.pk)])["id"] == task.pk


@pytest.mark.parametrize("persona", ["outsider", "admin"])
def test_users_without_a_role_get_403(rpc, world, new_task, persona):
    task = new_task()

    assert rpc.status("getTask", [task.pk], as_=world[persona]) == 403
    assert rpc.status("getTask", [999999], as_=world[persona]) == 403


def test_the_viewer_reads_the_task(rpc, world, new_task):
    task = new_task()

    assert rpc.call("getTask", [task.pk], as_=world["viewer"])["id"] == task.pk


def test_get_task_by_reference_answers_the_first_task_of_the_project(rpc, world, new_task):
    first = new_task("a", reference="dup")
    new_task("b", reference="dup")

    found = rpc.call("getTaskByReference", {"project_id": world.project.pk, "reference": "dup"})

    assert list(found) == FULL_FORM_KEYS and found["id"] == first.pk
    assert rpc.call("getTaskByReference", [world.project.pk, "nope"]) is None
    assert rpc.status("getTaskByReference", [world.project.pk, "dup"], as_=world["outsider"]) == 403


def test_get_all_tasks_lists_open_or_closed_tasks_by_id(rpc, world, new_task):
    tasks = [new_task(str(n)) for n in range(3)]
    rpc.call("closeTask", [tasks[1].pk])

    open_tasks = rpc.call("getAllTasks", {"project_id": world.project.pk})
    closed = rpc.call("getAllTasks", {"project_id": world.project.pk, "status_id": 0})

    assert [task["id"] for task in open_tasks] == [tasks[0].pk, tasks[2].pk]
    assert [task["id"] for task in closed] == [tasks[1].pk]
    assert list(open_tasks[0]) == FULL_FORM_KEYS


def test_get_all_tasks_takes_the_legacy_status_name(rpc, world, new_task):
    task = new_task()
    rpc.call("closeTask", [task.pk])

    closed = rpc.call("getAllTasks", {"project_id": world.project.pk, "status": 0})

    assert [found["id"] for found in closed] == [task.pk]


@pytest.mark.parametrize("status_id", [2, -1, "x", True, 1.0])
def test_get_all_tasks_with_another_status_is_empty(rpc, world, new_task, status_id):
    new_task()

    assert rpc.call("getAllTasks", [world.project.pk, status_id]) == []


def test_get_all_tasks_ignores_unknown_named_params(rpc, world, new_task):
    new_task()

    assert len(rpc.call("getAllTasks", {"project_id": world.project.pk, "bogus": 1})) == 1


@pytest.mark.parametrize("size", [10, 2000])
def test_get_all_tasks_runs_a_fixed_number_of_queries(rpc, world, django_assert_num_queries, size):
    TaskFactory.create_batch(5, project=world.project)
    bulk_tasks(world.project, size - 5)

    # the settings (once for the request: token, application URL, default color), the
    # versions of the data (tests/test_read_cache.py), the tasks
    with django_assert_num_queries(3):
        assert len(rpc.call("getAllTasks", [world.project.pk])) == size


def _overdue(world, **fields):
    return TaskFactory(project=world.project, date_due=int(time.time()) - 3600, **fields)


def test_overdue_tasks_of_active_projects(rpc, world):
    member = world.users["member"]
    late = _overdue(world, owner_id=member.pk)
    _overdue(world, is_active=False)
    TaskFactory(project=world.project, date_due=int(time.time()) + 3600)
    TaskFactory(project=world.project, date_due=0)
    disabled = ProjectFactory(is_active=False)
    TaskFactory(project=disabled, date_due=1)

    listed = rpc.call("getOverdueTasks")

    assert listed == [
        {
            "id": late.pk,
            "title": late.title,
            "date_due": late.date_due,
            "project_id": world.project.pk,
            "creator_id": 0,
            "owner_id": member.pk,
            "project_name": "P",
            "assignee_username": "usr",
            "assignee_name": "",
        }
    ]


def test_overdue_tasks_need_app_admin(rpc, world):
    assert rpc.status("getOverdueTasks", as_=world["manager"]) == 403
    assert rpc.call("getOverdueTasks", as_=world["admin"]) == []


def test_overdue_tasks_by_project(rpc, world, other_project):
    late = _overdue(world)
    TaskFactory(project=other_project, date_due=1)

    listed = rpc.call("getOverdueTasksByProject", [world.project.pk], as_=world["viewer"])

    assert [row["id"] for row in listed] == [late.pk]
    assert list(listed[0]) == OVERDUE_KEYS
    assert listed[0]["assignee_username"] is None
    assert rpc.status("getOverdueTasksByProject", [world.project.pk], as_=world["outsider"]) == 403


@pytest.mark.parametrize("size", [10, 500])
def test_overdue_lists_run_a_fixed_number_of_queries(rpc, world, django_assert_num_queries, size):
    for _ in range(size):
        _overdue(world, owner_id=world.users["member"].pk)

    # the application token, the tasks, their assignees
    with django_assert_num_queries(3):
        assert len(rpc.call("getOverdueTasks")) == size
    with django_assert_num_queries(3):
        assert len(rpc.call("getOverdueTasksByProject", [world.project.pk])) == size
