"""Answers observed on Kanboard 1.2.53 (PHP 8.2, SQLite), call by call, replayed here.

Each row: the call (application credential unless a persona is named), and what
Kanboard answered. ``DIFFERS`` rows are the documented deviations (README, "Where this
differs"): what Kanboard answered, then ours.
"""

from __future__ import annotations

import pytest

from tasks.models import TaskFile
from tests.files.conftest import b64, png

HELLO = b64(b"hello world")
FORBIDDEN = "HTTP 403"
ERROR = "error"

# (case, method, params, Kanboard's answer) with placeholders: P (the project), T (a task
# of P), F (a text file on T), I (a PNG on T), PF (a file of P), Q (another project),
# TQ (a task of Q), X (an id that names nothing), TB (a task of P with M, a file whose
# blob is gone, and O, a file whose path leads outside the storage).
OBSERVED = [
    ("getTaskFile of a missing id", "getTaskFile", ["X"], None),
    ("getTaskFile of a non-numeric id", "getTaskFile", ["abc"], None),
    ("getAllTaskFiles of a missing task", "getAllTaskFiles", ["X"], []),
    ("downloadTaskFile of a missing id", "downloadTaskFile", ["X"], ""),
    ("downloadTaskFile of id 0", "downloadTaskFile", [0], ""),
    ("downloadTaskFile of a text file", "downloadTaskFile", ["F"], HELLO),
    ("removeTaskFile of a missing id", "removeTaskFile", ["X"], False),
    ("removeAllTaskFiles of a missing task", "removeAllTaskFiles", ["X"], True),
    ("removeAllTaskFiles with files", "removeAllTaskFiles", ["T"], True),
    ("createTaskFile with an empty blob", "createTaskFile", ["P", "T", "e.txt", ""], False),
    ("createTaskFile with only a line break", "createTaskFile", ["P", "T", "e.txt", "\n"], False),
    ("createTaskFile with -_-_", "createTaskFile", ["P", "T", "u.txt", "-_-_"], False),
    ("createTaskFile on a missing task", "createTaskFile", ["P", "X", "x.txt", HELLO], False),
    ("createTaskFile on a task of Q", "createTaskFile", ["P", "TQ", "x.txt", HELLO], False),
    ("createTaskFile with project 0", "createTaskFile", [0, "T", "x.txt", HELLO], False),
    ("createTaskFile with task 0", "createTaskFile", ["P", 0, "x.txt", HELLO], False),
    ("createTaskFile with task 'abc'", "createTaskFile", ["P", "abc", "x.txt", HELLO], False),
    ("getProjectFile of a missing id", "getProjectFile", ["P", "X"], False),
    ("getProjectFile of a non-numeric id", "getProjectFile", ["P", "abc"], False),
    ("getProjectFile through another project", "getProjectFile", ["Q", "PF"], False),
    ("downloadProjectFile through another project", "downloadProjectFile", ["Q", "PF"], ""),
    ("downloadProjectFile of a missing id", "downloadProjectFile", ["P", "X"], ""),
    ("removeProjectFile through another project", "removeProjectFile", ["Q", "PF"], False),
    ("removeProjectFile of a missing id", "removeProjectFile", ["P", "X"], False),
    ("getAllProjectFiles of a project without files", "getAllProjectFiles", ["Q"], []),
    ("removeAllProjectFiles without files", "removeAllProjectFiles", ["Q"], True),
    ("createProjectFile with an empty blob", "createProjectFile", ["P", "e.txt", ""], False),
    ("createProjectFile on a missing project", "createProjectFile", ["X", "a.txt", HELLO], False),
    ("createProjectFile on project 0", "createProjectFile", [0, "a.txt", HELLO], ERROR),
    ("createProjectFile on project 'abc'", "createProjectFile", ["abc", "a.txt", HELLO], ERROR),
]
# (case, method, params, persona, Kanboard's answer)
OBSERVED_FOR_USERS = [
    ("a member, a task of Q in P", "createTaskFile", ["P", "TQ", "x.txt", HELLO], "member", False),
    ("a member, a missing task", "createTaskFile", ["P", "X", "x.txt", HELLO], "member", False),
    ("a member, project Q", "createTaskFile", ["Q", "T", "x.txt", HELLO], "member", FORBIDDEN),
    ("a viewer uploads", "createTaskFile", ["P", "T", "x.txt", HELLO], "viewer", FORBIDDEN),
    ("a viewer, a missing file", "getTaskFile", ["X"], "viewer", FORBIDDEN),
    ("a viewer downloads a missing file", "downloadTaskFile", ["X"], "viewer", FORBIDDEN),
    ("a member lists a missing task", "getAllTaskFiles", ["X"], "member", FORBIDDEN),
    ("a member removes all of a missing task", "removeAllTaskFiles", ["X"], "member", FORBIDDEN),
    ("a member removes a missing file", "removeTaskFile", ["X"], "member", FORBIDDEN),
    ("a member, a missing project file", "getProjectFile", ["P", "X"], "member", False),
    ("a member, an empty blob", "createProjectFile", ["P", "x.txt", ""], "member", False),
]
# (case, method, params, Kanboard's answer, ours)
DIFFERS = [
    ("junk base64", "createTaskFile", ["P", "T", "j.txt", "!!!not base64@@@"], "id", False),
    ("an image name on text", "createTaskFile", ["P", "T", "i.png", HELLO], "HTTP 500", "id"),
    ("a NUL in the name", "createTaskFile", ["P", "T", "a\x00b.txt", HELLO], "id", False),
    ("a list as name", "createTaskFile", ["P", "T", ["a"], HELLO], "HTTP 500", False),
    ("a list as blob", "createTaskFile", ["P", "T", "a.txt", [HELLO]], "HTTP 500", False),
    ("removing a file without blob", "removeTaskFile", ["M"], False, True),
    ("removing all, one without blob", "removeAllTaskFiles", ["TB"], False, True),
    ("removing a path outside", "removeTaskFile", ["O"], False, True),
]


@pytest.fixture
def objects(rpc, world, foreign_task, file_storage):
    project_id = world.project.pk
    task_id = rpc.call("createTask", {"title": "T", "project_id": project_id})
    broken_task = rpc.call("createTask", {"title": "Broken", "project_id": project_id})
    missing = rpc.call("createTaskFile", [project_id, broken_task, "m.txt", HELLO])
    (file_storage / TaskFile.objects.get(pk=missing).path).unlink()
    outside = TaskFile.objects.create(task_id=broken_task, name="o", path="../db.sqlite").pk
    return {
        "TB": broken_task,
        "M": missing,
        "O": outside,
        "P": project_id,
        "T": task_id,
        "F": rpc.call("createTaskFile", [project_id, task_id, "b.txt", HELLO]),
        "I": rpc.call("createTaskFile", [project_id, task_id, "pic.png", b64(png())]),
        "PF": rpc.call("createProjectFile", [project_id, "Zeta.txt", b64(b"zeta")]),
        "Q": foreign_task.project_id,
        "TQ": foreign_task.pk,
        "X": 9999,
    }


def bound(params, objects):
    return [objects.get(value, value) if isinstance(value, str) else value for value in params]


def answer(rpc, method, params, credentials=None):
    reply = rpc.request(method, params, as_=credentials)
    if reply.status != 200:
        return f"HTTP {reply.status}"
    body = reply.json
    if "error" in body:
        return ERROR
    result = body["result"]
    return "id" if type(result) is int and result > 0 else result


@pytest.mark.parametrize(
    ("method", "params", "expected"),
    [row[1:] for row in OBSERVED],
    ids=[row[0] for row in OBSERVED],
)
def test_kanboards_answers_to_the_application(rpc, objects, method, params, expected):
    assert answer(rpc, method, bound(params, objects)) == expected


@pytest.mark.parametrize(
    ("method", "params", "persona", "expected"),
    [row[1:] for row in OBSERVED_FOR_USERS],
    ids=[row[0] for row in OBSERVED_FOR_USERS],
)
def test_kanboards_answers_to_users(rpc, world, objects, method, params, persona, expected):
    assert answer(rpc, method, bound(params, objects), world[persona]) == expected


@pytest.mark.parametrize(
    ("method", "params", "ours"),
    [(row[1], row[2], row[4]) for row in DIFFERS],
    ids=[row[0] for row in DIFFERS],
)
def test_documented_deviations(rpc, objects, method, params, ours):
    assert answer(rpc, method, bound(params, objects)) == ours


def test_created_files_are_listed_by_name_as_kanboard_lists_them(rpc, objects):
    """Kanboard listed A.txt, b.txt, c.TXT, pic.png (its SQLite compares names without
    case)."""
    project_id, task_id = objects["P"], objects["T"]
    for name in ("A.txt", "c.TXT"):
        rpc.call("createTaskFile", [project_id, task_id, name, HELLO])

    listed = rpc.call("getAllTaskFiles", [task_id])

    assert [item["name"] for item in listed] == ["A.txt", "b.txt", "c.TXT", "pic.png"]
