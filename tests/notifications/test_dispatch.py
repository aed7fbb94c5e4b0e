"""Every event Kanboard notifies of reaches the project's subscribers, through the queue:
changes made through the API, the worker run for real afterwards."""

from __future__ import annotations

import base64

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from notifications.dispatch import NOTIFIED_EVENTS
from notifications.models import UnreadNotification
from tasks.creation import insert_task
from tasks.event_titles import title_without_author
from tasks.models import Link
from tests.conftest import Credentials
from tests.factories import PASSWORD, MembershipFactory, ProjectFactory
from tests.notifications.conftest import mail_recipients, run_worker, web_notifications

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def alice(subscriber):
    return subscriber("alice")


@pytest.fixture
def task_id(rpc, world, alice):
    """A task of P, its creation's notification already delivered and read."""
    created = rpc.call("createTask", {"title": "Spec", "project_id": world.project.pk})
    run_worker()
    UnreadNotification.objects.all().delete()
    return created


def told(user) -> list[str]:
    return [name for name, _ in web_notifications(user)]


def second_task(rpc, world) -> int:
    return rpc.call("createTask", {"title": "Other", "project_id": world.project.pk})


def update_title(rpc, world, task_id, board):
    rpc.call("updateTask", {"id": task_id, "title": "Spec v2"})


def assign(rpc, world, task_id, board):
    rpc.call("updateTask", {"id": task_id, "owner_id": world.users["member"].pk})


def close_and_open(rpc, world, task_id, board):
    rpc.call("closeTask", [task_id])
    rpc.call("openTask", [task_id])


def move_to_column(rpc, world, task_id, board):
    ready = board["columns"][1]
    rpc.call("moveTaskPosition", [world.project.pk, task_id, ready.pk, 1, board["swimlane"].pk])


def move_position(rpc, world, task_id, board):
    second_task(rpc, world)
    backlog = board["columns"][0]
    rpc.call("moveTaskPosition", [world.project.pk, task_id, backlog.pk, 2, board["swimlane"].pk])


def move_swimlane(rpc, world, task_id, board):
    swimlane_id = rpc.call("addSwimlane", [world.project.pk, "Urgent"])
    backlog = board["columns"][0]
    rpc.call("moveTaskPosition", [world.project.pk, task_id, backlog.pk, 1, swimlane_id])


def subtasks(rpc, world, task_id, board):
    subtask_id = rpc.call("createSubtask", {"task_id": task_id, "title": "Draft"})
    rpc.call("updateSubtask", {"id": subtask_id, "task_id": task_id, "status": 1})
    rpc.call("removeSubtask", [subtask_id])


def comments(rpc, world, task_id, board):
    comment_id = rpc.call("createComment", {"task_id": task_id, "user_id": 0, "content": "Hi"})
    rpc.call("updateComment", {"id": comment_id, "content": "Hello"})
    rpc.call("removeComment", [comment_id])


def files(rpc, world, task_id, board):
    blob = base64.b64encode(b"notes").decode()
    file_id = rpc.call("createTaskFile", [world.project.pk, task_id, "notes.txt", blob])
    rpc.call("removeTaskFile", [file_id])


def links(rpc, world, task_id, board):
    other_id = second_task(rpc, world)
    relates, blocks = Link.objects.order_by("pk").values_list("pk", flat=True)[:2]
    task_link_id = rpc.call("createTaskLink", [task_id, other_id, relates])
    rpc.call("updateTaskLink", [task_link_id, task_id, other_id, blocks])
    rpc.call("removeTaskLink", [task_link_id])


@pytest.mark.parametrize(
    ("change", "events"),
    [
        (update_title, ["task.update"]),
        (assign, ["task.assignee_change"]),
        (close_and_open, ["task.close", "task.open"]),
        (move_to_column, ["task.move.column"]),
        (move_position, ["task.create", "task.move.position"]),
        (move_swimlane, ["task.move.swimlane"]),
        (subtasks, ["subtask.create", "subtask.update", "subtask.delete"]),
        (comments, ["comment.create", "comment.update", "comment.delete"]),
        (files, ["task.file.create", "task.file.destroy"]),
        (
            links,
            [
                "task.create",
                *["task_internal_link.create_update"] * 2,  # the link and its opposite
                *["task_internal_link.create_update"] * 2,
                "task_internal_link.delete",
            ],
        ),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_each_change_tells_the_subscribers(
    rpc, world, board, alice, task_id, change, events, smtp_server
):
    change(rpc, world, task_id, board)
    run_worker()

    assert told(alice) == events
    subjects = [title_without_author(name, data) for name, data in web_notifications(alice)]
    assert mail_recipients(smtp_server) == [
        ("alice@example.org", f"[P] {subject}") for subject in subjects
    ]


def test_a_move_to_another_project_tells_the_members_of_the_new_project(
    rpc, world, alice, subscriber, task_id
):
    q = ProjectFactory(name="Q")
    MembershipFactory(project=q, user=alice)
    left_behind = subscriber("left")

    rpc.call("moveTaskToProject", [task_id, q.pk])
    run_worker()

    [(name, data)] = web_notifications(alice)
    assert (name, data["task"]["project_name"]) == ("task.move.project", "Q")
    assert told(left_behind) == []


def test_the_notified_events_are_kanboards_21():
    assert len(set(NOTIFIED_EVENTS)) == 21


def test_a_comment_mention_tells_the_mentioned_user_even_past_their_filter(
    rpc, world, subscriber, task_id, alice
):
    picky = subscriber("picky", notifications_filter=2)  # only tasks assigned to them

    rpc.call(
        "createComment",
        {"task_id": task_id, "user_id": world.users["member"].pk, "content": "@picky look"},
        as_=world.credentials["member"],
    )
    run_worker()

    assert told(picky) == ["comment.user.mention"]
    [(_, data)] = web_notifications(picky)
    assert data["mention"]["username"] == "picky"
    assert data["comment"]["comment"] == "@picky look"
    assert told(alice) == ["comment.create"]


def test_a_new_tasks_description_mentions_tell_the_mentioned_user(rpc, world, subscriber):
    picky = subscriber("picky", notifications_filter=2)

    rpc.call(
        "createTask",
        {"title": "Spec", "project_id": world.project.pk, "description": "For @picky."},
    )
    run_worker()

    assert told(picky) == ["task.user.mention"]


def test_the_mentioning_author_is_not_told(rpc, world, subscriber, task_id):
    writer = subscriber("writer")

    rpc.call(
        "createComment",
        {"task_id": task_id, "user_id": writer.pk, "content": "Note to @writer"},
        as_=Credentials("writer", PASSWORD),
    )
    run_worker()

    assert told(writer) == []


def test_nothing_is_queued_when_nobody_could_be_told(rpc, world):
    rpc.call("createTask", {"title": "Quiet", "project_id": world.project.pk})

    assert DBTaskResult.objects.count() == 0


def test_a_change_that_rolls_back_queues_nothing(world, alice):
    with pytest.raises(RuntimeError), transaction.atomic():
        insert_task(world.project.pk, {"title": "Doomed"}, actor_id=0)
        assert DBTaskResult.objects.count() == 1  # queued within the change...
        raise RuntimeError("the change fails after its event")

    assert DBTaskResult.objects.count() == 0  # ...and gone with it
    run_worker()
    assert told(alice) == []


def test_the_job_carries_the_data_as_of_the_change(rpc, world, alice, task_id):
    rpc.call("updateTask", {"id": task_id, "title": "First"})
    rpc.call("updateTask", {"id": task_id, "title": "Second"})
    run_worker()

    assert [data["task"]["title"] for _, data in web_notifications(alice)] == ["First", "Second"]
