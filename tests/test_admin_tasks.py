"""Tasks changed in the admin go through the API's domain functions: positions, events
and the activity stream come out as through createTask, updateTask, moveTaskPosition,
closeTask and openTask, with the operator as the actor."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from projects.models import Column
from tasks.models import Task
from tests.factories import TaskFactory


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


def column(world, title: str) -> Column:
    return Column.objects.get(project=world.project, title=title)


def change_fields(task: Task, **changes) -> dict:
    """The change form as shown for the task, with ``changes`` typed in."""
    fields = {
        "title": task.title, "description": task.description or "", "status": "open",
        "column": task.column_id, "swimlane": task.swimlane_id, "position": task.position,
        "owner_id": task.owner_id, "color_id": task.color_id or "", "category_id": 0,
        "due_date": "", "start_date": "", "priority": task.priority, "score": 0,
        "reference": "", "time_estimated": "", "time_spent": "",
        "subtasks-TOTAL_FORMS": 0, "subtasks-INITIAL_FORMS": 0,
    }  # fmt: skip
    return {**fields, **changes}


def test_a_task_added_in_the_admin_goes_to_the_end_of_its_cell_with_its_activity(
    operator, rpc, world
):
    ready = column(world, "Ready")
    TaskFactory(project=world.project, column=ready, position=1)
    response = operator.post(
        "/admin/tasks/task/add/",
        {"project": world.project.pk, "title": "Through the admin", "description": "",
         "column": ready.pk, "swimlane": "", "owner_id": world.users["member"].pk,
         "color_id": "", "category_id": 0, "due_date": "2031-05-04 10:30", "start_date": "",
         "priority": 0, "score": 0, "reference": ""},
    )  # fmt: skip

    assert response.status_code == 302, response.content
    task = Task.objects.get(title="Through the admin")
    shown = rpc.call("getTask", {"task_id": task.pk})
    assert (shown["column_id"], shown["position"]) == (ready.pk, 2)
    assert shown["creator_id"] == world.users["admin"].pk
    assert shown["owner_id"] == world.users["member"].pk
    assert shown["date_due"] == datetime(2031, 5, 4, 10, 30, tzinfo=UTC).timestamp()
    assert shown["color_id"] == "yellow"
    activity = rpc.call("getProjectActivity", {"project_id": world.project.pk})
    assert [event["event_name"] for event in activity] == ["task.create"]
    assert activity[0]["author_username"] == world.users["admin"].username


def test_a_refused_value_is_shown_on_the_form_and_nothing_is_written(operator, world):
    response = operator.post(
        "/admin/tasks/task/add/",
        {"project": world.project.pk, "title": "Nobody may have it",
         "owner_id": world.users["viewer"].pk, "category_id": 0, "priority": 0, "score": 0},
    )  # fmt: skip

    assert response.status_code == 200
    assert b"owner_id: this user cannot be assigned in the project" in response.content
    assert not Task.objects.filter(title="Nobody may have it").exists()


def test_a_column_of_another_project_is_refused(operator, world):
    from tests.factories import ProjectFactory

    elsewhere = Column.objects.filter(project=ProjectFactory()).first()
    response = operator.post(
        "/admin/tasks/task/add/",
        {"project": world.project.pk, "title": "Lost", "column": elsewhere.pk,
         "category_id": 0, "owner_id": 0, "priority": 0, "score": 0},
    )  # fmt: skip

    assert response.status_code == 200
    assert b"column_id: not in this project" in response.content
    assert not Task.objects.filter(title="Lost").exists()


def test_moving_a_task_in_the_admin_renumbers_both_cells(operator, rpc, world):
    backlog, done = column(world, "Backlog"), column(world, "Done")
    first, second, third = (
        TaskFactory(project=world.project, column=backlog, position=n) for n in (1, 2, 3)
    )
    already = TaskFactory(project=world.project, column=done, position=1)

    url = f"/admin/tasks/task/{first.pk}/change/"
    response = operator.post(url, change_fields(first, column=done.pk, position=1))

    assert response.status_code == 302, response.content
    positions = dict(Task.objects.values_list("pk", "position"))
    assert [positions[t.pk] for t in (first, second, third, already)] == [1, 1, 2, 2]
    assert Task.objects.get(pk=first.pk).column_id == done.pk
    activity = rpc.call("getProjectActivity", {"project_id": world.project.pk})
    assert [event["event_name"] for event in activity] == ["task.move.column"]


def test_editing_and_closing_in_the_admin_are_update_and_close_events(operator, rpc, world):
    task = TaskFactory(project=world.project, title="Before")

    url = f"/admin/tasks/task/{task.pk}/change/"
    response = operator.post(url, change_fields(task, title="After", status="closed"))

    assert response.status_code == 302, response.content
    shown = rpc.call("getTask", {"task_id": task.pk})
    assert (shown["title"], shown["is_active"]) == ("After", 0)
    activity = rpc.call("getProjectActivity", {"project_id": world.project.pk})
    assert sorted(event["event_name"] for event in activity) == ["task.close", "task.update"]


def test_an_unchanged_form_changes_nothing(operator, rpc, world):
    task = TaskFactory(project=world.project)

    url = f"/admin/tasks/task/{task.pk}/change/"
    assert operator.post(url, change_fields(task)).status_code == 302

    assert rpc.call("getProjectActivity", {"project_id": world.project.pk}) == []


def test_close_and_open_actions(operator, world):
    tasks = [TaskFactory(project=world.project) for _ in range(2)]
    ids = [task.pk for task in tasks]

    operator.post("/admin/tasks/task/", {"action": "close", "_selected_action": ids})
    assert not Task.objects.filter(pk__in=ids, is_active=True).exists()
    operator.post("/admin/tasks/task/", {"action": "reopen", "_selected_action": ids})
    assert Task.objects.filter(pk__in=ids, is_active=True).count() == 2


@pytest.mark.parametrize(
    "query", ["due=overdue", "owner_id=0", "column_title=Ready", "q=needle", "due=none"]
)
def test_task_list_filters_render(operator, world, query):
    TaskFactory(project=world.project, title="needle", date_due=1)

    response = operator.get(f"/admin/tasks/task/?{query}")

    assert response.status_code == 200


def test_overdue_filter_lists_open_tasks_past_their_due_date(operator, world):
    late = TaskFactory(project=world.project, title="Late one", date_due=1000)
    TaskFactory(project=world.project, title="Closed late one", date_due=1000, is_active=False)
    TaskFactory(project=world.project, title="Future one", date_due=2**40)

    response = operator.get("/admin/tasks/task/?due=overdue")

    assert list(response.context["cl"].result_list) == [late]
    assert b"(overdue)" in response.content


def test_a_comment_changed_in_the_admin_is_a_comment_update(operator, world):
    from tasks.comments import create_comment
    from tasks.models import Comment

    task = TaskFactory(project=world.project)
    comment = create_comment(task.pk, world.users["member"].pk, "first words")

    response = operator.post(f"/admin/tasks/comment/{comment.pk}/change/", {"comment": ""})
    assert response.status_code == 200
    response = operator.post(f"/admin/tasks/comment/{comment.pk}/change/",
                             {"comment": "better words"})  # fmt: skip

    assert response.status_code == 302
    changed = Comment.objects.get(pk=comment.pk)
    assert changed.comment == "better words" and changed.date_modification >= comment.date_creation


def test_a_duplicate_tag_is_refused_by_the_domain(operator, world):
    from tasks.models import Tag

    Tag.objects.create(name="urgent", project_id=world.project.pk)

    fields = {"name": "urgent", "project_id": world.project.pk, "color_id": ""}
    response = operator.post("/admin/tasks/tag/add/", fields)

    assert b"This tag already exists" in response.content
    assert Tag.objects.filter(name="urgent").count() == 1


def test_a_move_in_the_admin_fires_the_projects_automatic_actions(operator, rpc, world):
    backlog, done = column(world, "Backlog"), column(world, "Done")
    close_in_done = [world.project.pk, "task.move.column", "\\Kanboard\\Action\\TaskCloseColumn"]
    assert rpc.call("createAction", [*close_in_done, {"column_id": done.pk}])
    task = TaskFactory(project=world.project, column=backlog, position=1)

    url = f"/admin/tasks/task/{task.pk}/change/"
    response = operator.post(url, change_fields(task, column=done.pk, position=1))

    assert response.status_code == 302, response.content
    moved = rpc.call("getTask", [task.pk])
    assert (moved["column_id"], moved["is_active"]) == (done.pk, 0)
    activity = rpc.call("getProjectActivity", {"project_id": world.project.pk})
    assert [event["event_name"] for event in activity] == ["task.close", "task.move.column"]
