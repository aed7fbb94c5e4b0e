"""Where each Kanboard table goes.

This server's models keep Kanboard's table and column names, so a table maps onto its
model column by column; the only renamed column is the key of custom project roles
(Kanboard's ``project_has_roles.role_id`` is this server's ``id``). The order of
``IMPORTED`` puts every table after the tables it references.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models

from accounts.models import Group, GroupMember, LastLogin, Setting, User, UserNotificationType
from notifications.models import (
    ProjectNotificationType,
    UnreadNotification,
    UserProjectNotification,
)
from projects.models import (
    Action,
    ActionParam,
    Category,
    Column,
    Project,
    ProjectFile,
    ProjectGroupRole,
    ProjectMetadata,
    ProjectRole,
    ProjectUserRole,
    Swimlane,
)
from tasks.models import (
    Comment,
    ExternalLink,
    Link,
    ProjectActivity,
    Subtask,
    SubtaskTimer,
    Tag,
    Task,
    TaskFile,
    TaskLink,
    TaskMetadata,
    TaskTag,
    Transition,
)


@dataclass(frozen=True)
class TableMap:
    model: type[models.Model]
    # {this server's column: Kanboard's column} where the names differ.
    renamed: dict[str, str] = field(default_factory=dict)

    @property
    def table(self) -> str:
        return self.model._meta.db_table

    def source_column(self, target_column: str) -> str:
        return self.renamed.get(target_column, target_column)


IMPORTED = [
    TableMap(User),
    TableMap(UserNotificationType),
    TableMap(UnreadNotification),
    TableMap(LastLogin),
    TableMap(Group),
    TableMap(GroupMember),
    TableMap(Setting),
    TableMap(Link),
    TableMap(Project),
    TableMap(ProjectRole, renamed={"id": "role_id"}),
    TableMap(ProjectUserRole),
    TableMap(ProjectGroupRole),
    TableMap(UserProjectNotification),
    TableMap(ProjectNotificationType),
    TableMap(ProjectMetadata),
    TableMap(Column),
    TableMap(Swimlane),
    TableMap(Category),
    TableMap(ProjectFile),
    TableMap(Action),
    TableMap(ActionParam),
    TableMap(Task),
    TableMap(Subtask),
    TableMap(SubtaskTimer),
    TableMap(Comment),
    TableMap(Tag),
    TableMap(TaskTag),
    TableMap(TaskLink),
    TableMap(ExternalLink),
    TableMap(TaskFile),
    TableMap(TaskMetadata),
    TableMap(Transition),
    TableMap(ProjectActivity),
]

# Tables of a fresh installation that the import replaces ("seed rows"): the admin
# account, the settings and the eleven link labels. Every other table must be empty.
SEEDED = {User, Setting, Link}

# Kanboard tables this server has no place for, and why; their rows are reported by
# name and count when the source has any.
NOT_REPRESENTED = {
    "column_has_move_restrictions": "custom role restrictions are not enforced by this server",
    "column_has_restrictions": "custom role restrictions are not enforced by this server",
    "project_role_has_restrictions": "custom role restrictions are not enforced by this server",
    "currencies": "currency rates are a web UI feature",
    "custom_filters": "saved board filters are a web UI feature",
    "invites": "invitations are a web UI feature",
    "password_reset": "password reset links are a web UI feature",
    "plugin_schema_versions": "Kanboard plugins do not run here",
    "predefined_task_descriptions": "task templates are a web UI feature",
    "project_daily_column_stats": "daily statistics are a web UI feature",
    "project_daily_stats": "daily statistics are a web UI feature",
    "remember_me": "web sessions do not carry over",
    "sessions": "web sessions do not carry over",
    "user_has_metadata": "user metadata is not exposed by the API",
}
