"""On SQLite, outside a transaction, a kept reply is found again without reading the data
versions while nothing at all has been written to the database since the last read; any
write, from another connection or another process, makes the next read look again.
These tests commit for real (transactional_db): inside a transaction the versions are
always read."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.config import get_config
from tasks.models import Task
from tests.conftest import Credentials, RpcClient

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'sqlite'", reason="PostgreSQL reads them always"),
]


@pytest.fixture
def client(seeded) -> RpcClient:
    return RpcClient(Credentials("jsonrpc", get_config("api_token")))


@pytest.fixture
def project_id(client) -> int:
    project_id = client.call("createProject", {"name": "Polled"})
    client.call("createTask", {"project_id": project_id, "title": "first"})
    return project_id


def board_reads(client: RpcClient, project_id: int) -> tuple[list, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        board = client.call("getBoard", [project_id])
    return board, [query["sql"] for query in captured.captured_queries]


def titles(board: list) -> list[str]:
    return [task["title"] for column in board[0]["columns"] for task in column["tasks"]]


def test_a_repeated_read_asks_the_database_nothing(client, project_id):
    board_reads(client, project_id)

    board, statements = board_reads(client, project_id)

    assert statements == []
    assert titles(board) == ["first"]


def test_a_write_by_another_connection_is_seen_by_the_next_read(client, project_id):
    board_reads(client, project_id)

    def write_elsewhere():  # a thread has a database connection of its own
        try:
            Task.objects.filter(project_id=project_id).update(title="renamed elsewhere")
        finally:
            connection.close()

    thread = threading.Thread(target=write_elsewhere)
    thread.start()
    thread.join()
    board, statements = board_reads(client, project_id)

    assert any("data_versions" in statement for statement in statements)
    assert titles(board) == ["renamed elsewhere"]


def test_a_write_through_the_api_is_seen_by_the_next_read(client, project_id):
    board_reads(client, project_id)
    client.call("createTask", {"project_id": project_id, "title": "second"})

    board, _ = board_reads(client, project_id)

    assert titles(board) == ["first", "second"]
