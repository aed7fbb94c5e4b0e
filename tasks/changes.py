"""Task events that carry the changed values, as Kanboard's TaskEventBuilder builds them."""

from __future__ import annotations

from typing import Any

from tasks import events


def php_string(value: Any) -> str:
    """How PHP compares array values in array_diff_assoc: as strings."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    return str(events.plain(value))


def changed_values(values: dict, before: dict) -> dict:
    """The values that differ from ``before`` (date_modification never counts)."""
    return {
        field: value
        for field, value in values.items()
        if field != "date_modification"
        and (field not in before or php_string(value) != php_string(before[field]))
    }


def emit_change(
    name: str, task_id: int, actor_id: int, changes: dict, before: dict | None = None, **values
) -> None:
    """Emit ``name`` with the changes that differ from ``before`` (by default the task as
    it is now) and ``values`` merged into the event data."""
    if before is None:
        before = events.task_details(task_id) or {}
    events.emit(name, task_id, actor_id, changes=changed_values(changes, before), **values)
