"""One log line per JSON-RPC call, and the request id that ties a request's lines."""

from __future__ import annotations

import base64
import io
import json
import logging

import pytest

from kanboard_site.log_format import JsonLinesFormatter, TextFormatter
from tests.conftest import Credentials

SECRET_PASSWORD = "Pa55-word-never-logged"
BLOB = base64.b64encode(b"file content never logged " * 20).decode()


@pytest.fixture
def call_lines(settings):
    """The call log as JSON lines, through the formatter LOG_FORMAT=json installs."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    logger = logging.getLogger("kanboard.calls")
    logger.addHandler(handler)

    def read() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield read
    logger.removeHandler(handler)


def test_one_line_per_call_with_caller_project_outcome_and_duration(rpc, world, call_lines):
    project_id = world.project.pk
    batch = [
        {"jsonrpc": "2.0", "method": "getProjectById", "params": [project_id], "id": 1},
        {
            "jsonrpc": "2.0",
            "method": "getColumns",
            "params": {"project_id": project_id},
            "id": 2,
        },
        {"jsonrpc": "2.0", "method": "getTask", "params": {"nope": 1}, "id": 3},
    ]

    reply = rpc.post(json.dumps(batch), world["member"])

    lines = call_lines()
    assert [line["procedure"] for line in lines] == ["getProjectById", "getColumns", "getTask"]
    assert [line["outcome"] for line in lines] == ["result", "result", -32602]
    assert {line["request_id"] for line in lines} == {reply.headers["X-Request-ID"]}
    first = lines[0]
    assert first["caller"] == "user"
    assert first["user_id"] == world.users["member"].pk
    assert first["project_id"] == project_id
    assert lines[1]["project_id"] == project_id
    assert "project_id" not in lines[2]
    assert first["duration_ms"] >= 0
    assert first["level"] == "INFO" and first["logger"] == "kanboard.calls"


def test_the_application_and_refusals_are_logged(rpc, world, call_lines):
    rpc.call("getVersion")
    rpc.status("getVersion", as_=Credentials("usr", "wrong"))
    rpc.status("removeUser", [1], as_=world["member"])

    lines = call_lines()
    assert [(line["caller"], line["outcome"]) for line in lines] == [
        ("application", "result"),
        ("user", 401),
        ("user", 403),
    ]
    assert "user_id" not in lines[0] and "user_id" not in lines[1]


def test_passwords_tokens_and_file_contents_never_reach_the_log(rpc, world, call_lines, app_token):
    task_id = rpc.call("createTask", {"title": "T", "project_id": world.project.pk})
    rpc.call("createUser", {"username": "newbie", "password": SECRET_PASSWORD})
    rpc.request("createTaskFile", [world.project.pk, task_id, "notes.txt", BLOB])
    rpc.request("updateTask", {"id": task_id, "description": BLOB})
    rpc.post('{"jsonrpc":"2.0","method":"getMe","id":1}', Credentials("newbie", SECRET_PASSWORD))
    rpc.request("getVersion", as_=Credentials("jsonrpc", SECRET_PASSWORD))

    text = json.dumps(call_lines())
    assert len(call_lines()) == 6
    for secret in (SECRET_PASSWORD, BLOB[:40], app_token, "notes.txt"):
        assert secret not in text


def test_a_procedure_name_that_is_not_one_is_not_logged(rpc, call_lines):
    rpc.error("getVersion\nFAKE LINE " + SECRET_PASSWORD)

    assert [line["procedure"] for line in call_lines()] == ["(unknown)"]


def test_the_text_format_is_one_readable_line(rpc, world):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(TextFormatter())
    logger = logging.getLogger("kanboard.calls")
    logger.addHandler(handler)
    try:
        reply = rpc.request("getProjectById", [world.project.pk], as_=world["member"])
    finally:
        logger.removeHandler(handler)

    line = stream.getvalue()
    assert line.count("\n") == 1
    assert f"[{reply.headers['X-Request-ID']}] getProjectById result " in line
    assert f"caller=user user_id={world.users['member'].pk} project_id={world.project.pk}" in line


def test_the_request_id_is_new_for_every_request_by_default(rpc):
    body = '{"jsonrpc":"2.0","method":"getVersion","id":1}'
    first = rpc.post(body, rpc.app, HTTP_X_REQUEST_ID="from-the-client-123")
    second = rpc.post(body, rpc.app)

    assert first.headers["X-Request-ID"] != "from-the-client-123"
    assert len(first.headers["X-Request-ID"]) == 32
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]


def test_a_trusted_proxy_sets_the_request_id(rpc, settings, call_lines):
    settings.REQUEST_ID_FROM_PROXY = True

    reply = rpc.post(
        '{"jsonrpc":"2.0","method":"getVersion","id":1}',
        rpc.app,
        HTTP_X_REQUEST_ID="0f8e9c2a6b1d4e3f9a7b5c3d1e2f4a6b",
    )

    assert reply.headers["X-Request-ID"] == "0f8e9c2a6b1d4e3f9a7b5c3d1e2f4a6b"
    assert call_lines()[0]["request_id"] == "0f8e9c2a6b1d4e3f9a7b5c3d1e2f4a6b"


@pytest.mark.parametrize("offered", ["has space", "line\nbreak", "x" * 129, "-leading", "é"])
def test_a_malformed_request_id_is_replaced(rpc, settings, offered):
    settings.REQUEST_ID_FROM_PROXY = True

    reply = rpc.post(
        '{"jsonrpc":"2.0","method":"getVersion","id":1}', rpc.app, HTTP_X_REQUEST_ID=offered
    )

    assert reply.headers["X-Request-ID"] != offered
    assert len(reply.headers["X-Request-ID"]) == 32
