"""What actions leave behind that clients can read, as Kanboard 1.2.53 leaves it (each
case recorded from Kanboard doing the same)."""

from __future__ import annotations

import pytest

from tasks.models import ProjectActivity
from tests.factories import MembershipFactory, ProjectFactory

PREFIX = "\\Kanboard\\Action\\"


@pytest.fixture
def destination(world):
    project = ProjectFactory(name="Q")
    MembershipFactory(project=project, user=world.users["member"], role="project-member")
    return project


def activity(project) -> list:
    rows = ProjectActivity.objects.filter(project=project).order_by("pk")
    return list(rows.values_list("event_name", "task_id", "creator_id"))


def test_a_task_duplicated_by_an_action(rpc, world, board, destination):
    member = world.users["member"]
    work = board["columns"][2]
    params = {"column_id": work.pk, "project_id": destination.pk}
    rpc.call(
        "createAction",
        [world.project.pk, "task.move.column", PREFIX + "TaskDuplicateAnotherProject", params],
    )
    source = rpc.call(
        "createTask",
        {
            "title": "Dup me",
            "project_id": world.project.pk,
            "owner_id": member.pk,
            "color_id": "red",
            "priority": 2,
            "score": 3,
        },
        as_=world["member"],
    )
    rpc.call("createSubtask", {"task_id": source, "title": "st", "user_id": member.pk})

    assert (
        rpc.call("moveTaskPosition", [world.project.pk, source, work.pk, 1, 0], as_=world["member"])
        is True
    )

    [copy] = rpc.call("getAllTasks", [destination.pk])
    first_column = destination.columns.order_by("position").first()
    assert {key: copy[key] for key in (
        "title", "color_id", "project_id", "column_id", "owner_id", "position", "is_active",
        "date_completed", "score", "date_due", "category_id", "creator_id", "date_started",
        "time_spent", "time_estimated", "swimlane_id", "priority", "recurrence_parent",
    )} == {
        "title": "Dup me", "color_id": "red", "project_id": destination.pk,
        "column_id": first_column.pk, "owner_id": member.pk, "position": 1, "is_active": 1,
        "date_completed": None, "score": 3, "date_due": 0, "category_id": 0,
        "creator_id": member.pk, "date_started": None, "time_spent": 0, "time_estimated": 0,
        "swimlane_id": destination.swimlanes.get().pk, "priority": 2, "recurrence_parent": None,
    }  # fmt: skip
    [link] = rpc.call("getAllTaskLinks", [copy["id"]])
    assert (link["task_id"], link["label"], link["project_id"]) == (
        source,
        "duplicates",
        world.project.pk,
    )
    [subtask] = rpc.call("getAllSubtasks", [copy["id"]])
    assert (subtask["title"], subtask["status"], subtask["user_id"]) == ("st", 0, member.pk)
    assert activity(world.project) == [
        ("task.create", source, member.pk),
        ("task.move.column", source, member.pk),
        ("task_internal_link.create_update", source, member.pk),
    ]
    assert activity(destination) == [
        ("task.create", copy["id"], member.pk),
        ("task_internal_link.create_update", copy["id"], member.pk),
    ]


def test_a_comment_created_by_an_action(rpc, world, board):
    """Actions run in the order they were created: the close, then the comment."""
    member = world.users["member"]
    done = board["columns"][3]
    rpc.call(
        "createAction",
        [world.project.pk, "task.move.column", PREFIX + "TaskCloseColumn", {"column_id": done.pk}],
    )
    rpc.call(
        "createAction",
        [
            world.project.pk,
            "task.move.column",
            PREFIX + "CommentCreationMoveTaskColumn",
            {"column_id": done.pk},
        ],
    )
    task_id = rpc.call(
        "createTask", {"title": "T", "project_id": world.project.pk}, as_=world["member"]
    )

    rpc.call("moveTaskPosition", [world.project.pk, task_id, done.pk, 1, 0], as_=world["member"])

    [comment] = rpc.call("getAllComments", [task_id])
    assert {
        key: comment[key] for key in ("task_id", "user_id", "comment", "visibility", "username")
    } == {
        "task_id": task_id,
        "user_id": member.pk,
        "comment": "Moved to column Done",
        "visibility": "app-user",
        "username": member.username,
    }
    assert activity(world.project) == [
        ("task.create", task_id, member.pk),
        ("task.move.column", task_id, member.pk),
        ("task.close", task_id, member.pk),
        ("comment.create", task_id, member.pk),
    ]
