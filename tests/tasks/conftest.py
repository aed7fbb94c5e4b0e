"""Fixtures for the tests of the procedures on tasks: P's board, a project Q, tasks made
through the API (so that positions are Kanboard's) or by factories, a recorder of the
events the domain emits, and concurrent calls."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accounts.config import get_config
from tasks import events
from tasks.models import ExternalLink, Task
from tests.conftest import Credentials, RpcClient
from tests.factories import MembershipFactory, ProjectFactory, TaskFactory


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


def bulk_tasks(project, count: int) -> None:
    """``count`` open tasks spread over the project's columns, in one statement."""
    columns = list(project.columns.order_by("position"))
    swimlane = project.swimlanes.order_by("position").first()
    Task.objects.bulk_create(
        Task(
            title=f"Bulk {n}",
            project=project,
            column=columns[n % len(columns)],
            swimlane=swimlane,
            position=n // len(columns) + 1,
            score=n % 5,
        )
        for n in range(count)
    )


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


@pytest.fixture
def task(world):
    return TaskFactory(project=world.project, title="Task in P")


@pytest.fixture
def other_task(world):
    return TaskFactory(project=world.project, title="Other task in P")


@pytest.fixture
def foreign_project(world):
    """Project Q: the manager is its project-manager, nobody else has a role in it."""
    project = ProjectFactory(name="Q")
    MembershipFactory(project=project, user=world.users["manager"], role="project-manager")
    return project


@pytest.fixture
def foreign_task(foreign_project):
    return TaskFactory(project=foreign_project, title="Task in Q")


RECORDED = [
    name
    for constant, name in vars(events).items()
    if constant.startswith(("SUBTASK_", "COMMENT_", "TASK_LINK_"))
]


@pytest.fixture
def emitted():
    """The events of subtasks, comments and task links emitted during the test, as
    (name, actor id, data) tuples."""
    recorded: list[tuple[str, int, dict]] = []

    def record(event):
        recorded.append((event.name, event.actor_id, event.data))

    events.subscribe(*RECORDED)(record)
    yield recorded
    for name in RECORDED:
        events._subscribers[name].remove(record)


@pytest.fixture
def concurrently(seeded):
    """Runs the same call with the application credential from several threads at once
    (each with its own database connection); answers the results."""

    def run(method: str, params: list, times: int) -> list:
        app = Credentials("jsonrpc", get_config("api_token"))
        results = []
        start = threading.Barrier(times)

        def call():
            client = RpcClient(app)
            start.wait()
            try:
                results.append(client.call(method, params))
            finally:
                connection.close()

        threads = [threading.Thread(target=call) for _ in range(times)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    return run
