"""Writes to a project's categories, shared by the API and the admin.

Names are required, at most 191 characters (Kanboard's validator) and unique in their
project regardless of case (as on Kanboard's SQLite). ``color_id`` is stored as given,
up to the 50 characters of its column.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kanboard_site.inputs import integer, optional_text, text
from projects.models import Category, Project
from tasks.models import Task

NAME_MAX_LENGTH = 191
COLOR_MAX_LENGTH = 50
DUPLICATE_NAME = "Another category of this project has this name"


def create_category(project_id, name, color_id=None) -> int:
    """The new category's id."""
    project_id = _required_integer(project_id, "project id")
    values = _category_values(name, color_id)
    try:
        with transaction.atomic():
            if not Project.objects.filter(pk=project_id).exists():
                raise ValidationError("This project does not exist")
            category = Category.objects.create(project_id=project_id, **values)
    except IntegrityError:
        raise ValidationError(DUPLICATE_NAME) from None
    return category.pk


def update_category(category_id, name, color_id=None) -> None:
    """Rename; ``color_id`` is always written, so omitting it clears it (Kanboard's
    rule). An unknown category is no error."""
    category_id = _required_integer(category_id, "category id")
    values = _category_values(name, color_id)
    try:
        with transaction.atomic():
            Category.objects.filter(pk=category_id).update(**values)
    except IntegrityError:
        raise ValidationError(DUPLICATE_NAME) from None


def _required_integer(value, field: str) -> int:
    """Kanboard's Required and Integer rules on an id."""
    if value is None or value == "":
        raise ValidationError(f"The {field} is required")
    return integer(value, field)


def _category_values(name, color_id) -> dict:
    return {
        "name": text(name, "name", NAME_MAX_LENGTH, required=True),
        "color_id": optional_text(color_id, "color", COLOR_MAX_LENGTH),
    }


def remove_category(category_id: int | None) -> bool:
    """Delete the category; the tasks in it keep going without one (category 0)."""
    with transaction.atomic():
        Task.objects.filter(category_id=category_id).update(category_id=0)
        deleted, _ = Category.objects.filter(pk=category_id).delete()
        if not deleted:
            transaction.set_rollback(True)
    return bool(deleted)
