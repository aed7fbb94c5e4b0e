"""Activity events (getProjectActivity, getProjectActivities, getMyActivityStream), as
Kanboard's ProjectActivityEventFormatter shapes them: the stored row, its author, the event
data decoded, then ``author``, ``event_title`` and ``event_content``."""

from __future__ import annotations

import json
from collections.abc import Iterable

from rpc.formatters import activity_content
from tasks.models import ProjectActivity
from tasks.visibility import VISIBLE_TO_ROLE, comment_visible_to

# event name -> the title's sentence after the author ('{id}' is the task id)
TITLES = {
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


def activity_events(activities: Iterable[ProjectActivity], viewer_role: str | None) -> list[dict]:
    """The events in the given order, without those carrying a comment the viewer's
    application role may not see (``viewer_role`` None: the application, which sees all)."""
    pattern = activity_content.datetime_format()
    listed = []
    for activity in activities:
        data = _decoded(activity.data)
        if not data:
            continue
        event = {
            "id": activity.pk,
            "date_creation": activity.date_creation,
            "event_name": activity.event_name,
            "creator_id": activity.creator_id,
            "project_id": activity.project_id,
            "task_id": activity.task_id,
            "author_username": activity.creator.username,
            "author_name": activity.creator.name,
            "email": activity.creator.email,
            "avatar_path": activity.creator.avatar_path,
        }
        event.update((key, value) for key, value in data.items() if key not in event)
        if "comment" in event and not _may_see(event["comment"], viewer_role):
            continue
        event["author"] = event["author_name"] or event["author_username"]
        event["event_title"] = event_title(event)
        event["event_content"] = activity_content.render(event, pattern)
        listed.append(event)
    return listed


def _decoded(data: str | None) -> dict:
    """Kanboard ignores events serialized by old versions with PHP's serialize()."""
    if not data or data.startswith("a"):
        return {}
    try:
        decoded = json.loads(data)
    except ValueError:
        return {}
    return decoded if isinstance(decoded, dict) else {}


def _may_see(comment, role: str | None) -> bool:
    if role not in VISIBLE_TO_ROLE or not isinstance(comment, dict):
        return True
    return comment_visible_to(comment.get("visibility"), role)


def event_title(event: dict) -> str:
    """The sentence Kanboard's event builders make (not HTML-escaped)."""
    task = event.get("task") or {}
    author, task_id, name = event["author"], int(task.get("id") or 0), event["event_name"]
    if name in TITLES:
        return f"{author} {TITLES[name].format(id=task_id)}"
    if name == "task.assignee_change":
        assignee = task.get("assignee_name") or task.get("assignee_username")
        if assignee:
            return f"{author} changed the assignee of the task #{task_id} to {assignee}"
        return f"{author} removed the assignee of the task #{task_id}"
    if name == "task.move.project":
        title, project = task.get("title"), task.get("project_name")
        return f'{author} moved the task #{task_id} "{title}" to the project "{project}"'
    if name == "task.move.column":
        return f'{author} moved the task #{task_id} to the column "{task.get("column_title")}"'
    if name == "task.move.position":
        return (
            f"{author} moved the task #{task_id} to the position {int(task.get('position') or 0)} "
            f'in the column "{task.get("column_title")}"'
        )
    if name == "task.move.swimlane":
        if not task.get("swimlane_id"):
            return f"{author} moved the task #{task_id} to the first swimlane"
        return f'{author} moved the task #{task_id} to the swimlane "{task.get("swimlane_name")}"'
    return "Notification"
