"""Projects and their board structure, memberships, metadata, files and automatic actions.

Kanboard's table and column names are kept. Columns that Kanboard leaves without a
foreign key on purpose (``owner_id``, a file's ``user_id``) stay plain integers, because
Kanboard writes 0 there for "nobody".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

from projects.managers import (
    BoardQuerySet,
    CategoryQuerySet,
    ProjectQuerySet,
    SwimlaneQuerySet,
)


class Project(models.Model):
    name = models.TextField()
    is_active = models.BooleanField(default=True)
    token = models.CharField(max_length=255, null=True, blank=True, default="")
    last_modified = models.BigIntegerField(default=0)
    is_public = models.BooleanField(default=False)
    is_private = models.BooleanField(default=False)
    # Legacy columns that Kanboard's SQLite schema still returns; never written by the API.
    is_everybody_allowed = models.IntegerField(default=0)
    default_swimlane = models.TextField(default="Default swimlane")
    show_default_swimlane = models.IntegerField(default=1)
    description = models.TextField(null=True, blank=True)
    identifier = models.CharField(max_length=50, blank=True, default="")
    start_date = models.CharField(max_length=10, blank=True, default="")
    end_date = models.CharField(max_length=10, blank=True, default="")
    owner_id = models.IntegerField(default=0)
    priority_default = models.IntegerField(default=0)
    priority_start = models.IntegerField(default=0)
    priority_end = models.IntegerField(default=3)
    email = models.TextField(null=True, blank=True)
    predefined_email_subjects = models.TextField(null=True, blank=True)
    per_swimlane_task_limits = models.BooleanField(default=False)
    task_limit = models.IntegerField(default=0)
    enable_global_tags = models.BooleanField(default=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        db_table = "projects"

    def __str__(self) -> str:
        return self.name


class Column(models.Model):
    title = models.CharField(max_length=255)
    position = models.IntegerField(null=True)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="columns")
    task_limit = models.IntegerField(default=0)
    description = models.TextField(null=True, blank=True, default="")
    hide_in_dashboard = models.BooleanField(default=False)

    objects = BoardQuerySet.as_manager()

    class Meta:
        db_table = "columns"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["title", "project"], name="columns_title_project")
        ]

    def __str__(self) -> str:
        return self.title


class Swimlane(models.Model):
    name = models.TextField()
    position = models.IntegerField(default=1)
    is_active = models.BooleanField(default=True)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="swimlanes")
    description = models.TextField(null=True, blank=True, default="")
    task_limit = models.IntegerField(default=0)

    objects = SwimlaneQuerySet.as_manager()

    class Meta:
        db_table = "swimlanes"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["name", "project"], name="swimlanes_name_project")
        ]

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    name = models.CharField(max_length=255)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="categories")
    description = models.TextField(null=True, blank=True)
    color_id = models.CharField(max_length=50, null=True, blank=True)

    objects = CategoryQuerySet.as_manager()

    class Meta:
        db_table = "project_has_categories"
        ordering = ["name"]
        verbose_name_plural = "categories"
        constraints = [
            # Case-insensitive, as the NOCASE column of Kanboard's SQLite schema.
            models.UniqueConstraint(Lower("name"), "project", name="categories_project_name")
        ]

    def __str__(self) -> str:
        return self.name


class ProjectRole(models.Model):
    """A custom project role. The API refuses every project call to its holders."""

    role = models.CharField(max_length=255)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="custom_roles")

    class Meta:
        db_table = "project_has_roles"
        constraints = [
            models.UniqueConstraint(fields=["project", "role"], name="project_has_roles_unique")
        ]

    def __str__(self) -> str:
        return self.role


class ProjectUserRole(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="user_roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_roles"
    )
    role = models.CharField(max_length=255, default="project-viewer")

    class Meta:
        db_table = "project_has_users"
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_has_users_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} of {self.project_id}"


class ProjectGroupRole(models.Model):
    group = models.ForeignKey(
        "accounts.Group", on_delete=models.CASCADE, related_name="project_roles"
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="group_roles")
    role = models.CharField(max_length=255)

    class Meta:
        db_table = "project_has_groups"
        constraints = [
            models.UniqueConstraint(fields=["group", "project"], name="project_has_groups_unique")
        ]

    def __str__(self) -> str:
        return f"group {self.group_id} {self.role} of {self.project_id}"


class ProjectMetadata(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="metadata")
    name = models.CharField(max_length=50)
    value = models.CharField(max_length=255, null=True, blank=True, default="")
    changed_by = models.IntegerField(default=0)
    changed_on = models.IntegerField(default=0)

    class Meta:
        db_table = "project_has_metadata"
        ordering = ["name"]
        verbose_name_plural = "project metadata"
        constraints = [
            models.UniqueConstraint(fields=["project", "name"], name="project_has_metadata_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ProjectFile(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="files")
    name = models.TextField()
    path = models.TextField()
    is_image = models.BooleanField(default=False)
    size = models.IntegerField(default=0)
    user_id = models.IntegerField(default=0)
    date = models.IntegerField(default=0)

    class Meta:
        db_table = "project_has_files"

    def __str__(self) -> str:
        return self.name


class Action(models.Model):
    """An automatic action: when ``event_name`` happens in the project, run ``action_name``."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="actions")
    event_name = models.TextField()
    action_name = models.TextField()

    class Meta:
        db_table = "actions"

    def __str__(self) -> str:
        return f"{self.action_name} on {self.event_name}"


class ActionParam(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="params")
    name = models.TextField()
    value = models.TextField()

    class Meta:
        db_table = "action_has_params"

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
