"""The real Kanboard 1.2.53 and this server, after an import, answer every read alike.

Kanboard runs from ``../shared/kanboard-ref`` (beside the clone; ``KANBOARD_REF_DIR``
overrides it), is filled through its API with ``kanboard_dataset``, and keeps running
while its database is copied with SQLite's online backup (a restart would wipe it). The
copy and Kanboard's files are imported here, then every read procedure is called for
every object on both servers and the answers are compared type-strictly. Where they may
differ is listed in one place, ``DIFFERENCES``.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import storages

from projects.models import Action, ProjectFile
from tasks.models import TaskFile
from tests.conftest import Credentials, RpcClient
from tests.kanboard_import.conftest import import_kanboard
from tests.kanboard_import.kanboard_dataset import (
    Dataset,
    KanboardClient,
    RpcError,
    copy_live_database,
    fill,
)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("seeded")]

REPO = Path(__file__).resolve().parents[2]
KANBOARD_REF = Path(os.environ.get("KANBOARD_REF_DIR") or REPO.parent / "shared" / "kanboard-ref")
# Where the kit runs Kanboard (its default: the temporary directory).
KANBOARD_HOME = Path(
    os.environ.get("KANBOARD_REF_HOME") or Path(tempfile.gettempdir()) / "kanboard-ref"
)
APP_TOKEN = "round-trip-token"
KIT_ENVIRONMENT = ("PATH", "HOME", "LANG", "TMPDIR", "KANBOARD_REF_HOME")
TASKS_PER_PROJECT = 100


@dataclass(frozen=True)
class Difference:
    """Calls whose answers may differ: ``applies(data, params)`` says which, and why."""

    procedure: str
    applies: Callable[[Dataset, dict], bool]
    reason: str


# Where the answers may differ. Every other call must answer exactly alike.
DIFFERENCES = [
    Difference(
        "getSubtaskTimeSpent",
        lambda data, params: (params["subtask_id"], params["user_id"]) == data.running_timer,
        "the hours of a running timer grow between the call to Kanboard and the one here",
    ),
]


def documented_difference(data: Dataset, procedure: str, params: dict) -> bool:
    return any(d.procedure == procedure and d.applies(data, params) for d in DIFFERENCES)


@dataclass(frozen=True)
class Read:
    """One read procedure and the parameter sets to call it with, from the data set."""

    procedure: str
    params: Callable[[Dataset], list[dict]]


def each(name: str, ids: Callable[[Dataset], list]) -> Callable[[Dataset], list[dict]]:
    return lambda data: [{name: value} for value in ids(data)]


NONE: Callable[[Dataset], list[dict]] = lambda data: [{}]  # noqa: E731
projects = each("project_id", lambda d: d.project_ids)
tasks = each("task_id", lambda d: d.task_ids)
subtasks = each("subtask_id", lambda d: d.subtask_ids)

READS = [
    Read("getVersion", NONE),
    Read("getTimezone", NONE),
    Read("getDefaultTaskColor", NONE),
    Read("getDefaultTaskColors", NONE),
    Read("getColorList", NONE),
    Read("getApplicationRoles", NONE),
    Read("getProjectRoles", NONE),
    Read("getAllUsers", NONE),
    Read("getUser", each("user_id", lambda d: list(d.user_ids.values()))),
    Read("getUserByName", each("username", lambda d: list(d.user_ids))),
    Read("getAllGroups", NONE),
    Read("getGroup", each("group_id", lambda d: d.group_ids)),
    Read("getGroupMembers", each("group_id", lambda d: d.group_ids)),
    Read("getMemberGroups", each("user_id", lambda d: list(d.user_ids.values()))),
    Read("getAllLinks", NONE),
    Read("getLinkById", each("link_id", lambda d: list(range(1, 12)) + d.link_ids)),
    Read("getOppositeLinkId", each("link_id", lambda d: list(range(1, 12)) + d.link_ids)),
    Read("getLinkByLabel", each("label", lambda d: ["blocks", "depends on", "mirrors"])),
    Read("getAllProjects", NONE),
    Read("getProjectById", projects),
    Read("getProjectByName", each("name", lambda d: ["Alpha", "Beta", "Bob's notes"])),
    Read("getProjectByIdentifier", each("identifier", lambda d: ["ALPHA", "BETA"])),
    Read("getProjectByEmail", each("email", lambda d: ["alpha@example.com"])),
    Read("getProjectUsers", projects),
    Read("getAssignableUsers", projects),
    Read(
        "getProjectUserRole",
        lambda d: [
            {"project_id": project, "user_id": user}
            for project in d.project_ids
            for user in d.user_ids.values()
        ],
    ),
    Read("getProjectMetadata", projects),
    Read(
        "getProjectMetadataByName", lambda d: [{"project_id": d.project_ids[0], "name": "budget"}]
    ),
    Read("getProjectActivity", projects),
    Read("getProjectActivities", lambda d: [{"project_ids": d.project_ids}]),
    Read("getBoard", projects),
    Read("getColumns", projects),
    Read("getColumn", each("column_id", lambda d: d.column_ids)),
    Read("getAllSwimlanes", projects),
    Read("getActiveSwimlanes", projects),
    Read("getSwimlaneById", each("swimlane_id", lambda d: d.swimlane_ids)),
    Read("getSwimlane", each("swimlane_id", lambda d: d.swimlane_ids)),
    Read("getSwimlaneByName", lambda d: [{"project_id": d.project_ids[0], "name": "Urgent"}]),
    Read("getAllCategories", projects),
    Read("getCategory", each("category_id", lambda d: d.category_ids)),
    Read("getAllTags", NONE),
    Read("getTagsByProject", projects),
    Read(
        "getAllTasks",
        lambda d: [{"project_id": p, "status_id": s} for p in d.project_ids for s in (0, 1)],
    ),
    Read("getOverdueTasks", NONE),
    Read("getOverdueTasksByProject", projects),
    Read("getTask", tasks),
    Read(
        "getTaskByReference",
        lambda d: [{"project_id": p, "reference": r} for p, r in d.references],
    ),
    Read(
        "searchTasks",
        lambda d: [
            {"project_id": project, "query": query}
            for project in d.project_ids[:2]
            for query in (
                "status:open",
                "status:closed",
                "assignee:bob",
                "tag:backend",
                "color:red",
                "category:Bug",
                "column:Done",
                "Task 1",
            )
        ],
    ),
    Read("getAllSubtasks", tasks),
    Read("getSubtask", subtasks),
    Read(
        "hasSubtaskTimer",
        lambda d: [{"subtask_id": s, "user_id": d.user_ids["alice"]} for s in d.subtask_ids[:10]],
    ),
    Read(
        "getSubtaskTimeSpent",
        lambda d: [{"subtask_id": s, "user_id": d.user_ids["alice"]} for s in d.subtask_ids[:10]],
    ),
    Read("getAllComments", tasks),
    Read("getComment", each("comment_id", lambda d: d.comment_ids)),
    Read("getAllTaskLinks", tasks),
    Read("getTaskLinkById", each("task_link_id", lambda d: d.task_link_ids)),
    Read("getAllExternalTaskLinks", tasks),
    Read(
        "getExternalTaskLinkById",
        lambda d: [{"task_id": t, "link_id": link} for t, link in d.external_links],
    ),
    Read("getTaskMetadata", tasks),
    Read(
        "getTaskMetadataByName",
        lambda d: [{"task_id": t, "name": "estimate"} for t in d.task_ids[:30]],
    ),
    Read("getTaskTags", tasks),
    Read("getAllTaskFiles", tasks),
    Read("getTaskFile", each("file_id", lambda d: d.task_file_ids)),
    Read("downloadTaskFile", each("file_id", lambda d: d.task_file_ids)),
    Read("getAllProjectFiles", projects),
    Read(
        "getProjectFile",
        lambda d: [{"project_id": p, "file_id": f} for p, f in d.project_files],
    ),
    Read(
        "downloadProjectFile",
        lambda d: [{"project_id": p, "file_id": f} for p, f in d.project_files],
    ),
    Read("getActions", projects),
    Read("getAvailableActions", NONE),
    Read("getAvailableActionEvents", NONE),
]

# The "Me" procedures, called by each of these users with their password.
ME_READS = [
    "getMe",
    "getMyDashboard",
    "getMyActivityStream",
    "getMyProjectsList",
    "getMyOverdueTasks",
    "getMyProjects",
]
ME_USERS = ["admin", "alice", "bob", "carol", "erin", "frank"]
# Project-scoped reads by users, where project roles decide (403 or the answer).
USER_READS = ["getProjectById", "getAllTasks", "getBoard", "getProjectUsers", "getAllComments"]


def differences(kanboard: Any, ours: Any, path: str = "") -> list[str]:
    """Where two JSON values differ, types included (1 is not true, 1 is not 1.0), and
    the order of an object's keys too."""
    if type(kanboard) is not type(ours):
        return [f"{path}: Kanboard {kanboard!r}, here {ours!r}"]
    if isinstance(kanboard, dict):
        if list(kanboard) != list(ours):
            return [f"{path}: keys Kanboard {list(kanboard)}, here {list(ours)}"]
        return [
            d for key in kanboard for d in differences(kanboard[key], ours[key], f"{path}.{key}")
        ]
    if isinstance(kanboard, list):
        if len(kanboard) != len(ours):
            return [f"{path}: {len(kanboard)} items at Kanboard, {len(ours)} here"]
        return [
            d
            for i, (a, b) in enumerate(zip(kanboard, ours, strict=True))
            for d in differences(a, b, f"{path}[{i}]")
        ]
    return [] if kanboard == ours else [f"{path}: Kanboard {kanboard!r}, here {ours!r}"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class RunningKanboard:
    url: str
    data: Dataset
    database_copy: Path
    files: Path

    def client(self, username: str = "jsonrpc", secret: str = APP_TOKEN) -> KanboardClient:
        return KanboardClient(self.url, username, secret)


def start_kanboard(port: int, env: dict) -> None:
    """The kit's start script, again when a busy machine makes Kanboard's first start
    (it migrates a fresh database) outlast the script's wait."""
    for _attempt in range(3):
        started = subprocess.run(
            [KANBOARD_REF / "start-kanboard.sh", str(port)], env=env, capture_output=True, text=True
        )
        if started.returncode == 0:
            return
    pytest.fail(f"Kanboard did not start on port {port}: {started.stderr[-2000:]}")


@pytest.fixture(scope="module")
def kanboard(tmp_path_factory):
    if shutil.which("php") is None:
        pytest.skip("PHP is not installed: the real Kanboard cannot run here")
    if not (KANBOARD_REF / "start-kanboard.sh").is_file():
        pytest.skip(f"Kanboard's reference kit is not at {KANBOARD_REF}")
    port = int(os.environ.get("KANBOARD_TEST_PORT") or free_port())
    # Only what the kit needs: Kanboard reads settings such as DATABASE_URL from its
    # environment too, and this suite's must not reach it.
    env = {name: os.environ[name] for name in KIT_ENVIRONMENT if name in os.environ}
    env |= {"KB_API_TOKEN": APP_TOKEN, "KB_VERSION": "1.2.53"}
    start_kanboard(port, env)
    try:
        data_dir = KANBOARD_HOME / "run" / str(port) / "data"
        url = f"http://127.0.0.1:{port}/jsonrpc.php"
        data = fill(url, APP_TOKEN, str(data_dir / "db.sqlite"), TASKS_PER_PROJECT)
        copy = tmp_path_factory.mktemp("kanboard") / "db.sqlite"
        copy_live_database(str(data_dir / "db.sqlite"), str(copy))
        yield RunningKanboard(url, data, copy, data_dir / "files")
    finally:
        subprocess.run(
            [KANBOARD_REF / "stop-kanboard.sh", str(port)],
            env=env,
            check=False,
            capture_output=True,
        )


@pytest.fixture
def imported(kanboard, file_storage) -> RpcClient:
    import_kanboard(kanboard.database_copy, "--files", kanboard.files)
    return RpcClient(Credentials("jsonrpc", APP_TOKEN))


def our_batch(rpc: RpcClient, calls: list[dict], credentials: Credentials) -> list[dict]:
    answers = []
    for start in range(0, len(calls), 500):
        reply = rpc.post(json.dumps(calls[start : start + 500]), credentials)
        assert reply.status == 200, reply.body[:300]
        answers += sorted(reply.json, key=lambda answer: answer["id"])
    return answers


def kanboard_batch(client: KanboardClient, calls: list[dict]) -> list[dict]:
    answers = []
    for start in range(0, len(calls), 100):
        answers += sorted(client.post(calls[start : start + 100]), key=lambda answer: answer["id"])
    return answers


def test_every_read_procedure_answers_as_kanboard_for_every_object(kanboard, imported):
    calls = [
        {"jsonrpc": "2.0", "method": read.procedure, "params": params, "id": n}
        for read in READS
        for n, params in enumerate(read.params(kanboard.data))
        if not documented_difference(kanboard.data, read.procedure, params)
    ]
    for n, call in enumerate(calls):
        call["id"] = n
    theirs = kanboard_batch(kanboard.client(), calls)
    ours = our_batch(imported, calls, imported.app)

    found = [
        f"{call['method']}({json.dumps(call['params'])}){difference}"
        for call, a, b in zip(calls, theirs, ours, strict=True)
        for difference in differences(a, b)
    ]
    assert len(calls) > 2000
    assert found == [], "\n".join(found[:40])


def kanboard_answer(client: KanboardClient, payload: Any) -> Any:
    """The decoded answer, or "HTTP <status>" when Kanboard refuses the request."""
    try:
        return client.post(payload)
    except RpcError as exc:
        return str(exc)


def our_answer(rpc: RpcClient, payload: Any, credentials: Credentials) -> Any:
    reply = rpc.post(json.dumps(payload), credentials)
    return reply.json if reply.status == 200 else f"HTTP {reply.status}"


def test_me_procedures_answer_as_kanboard_for_each_user(kanboard, imported):
    found = []
    for user in ME_USERS:
        credentials = Credentials(user, kanboard.data.passwords[user])
        calls = [
            {"jsonrpc": "2.0", "method": procedure, "id": n} for n, procedure in enumerate(ME_READS)
        ]
        theirs = kanboard_answer(kanboard.client(user, credentials.secret), calls)
        ours = our_answer(imported, calls, credentials)
        if isinstance(theirs, list) and isinstance(ours, list):
            theirs, ours = (sorted(answers, key=lambda a: a["id"]) for answers in (theirs, ours))
        found += [f"{user}{difference}" for difference in differences(theirs, ours)]
    assert found == [], "\n".join(found[:40])


def test_project_roles_decide_alike_for_imported_users(kanboard, imported):
    found = []
    for user in ["alice", "bob", "carol", "frank"]:
        credentials = Credentials(user, kanboard.data.passwords[user])
        client = kanboard.client(user, credentials.secret)
        for procedure in USER_READS:
            key = "task_id" if procedure == "getAllComments" else "project_id"
            values = kanboard.data.task_ids[:3] if key == "task_id" else kanboard.data.project_ids
            for value in values:
                envelope = {"jsonrpc": "2.0", "method": procedure, "params": {key: value}, "id": 1}
                theirs = kanboard_answer(client, envelope)
                ours = our_answer(imported, envelope, credentials)
                found += [f"{user} {procedure}({value}){d}" for d in differences(theirs, ours)]
    assert found == [], "\n".join(found[:40])


def test_imported_users_log_in_as_on_kanboard_with_password_and_personal_token(kanboard, imported):
    logins = [*kanboard.data.passwords.items(), *kanboard.data.personal_tokens.items()]
    envelope = {"jsonrpc": "2.0", "method": "getMe", "id": 1}
    logged_in = []
    for user, secret in logins:
        theirs = kanboard_answer(kanboard.client(user, secret), envelope)
        ours = our_answer(imported, envelope, Credentials(user, secret))
        assert differences(theirs, ours) == [], user
        if isinstance(ours, dict) and "result" in ours:
            logged_in.append(user)
    # The locked, the disabled and the two-factor users are refused on both servers.
    assert sorted(logged_in) == ["admin", "alice", "bob", "bob", "erin", "erin", "frank"]


def test_files_and_actions_arrive_as_kanboard_reports_them(kanboard, imported):
    """Until the file and action procedures are served here, their rows and bytes are
    compared with what Kanboard's procedures answer."""
    data = kanboard.data
    calls = [
        *[("getTaskFile", {"file_id": file_id}) for file_id in data.task_file_ids],
        *[("downloadTaskFile", {"file_id": file_id}) for file_id in data.task_file_ids],
        *[("getProjectFile", {"project_id": p, "file_id": f}) for p, f in data.project_files],
        *[("downloadProjectFile", {"project_id": p, "file_id": f}) for p, f in data.project_files],
        *[("getActions", {"project_id": project}) for project in data.project_ids],
    ]
    answers = kanboard.client().batch(calls)
    storage = storages["files"]
    results = dict(zip([f"{m}{json.dumps(p)}" for m, p in calls], answers, strict=True))

    for file_id in data.task_file_ids:
        theirs = results[f"getTaskFile{json.dumps({'file_id': file_id})}"]
        row = TaskFile.objects.values().get(pk=file_id)
        kept = {
            key: theirs[key] for key in ("id", "name", "path", "task_id", "date", "user_id", "size")
        }
        assert {key: row[key] for key in kept} == kept
        assert int(row["is_image"]) == theirs["is_image"]
        content = results[f"downloadTaskFile{json.dumps({'file_id': file_id})}"]
        with storage.open(row["path"]) as blob:
            assert blob.read() == base64.b64decode(content)
    for project, file_id in data.project_files:
        params = {"project_id": project, "file_id": file_id}
        theirs = results[f"getProjectFile{json.dumps(params)}"]
        row = ProjectFile.objects.values().get(pk=file_id)
        assert (row["name"], row["path"], row["size"]) == (
            theirs["name"],
            theirs["path"],
            theirs["size"],
        )
        with storage.open(row["path"]) as blob:
            assert blob.read() == base64.b64decode(
                results[f"downloadProjectFile{json.dumps(params)}"]
            )
    for project in data.project_ids:
        theirs = results[f"getActions{json.dumps({'project_id': project})}"]
        ours = [
            {
                "id": action.id,
                "project_id": action.project_id,
                "event_name": action.event_name,
                "action_name": action.action_name,
                "params": {param.name: param.value for param in action.params.order_by("id")},
            }
            for action in Action.objects.filter(project_id=project).order_by("id")
        ]
        assert ours == theirs
    assert len(data.action_ids) == Action.objects.count() == 3
