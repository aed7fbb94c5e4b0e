"""Fixtures for the procedures on tasks: tasks in project P, a project Q that only the
manager belongs to, a recorder of the events the domain emits, and concurrent calls."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accounts.config import get_config
from tasks import events
from tests.conftest import Credentials, RpcClient
from tests.factories import MembershipFactory, ProjectFactory, TaskFactory


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
