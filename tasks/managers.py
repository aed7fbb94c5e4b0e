"""Which tasks, tags and activity events a query means, defined once."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from projects.models import Project


class TaskQuerySet(models.QuerySet):
    def open(self) -> TaskQuerySet:
        return self.filter(is_active=True)

    def in_cell(self, project_id: int, column_id: int, swimlane_id: int) -> TaskQuerySet:
        """The tasks of one board cell (a column within a swimlane) of the project."""
        return self.filter(project_id=project_id, column_id=column_id, swimlane_id=swimlane_id)

    def overdue(self, now: int) -> TaskQuerySet:
        """Open tasks of active projects whose due date has passed."""
        return self.filter(is_active=True, project__is_active=True, date_due__lte=now).exclude(
            date_due=0
        )

    def of_member(self, user_id: int) -> TaskQuerySet:
        """Tasks of the projects the user still belongs to (directly or through a group):
        losing a membership hides the tasks assigned in that project."""
        return self.filter(project__in=Project.objects.with_member(user_id).values("id"))

    def on_dashboard_of(self, user_id: int) -> TaskQuerySet:
        """The user's open work: assigned to them or holding one of their subtasks, in an
        active project, in a column shown on dashboards."""
        from tasks.models import Subtask

        mine = Q(owner_id=user_id) | Q(
            pk__in=Subtask.objects.filter(user_id=user_id).values("task_id")
        )
        return self.of_member(user_id).filter(
            mine, is_active=True, project__is_active=True, column__hide_in_dashboard=False
        )


class TagQuerySet(models.QuerySet):
    GLOBAL = 0

    def usable_in(self, project_id: int) -> TagQuerySet:
        """Global tags and the project's own."""
        return self.filter(project_id__in=(self.GLOBAL, project_id))

    def visible_to_member(self, user_id: int) -> TagQuerySet:
        """Global tags and the tags of the active projects the user belongs to."""
        project_ids = Project.objects.with_member(user_id).active().values("id")
        return self.filter(Q(project_id=self.GLOBAL) | Q(project_id__in=project_ids))


class ActivityQuerySet(models.QuerySet):
    def newest_of(self, project_ids, limit: int) -> ActivityQuerySet:
        return (
            self.filter(project_id__in=project_ids)
            .select_related("creator")
            .order_by("-id")[:limit]
        )
