"""Activity events (getProjectActivity, getProjectActivities, getMyActivityStream), as
Kanboard's ProjectActivityEventFormatter shapes them: the stored row, its author, the event
data decoded, then ``author``, ``event_title`` and ``event_content``."""

from __future__ import annotations

import json
from collections.abc import Iterable

from rpc.formatters import activity_content
from tasks.event_titles import title_with_author
from tasks.models import ProjectActivity
from tasks.visibility import VISIBLE_TO_ROLE, comment_visible_to


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
    return title_with_author(event["author"], event["event_name"], event)
