"""Tasks and everything on them: subtasks, timers, comments, tags, links, files, metadata,
column transitions and the project activity stream.

Kanboard's table and column names are kept. References that Kanboard leaves without a
foreign key on purpose (a task's ``owner_id``, ``creator_id`` and ``category_id``, a
subtask's or comment's ``user_id``, a tag's ``project_id``) stay plain integers, because
Kanboard writes 0 there for "nobody" or "none".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from projects.models import Column, Project, Swimlane
from tasks.managers import ActivityQuerySet, TagQuerySet, TaskQuerySet


class Task(models.Model):
    title = models.TextField()
    description = models.TextField(null=True, blank=True, default="")
    date_creation = models.BigIntegerField(null=True)
    color_id = models.CharField(max_length=255, null=True, blank=True)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tasks")
    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="tasks")
    owner_id = models.IntegerField(default=0)
    position = models.IntegerField(null=True)
    is_active = models.BooleanField(default=True)
    date_completed = models.BigIntegerField(null=True, blank=True)
    score = models.IntegerField(null=True, blank=True)
    date_due = models.BigIntegerField(null=True, blank=True)
    category_id = models.IntegerField(default=0)
    creator_id = models.IntegerField(default=0)
    date_modification = models.BigIntegerField(default=0)
    reference = models.TextField(null=True, blank=True, default="")
    date_started = models.BigIntegerField(null=True, blank=True)
    time_spent = models.FloatField(null=True, blank=True)
    time_estimated = models.FloatField(null=True, blank=True)
    swimlane = models.ForeignKey(Swimlane, on_delete=models.CASCADE, related_name="tasks")
    date_moved = models.BigIntegerField(default=0)
    recurrence_status = models.IntegerField(default=0)
    recurrence_trigger = models.IntegerField(default=0)
    recurrence_factor = models.IntegerField(default=0)
    recurrence_timeframe = models.IntegerField(default=0)
    recurrence_basedate = models.IntegerField(default=0)
    recurrence_parent = models.IntegerField(null=True, blank=True)
    recurrence_child = models.IntegerField(null=True, blank=True)
    priority = models.IntegerField(default=0)
    external_provider = models.CharField(max_length=255, null=True, blank=True)
    external_uri = models.CharField(max_length=255, null=True, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        db_table = "tasks"
        indexes = [
            models.Index(fields=["project", "is_active"], name="tasks_project_idx"),
            models.Index(fields=["column", "swimlane", "position"], name="tasks_cell_idx"),
            models.Index(fields=["reference"], name="tasks_reference_idx"),
            models.Index(fields=["owner_id"], name="tasks_owner_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"


class Subtask(models.Model):
    TODO, IN_PROGRESS, DONE = 0, 1, 2

    title = models.TextField()
    status = models.SmallIntegerField(default=TODO)
    time_estimated = models.FloatField(default=0)
    time_spent = models.FloatField(default=0)
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="subtasks")
    user_id = models.IntegerField(default=0)
    position = models.IntegerField(default=1)

    class Meta:
        db_table = "subtasks"
        ordering = ["position"]
        indexes = [models.Index(fields=["task"], name="subtasks_task_idx")]

    def __str__(self) -> str:
        return self.title


class SubtaskTimer(models.Model):
    """One timer of one user on one subtask; running while ``end`` is 0."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    subtask = models.ForeignKey(Subtask, on_delete=models.CASCADE, related_name="timers")
    start = models.BigIntegerField(default=0)
    end = models.BigIntegerField(default=0)
    time_spent = models.FloatField(default=0)

    class Meta:
        db_table = "subtask_time_tracking"

    def __str__(self) -> str:
        return f"timer of {self.user_id} on {self.subtask_id}"


class Comment(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="comments")
    user_id = models.IntegerField(default=0)
    date_creation = models.BigIntegerField()
    comment = models.TextField()
    reference = models.CharField(max_length=191, null=True, blank=True, default="")
    date_modification = models.BigIntegerField(null=True, blank=True)
    visibility = models.CharField(max_length=25, default="app-user")

    class Meta:
        db_table = "comments"
        indexes = [models.Index(fields=["task"], name="comments_task_idx")]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.task_id}"


class Tag(models.Model):
    """A tag of a project, or a global tag when ``project_id`` is 0."""

    name = models.CharField(max_length=255)
    project_id = models.IntegerField()
    color_id = models.CharField(max_length=50, null=True, blank=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        db_table = "tags"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["project_id", "name"], name="tags_project_name")
        ]

    def __str__(self) -> str:
        return self.name


class TaskTag(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_tags")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="task_tags")

    class Meta:
        db_table = "task_has_tags"
        constraints = [models.UniqueConstraint(fields=["tag", "task"], name="task_has_tags_unique")]

    def __str__(self) -> str:
        return f"{self.tag_id} on {self.task_id}"


class Link(models.Model):
    """A link label ("blocks"), paired with its opposite ("is blocked by")."""

    label = models.CharField(max_length=255, unique=True)
    opposite_id = models.IntegerField(default=0)

    class Meta:
        db_table = "links"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label


class TaskLink(models.Model):
    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="task_links")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="links")
    opposite_task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "task_has_links"
        indexes = [models.Index(fields=["task"], name="task_has_links_task_index")]
        constraints = [
            models.UniqueConstraint(
                fields=["link", "task", "opposite_task"], name="task_has_links_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_id} {self.link_id} {self.opposite_task_id}"


class ExternalLink(models.Model):
    link_type = models.CharField(max_length=100)
    dependency = models.CharField(max_length=100)
    title = models.TextField()
    url = models.TextField()
    date_creation = models.IntegerField()
    date_modification = models.IntegerField()
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="external_links")
    creator_id = models.IntegerField(default=0)

    class Meta:
        db_table = "task_has_external_links"
        indexes = [models.Index(fields=["task"], name="task_external_links_task_idx")]

    def __str__(self) -> str:
        return self.title


class TaskFile(models.Model):
    name = models.TextField()
    path = models.TextField(null=True, blank=True)
    is_image = models.BooleanField(default=False)
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="files")
    date = models.BigIntegerField(default=0)
    user_id = models.IntegerField(default=0)
    size = models.IntegerField(default=0)

    class Meta:
        db_table = "task_has_files"
        indexes = [models.Index(fields=["task"], name="files_task_idx")]

    def __str__(self) -> str:
        return self.name


class TaskMetadata(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="metadata")
    name = models.CharField(max_length=50)
    value = models.CharField(max_length=255, null=True, blank=True, default="")
    changed_by = models.IntegerField(default=0)
    changed_on = models.IntegerField(default=0)

    class Meta:
        db_table = "task_has_metadata"
        ordering = ["name"]
        verbose_name_plural = "task metadata"
        constraints = [
            models.UniqueConstraint(fields=["task", "name"], name="task_has_metadata_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Transition(models.Model):
    """A task moved from one column to another by a user."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    project = models.ForeignKey(Project, on_delete=models.CASCADE)
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="transitions")
    src_column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="+")
    dst_column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="+")
    date = models.BigIntegerField()
    time_spent = models.IntegerField(default=0)

    class Meta:
        db_table = "transitions"

    def __str__(self) -> str:
        return f"{self.task_id}: {self.src_column_id} -> {self.dst_column_id}"


class ProjectActivity(models.Model):
    """One entry of a project's activity stream (written for user callers only)."""

    date_creation = models.BigIntegerField()
    event_name = models.TextField()
    creator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="activities")
    data = models.TextField(null=True, blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        db_table = "project_activities"
        verbose_name_plural = "project activities"
        indexes = [models.Index(fields=["project", "-id"], name="project_activities_idx")]

    def __str__(self) -> str:
        return f"{self.event_name} on {self.task_id}"
