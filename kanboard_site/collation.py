"""Byte-order sorting of text, as Kanboard's SQLite sorts it, on every database."""

from __future__ import annotations

from django.db import connection
from django.db.models.functions import Collate

BINARY_COLLATION = {"postgresql": "C", "sqlite": "BINARY"}


def bytewise(field: str) -> Collate:
    """``field`` compared byte by byte (upper case before lower case, 'Z' before 'a')."""
    return Collate(field, BINARY_COLLATION[connection.vendor])
