"""Whether anything was written to the database since a moment: a marker to compare.

On SQLite two numbers tell it without reading a table: ``PRAGMA data_version`` moves
whenever another connection (of this process or any other) commits to the database file,
and the connection's own ``total_changes`` moves with every row it changes, committed or
not. A marker also names the connection it was read on, since both numbers are per
connection. PostgreSQL has no such number that could be read without a round trip, and
inside a transaction a change may still be rolled back: there, no marker is given and the
caller reads the data itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connection

T = TypeVar("T")


def change_marker() -> tuple | None:
    """A value equal to an earlier one only if nothing was written in between; None when
    that cannot be told cheaply (PostgreSQL, or inside a transaction)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return None
    connection.ensure_connection()
    raw = connection.connection
    (data_version,) = raw.execute("PRAGMA data_version").fetchone()
    return (raw, data_version, raw.total_changes)


class ReadSinceLastWrite(threading.local):
    """Values read from the database, kept by this thread while nothing is written to it:
    ``get(key, read)`` answers what ``read()`` gave the last time while the change marker
    has not moved, and reads again otherwise (always, where there is no marker). The
    marker is taken before reading, so a write in between leaves a marker that no later
    call matches."""

    def __init__(self) -> None:
        self.marker: tuple | None = None
        self.values: dict = {}

    def get(self, key, read: Callable[[], T]) -> T:
        marker = change_marker()
        if marker is None:
            return read()
        if marker != self.marker:
            self.marker, self.values = marker, {}
        if key not in self.values:
            self.values[key] = read()
        return self.values[key]
