"""Kanboard's notification tables: which projects a user follows, which channels a project
uses, and the web notifications a user has not read yet."""

from __future__ import annotations

from django.db import models

from accounts.models import User
from projects.models import Project


class UserProjectNotification(models.Model):
    """A project a user selected in their notification settings; a user who selected none
    is notified for every project they are a member of."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notification_projects")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "user_has_notifications"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"], name="user_has_notifications_project_id_user_id_key"
            )
        ]

    def __str__(self) -> str:
        return f"user {self.user_id} follows project {self.project_id}"


class ProjectNotificationType(models.Model):
    """A project-level channel (Kanboard's project notification types)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    notification_type = models.CharField(max_length=50)

    class Meta:
        db_table = "project_has_notification_types"
        constraints = [
            models.UniqueConstraint(
                fields=["project", "notification_type"],
                name="project_has_notification_types_project_id_notification_type_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.notification_type}"


class UnreadNotification(models.Model):
    """A web notification: the event as Kanboard stores it (its data as JSON text), until
    the user reads or dismisses it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="unread_notifications")
    date_creation = models.BigIntegerField()
    event_name = models.TextField()
    event_data = models.TextField()

    class Meta:
        db_table = "user_has_unread_notifications"
        indexes = [models.Index(fields=["user", "date_creation"], name="unread_notif_user_date")]

    def __str__(self) -> str:
        return f"{self.event_name} for user {self.user_id}"


class FinishedJob(models.Model):
    """A notification job whose work has committed. The job writes this row in the same
    transaction as its deliveries; a copy of the job run again (its worker died before
    marking it done, and a lease recovery put it back in the queue) finds the row and
    does nothing."""

    # The queue's id of the job: a UUID for the database backend, any string for others.
    job_id = models.CharField(max_length=64, primary_key=True)
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "notification_finished_jobs"

    def __str__(self) -> str:
        return f"job {self.job_id}"
