"""Kanboard's shapes of the rows that task events carry and the API answers (comments,
subtasks, internal links): below both the domain functions that emit the events and the
API's formatters, which use them as they are."""

from tasks.events import plain as number


def flag(value) -> int:
    """A boolean column as Kanboard's SQLite returns it: 0 or 1."""
    return 1 if value else 0


__all__ = ["flag", "number"]
