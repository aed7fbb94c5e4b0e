"""A realistic Kanboard data set, made by the real Kanboard 1.2.53 through its API.

Used by the round-trip test (``test_round_trip.py``) and to rebuild the small source
database the import tests read (``make_fixture_database``). Everything goes through
JSON-RPC, as a Kanboard user would do it, except what Kanboard's API cannot do and its web
UI does (custom roles and their restrictions, personal API tokens, two-factor
authentication, notification choices, application settings): those rows are written into
Kanboard's database the way the web UI writes them.
"""

from __future__ import annotations

import base64
import contextlib
import json
import sqlite3
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

# A 1x1 PNG: Kanboard marks it as an image and makes a thumbnail of it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
COLORS = ["yellow", "blue", "green", "purple", "red", "orange", "grey", "brown"]


class RpcError(Exception):
    pass


class KanboardClient:
    """Kanboard's JSON-RPC endpoint, with one credential."""

    def __init__(self, url: str, username: str, secret: str) -> None:
        self.url = url
        pair = base64.b64encode(f"{username}:{secret}".encode()).decode()
        self.headers = {"Authorization": f"Basic {pair}", "Content-Type": "application/json"}

    def post(self, payload: Any) -> Any:
        request = urllib.request.Request(
            self.url, json.dumps(payload).encode(), self.headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:
            raise RpcError(f"HTTP {exc.code}") from exc

    def call(self, method: str, **params: Any) -> Any:
        answer = self.post({"jsonrpc": "2.0", "method": method, "id": 1, "params": params})
        if "error" in answer:
            raise RpcError(f"{method}: {answer['error']}")
        if answer["result"] is False:
            raise RpcError(f"{method} {params}: false")
        return answer["result"]

    def batch(self, calls: list[tuple[str, dict]], chunk: int = 100) -> list[Any]:
        """Results in order; a failing call raises."""
        results = []
        for start in range(0, len(calls), chunk):
            part = calls[start : start + chunk]
            payload = [
                {"jsonrpc": "2.0", "method": method, "id": index, "params": params}
                for index, (method, params) in enumerate(part)
            ]
            answers = sorted(self.post(payload), key=lambda answer: answer["id"])
            for (method, _params), answer in zip(part, answers, strict=True):
                if "error" in answer or answer.get("result") is False:
                    raise RpcError(f"{method} {_params}: {answer}")
                results.append(answer["result"])
        return results


@dataclass
class Dataset:
    """What was made, for the comparison: ids, and the credentials that log in."""

    passwords: dict[str, str] = field(default_factory=dict)  # username: password
    personal_tokens: dict[str, str] = field(default_factory=dict)  # username: token
    user_ids: dict[str, int] = field(default_factory=dict)
    group_ids: list[int] = field(default_factory=list)
    project_ids: list[int] = field(default_factory=list)
    task_ids: list[int] = field(default_factory=list)
    subtask_ids: list[int] = field(default_factory=list)
    comment_ids: list[int] = field(default_factory=list)
    task_link_ids: list[int] = field(default_factory=list)
    external_links: list[tuple[int, int]] = field(default_factory=list)  # (task, link)
    task_file_ids: list[int] = field(default_factory=list)
    project_files: list[tuple[int, int]] = field(default_factory=list)  # (project, file)
    action_ids: list[int] = field(default_factory=list)
    link_ids: list[int] = field(default_factory=list)
    category_ids: list[int] = field(default_factory=list)
    column_ids: list[int] = field(default_factory=list)
    swimlane_ids: list[int] = field(default_factory=list)
    references: list[tuple[int, str]] = field(default_factory=list)  # (project, reference)
    locked_user: str = ""
    running_timer: tuple[int, int] = (0, 0)  # (subtask, user) of a timer left running


USERS = [
    # username, role, name, email
    ("alice", "app-manager", "Alice Martin", "alice@example.com"),
    ("bob", "app-user", "Bob Stone", "bob@example.com"),
    ("carol", "app-user", "Carol Díaz", ""),
    ("dave", "app-user", "", "dave@example.com"),
    ("erin", "app-admin", "Erin Admin", "erin@example.com"),
    ("frank", "app-user", "Frank Tester", ""),
    ("gina", "app-user", "Gina Gone", ""),
]


def fill(url: str, app_token: str, database: str, tasks_per_project: int = 100) -> Dataset:
    """Fill the Kanboard at ``url`` (its database file at ``database``)."""
    app = KanboardClient(url, "jsonrpc", app_token)
    data = Dataset()
    make_users_and_groups(app, data)
    as_user = {name: KanboardClient(url, name, data.passwords[name]) for name in data.passwords}
    make_projects(app, as_user, data, database)
    make_tasks(app, as_user, data, tasks_per_project)
    make_task_details(app, as_user, data)
    make_files_and_actions(app, data)
    finish_with_web_ui_rows(app, as_user, data, database)
    return data


def make_users_and_groups(app: KanboardClient, data: Dataset) -> None:
    for username, role, name, email in USERS:
        password = f"{username}-password-1"
        params = {"username": username, "password": password, "role": role}
        if name:
            params["name"] = name
        if email:
            params["email"] = email
        data.user_ids[username] = app.call("createUser", **params)
        data.passwords[username] = password
    data.user_ids["admin"] = 1
    data.passwords["admin"] = "admin"
    developers = app.call("createGroup", name="Developers")
    reviewers = app.call("createGroup", name="Reviewers", external_id="ldap-reviewers")
    data.group_ids = [developers, reviewers]
    for group, user in [(developers, "alice"), (developers, "bob"), (reviewers, "carol")]:
        app.call("addGroupMember", group_id=group, user_id=data.user_ids[user])
    app.call("updateUser", id=data.user_ids["carol"], name="Carol Díaz-Ruiz")
    app.call("disableUser", user_id=data.user_ids["gina"])


def make_projects(app, as_user, data: Dataset, database: str) -> None:
    ids = data.user_ids
    alpha = app.call(
        "createProject",
        name="Alpha",
        description="The **first** project",
        owner_id=ids["alice"],
        identifier="ALPHA",
        start_date="2024-01-15",
        end_date="2024-12-31",
        priority_default=1,
        priority_start=0,
        priority_end=5,
        email="alpha@example.com",
    )
    beta = app.call("createProject", name="Beta", identifier="BETA")
    private = as_user["bob"].call("createMyPrivateProject", name="Bob's notes", description="mine")
    data.project_ids = [alpha, beta, private]
    app.call("updateProject", project_id=beta, description="Second project")
    for user, role in [
        ("alice", "project-manager"),
        ("bob", "project-member"),
        ("carol", "project-viewer"),
    ]:
        app.call("addProjectUser", project_id=alpha, user_id=ids[user], role=role)
    app.call("addProjectUser", project_id=beta, user_id=ids["alice"], role="project-manager")
    app.call("addProjectGroup", project_id=beta, group_id=data.group_ids[0], role="project-member")
    app.call("addProjectGroup", project_id=alpha, group_id=data.group_ids[1], role="project-viewer")
    with sqlite3.connect(database) as db:
        # Custom project roles are a web UI feature; their holders get them through the API.
        db.execute("INSERT INTO project_has_roles (role, project_id) VALUES ('Tester', ?)", [alpha])
        role_id = db.execute("SELECT max(role_id) FROM project_has_roles").fetchone()[0]
        db.execute(
            "INSERT INTO project_role_has_restrictions (project_id, role_id, rule) "
            "VALUES (?, ?, 'task_creation')",
            [alpha, role_id],
        )
    app.call("addProjectUser", project_id=alpha, user_id=ids["frank"], role="Tester")
    qa = app.call("addColumn", project_id=alpha, title="QA", task_limit=5, description="Checks")
    urgent = app.call("addSwimlane", project_id=alpha, name="Urgent", description="Now")
    app.call("addSwimlane", project_id=beta, name="Later")
    bug = app.call("createCategory", project_id=alpha, name="Bug", color_id="red")
    feature = app.call("createCategory", project_id=alpha, name="Feature")
    app.call("createCategory", project_id=beta, name="Chore", color_id="grey")
    data.category_ids = [bug, feature]
    for project in data.project_ids:
        data.column_ids += [column["id"] for column in app.call("getColumns", project_id=project)]
        data.swimlane_ids += [
            lane["id"] for lane in app.call("getAllSwimlanes", project_id=project)
        ]
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO column_has_restrictions (project_id, role_id, column_id, rule) "
            "VALUES (?, ?, ?, 'block_task_creation')",
            [alpha, role_id, qa],
        )
    app.call("createTag", project_id=alpha, tag="backend", color_id="blue")
    app.call("createTag", project_id=alpha, tag="frontend")
    app.call("createTag", project_id=beta, tag="ops", color_id="green")
    app.call("saveProjectMetadata", project_id=alpha, values={"budget": "1200", "owner": "alice"})
    app.call("saveProjectMetadata", project_id=beta, values={"budget": "0"})
    data.link_ids = [
        app.call("createLink", label="depends on", opposite_label="is a dependency of"),
        app.call("createLink", label="mirrors"),
    ]
    data.swimlane_ids.append(urgent)


def make_tasks(app, as_user, data: Dataset, per_project: int) -> None:
    alpha, beta, private = data.project_ids
    ids = data.user_ids
    columns = {p: [c["id"] for c in app.call("getColumns", project_id=p)] for p in data.project_ids}
    lanes = {
        p: [s["id"] for s in app.call("getAllSwimlanes", project_id=p)] for p in data.project_ids
    }
    calls = []
    for project, owners in [(alpha, ["alice", "bob", "", "bob"]), (beta, ["alice", "bob", ""])]:
        for n in range(per_project):
            params: dict[str, Any] = {
                "title": f"Task {n} of {project}",
                "project_id": project,
                "color_id": COLORS[n % len(COLORS)],
                "column_id": columns[project][n % len(columns[project])],
                "swimlane_id": lanes[project][n % len(lanes[project])],
                "priority": n % 4,
                "score": n % 13,
            }
            owner = owners[n % len(owners)]
            if owner:
                params["owner_id"] = ids[owner]
            if n % 3 == 0:
                params["description"] = f"Line one of {n}\n\n* item\n* other"
                params["date_due"] = f"2025-0{1 + n % 9}-1{n % 10} 10:30"
            if n % 5 == 0:
                params["reference"] = f"REF-{project}-{n}"
                data.references.append((project, params["reference"]))
            if n % 4 == 0:
                params["tags"] = ["backend", "new"] if project == alpha else ["ops"]
            if project == alpha and n % 2:
                params["category_id"] = data.category_ids[n % 2]
            if n % 6 == 0:
                params["time_estimated"] = n / 2
                params["date_started"] = "2024-03-01 09:00"
            if n % 10 == 7:
                params.update(
                    recurrence_status=1,
                    recurrence_trigger=0,
                    recurrence_factor=2,
                    recurrence_timeframe=1,
                )
            calls.append(("createTask", params))
    data.task_ids = app.batch(calls)
    # Tasks made by a user get an activity stream and transitions.
    for n in range(10):
        task = as_user["alice"].call(
            "createTask", title=f"Alice's task {n}", project_id=alpha, creator_id=ids["alice"]
        )
        data.task_ids.append(task)
        as_user["alice"].call(
            "moveTaskPosition",
            project_id=alpha,
            task_id=task,
            column_id=columns[alpha][1 + n % 3],
            position=1,
            swimlane_id=lanes[alpha][0],
        )
    data.task_ids.append(
        as_user["bob"].call("createTask", title="Private note", project_id=private)
    )
    closed = [task for n, task in enumerate(data.task_ids) if n % 7 == 3]
    app.batch([("closeTask", {"task_id": task}) for task in closed])
    moved = data.task_ids[per_project + 1 : per_project + 4]
    for task in moved:
        app.call("moveTaskToProject", task_id=task, project_id=alpha)
    removed = data.task_ids.pop(5)
    app.call("removeTask", task_id=removed)
    app.call("updateTask", id=data.task_ids[6], title="Renamed task", color_id="red", score=40)


def make_task_details(app, as_user, data: Dataset) -> None:
    ids = data.user_ids
    tasks = data.task_ids
    subtask_calls = []
    for n, task in enumerate(tasks[:-1]):
        for k in range(n % 3):
            params = {"task_id": task, "title": f"Step {k} of {task}"}
            if k == 1:
                params.update(user_id=ids["bob"], time_estimated=1.5, status=n % 3)
            subtask_calls.append(("createSubtask", params))
    data.subtask_ids = app.batch(subtask_calls)
    for subtask in data.subtask_ids[:6]:
        as_user["alice"].call("setSubtaskStartTime", subtask_id=subtask, user_id=ids["alice"])
        as_user["alice"].call("setSubtaskEndTime", subtask_id=subtask, user_id=ids["alice"])
    data.running_timer = (data.subtask_ids[7], ids["alice"])
    as_user["alice"].call(
        "setSubtaskStartTime", subtask_id=data.subtask_ids[7], user_id=ids["alice"]
    )
    comment_calls = []
    for n, task in enumerate(tasks[:-1]):
        if n % 2 == 0:
            params = {
                "task_id": task,
                "user_id": ids["bob"],
                "content": f"Comment on {task}\nsecond line",
            }
            if n % 8 == 0:
                params["visibility"] = "app-manager"
            if n % 10 == 0:
                params["reference"] = f"mail-{task}"
            comment_calls.append(("createComment", params))
    data.comment_ids = app.batch(comment_calls)
    for n, task in enumerate(tasks[:10]):
        data.comment_ids.append(
            as_user["alice"].call(
                "createComment", task_id=task, user_id=ids["alice"], content=f"By alice {n}"
            )
        )
    link_calls = [
        (
            "createTaskLink",
            {"task_id": tasks[n], "opposite_task_id": tasks[n + 1], "link_id": 1 + n % 11},
        )
        for n in range(0, min(40, len(tasks) - 2), 2)
    ]
    link_calls.append(
        (
            "createTaskLink",
            {"task_id": tasks[1], "opposite_task_id": tasks[3], "link_id": data.link_ids[0]},
        )
    )
    data.task_link_ids = app.batch(link_calls)
    for n, task in enumerate(tasks[:15]):
        link = app.call(
            "createExternalTaskLink",
            task_id=task,
            url=f"https://example.com/issue/{n}",
            dependency="related",
            type="weblink",
            title=f"Issue {n}",
        )
        data.external_links.append((task, link))
    app.batch(
        [
            (
                "saveTaskMetadata",
                {"task_id": task, "values": {"estimate": str(n), "source": "import"}},
            )
            for n, task in enumerate(tasks[:30])
        ]
    )
    as_user["alice"].call(
        "setTaskTags", project_id=data.project_ids[0], task_id=tasks[1], tags=["frontend"]
    )


def make_files_and_actions(app, data: Dataset) -> None:
    alpha, beta, _private = data.project_ids
    for n, task in enumerate(data.task_ids[:12]):
        project = app.call("getTask", task_id=task)["project_id"]
        blob, name = (
            (PNG, f"screen-{n}.png")
            if n % 3 == 0
            else (f"notes {n}\n".encode() * 20, f"notes-{n}.txt")
        )
        data.task_file_ids.append(
            app.call(
                "createTaskFile",
                project_id=project,
                task_id=task,
                filename=name,
                blob=base64.b64encode(blob).decode(),
            )
        )
    for project, name, blob in [
        (alpha, "plan.txt", b"the plan\n"),
        (alpha, "logo.png", PNG),
        (beta, "beta.txt", b"beta"),
    ]:
        file_id = app.call(
            "createProjectFile",
            project_id=project,
            filename=name,
            blob=base64.b64encode(blob).decode(),
        )
        data.project_files.append((project, file_id))
    columns = [c["id"] for c in app.call("getColumns", project_id=alpha)]
    data.action_ids = [
        app.call(
            "createAction",
            project_id=alpha,
            event_name="task.move.column",
            action_name="\\Kanboard\\Action\\TaskCloseColumn",
            params={"column_id": columns[-1]},
        ),
        app.call(
            "createAction",
            project_id=alpha,
            event_name="task.create",
            action_name="\\Kanboard\\Action\\TaskAssignColorUser",
            params={"color_id": "red", "user_id": data.user_ids["bob"]},
        ),
        app.call(
            "createAction",
            project_id=beta,
            event_name="task.move.column",
            action_name="\\Kanboard\\Action\\TaskAssignCurrentUserColumn",
            params={"column_id": columns[0] + 5},
        ),
    ]


def finish_with_web_ui_rows(app, as_user, data: Dataset, database: str) -> None:
    ids = data.user_ids
    data.personal_tokens = {"bob": "b" * 60, "erin": "e1" * 30}
    with sqlite3.connect(database) as db:
        for user, token in data.personal_tokens.items():
            db.execute("UPDATE users SET api_access_token = ? WHERE id = ?", [token, ids[user]])
        db.execute(
            "UPDATE users SET twofactor_activated = 1, twofactor_secret = 'JBSWY3DPEHPK3PXP' "
            "WHERE id = ?",
            [ids["carol"]],
        )
        db.execute(
            "UPDATE users SET language = 'fr_FR', timezone = 'Europe/Paris' WHERE id = ?",
            [ids["carol"]],
        )
        db.executemany(
            "INSERT INTO user_has_notification_types (user_id, notification_type) VALUES (?, ?)",
            [(ids["erin"], "email"), (ids["erin"], "web")],
        )
        db.execute(
            "INSERT INTO user_has_notifications (user_id, project_id) VALUES (?, ?)",
            [ids["erin"], data.project_ids[0]],
        )
        db.execute(
            "UPDATE settings SET value = 'https://kanboard.example.com/' "
            "WHERE option = 'application_url'"
        )
        db.execute("UPDATE settings SET value = 'green' WHERE option = 'default_color'")
    # A locked account: more failed logins than Kanboard tolerates (BRUTEFORCE_LOCKDOWN).
    wrong = KanboardClient(app.url, "dave", "not-the-password")
    for _ in range(7):
        with contextlib.suppress(RpcError):
            wrong.call("getMe")
    data.locked_user = "dave"
    for user in ("alice", "bob", "erin"):
        as_user[user].call("getMe")
    KanboardClient(app.url, "bob", data.personal_tokens["bob"]).call("getMe")


def copy_live_database(database: str, copy: str) -> None:
    """A consistent copy of a database that Kanboard may be using (SQLite's online backup)."""
    with (
        contextlib.closing(sqlite3.connect(database)) as live,
        contextlib.closing(sqlite3.connect(copy)) as target,
    ):
        live.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")


def dump_database(database: str) -> str:
    """The database as SQL text (a readable, diffable test fixture), schema version too."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        return f"PRAGMA user_version = {version};\n" + "\n".join(db.iterdump()) + "\n"


def load_database(dump: str, database: str) -> None:
    with contextlib.closing(sqlite3.connect(database)) as db:
        db.executescript(dump)


if __name__ == "__main__":
    # Rebuild the import tests' fixture from a Kanboard started with a fresh database:
    # python -m tests.kanboard_import.kanboard_dataset URL DATA_DIR OUT_DIR
    import shutil
    import sys
    from pathlib import Path

    url, data_dir, out_dir = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    fill(url, "test", str(data_dir / "db.sqlite"), tasks_per_project=12)
    snapshot = out_dir / "snapshot.sqlite"
    copy_live_database(str(data_dir / "db.sqlite"), str(snapshot))
    (out_dir / "kanboard.sql").write_text(dump_database(str(snapshot)))
    snapshot.unlink()
    shutil.rmtree(out_dir / "files", ignore_errors=True)
    shutil.copytree(data_dir / "files", out_dir / "files")
