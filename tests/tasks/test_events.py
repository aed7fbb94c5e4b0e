"""Which task events the procedures emit, when, and that a failure writes nothing."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.contrib import admin

from tasks import events
from tasks.models import ProjectActivity, Tag, Task, TaskFile


@pytest.fixture
def emitted(monkeypatch):
    """The (event name, task id) pairs emitted during the test."""
    seen = []
    subscribers = defaultdict(
        list, {name: list(handlers) for name, handlers in events._subscribers.items()}
    )
    monkeypatch.setattr(events, "_subscribers", subscribers)
    for name in [
        value for key, value in vars(events).items() if key.isupper() and isinstance(value, str)
    ]:
        subscribers[name].append(lambda event: seen.append((event.name, event.task_id)))
    return seen


def test_each_procedure_emits_kanboard_events(rpc, world, board, new_task, emitted):
    task = new_task()
    rpc.call("updateTask", {"id": task.pk, "owner_id": world.users["member"].pk})
    rpc.call("updateTask", {"id": task.pk, "title": "other", "owner_id": 0})
    rpc.call("updateTask", {"id": task.pk, "title": "other"})
    rpc.call("moveTaskPosition", [world.project.pk, task.pk, board["columns"][1].pk, 1, 0])
    rpc.call("closeTask", [task.pk])
    rpc.call("openTask", [task.pk])

    assert [name for name, task_id in emitted if task_id == task.pk] == [
        "task.create_update",
        "task.create",
        "task.assignee_change",
        "task.create_update",
        "task.update",
        "task.move.column",
        "task.close",
        "task.open",
    ]


def test_a_failure_after_the_insert_leaves_nothing(rpc, world, monkeypatch):
    def broken(*args):
        raise RuntimeError("storage failure")

    monkeypatch.setattr("tasks.creation.save_task_tags", broken)

    error = rpc.error(
        "createTask",
        {"title": "x", "project_id": world.project.pk, "tags": ["a"]},
        as_=world["member"],
    )

    assert error == {"code": -32603, "message": "Internal error"}
    assert not Task.objects.exists() and not Tag.objects.exists()
    assert not ProjectActivity.objects.exists()


def test_the_admin_deletes_tasks_with_their_blobs(
    world, new_task, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.FILE_STORAGE_DIR = str(tmp_path)
    (tmp_path / "blob").write_bytes(b"x")
    task = new_task()
    TaskFile.objects.create(task=task, name="a", path="blob")

    with django_capture_on_commit_callbacks(execute=True):
        admin.site._registry[Task].delete_queryset(None, Task.objects.all())

    assert not Task.objects.exists()
    assert not (tmp_path / "blob").exists()
