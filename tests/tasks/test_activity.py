"""getProjectActivity and getProjectActivities: Kanboard's event shape, titles and HTML."""

from __future__ import annotations

import json
import time

import pytest

from tasks.models import ProjectActivity
from tests.factories import ProjectFactory, TaskFactory

EVENT_KEYS = [
    "id", "date_creation", "event_name", "creator_id", "project_id", "task_id",
    "author_username", "author_name", "email", "avatar_path", "task", "author",
    "event_title", "event_content",
]  # fmt: skip


def test_application_changes_leave_no_activity(rpc, world, new_task):
    new_task()

    assert rpc.call("getProjectActivity", [world.project.pk]) == []
    assert rpc.call("getProjectActivities", {"project_ids": [world.project.pk]}) == []


def test_a_created_task_reads_as_kanboard_renders_it(rpc, world, new_task):
    member = world.users["member"]
    member.name = "Alice <A>"
    member.save()
    task = new_task("Fix & ship", as_=world["member"])

    events = rpc.call("getProjectActivity", {"project_id": world.project.pk}, as_=world["viewer"])

    event = events[0]
    assert list(event) == EVENT_KEYS
    assert event["event_name"] == "task.create" and event["creator_id"] == member.pk
    assert event["author"] == "Alice <A>" and event["author_username"] == "usr"
    assert event["event_title"] == f"Alice <A> created the task #{task.pk}"
    assert event["task"]["title"] == "Fix & ship" and event["task"]["project_name"] == "P"
    date = time.strftime("%m/%d/%Y %H:%M", time.gmtime(event["date_creation"]))
    href = f"/?controller=TaskViewController&amp;action=show&amp;task_id={task.pk}"
    link = f'<a href="{href}" class="" title=\'\' >#{task.pk}</a>'
    small = f'<small class="activity-date">{date}</small>'
    assert event["event_content"] == (
        '<p class="activity-title">\n'
        f"    Alice &lt;A&gt; created the task {link}    {small}\n"
        "</p>\n"
        '<div class="activity-description">\n'
        '    <p class="activity-task-title">Fix &amp; ship</p>\n'
        "</div>\n"
    )


def test_events_are_newest_first_and_at_most_fifty(rpc, world, new_task):
    task = new_task(as_=world["member"])
    for _ in range(30):
        rpc.call("closeTask", [task.pk], as_=world["member"])
        rpc.call("openTask", [task.pk], as_=world["member"])

    events = rpc.call("getProjectActivity", [world.project.pk])

    assert len(events) == 50
    assert [event["id"] for event in events] == sorted(
        (event["id"] for event in events), reverse=True
    )
    assert events[0]["event_title"] == f"usr opened the task #{task.pk}"


def test_move_and_update_titles(rpc, world, new_task, board):
    task = new_task("T", as_=world["member"])
    rpc.call(
        "moveTaskPosition",
        [world.project.pk, task.pk, board["columns"][1].pk, 1, 0],
        as_=world["member"],
    )
    rpc.call("updateTask", {"id": task.pk, "title": "U", "description": ""}, as_=world["member"])

    titles = [event["event_title"] for event in rpc.call("getProjectActivity", [world.project.pk])]

    assert titles[:2] == [
        f"usr updated the task #{task.pk}",
        f'usr moved the task #{task.pk} to the column "Ready"',
    ]
    update = rpc.call("getProjectActivity", [world.project.pk])[0]
    assert update["changes"] == {"title": "U"}
    assert "<li>New title: U</li>" in update["event_content"]


def test_comments_above_the_readers_role_are_dropped(rpc, world, new_task):
    task = new_task(as_=world["member"])
    for visibility in ("app-user", "app-manager", "app-admin"):
        ProjectActivity.objects.create(
            project=world.project,
            task=task,
            creator=world.users["manager"],
            event_name="comment.create",
            date_creation=int(time.time()),
            data=json.dumps(
                {
                    "task_id": task.pk,
                    "task": {"id": task.pk, "title": "T"},
                    "comment": {"comment": visibility, "visibility": visibility},
                }
            ),
        )

    def comments(persona):
        events = rpc.call("getProjectActivity", [world.project.pk], as_=world[persona])
        return sorted(event["comment"]["visibility"] for event in events if "comment" in event)

    assert comments("member") == ["app-user"]
    assert comments("manager") == ["app-manager", "app-user"]
    assert comments("app") == ["app-admin", "app-manager", "app-user"]


def test_activities_of_several_projects_need_every_one(rpc, world, other_project, new_task):
    new_task(as_=world["member"])

    assert (
        rpc.status(
            "getProjectActivities", [[world.project.pk, other_project.pk]], as_=world["member"]
        )
        == 403
    )
    assert len(rpc.call("getProjectActivities", [[world.project.pk]], as_=world["member"])) == 1
    assert rpc.call("getProjectActivities", [[]]) == []
    assert rpc.error("getProjectActivities", [5])["code"] == -32602
    assert rpc.status("getProjectActivity", [world.project.pk], as_=world["outsider"]) == 403


@pytest.mark.parametrize("size", [10, 500])
def test_activity_runs_a_fixed_number_of_queries(rpc, world, django_assert_num_queries, size):
    task = TaskFactory(project=world.project)
    data = json.dumps({"task_id": task.pk, "task": {"id": task.pk, "title": "T"}})
    ProjectActivity.objects.bulk_create(
        ProjectActivity(
            project=world.project,
            task=task,
            creator=world.users["member"],
            event_name="task.create",
            date_creation=1,
            data=data,
        )
        for _ in range(size)
    )
    ProjectFactory()

    # The settings (once for the request), the events with their authors and tasks.
    with django_assert_num_queries(2):
        assert len(rpc.call("getProjectActivity", [world.project.pk])) == min(size, 50)
