"""Helpers for the task procedures' tests: the board of project P and tasks made through
the API, so that positions are Kanboard's."""

from __future__ import annotations

import pytest

from tasks.models import ExternalLink, Task
from tests.factories import ProjectFactory


@pytest.fixture
def board(world):
    """P's columns (Backlog, Ready, Work in progress, Done) and its swimlane."""
    project = world.project
    return {
        "columns": list(project.columns.order_by("position")),
        "swimlane": project.swimlanes.get(),
    }


@pytest.fixture
def other_project(db):
    """Project Q, where none of the personas has a role."""
    return ProjectFactory(name="Q")


@pytest.fixture
def new_task(rpc, world):
    """createTask through the API (application credential unless ``as_`` is given)."""

    def create(title="Task", as_=None, **values):
        task_id = rpc.call(
            "createTask", {"title": title, "project_id": world.project.pk, **values}, as_=as_
        )
        assert isinstance(task_id, int) and task_id > 0, task_id
        return Task.objects.get(pk=task_id)

    return create


def positions(column, swimlane=None) -> list[tuple[str, int]]:
    """(title, position) of the open tasks of a cell, by position."""
    tasks = Task.objects.filter(column=column, is_active=True)
    if swimlane is not None:
        tasks = tasks.filter(swimlane=swimlane)
    return list(tasks.order_by("position", "pk").values_list("title", "position"))


def add_external_link(task, **values) -> ExternalLink:
    fields = {
        "link_type": "weblink",
        "dependency": "related",
        "title": "Doc",
        "url": "http://x/",
        "date_creation": 1,
        "date_modification": 1,
    }
    return ExternalLink.objects.create(task=task, **{**fields, **values})
