"""The storage and the file rows, compared: rows whose blob is missing, and blobs that no
row uses (left by a crash, an operator, or an import), for ``manage.py check_files``."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from projects.models import ProjectFile
from tasks.models import TaskFile
from tasks.storage import delete_exactly, file_storage, stored_keys, thumbnail_key

logger = logging.getLogger(__name__)


@dataclass
class FileCheck:
    # (kind, row id, path) of rows whose blob is not in the storage
    missing: list[tuple[str, int, str | None]] = field(default_factory=list)
    # keys of blobs (thumbnails included) that no row uses
    orphans: list[str] = field(default_factory=list)


def check_files() -> FileCheck:
    try:
        stored = set(stored_keys())
    except FileNotFoundError:  # a new installation has no storage folder yet
        stored = set()
    rows = [("task file", pk, path) for pk, path in TaskFile.objects.values_list("pk", "path")]
    rows += [
        ("project file", pk, path) for pk, path in ProjectFile.objects.values_list("pk", "path")
    ]
    used = {path for _, _, path in rows if path}
    used |= {thumbnail_key(path) for path in used}
    return FileCheck(
        missing=sorted(row for row in rows if row[2] not in stored),
        orphans=sorted(stored - used),
    )


def delete_orphans(orphans: list[str], min_age: timedelta) -> list[str]:
    """Delete the orphan blobs older than ``min_age`` (a younger one may belong to an
    upload whose row is not committed yet); the keys deleted."""
    storage = file_storage()
    cutoff = timezone.now() - min_age
    old_enough = []
    for key in orphans:
        try:
            if storage.get_modified_time(key) <= cutoff:
                old_enough.append(key)
        except Exception:
            logger.warning("cannot read the age of %r", key, exc_info=True)
    delete_exactly(old_enough)
    return old_enough
