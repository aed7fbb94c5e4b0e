"""The one-line titles of Kanboard's events (its EventBuilders' buildTitleWithAuthor and
buildTitleWithoutAuthor): the subject of a notification e-mail, the title of a web
notification, the line of the activity stream. English only, as the account area.

They live below the API's formatters and the notification channels, which both use them."""

from __future__ import annotations

from typing import Any

TASK_OVERDUE = "task.overdue"
FALLBACK = "Notification"


def _id(value: Any) -> int:
    """PHP's %d: a numeric string or a number as an integer, anything else 0."""
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0


def title_without_author(event_name: str, data: dict[str, Any]) -> str:
    task = data.get("task") or {}
    task_id = _id(task.get("id"))
    match event_name:
        case "task.create":
            return f"New task #{task_id}: {task.get('title')}"
        case "task.update":
            return f"Task updated #{task_id}"
        case "task.close":
            return f"Task #{task_id} closed"
        case "task.open":
            return f"Task #{task_id} opened"
        case "task.move.project":
            return (
                f'Task #{task_id} "{task.get("title")}" has been moved to the project '
                f'"{task.get("project_name")}"'
            )
        case "task.move.column":
            return f"Column changed for task #{task_id}"
        case "task.move.position":
            return f"New position for task #{task_id}"
        case "task.move.swimlane":
            return f"Swimlane changed for task #{task_id}"
        case "task.assignee_change":
            return f"Assignee changed on task #{task_id}"
        case "task.overdue":
            tasks = data["tasks"]
            if len(tasks) > 1:
                return f"{len(tasks)} overdue tasks"
            return f'Task #{_id(tasks[0]["id"])} "{tasks[0]["title"]}" is overdue'
        case "task.user.mention":
            return f"You were mentioned in the task #{task_id}"
        case "comment.create":
            return f"New comment on task #{_id(data['comment']['task_id'])}"
        case "comment.update":
            return f"Comment updated on task #{_id(data['comment']['task_id'])}"
        case "comment.delete":
            return f"Comment removed on task #{_id(data['comment']['task_id'])}"
        case "comment.user.mention":
            return f"You were mentioned in a comment on the task #{task_id}"
        case "subtask.create":
            return f"New subtask on task #{_id(data['subtask']['task_id'])}"
        case "subtask.update":
            return f"Subtask updated on task #{_id(data['subtask']['task_id'])}"
        case "subtask.delete":
            return f"Subtask removed on task #{_id(data['subtask']['task_id'])}"
        case "task.file.create":
            file = data["file"]
            return f"New attachment on task #{_id(file['task_id'])}: {file['name']}"
        case "task.file.destroy":
            file = data["file"]
            return f"Attachment removed from task #{_id(file['task_id'])}: {file['name']}"
        case "task_internal_link.create_update":
            return f"A new internal link for the task #{task_id} has been defined"
        case "task_internal_link.delete":
            return f"Internal link removed for the task #{task_id}"
    return FALLBACK


# event name -> the sentence after the author ('{id}' is the task id)
WITH_AUTHOR = {
    "task.update": "updated the task #{id}",
    "task.create": "created the task #{id}",
    "task.close": "closed the task #{id}",
    "task.open": "opened the task #{id}",
    "task.user.mention": "mentioned you in the task #{id}",
    "comment.update": "updated a comment on the task #{id}",
    "comment.create": "commented on the task #{id}",
    "comment.delete": "removed a comment on the task #{id}",
    "comment.user.mention": "mentioned you in a comment on the task #{id}",
    "subtask.update": "updated a subtask for the task #{id}",
    "subtask.create": "created a subtask for the task #{id}",
    "subtask.delete": "removed a subtask for the task #{id}",
    "task.file.create": "attached a file to the task #{id}",
    "task.file.destroy": "removed a file from the task #{id}",
    "task_internal_link.create_update": "set a new internal link for the task #{id}",
    "task_internal_link.delete": "removed an internal link for the task #{id}",
}


def title_with_author(author: str, event_name: str, data: dict[str, Any]) -> str:
    task = data.get("task") or {}
    task_id = _id(task.get("id"))
    if event_name in WITH_AUTHOR:
        return f"{author} {WITH_AUTHOR[event_name].format(id=task_id)}"
    match event_name:
        case "task.assignee_change":
            assignee = task.get("assignee_name") or task.get("assignee_username")
            if assignee:
                return f"{author} changed the assignee of the task #{task_id} to {assignee}"
            return f"{author} removed the assignee of the task #{task_id}"
        case "task.move.project":
            title, project = task.get("title"), task.get("project_name")
            return f'{author} moved the task #{task_id} "{title}" to the project "{project}"'
        case "task.move.column":
            return f'{author} moved the task #{task_id} to the column "{task.get("column_title")}"'
        case "task.move.position":
            return (
                f"{author} moved the task #{task_id} to the position {_id(task.get('position'))}"
                f' in the column "{task.get("column_title")}"'
            )
        case "task.move.swimlane":
            if not _id(task.get("swimlane_id")):
                return f"{author} moved the task #{task_id} to the first swimlane"
            swimlane = task.get("swimlane_name")
            return f'{author} moved the task #{task_id} to the swimlane "{swimlane}"'
    return FALLBACK
