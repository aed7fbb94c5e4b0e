"""One sequence of API calls that makes Kanboard send every notification e-mail, played
against the real Kanboard 1.2.53 by ``record_kanboard_mails`` and against this server by
``test_emails``.

Alice makes the changes through the User API (she is the author, "Alice via Kanboard"),
except where the application credential does (the sender is then "Kanboard"). Bob is a
member notified of everything; Charlie is a member notified only of what is assigned to
him (he never is), so he receives only the mentions of his name.

Each step is ``(name, function)``; the function gets ``call(method, params, as_user)``
(``as_user`` None for the application credential) and ``ids``, the symbolic ids of what
the sequence created so far, to which it adds its own.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

PASSWORD = "notify-pass-1"
APPLICATION_URL = "http://kanboard.example.org/"
USERS = {
    # username: (name, e-mail)
    "alice": ("Alice & <Co>", "alice@example.org"),
    "bob": ("Bob O'Brien-Zoë", "bob@example.org"),
    "charlie": ("", "charlie@example.org"),
}
# Bob: Kanboard's notifications_filter 1 (every task); Charlie: 2 (tasks assigned to him).
NOTIFICATIONS_FILTER = {"bob": 1, "charlie": 2}

Call = Callable[[str, Any, str | None], Any]


def set_up(call: Call, ids: dict[str, int]) -> None:
    """Users, two projects with Alice, Bob and Charlie as members, a category, a swimlane."""
    for username, (name, email) in USERS.items():
        ids[username] = call(
            "createUser",
            {"username": username, "password": PASSWORD, "name": name, "email": email},
            None,
        )
    ids["project"] = call("createProject", {"name": "Apollo & <Moon> 'one' ☾"}, None)
    ids["other_project"] = call("createProject", {"name": 'Zeta "two"'}, None)
    for project in ("project", "other_project"):
        for username in USERS:
            role = "project-manager" if username == "alice" else "project-member"
            call("addProjectUser", [ids[project], ids[username], role], None)
    ids["category"] = call(
        "createCategory", {"project_id": ids["project"], "name": "Ops & <Dev>"}, None
    )
    ids["swimlane"] = call("addSwimlane", [ids["project"], "Night <shift>"], None)
    columns = call("getColumns", [ids["project"]], None)
    ids["backlog"], ids["ready"] = columns[0]["id"], columns[1]["id"]
    ids["first_swimlane"] = call("getActiveSwimlanes", [ids["project"]], None)[0]["id"]


def create_task(call: Call, ids: dict[str, int]) -> None:
    ids["task"] = call(
        "createTask",
        {
            "title": "Ship <it> & \"go\" 'now'",
            "project_id": ids["project"],
            "description": "Line one & 'quoted' <b>bold</b>\nline two, hello @charlie\n\n"
            'Second "paragraph" #99999\n#99999 starts this line\n\n## A **header**\n- a list',
            "date_due": "2027-01-05 10:00",
            "owner_id": ids["bob"],
            "category_id": ids["category"],
            "score": 3,
            "color_id": "red",
        },
        "alice",
    )


def create_task_as_application(call: Call, ids: dict[str, int]) -> None:
    ids["second_task"] = call(
        "createTask",
        {"title": "Second", "project_id": ids["project"], "column_id": ids["ready"]},
        None,
    )


def update_task(call: Call, ids: dict[str, int]) -> None:
    call(
        "updateTask",
        {
            "id": ids["task"],
            "title": "Ship <it> again",
            "color_id": "blue",
            "date_due": "2027-02-03 04:05",
            "description": "New & improved\ndescription",
            "score": 8,
            "reference": "REF-1",
            "time_estimated": 2.5,
            "time_spent": 1,
            "date_started": "2026-12-01 09:30",
            "priority": 2,
        },
        "alice",
    )


def remove_from_task(call: Call, ids: dict[str, int]) -> None:
    """The changes written as removals: no due date, category, description."""
    call(
        "updateTask",
        {"id": ids["task"], "date_due": "", "category_id": 0, "description": ""},
        "alice",
    )


def change_assignee(call: Call, ids: dict[str, int]) -> None:
    call("updateTask", {"id": ids["task"], "owner_id": ids["alice"]}, "alice")


def remove_assignee(call: Call, ids: dict[str, int]) -> None:
    call("updateTask", {"id": ids["task"], "owner_id": 0}, "alice")


def move_to_column(call: Call, ids: dict[str, int]) -> None:
    args = [ids["project"], ids["task"], ids["ready"], 1, ids["first_swimlane"]]
    call("moveTaskPosition", args, "alice")


def move_to_position(call: Call, ids: dict[str, int]) -> None:
    args = [ids["project"], ids["task"], ids["ready"], 2, ids["first_swimlane"]]
    call("moveTaskPosition", args, "alice")


def move_to_swimlane(call: Call, ids: dict[str, int]) -> None:
    args = [ids["project"], ids["task"], ids["ready"], 1, ids["swimlane"]]
    call("moveTaskPosition", args, "alice")


def comment(call: Call, ids: dict[str, int]) -> None:
    ids["comment"] = call(
        "createComment",
        {
            "task_id": ids["task"],
            "user_id": ids["alice"],
            "content": "Looks **good** & 'fine' <i>really</i> `x<y>`\n"
            "see http://example.org/a_b?c=1&d=2, cc @charlie",
        },
        "alice",
    )


def update_comment(call: Call, ids: dict[str, int]) -> None:
    call("updateComment", {"id": ids["comment"], "content": 'Edited "text"'}, "alice")


def remove_comment(call: Call, ids: dict[str, int]) -> None:
    call("removeComment", {"comment_id": ids["comment"]}, "alice")


def create_subtask(call: Call, ids: dict[str, int]) -> None:
    ids["subtask"] = call(
        "createSubtask",
        {
            "task_id": ids["task"],
            "title": "Check <wiring> & 'plugs'",
            "user_id": ids["bob"],
            "time_estimated": 2.5,
        },
        "alice",
    )


def update_subtask(call: Call, ids: dict[str, int]) -> None:
    call(
        "updateSubtask",
        {"id": ids["subtask"], "task_id": ids["task"], "status": 1, "time_spent": 1.25},
        "alice",
    )


def update_subtask_unassigned(call: Call, ids: dict[str, int]) -> None:
    call(
        "updateSubtask",
        {"id": ids["subtask"], "task_id": ids["task"], "status": 2, "user_id": 0},
        "alice",
    )


def remove_subtask(call: Call, ids: dict[str, int]) -> None:
    call("removeSubtask", {"subtask_id": ids["subtask"]}, "alice")


def create_plain_subtask(call: Call, ids: dict[str, int]) -> None:
    """No assignee, no times."""
    call("createSubtask", {"task_id": ids["task"], "title": "Plain"}, "alice")


def create_large_subtask(call: Call, ids: dict[str, int]) -> None:
    args = {
        "task_id": ids["task"],
        "title": "Big",
        "user_id": ids["alice"],
        "time_estimated": 1234.5,
    }
    call("createSubtask", args, "alice")


def comment_as_application(call: Call, ids: dict[str, int]) -> None:
    """A comment of nobody: "New comment", without an author."""
    call("createComment", {"task_id": ids["task"], "user_id": 0, "content": "From the app"}, None)


def update_recurrence_and_category(call: Call, ids: dict[str, int]) -> None:
    call(
        "updateTask",
        {
            "id": ids["task"],
            "category_id": ids["category"],
            "recurrence_status": 1,
            "recurrence_trigger": 2,
            "color_id": "deep_orange",
        },
        "alice",
    )


def attach_file(call: Call, ids: dict[str, int]) -> None:
    content = base64.b64encode(b"plain notes").decode()
    ids["file"] = call(
        "createTaskFile", [ids["project"], ids["task"], "notes & <x>.txt", content], "alice"
    )


def remove_file(call: Call, ids: dict[str, int]) -> None:
    call("removeTaskFile", [ids["file"]], "alice")


def link_tasks(call: Call, ids: dict[str, int]) -> None:
    # link 2: "blocks" (its opposite, 3, "is blocked by")
    ids["task_link"] = call("createTaskLink", [ids["task"], ids["second_task"], 2], "alice")


def update_link(call: Call, ids: dict[str, int]) -> None:
    # link 4: "duplicates" (its opposite, 5, "is duplicated by")
    call("updateTaskLink", [ids["task_link"], ids["task"], ids["second_task"], 4], "alice")


def remove_link(call: Call, ids: dict[str, int]) -> None:
    call("removeTaskLink", [ids["task_link"]], "alice")


def close_task(call: Call, ids: dict[str, int]) -> None:
    """The task recurs when closed (see update_recurrence_and_category): its next
    occurrence is created, and notified, too."""
    call("closeTask", [ids["task"]], "alice")
    ids["next_occurrence"] = int(call("getTask", [ids["task"]], "alice")["recurrence_child"])


def open_task(call: Call, ids: dict[str, int]) -> None:
    call("openTask", [ids["task"]], "alice")


def move_to_project(call: Call, ids: dict[str, int]) -> None:
    call("moveTaskToProject", [ids["task"], ids["other_project"]], "alice")


def close_second_task(call: Call, ids: dict[str, int]) -> None:
    """Played once the application URL is removed: the footer without its links."""
    call("closeTask", [ids["second_task"]], "alice")


def create_overdue_task(call: Call, ids: dict[str, int]) -> None:
    ids["overdue_task"] = call(
        "createTask",
        {
            "title": "Late <one> & 'done'",
            "project_id": ids["project"],
            "date_due": "2020-01-02 03:04",
            "owner_id": ids["bob"],
        },
        None,
    )


def create_second_overdue_task(call: Call, ids: dict[str, int]) -> None:
    ids["second_overdue_task"] = call(
        "createTask",
        {"title": "Late two", "project_id": ids["project"], "date_due": "2021-06-07 08:09"},
        None,
    )


# The step that sends the overdue notifications of the tasks due so far (Kanboard's
# notification:overdue-tasks command).
NOTIFY_OVERDUE = ("notify overdue tasks", None)

# The steps with an application URL, then the steps after it is removed.
STEPS_WITH_URL = [
    ("create a task", create_task),
    ("create a task as the application", create_task_as_application),
    ("update a task", update_task),
    ("remove a task's due date, category and description", remove_from_task),
    ("change the assignee", change_assignee),
    ("remove the assignee", remove_assignee),
    ("move to a column", move_to_column),
    ("move to a position", move_to_position),
    ("move to a swimlane", move_to_swimlane),
    ("comment with a mention", comment),
    ("update a comment", update_comment),
    ("remove a comment", remove_comment),
    ("create a subtask", create_subtask),
    ("update a subtask", update_subtask),
    ("update a subtask without assignee", update_subtask_unassigned),
    ("remove a subtask", remove_subtask),
    ("create a subtask without assignee or times", create_plain_subtask),
    ("create a subtask with a large estimate", create_large_subtask),
    ("comment as the application", comment_as_application),
    ("set the recurrence and a category", update_recurrence_and_category),
    ("attach a file", attach_file),
    ("remove a file", remove_file),
    ("link two tasks", link_tasks),
    ("update a link", update_link),
    ("remove a link", remove_link),
    ("close a task", close_task),
    ("open a task", open_task),
    ("move to another project", move_to_project),
    ("create an overdue task", create_overdue_task),
    NOTIFY_OVERDUE,
    ("create a second overdue task", create_second_overdue_task),
    NOTIFY_OVERDUE,
]
STEPS_WITHOUT_URL = [
    ("close a task without an application URL", close_second_task),
    NOTIFY_OVERDUE,
]
