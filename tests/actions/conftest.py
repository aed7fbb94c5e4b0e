"""Fixtures for automatic actions: creating them through the API, the board of P."""

from __future__ import annotations

import pytest

from tests.tasks.conftest import board, new_task, other_project  # noqa: F401  (shared)

PREFIX = "\\Kanboard\\Action\\"


@pytest.fixture
def add_action(rpc, world):
    """createAction in P with the application credential (or ``as_``); the new id."""

    def create(action: str, event: str, params: dict, as_=None, project=None) -> int:
        project_id = (project or world.project).pk
        created = rpc.call("createAction", [project_id, event, PREFIX + action, params], as_=as_)
        assert type(created) is int and created > 0, created
        return created

    return create
