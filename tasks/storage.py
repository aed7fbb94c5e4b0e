"""Where uploaded files live: ``FILE_STORAGE_DIR/<key>``, with keys made by the server.

Blobs follow the database: a removed file's blob is deleted only after the removal has
committed, and only when no other row (a duplicated task's file) still uses it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction

logger = logging.getLogger(__name__)


def blob_path(key: str) -> Path | None:
    """The file for a storage key, or None when the key points outside the storage root."""
    root = Path(settings.FILE_STORAGE_DIR).resolve()
    path = (root / key).resolve()
    return path if path.is_relative_to(root) and path != root else None


def delete_unreferenced_after_commit(keys: set[str]) -> None:
    if keys:
        transaction.on_commit(lambda: delete_unreferenced(keys))


def delete_unreferenced(keys: set[str]) -> None:
    from projects.models import ProjectFile
    from tasks.models import TaskFile

    still_used = set(TaskFile.objects.filter(path__in=keys).values_list("path", flat=True))
    still_used |= set(ProjectFile.objects.filter(path__in=keys).values_list("path", flat=True))
    for key in keys - still_used:
        path = blob_path(key)
        if path is None:
            logger.warning("refusing to delete %r: outside the file storage", key)
            continue
        path.unlink(missing_ok=True)
