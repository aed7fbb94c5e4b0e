"""Removing projects completely: every row that belongs to them, and their file blobs."""

from __future__ import annotations

from django.db import transaction

from projects.models import Project, ProjectFile
from tasks.models import Tag, TaskFile
from tasks.storage import delete_unreferenced_after_commit


def remove_projects(projects) -> int:
    """Delete the projects of the queryset; the number deleted.

    Columns, swimlanes, tasks and everything on them, categories, memberships, metadata,
    actions and activity go by cascade. Tags have no foreign key to their project
    (project 0 means a global tag), so they are deleted here, and blobs after commit.
    """
    with transaction.atomic():
        project_ids = list(projects.values_list("id", flat=True))
        if not project_ids:
            return 0
        blob_keys = set(
            ProjectFile.objects.filter(project_id__in=project_ids).values_list("path", flat=True)
        )
        blob_keys |= set(
            TaskFile.objects.filter(task__project_id__in=project_ids).values_list("path", flat=True)
        )
        Tag.objects.filter(project_id__in=project_ids).delete()
        Project.objects.filter(id__in=project_ids).delete()
        delete_unreferenced_after_commit({key for key in blob_keys if key})
    return len(project_ids)
