"""Projects, and the id-to-label maps about them (always JSON objects, keyed by strings)."""

from __future__ import annotations

from collections.abc import Iterable

from accounts.config import application_url
from accounts.models import User
from projects.models import Project
from rpc.formatters import flag

UNASSIGNED = "Unassigned"


def projects(rows: Iterable[Project]) -> list[dict]:
    """Every column in Kanboard's order (with the legacy ones of its SQLite schema),
    then the ``url`` map, built from the application_url setting (read once)."""
    base_url = application_url()
    return [_project(row, base_url) for row in rows]


def project(row: Project | None) -> dict | None:
    return projects([row])[0] if row is not None else None


def _project(row: Project, base_url: str) -> dict:
    return {
        "id": row.pk,
        "name": row.name,
        "is_active": flag(row.is_active),
        "token": row.token,
        "last_modified": row.last_modified,
        "is_public": flag(row.is_public),
        "is_private": flag(row.is_private),
        "is_everybody_allowed": row.is_everybody_allowed,
        "default_swimlane": row.default_swimlane,
        "show_default_swimlane": row.show_default_swimlane,
        "description": row.description,
        "identifier": row.identifier,
        "start_date": row.start_date,
        "end_date": row.end_date,
        "owner_id": row.owner_id,
        "priority_default": row.priority_default,
        "priority_start": row.priority_start,
        "priority_end": row.priority_end,
        "email": row.email,
        "predefined_email_subjects": row.predefined_email_subjects,
        "per_swimlane_task_limits": flag(row.per_swimlane_task_limits),
        "task_limit": row.task_limit,
        "enable_global_tags": flag(row.enable_global_tags),
        "url": _urls(row, base_url),
    }


def _urls(row: Project, base_url: str) -> dict:
    urls = {
        "board": f"{base_url}?controller=BoardViewController&action=show&project_id={row.pk}",
        "list": f"{base_url}?controller=TaskListController&action=show&project_id={row.pk}",
    }
    if row.is_public and row.token:
        urls["public_board"] = (
            f"{base_url}?controller=BoardViewController&action=readonly&token={row.token}"
        )
        urls["rss_feed"] = f"{base_url}?controller=FeedController&action=project&token={row.token}"
        urls["ical_feed"] = (
            f"{base_url}?controller=ICalendarController&action=project&token={row.token}"
        )
    return urls


def users_by_id(users: Iterable[User], prepend_unassigned: bool = False) -> dict:
    """{user id: name, or username when the name is empty}, sorted by that label (byte
    order, then username), optionally after {0: "Unassigned"}."""
    listed = sorted(users, key=lambda user: (user.display_name, user.username, user.pk))
    labels = {0: UNASSIGNED} if prepend_unassigned else {}
    labels.update((user.pk, user.display_name) for user in listed)
    return labels
