"""moveTaskToProject and duplicateTaskToProject: mapping by name, what is copied."""

from __future__ import annotations

import pytest

from projects.models import Column, Swimlane
from tasks.models import ExternalLink, Subtask, Tag, Task, TaskFile, TaskLink
from tests.factories import (
    CategoryFactory,
    MembershipFactory,
    ProjectFactory,
    SubtaskFactory,
    TagFactory,
)
from tests.tasks.conftest import add_external_link, positions


@pytest.fixture
def destination(world):
    """Project D, where the member is a member too, with a 'Ready' column and 'Urgent'
    category like P's, and a task already in its Ready column."""
    project = ProjectFactory(name="D", priority_end=2, priority_default=1)
    MembershipFactory(project=project, user=world.users["member"])
    CategoryFactory(project=project, name="Urgent")
    ready = project.columns.get(title="Ready")
    Task.objects.create(
        project=project,
        column=ready,
        swimlane=project.swimlanes.get(),
        title="there",
        position=1,
        date_due=0,
    )
    return project


@pytest.fixture
def source(rpc, world, board, new_task):
    category = CategoryFactory(project=world.project, name="Urgent")
    task = new_task(
        "Moving",
        column_id=board["columns"][1].pk,
        category_id=category.pk,
        owner_id=world.users["manager"].pk,
        priority=3,
        tags=["p-tag"],
    )
    rpc.call("closeTask", [task.pk])
    return Task.objects.get(pk=task.pk)


def test_move_maps_by_name_reopens_and_appends(rpc, world, source, destination):
    assert (
        rpc.call(
            "moveTaskToProject",
            {"task_id": source.pk, "project_id": destination.pk},
            as_=world["member"],
        )
        is True
    )

    moved = Task.objects.get(pk=source.pk)
    ready = destination.columns.get(title="Ready")
    assert (moved.project_id, moved.column_id, moved.swimlane_id) == (
        destination.pk,
        ready.pk,
        destination.swimlanes.get().pk,
    )
    assert moved.category_id == destination.categories.get(name="Urgent").pk
    assert moved.owner_id == 0  # the manager is not a member of D
    assert moved.priority == 1  # outside D's range: D's default
    assert moved.is_active and moved.date_completed == source.date_completed
    assert positions(ready) == [("there", 1), ("Moving", 2)]
    tags = Tag.objects.filter(task_tags__task=moved)
    assert [(tag.name, tag.project_id) for tag in tags] == [("p-tag", destination.pk)]


def test_move_to_an_unknown_project_answers_true_and_changes_nothing(rpc, world, source):
    assert rpc.call("moveTaskToProject", [source.pk, 999999]) is True
    assert Task.objects.get(pk=source.pk).project_id == world.project.pk


def test_move_of_an_unknown_task_answers_false(rpc, world, destination):
    assert rpc.call("moveTaskToProject", [999999, destination.pk]) is False


def test_a_column_of_a_third_project_is_refused(rpc, world, source, destination):
    third = ProjectFactory()

    assert (
        rpc.call("moveTaskToProject", [source.pk, destination.pk, None, third.columns.first().pk])
        is False
    )
    assert Task.objects.get(pk=source.pk).project_id == world.project.pk


def test_a_given_owner_must_belong_to_the_destination(rpc, world, source, destination):
    outsider = world.users["outsider"].pk

    assert (
        rpc.call("moveTaskToProject", [source.pk, destination.pk, None, None, None, outsider])
        is False
    )
    assert (
        rpc.call("duplicateTaskToProject", [source.pk, destination.pk, None, None, None, outsider])
        == 0
    )


def test_a_destination_the_user_may_not_write_to_is_refused(rpc, world, source, other_project):
    for procedure in ("moveTaskToProject", "duplicateTaskToProject"):
        assert rpc.status(procedure, [source.pk, other_project.pk], as_=world["member"]) == 403
    assert Task.objects.get(pk=source.pk).project_id == world.project.pk
    assert not Task.objects.filter(project=other_project).exists()


def test_duplicate_copies_what_kanboard_copies(rpc, world, source, destination, tmp_path, settings):
    SubtaskFactory(
        task=source, title="step", status=Subtask.DONE, time_spent=3, time_estimated=2, user_id=7
    )
    TaskFile.objects.create(task=source, name="a.txt", path="tasks/1/blob", size=4)
    add_external_link(source, creator_id=99)
    TagFactory(project_id=destination.pk, name="P-TAG")

    copy_id = rpc.call(
        "duplicateTaskToProject",
        {"task_id": source.pk, "project_id": destination.pk},
        as_=world["member"],
    )

    copy = rpc.call("getTask", [copy_id])
    assert copy["project_id"] == destination.pk and copy["is_active"] == 1
    assert copy["title"] == "Moving" and copy["creator_id"] == world.users["member"].pk
    assert (
        copy["date_started"] is None and copy["time_spent"] == 0 and copy["date_completed"] is None
    )
    assert copy["position"] == 2
    member = world.users["member"].pk
    assert list(
        Subtask.objects.filter(task_id=copy_id).values_list(
            "title", "status", "time_spent", "time_estimated", "user_id"
        )
    ) == [("step", 0, 0, 2, 7)]
    assert list(TaskFile.objects.filter(task_id=copy_id).values_list("path", "user_id")) == [
        ("tasks/1/blob", member)
    ]
    assert list(
        ExternalLink.objects.filter(task_id=copy_id).values_list("title", "creator_id")
    ) == [("Doc", member)]
    assert rpc.call("getTaskTags", [copy_id]) == {
        str(Tag.objects.get(project_id=destination.pk, name="P-TAG").pk): "P-TAG"
    }
    links = set(TaskLink.objects.values_list("task_id", "opposite_task_id", "link_id"))
    assert links == {(copy_id, source.pk, 4), (source.pk, copy_id, 5)}
    assert Task.objects.get(pk=source.pk).project_id == world.project.pk


def test_duplicate_answers_zero_for_unknown_task_or_project(rpc, world, source, destination):
    assert rpc.call("duplicateTaskToProject", [999999, destination.pk]) == 0
    assert rpc.call("duplicateTaskToProject", [source.pk, 999999]) == 0


def test_duplicate_into_a_project_without_matching_names_uses_its_first_column(rpc, world, source):
    bare = ProjectFactory(board=False)
    column = Column.objects.create(project=bare, title="Only", position=1)
    lane = Swimlane.objects.create(project=bare, name="Lane", position=1)

    copy = Task.objects.get(pk=rpc.call("duplicateTaskToProject", [source.pk, bare.pk]))

    assert (copy.column_id, copy.swimlane_id, copy.category_id) == (column.pk, lane.pk, 0)
