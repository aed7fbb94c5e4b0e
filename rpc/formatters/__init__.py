"""Kanboard's exact result shapes, one module per object family.

Keys come in Kanboard's order and with the JSON types Kanboard 1.2.53 answers on SQLite
(flags as 0/1 integers, whole numbers of hours as integers) whatever the database. List
formatters fetch what they need for the whole list at once, never per row.
"""

from tasks.events import plain as number


def flag(value) -> int:
    """A boolean column as Kanboard's SQLite returns it: 0 or 1."""
    return 1 if value else 0


__all__ = ["flag", "number"]
