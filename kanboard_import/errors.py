"""Why an import stops; the command prints the message, and nothing has been imported."""

from __future__ import annotations


class ImportRefused(Exception):
    """The source or the target is not fit for an import (version, non-empty target...)."""


class RowRejected(ImportRefused):
    """A source row this server's database refuses; names the table and the row."""

    def __init__(self, table: str, row: dict, reason: str) -> None:
        shown = ", ".join(f"{name}={value!r}" for name, value in list(row.items())[:4])
        super().__init__(f"table {table}, row ({shown}): {reason}")
        self.table = table
        self.row = row
