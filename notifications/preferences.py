"""A user's notification settings, with Kanboard's rules (its UserNotificationModel's
saveSettings and readSettings).

- Channels (``email``, ``web``): the user's rows of ``user_has_notification_types``. No
  channel selected turns the user's notifications off (``users.notifications_enabled``),
  one or more turns them on.
- Filter (``users.notifications_filter``): which tasks' events reach the user; none given
  means Kanboard's default, tasks created by or assigned to the user.
- Projects (``user_has_notifications``): with some selected, only their events reach the
  user; with none, every project the user is a member of. Only projects the user is a
  member of (directly or through a group) can be selected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User, UserNotificationType
from kanboard_site.collation import bytewise
from notifications.models import UserProjectNotification
from projects.models import Project

FILTER_NONE = 1
FILTER_ASSIGNEE = 2
FILTER_CREATOR = 3
FILTER_BOTH = 4
# Kanboard's labels, in its order.
FILTERS = {
    FILTER_NONE: "All tasks",
    FILTER_ASSIGNEE: "Only for tasks assigned to me",
    FILTER_CREATOR: "Only for tasks created by me",
    FILTER_BOTH: "Only for tasks created by me and tasks assigned to me",
}
CHANNELS = {"email": "Email", "web": "Web"}


@dataclass(frozen=True)
class NotificationSettings:
    enabled: bool
    types: list[str]  # the channels, in name order
    filter: int
    project_ids: list[int]


def read_settings(user: User) -> NotificationSettings:
    """The settings as stored; channels this server does not know (a Kanboard plugin's,
    imported) are left out, as Kanboard leaves out those of a plugin no longer installed."""
    stored = User.objects.values("notifications_enabled", "notifications_filter").get(pk=user.pk)
    types = (
        UserNotificationType.objects.filter(user_id=user.pk, notification_type__in=CHANNELS)
        .order_by("notification_type")
        .values_list("notification_type", flat=True)
    )
    project_ids = (
        UserProjectNotification.objects.filter(user_id=user.pk)
        .order_by("project_id")
        .values_list("project_id", flat=True)
    )
    return NotificationSettings(
        enabled=stored["notifications_enabled"],
        types=list(types),
        filter=stored["notifications_filter"],
        project_ids=list(project_ids),
    )


def selectable_projects(user: User):
    """The projects the settings form offers: the active ones the user is a member of,
    by name in byte order (Kanboard's form sorts them with PHP's asort)."""
    return Project.objects.with_member(user.pk).active().order_by(bytewise("name"), "id")


def save_settings(
    user: User, types: Iterable[str], filter: int | None, project_ids: Iterable[int]
) -> None:
    """Replace the user's settings, all in one transaction. ValidationError for an unknown
    channel or filter, or a project the user is not a member of."""
    types = sorted(set(types))
    unknown = [kind for kind in types if kind not in CHANNELS]
    if unknown:
        raise ValidationError(f"Unknown notification method: {', '.join(unknown)}")
    filter = filter or FILTER_BOTH
    if filter not in FILTERS:
        raise ValidationError(f"Unknown notification filter: {filter}")
    project_ids = sorted(set(project_ids))
    with transaction.atomic():
        # The user's row first: concurrent saves of one user's settings wait here for
        # each other, instead of each deleting the old rows, then inserting the same.
        User.objects.filter(pk=user.pk).update(
            notifications_enabled=bool(types), notifications_filter=filter
        )
        member_of = set(
            Project.objects.with_member(user.pk)
            .filter(pk__in=project_ids)
            .values_list("pk", flat=True)
        )
        outside = [str(project_id) for project_id in project_ids if project_id not in member_of]
        if outside:
            raise ValidationError(
                f"Not a member of the project(s) {', '.join(outside)}: "
                "notifications can only be chosen for one's own projects"
            )
        UserNotificationType.objects.filter(user_id=user.pk).delete()
        UserNotificationType.objects.bulk_create(
            UserNotificationType(user_id=user.pk, notification_type=kind) for kind in types
        )
        UserProjectNotification.objects.filter(user_id=user.pk).delete()
        UserProjectNotification.objects.bulk_create(
            UserProjectNotification(user_id=user.pk, project_id=project_id)
            for project_id in project_ids
        )
    user.notifications_enabled = bool(types)
    user.notifications_filter = filter
