"""A project's metadata: free name/value pairs, values stored as text.

Names are at most 50 characters and values 255, the sizes of their columns on
PostgreSQL. Values are stored as PHP would write them, so every value reads as text.
"""

from __future__ import annotations

import time

from django.core.exceptions import ValidationError
from django.db import transaction

from kanboard_site.inputs import searchable, text
from projects.models import ProjectMetadata
from projects.positions import lock_project

NAME_MAX_LENGTH = 50
VALUE_MAX_LENGTH = 255


def save_metadata(project_id: int | None, values: dict | list, changed_by: int) -> None:
    """Insert or update every pair (a list counts as pairs "0", "1", ...), all or none."""
    pairs = values.items() if isinstance(values, dict) else enumerate(values)
    checked = {text(name, "metadata name", NAME_MAX_LENGTH): _value(value) for name, value in pairs}
    now = int(time.time())
    with transaction.atomic():
        # Serialises writers of the project, so two inserts of one new name cannot clash.
        if not lock_project(project_id):
            raise ValidationError("This project does not exist")
        for name, value in checked.items():
            ProjectMetadata.objects.update_or_create(
                project_id=project_id,
                name=name,
                defaults={"value": value, "changed_by": changed_by, "changed_on": now},
            )


def _value(value) -> str:
    """The text PHP would store: null and false are empty, true is "1"."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    return text(value, "metadata value", VALUE_MAX_LENGTH)


def remove_metadata(project_id: int | None, name) -> bool:
    name = searchable(name)
    if name is None:
        return False
    deleted, _ = ProjectMetadata.objects.filter(project_id=project_id, name=name).delete()
    return bool(deleted)
