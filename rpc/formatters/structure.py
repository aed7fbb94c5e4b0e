"""Columns, swimlanes and categories, as getColumns, getAllSwimlanes and getAllCategories
answer them: every column of the row in Kanboard's order, flags as 0/1."""

from __future__ import annotations

from django.db.models import Model

from projects.models import Category, Column, Swimlane
from rpc.formatters import flag

COLUMN_FIELDS = (
    "id", "title", "position", "project_id", "task_limit", "description", "hide_in_dashboard",
)  # fmt: skip
SWIMLANE_FIELDS = (
    "id", "name", "position", "is_active", "project_id", "description", "task_limit",
)  # fmt: skip
CATEGORY_FIELDS = ("id", "name", "project_id", "description", "color_id")
FLAGS = ("hide_in_dashboard", "is_active")


def column(row: Column | None) -> dict | None:
    return _row(row, COLUMN_FIELDS)


def swimlane(row: Swimlane | None) -> dict | None:
    return _row(row, SWIMLANE_FIELDS)


def category(row: Category | None) -> dict | None:
    return _row(row, CATEGORY_FIELDS)


def _row(row: Model | None, fields: tuple[str, ...]) -> dict | None:
    if row is None:
        return None
    values = {field: getattr(row, field) for field in fields}
    for field in FLAGS:
        if field in values:
            values[field] = flag(values[field])
    return values
