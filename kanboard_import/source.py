"""Reading a Kanboard database: its schema version, tables, columns and rows.

Only Kanboard's SQLite database is read (Kanboard's default ``data/db.sqlite``). It is
opened read-only, so a database that Kanboard is still using is never written to; copy it
with SQLite's online backup (``sqlite3 db.sqlite ".backup copy.sqlite"``) to import a
consistent snapshot of a running Kanboard.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kanboard_import.errors import ImportRefused

# Kanboard 1.2.53's SQLite schema version (``VERSION`` of its app/Schema/Sqlite.php),
# which Kanboard keeps in SQLite's ``user_version``.
SUPPORTED_SCHEMA_VERSION = 128


@dataclass(frozen=True)
class SourceColumn:
    name: str
    default: str | None  # the SQL text of the column's default, as SQLite reports it


class KanboardSource:
    """A Kanboard SQLite database, opened read-only."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ImportRefused(f"{self.path}: no such file")
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            self.connection = sqlite3.connect(uri, uri=True)
            self.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ImportRefused(f"{self.path} is not a SQLite database: {exc}") from exc
        self._tables = {
            name
            for (name,) in self.connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        }

    def close(self) -> None:
        self.connection.close()

    def schema_version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    def check_schema_version(self) -> None:
        found = self.schema_version()
        if found != SUPPORTED_SCHEMA_VERSION or "users" not in self._tables:
            raise ImportRefused(
                f"{self.path}: Kanboard schema version {found} found, "
                f"{SUPPORTED_SCHEMA_VERSION} expected (Kanboard 1.2.53); upgrade Kanboard "
                "to 1.2.53 and open it once so that it migrates its database"
            )

    def has_table(self, table: str) -> bool:
        return table in self._tables

    def columns(self, table: str) -> list[SourceColumn]:
        rows = self.connection.execute(f'PRAGMA table_info("{table}")').fetchall()
        return [SourceColumn(name=row[1], default=row[4]) for row in rows]

    def count(self, table: str) -> int:
        return self.connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608

    def rows(self, table: str, columns: list[str], order_by: str | None) -> Iterator[tuple]:
        selected = ", ".join(f'"{column}"' for column in columns)
        order = f' ORDER BY "{order_by}"' if order_by else ""
        cursor = self.connection.execute(f'SELECT {selected} FROM "{table}"{order}')  # noqa: S608
        while batch := cursor.fetchmany(5000):
            yield from batch

    def count_not_default(self, table: str, column: SourceColumn) -> int:
        """Rows whose ``column`` holds something other than NULL or the column's default."""
        condition = f'"{column.name}" IS NOT NULL'
        if column.default is not None:
            condition += f' AND "{column.name}" IS NOT {column.default}'
        query = f'SELECT count(*) FROM "{table}" WHERE {condition}'  # noqa: S608
        return self.connection.execute(query).fetchone()[0]

    def highest_ids_handed_out(self) -> dict[str, int]:
        """{table: highest id} from ``sqlite_sequence``, for tables declared AUTOINCREMENT.

        Kanboard's own schema declares none, so SQLite reuses the highest id after its row
        is deleted and a stock database has no such record; a database that went through
        other tools may have one, and then ids continue after it."""
        if "sqlite_sequence" not in self._tables:
            return {}
        return dict(self.connection.execute("SELECT name, seq FROM sqlite_sequence"))
