"""Kanboard's exact result shapes, one module per object family.

Keys come in Kanboard's order and with the JSON types Kanboard 1.2.53 answers on SQLite
(flags as 0/1 integers, whole numbers of hours as integers) whatever the database. List
formatters fetch what they need for the whole list at once, never per row. The shapes
that task events carry too (comments, subtasks, internal links) live in ``tasks.shapes``.
"""

from tasks.shapes import flag, number

__all__ = ["flag", "number"]
