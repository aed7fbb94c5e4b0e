"""openTask, closeTask (subtasks done, recurrence) and removeTask (cascades, blobs)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from tasks.models import (
    Comment,
    ExternalLink,
    Subtask,
    Tag,
    Task,
    TaskFile,
    TaskLink,
    TaskMetadata,
    TaskTag,
)
from tasks.recurrence import next_due_date
from tests.factories import CommentFactory, SubtaskFactory
from tests.tasks.conftest import add_external_link


def test_close_marks_every_subtask_done(rpc, world, new_task):
    task = new_task()
    SubtaskFactory.create_batch(2, task=task)
    before = int(time.time())

    assert rpc.call("closeTask", {"task_id": task.pk}) is True

    task.refresh_from_db()
    assert task.is_active is False and task.date_completed >= before
    assert set(Subtask.objects.filter(task=task).values_list("status", flat=True)) == {Subtask.DONE}


def test_closing_again_refreshes_and_opening_sets_date_completed_to_zero(rpc, world, new_task):
    task = new_task()
    rpc.call("closeTask", [task.pk])
    assert rpc.call("closeTask", [task.pk]) is True

    assert rpc.call("openTask", [task.pk]) is True
    assert rpc.call("openTask", [task.pk]) is True

    assert rpc.call("getTask", [task.pk])["date_completed"] == 0


@pytest.mark.parametrize("procedure", ["openTask", "closeTask", "removeTask"])
def test_unknown_tasks_answer_false(rpc, world, procedure):
    assert rpc.call(procedure, [999999]) is False
    assert rpc.call(procedure, ["abc"]) is False


@pytest.mark.parametrize("procedure", ["openTask", "closeTask", "removeTask"])
def test_viewers_are_refused(rpc, world, new_task, procedure):
    task = new_task()

    assert rpc.status(procedure, [task.pk], as_=world["viewer"]) == 403
    assert Task.objects.get(pk=task.pk).is_active is True


def recurring(new_task, trigger: int, **values):
    return new_task(
        "Every week",
        recurrence_status=1,
        recurrence_trigger=trigger,
        recurrence_factor=7,
        recurrence_timeframe=0,
        date_due="2030-01-10 09:00",
        **values,
    )


def test_closing_a_recurring_task_creates_its_next_occurrence(rpc, world, new_task):
    task = recurring(new_task, trigger=2, tags=["weekly"])
    SubtaskFactory(task=task, title="step", status=Subtask.DONE, time_spent=2)

    rpc.call("closeTask", [task.pk])

    task.refresh_from_db()
    child = Task.objects.get(recurrence_parent=task.pk)
    assert (task.recurrence_status, task.recurrence_child) == (2, child.pk)
    assert child.is_active and child.recurrence_status == 1
    assert child.date_due == task.date_due + 7 * 86400
    assert list(child.subtasks.values_list("title", "status", "time_spent")) == [("step", 0, 0)]
    assert sorted(rpc.call("getTaskTags", [child.pk]).values()) == ["weekly"]
    rpc.call("closeTask", [task.pk])
    assert Task.objects.filter(recurrence_parent=task.pk).count() == 1


def test_moving_out_of_the_first_column_triggers_recurrence(rpc, world, new_task, board):
    task = recurring(new_task, trigger=0)

    rpc.call("moveTaskPosition", [world.project.pk, task.pk, board["columns"][1].pk, 1, 0])

    child = Task.objects.get(recurrence_parent=task.pk)
    assert child.column_id == board["columns"][0].pk


def test_moving_into_the_last_column_triggers_recurrence(rpc, world, new_task, board):
    task = recurring(new_task, trigger=1)

    rpc.call("moveTaskPosition", [world.project.pk, task.pk, board["columns"][2].pk, 1, 0])
    assert not Task.objects.filter(recurrence_parent=task.pk).exists()
    rpc.call("moveTaskPosition", [world.project.pk, task.pk, board["columns"][3].pk, 1, 0])
    assert Task.objects.filter(recurrence_parent=task.pk).exists()


def test_months_overflow_like_php(world):
    task = Task(
        date_due=int(dt.datetime(2030, 1, 31, 12, tzinfo=dt.UTC).timestamp()),
        recurrence_factor=1,
        recurrence_timeframe=1,
        recurrence_basedate=0,
    )

    assert next_due_date(task) == int(dt.datetime(2030, 3, 3, 12, tzinfo=dt.UTC).timestamp())


def test_remove_deletes_everything_on_the_task_and_its_blob(
    rpc, world, new_task, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.FILE_STORAGE_DIR = str(tmp_path)
    task, other = new_task("gone", tags=["t"]), new_task("stays")
    (tmp_path / "tasks").mkdir()
    (tmp_path / "tasks" / "blob").write_bytes(b"data")
    TaskFile.objects.create(task=task, name="a.txt", path="tasks/blob")
    SubtaskFactory(task=task)
    CommentFactory(task=task)
    TaskLink.objects.create(link_id=1, task=task, opposite_task=other)
    TaskLink.objects.create(link_id=1, task=other, opposite_task=task)
    add_external_link(task)
    TaskMetadata.objects.create(task=task, name="k", value="v")

    with django_capture_on_commit_callbacks(execute=True):
        assert rpc.call("removeTask", [task.pk]) is True

    assert not Task.objects.filter(pk=task.pk).exists()
    for model in (Subtask, Comment, TaskFile, ExternalLink, TaskMetadata, TaskTag):
        assert not model.objects.exists(), model
    assert not TaskLink.objects.exists()
    assert Tag.objects.filter(name="t").exists()
    assert not (tmp_path / "tasks" / "blob").exists()
    assert Task.objects.get(pk=other.pk).position == 2
