"""Who is notified of an event, and through which channels: Kanboard's rules
(UserNotificationModel, UserNotificationFilterModel, UserNotificationTypeModel).

- The candidates are the project's members, directly or through a group, who are active
  and have notifications enabled; the author of the change is left out (the application
  credential, author 0, leaves nobody out).
- Each candidate's ``notifications_filter`` then decides by the task: 1 every task, 2 the
  tasks assigned to them, 3 the tasks they created, 4 either; any other value, nothing.
- A candidate who selected projects in their settings is notified for those only; one
  who selected none, for every project.
- Their channels are the notification types they selected that this server knows.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from accounts.models import GroupMember, User, UserNotificationType
from notifications.models import UserProjectNotification
from notifications.preferences import (
    CHANNELS,
    FILTER_ASSIGNEE,
    FILTER_BOTH,
    FILTER_CREATOR,
    FILTER_NONE,
)
from projects.models import ProjectUserRole

WEB, EMAIL = "web", "email"


def notified_members(project_id: int, author_id: int = 0):
    """The project's members who want notifications, except the author: a queryset."""
    direct = ProjectUserRole.objects.filter(project_id=project_id).values("user_id")
    through_group = GroupMember.objects.filter(group__project_roles__project_id=project_id).values(
        "user_id"
    )
    return (
        User.objects.filter(
            Q(pk__in=direct) | Q(pk__in=through_group),
            notifications_enabled=True,
            is_active=True,
        )
        .exclude(pk=author_id)
        .order_by("pk")
    )


def filter_accepts(user: User, task: dict) -> bool:
    """The user's notifications_filter against the task (its owner_id and creator_id)."""
    assigned = task.get("owner_id") == user.pk
    created = task.get("creator_id") == user.pk
    accepted = {
        FILTER_NONE: True,
        FILTER_ASSIGNEE: assigned,
        FILTER_CREATOR: created,
        FILTER_BOTH: assigned or created,
    }
    return accepted.get(user.notifications_filter, False)


def selected_projects(user_ids: list[int]) -> dict[int, set[int]]:
    """The projects each user selected (absent: none selected, every project)."""
    selected: dict[int, set[int]] = defaultdict(set)
    rows = UserProjectNotification.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "project_id"
    )
    for user_id, project_id in rows:
        selected[user_id].add(project_id)
    return selected


class Audience:
    """The project's members who want notifications (the author aside), with the projects
    they selected: read once, asked for each task."""

    def __init__(self, project_id: int, author_id: int = 0) -> None:
        self.members = list(notified_members(project_id, author_id))
        self.selected = selected_projects([user.pk for user in self.members])

    def for_task(self, task: dict) -> list[User]:
        """The members Kanboard's shouldReceiveNotification lets through for the task."""
        return [
            user
            for user in self.members
            if filter_accepts(user, task)
            and (user.pk not in self.selected or task.get("project_id") in self.selected[user.pk])
        ]


def task_recipients(project_id: int, task: dict, author_id: int) -> list[User]:
    """The users to notify of an event on the task (Kanboard's sendNotifications)."""
    return Audience(project_id, author_id).for_task(task)


def channels_of(user_ids: list[int]) -> dict[int, list[str]]:
    """Each user's selected channels among those this server delivers, in Kanboard's
    order (by name)."""
    channels: dict[int, list[str]] = defaultdict(list)
    rows = (
        UserNotificationType.objects.filter(user_id__in=user_ids, notification_type__in=CHANNELS)
        .order_by("user_id", "notification_type")
        .values_list("user_id", "notification_type")
    )
    for user_id, channel in rows:
        channels[user_id].append(channel)
    return channels
