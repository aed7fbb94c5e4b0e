"""Task metadata: free name/value pairs kept on a task (Kanboard's TaskMetadataModel)."""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tasks.models import Task, TaskMetadata
from tasks.validation import text

NAME_MAX_LENGTH = 50
VALUE_MAX_LENGTH = 255


def save_task_metadata(task_id: int | None, values: dict | list, actor_id: int) -> bool:
    """Insert or replace every pair, all or nothing; values are stored as text. A JSON
    array names its values "0", "1", ... as PHP does."""
    pairs = values.items() if isinstance(values, dict) else enumerate(values)
    cleaned = {
        text(name, "name", NAME_MAX_LENGTH): text(value, "value", VALUE_MAX_LENGTH)
        for name, value in pairs
    }
    now = int(time.time())
    try:
        with transaction.atomic():
            if not Task.objects.filter(pk=task_id).exists():
                raise ValidationError("Unknown task")
            for name, value in cleaned.items():
                TaskMetadata.objects.update_or_create(
                    task_id=task_id,
                    name=name,
                    defaults={"value": value, "changed_by": actor_id, "changed_on": now},
                )
    except IntegrityError:
        raise ValidationError("The metadata could not be saved") from None
    return True


def remove_task_metadata(task_id: int | None, name) -> bool:
    deleted, _ = TaskMetadata.objects.filter(task_id=task_id, name=name).delete()
    return deleted > 0
